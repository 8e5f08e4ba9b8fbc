"""A convolution's output gradient in window order, made image range by image range by its reader.

The conv block (model/layers/conv_block.py) routes each pooling window's gradient
to its winner and adds batch norm's terms; the convolution's backward pass then
reads the result. Made as a pass of its own over all images, the result leaves
the cache before the convolution reads it back, and the pass costs one more
hand-over between threads. So the block hands the convolution a WindowGrad
instead: the convolution's task for images [a, b) first calls fill(a, b), which
writes array[a:b], and reads it while it is in cache. Every image is filled by
exactly one task, and what fill writes depends on the image only, so the result
is the same for any tasks and threads.
"""

from __future__ import annotations

from typing import Callable

import numpy as np


class WindowGrad:
    """array (N, 4, L): the gradient in window order once filled; fill(a, b) writes array[a:b]."""

    ndim = 3

    def __init__(self, array: np.ndarray, fill: Callable[[int, int], None]):
        self.array, self.fill = array, fill
        self.shape, self.dtype = array.shape, array.dtype


def unpack(dout) -> tuple[np.ndarray, Callable[[int, int], None] | None]:
    """(the array, its fill or None): a backward pass takes a plain array or a WindowGrad."""
    if isinstance(dout, WindowGrad):
        return dout.array, dout.fill
    return dout, None
