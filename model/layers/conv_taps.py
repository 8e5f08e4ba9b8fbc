"""Convolution of single-channel images (the networks' first layer) as k² shifted copies and one product.

im2col's columns hold k * k values per output pixel; with one input channel a
window row is only k values long, so copying windows moves a few floats at a
time. Here the columns are built transposed instead, tap by tap: row (i, j) of
cols (k², N * OH * OW) is the padded image shifted by (i, j), a copy of whole
image rows. Then out = cols.T @ W (N * OH * OW, F), channels-last as the
package's memory convention wants, and the weight gradient is cols @ dout. A
row of ones in cols and the bias as a row of W add the bias in the same product.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import as_strided

from model import parallel
from model.layers import window_grad
from model.layers.scratch import Scratch, row_sum


class Taps:
    """The arrays of one single-channel convolution layer, kept between calls."""

    def __init__(self, kernel: int, stride: int):
        self.kernel, self.stride = kernel, stride

    def _pixels(self, xp: np.ndarray, oh: int, ow: int, window_order: bool, taps: bool = True) -> np.ndarray:
        """The view of padded images xp (B, ., .) that the taps multiply, one call's worth:
        element [i, j, n, y, x] is xp[n, s * y + i, s * x + j] (without the tap axes when not taps:
        tap (0, 0) of xp[:, i:, j:]). In window order (stride 1, OH and OW even), (y, x) becomes
        (position in the 2 x 2 window, window row, window column): model/layers/conv_block.py."""
        k, s = self.kernel, self.stride
        s0, s1, s2 = xp.strides
        if window_order:
            shape, strides = (len(xp), 2, 2, oh // 2, ow // 2), (s0, s1, s2, 2 * s1, 2 * s2)
        else:
            shape, strides = (len(xp), oh, ow), (s0, s * s1, s * s2)
        if taps:
            shape, strides = (k, k, *shape), (s1, s2, *strides)
        return as_strided(xp, shape, strides, writeable=not taps)

    def forward(self, x: np.ndarray, weight: np.ndarray, bias: np.ndarray, padding: int,
                scratch: Scratch, planes: np.ndarray | None = None, sums: bool = False) -> np.ndarray:
        """x (N, 1, H, W), weight (F, 1, k, k), bias (F,) -> (N, F, OH, OW), channels-last in memory.

        planes: an (N, 4, OH * OW / 4 * F) array to write the output into in window order
        instead (stride 1, OH and OW even), which is then returned. sums: also keep the output's
        per-channel sums in plane_sums (F,) (batch norm's mean), from the columns' row sums.
        A batch's images spread over model.parallel's threads."""
        n, _, h, w = x.shape
        k, s, p, f = self.kernel, self.stride, padding, weight.shape[0]
        oh, ow = (h + 2 * p - k) // s + 1, (w + 2 * p - k) // s + 1
        xp = scratch.get("padded", (n, h + 2 * p, w + 2 * p), x.dtype)  # the zero border is never written
        # Row k² of cols is all ones and row k² of the weights the bias: the product adds it.
        cols = scratch.get("cols", (k * k + 1, n, oh * ow), x.dtype)
        wmat = np.concatenate([weight.reshape(f, k * k).T, bias[None]])
        out = np.empty((n * oh * ow, f), x.dtype) if planes is None else planes.reshape(-1, f)
        order = planes is not None

        def part(a: int, b: int) -> None:
            xp[a:b, p:p + h, p:p + w] = x[a:b, 0]
            cols[-1, a:b] = 1
            # All k² shifted copies in one call (fewer GIL-holding calls while other threads wait).
            shifted = self._pixels(xp[a:b], oh, ow, order)
            np.copyto(cols[:-1, a:b].reshape(shifted.shape), shifted)
            np.matmul(cols[:, a:b].reshape(k * k + 1, -1).T, wmat, out=out[a * oh * ow:b * oh * ow])

        parallel.for_spans(n, cols[:, :1].nbytes, part)
        if sums:  # the output is cols.T @ wmat: its column sums are cols' row sums @ wmat (10 numbers, not 16 x N x OH x OW)
            self.plane_sums = row_sum(cols.reshape(k * k + 1, -1)) @ wmat
        self._x_shape, self._padding, self._order = x.shape, padding, order
        return planes if order else out.reshape(n, oh, ow, f).transpose(0, 3, 1, 2)

    def backward(self, dout: np.ndarray, weight: np.ndarray, scratch: Scratch, input_grad: bool):
        """(dweight (F, 1, k, k), dbias (F,), dx (N, 1, H, W) or None) for dout (N, F, OH, OW),
        or (N, 4, OH * OW / 4 * F) after a forward in window order (an array, or a WindowGrad whose
        images each part fills first: model/layers/window_grad.py), after the forward pass just
        before (its columns are in scratch). The images' sums are added in an order that does
        not depend on model.parallel's thread count."""
        n, _, h, w = self._x_shape
        k, s, p, f = self.kernel, self.stride, self._padding, weight.shape[0]
        oh, ow = (h + 2 * p - k) // s + 1, (w + 2 * p - k) // s + 1
        dout, fill = window_grad.unpack(dout)
        # No copy when dout is channels-last or in window order.
        dmat = dout.reshape(-1, f) if self._order else dout.transpose(0, 2, 3, 1).reshape(-1, f)
        cols = scratch.get("cols", (k * k + 1, n, oh * ow), dout.dtype)
        dxp = np.empty((n, h + 2 * p, w + 2 * p), dout.dtype) if input_grad else None
        taps = weight.reshape(f, k * k)

        def part(a: int, b: int) -> np.ndarray:
            if fill is not None:
                fill(a, b)
            rows = dmat[a * oh * ow:b * oh * ow]
            if input_grad:
                dxp[a:b] = 0
                for i in range(k):
                    for j in range(k):
                        pixels = self._pixels(dxp[a:b, i:, j:], oh, ow, self._order, taps=False)
                        pixels += (rows @ taps[:, i * k + j]).reshape(pixels.shape)
            return cols[:, a:b].reshape(k * k + 1, -1) @ rows  # (k² + 1, F): the ones row gives the bias's

        grads = parallel.sum_over_spans(n, cols[:, :1].nbytes, part)
        dweight, dbias = grads[:-1].T.reshape(f, 1, k, k), grads[-1]
        return dweight, dbias, dxp[:, None, p:p + h, p:p + w] if input_grad else None
