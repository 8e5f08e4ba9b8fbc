"""Scratch arrays a layer reuses from one training step to the next.

A fresh large array costs a page fault per 4 KiB the first time it is written,
which for the presets' activations takes as long as the arithmetic on them. So
the fast layers keep their intermediate arrays (masks, im2col columns, padded
copies) and write into them again on the next step. Only arrays nobody else
holds are kept this way: a layer's output, which the next layer may keep for
its backward pass, is always a fresh array.
"""

from __future__ import annotations

import numpy as np


def channels_last(x: np.ndarray) -> bool:
    """Whether (N, C, H, W) x lies in memory as (N, H, W, C), the package's convention."""
    return x.ndim == 4 and x.transpose(0, 2, 3, 1).flags.c_contiguous


class Scratch:
    """Named arrays kept between calls; get() hands back the same one while the shape holds."""

    def __init__(self):
        self._arrays: dict[str, np.ndarray] = {}

    def get(self, name: str, shape: tuple[int, ...], dtype, zeros: bool = False) -> np.ndarray:
        """An array of shape and dtype; its old contents unless it is new (then zeros)."""
        shape = tuple(int(s) for s in shape)
        a = self._arrays.get(name)
        if a is None or a.shape != shape or a.dtype != dtype:
            a = self._arrays[name] = np.zeros(shape, dtype)
        elif zeros:
            a[...] = 0
        return a

    def like(self, name: str, shape: tuple[int, int, int, int], dtype, last: bool) -> np.ndarray:
        """An (N, C, H, W) array, laid out channels-last in memory when `last`."""
        if not last:
            return self.get(name, shape, dtype)
        n, c, h, w = shape
        return self.get(name, (n, h, w, c), dtype).transpose(0, 3, 1, 2)
