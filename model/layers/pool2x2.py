"""Max pooling over 2x2 windows with stride 2, the presets' pooling, in two halving passes.

A 2x2 window's maximum is the larger of its two rows' maxima. So forward first
takes the maximum of each pair of neighbouring columns, then of each pair of
neighbouring rows of that: two passes over slices that copy nothing, in the
memory layout x has. Each pass keeps a mask "the second one was strictly larger",
so a tie goes to the first column, then to the first row: together the first
maximum in row-major window order, as MaxPool2d and model/layers/reference.py
define it. Backward undoes the passes in reverse, routing the gradient with the
masks; every input gets its gradient written exactly once.

x: (N, C, H, W) -> (N, C, H // 2, W // 2); an odd last row or column is in no window.
"""

from __future__ import annotations

import numpy as np

from model import parallel
from model.layers.scratch import Scratch, channels_last


def _even(x: np.ndarray) -> np.ndarray:
    """x without an odd last row or column (floor mode)."""
    h, w = x.shape[2] // 2 * 2, x.shape[3] // 2 * 2
    return x[:, :, :h, :w]


def forward(x: np.ndarray, masks: bool, scratch: Scratch | None = None):
    """(out, took): took = (right column won, lower row won) when masks, else None.

    scratch: where the column pass's maxima and the masks are kept between calls.
    A batch's images spread over model.parallel's threads.
    """
    scratch = scratch if scratch is not None else Scratch()
    x, last = _even(x), channels_last(x)
    n, c, h, w = x.shape
    rows = scratch.like("rows", (n, c, h, w // 2), x.dtype, last)
    out = _empty((n, c, h // 2, w // 2), x.dtype, last)
    took = None
    if masks:
        took = (scratch.like("right_won", rows.shape, bool, last), scratch.like("bottom_won", out.shape, bool, last))

    def part(a: int, b: int) -> None:
        left, right = x[a:b, :, :, 0::2], x[a:b, :, :, 1::2]
        np.maximum(left, right, out=rows[a:b])
        top, bottom = rows[a:b, :, 0::2], rows[a:b, :, 1::2]
        np.maximum(top, bottom, out=out[a:b])
        if masks:
            np.greater(right, left, out=took[0][a:b])
            np.greater(bottom, top, out=took[1][a:b])

    parallel.for_spans(n, x[:1].nbytes, part)
    return out, took


def _empty(shape: tuple[int, int, int, int], dtype, last: bool) -> np.ndarray:
    n, c, h, w = shape
    return np.empty((n, h, w, c), dtype).transpose(0, 3, 1, 2) if last else np.empty(shape, dtype)


def backward(dout: np.ndarray, x: np.ndarray, took: tuple[np.ndarray, np.ndarray],
             scratch: Scratch | None = None) -> np.ndarray:
    """dx (shape of x): dout routed back through the row pass, then the column pass."""
    scratch = scratch if scratch is not None else Scratch()
    right_won, bottom_won = took
    dx = np.empty_like(x) if _even(x).shape == x.shape else np.zeros_like(x)
    even = _even(dx)
    # drows: the gradient of the column pass's output, (N, C, H, W // 2).
    drows = scratch.like("drows", right_won.shape, dx.dtype, channels_last(x))

    def part(a: int, b: int) -> None:
        d, e = drows[a:b], even[a:b]
        np.multiply(dout[a:b], bottom_won[a:b], out=d[:, :, 1::2])
        np.subtract(dout[a:b], d[:, :, 1::2], out=d[:, :, 0::2])
        np.multiply(d, right_won[a:b], out=e[:, :, :, 1::2])
        np.subtract(d, e[:, :, :, 1::2], out=e[:, :, :, 0::2])

    parallel.for_spans(len(x), x[:1].nbytes, part)
    return dx
