"""Pooling layers: max, average and global average over the spatial axes."""

from __future__ import annotations

import numpy as np

from model.layers import pool2x2
from model.layers.base import Layer
from model.layers.conv import SMALL_BATCH, conv_output_size
from model.layers.scratch import Scratch


def window_views(x: np.ndarray, kernel: int, stride: int) -> list[np.ndarray]:
    """One view of x per kernel offset (i, j): element [n, c, a, b] of view (i, j) is
    x[n, c, a * stride + i, b * stride + j]. x: (N, C, H, W) -> kernel**2 views (N, C, OH, OW).

    When the windows tile the image exactly (stride == kernel and the size divides),
    the views come from reshaping to (N, C, OH, k, OW, k); otherwise from strided
    slices, which drop the rows and columns no window reaches (floor mode). Either
    way nothing is copied, and writing into the views of an output array scatters.
    """
    n, c, h, w = x.shape
    oh, ow = conv_output_size(h, kernel, stride, 0), conv_output_size(w, kernel, stride, 0)
    if stride == kernel and h % kernel == 0 and w % kernel == 0:
        tiles = x.reshape(n, c, oh, kernel, ow, kernel)
        return [tiles[:, :, :, i, :, j] for i in range(kernel) for j in range(kernel)]
    return [x[:, :, i:i + stride * (oh - 1) + 1:stride, j:j + stride * (ow - 1) + 1:stride]
            for i in range(kernel) for j in range(kernel)]


class _Pool2d(Layer):
    """Shared options and shapes of the windowed pools. stride defaults to kernel_size."""

    def __init__(self, kernel_size: int = 2, stride: int | None = None):
        self.kernel_size = int(kernel_size)
        self.stride = self.kernel_size if stride is None else int(stride)
        if self.kernel_size < 1 or self.stride < 1:
            raise ValueError("kernel_size and stride must be positive")

    def spec(self):
        return {"type": type(self).__name__, "kernel_size": self.kernel_size, "stride": self.stride}

    def output_shape(self, input_shape):
        if len(input_shape) != 3:
            raise ValueError(f"expects (C, H, W), gets {tuple(input_shape)}")
        c, h, w = input_shape
        k, s = self.kernel_size, self.stride
        if h < k or w < k:
            raise ValueError(f"a {k}x{k} window does not fit a {h}x{w} image")
        return (c, conv_output_size(h, k, s, 0), conv_output_size(w, k, s, 0))

    def _overlapping(self) -> bool:
        return self.stride < self.kernel_size

    def _tiles(self, x: np.ndarray) -> bool:
        """Whether the windows cover every pixel of x exactly once."""
        k = self.kernel_size
        return self.stride == k and x.shape[2] % k == 0 and x.shape[3] % k == 0


class MaxPool2d(_Pool2d):
    """The largest value of each k x k window. x: (N, C, H, W) -> (N, C, OH, OW).

    model/layers/reference.py holds the same forward and backward as plain loops.

    Backward routes each window's gradient to one input: the first maximum in
    row-major window order, so ties (common after ReLU: all-zero windows) never
    double the gradient. The presets' 2x2 windows with stride 2 take a faster
    path (model/layers/pool2x2.py).
    """

    def __init__(self, kernel_size: int = 2, stride: int | None = None):
        super().__init__(kernel_size, stride)
        self._scratch, self._small_scratch = Scratch(), Scratch()

    def forward(self, x, train=False):
        self._x = x
        if self._pairs():
            # Inference on a large batch takes fresh arrays, so an evaluation's are not kept alive
            # afterwards; on a few images (a drawn digit) it keeps its own small ones.
            scratch = self._scratch if train else self._small_scratch if len(x) <= SMALL_BATCH else None
            self._out, self._took = pool2x2.forward(x, train, scratch)
            return self._out
        views = window_views(x, self.kernel_size, self.stride)
        out = views[0].copy(order="K")
        # took[v]: view v holds a value strictly above every earlier view's, so the
        # last view that took the running maximum holds its first occurrence.
        self._took = []
        for v in views[1:]:
            if train:
                self._took.append(np.greater(v, out))
            np.maximum(out, v, out=out)
        self._out = out
        return out

    def _pairs(self) -> bool:
        return self.kernel_size == self.stride == 2

    def backward(self, dout):
        # Work in the memory layout of x (see the package's memory convention): mixed
        # layouts make every element-wise pass below several times slower.
        dout = _like(dout, self._out)
        if self._pairs():
            took = self._took or pool2x2.forward(self._x, True)[1]
            return pool2x2.backward(dout, self._x, took, self._scratch)
        took = self._took if len(self._took) == self.kernel_size**2 - 1 else self._masks()
        dx = np.empty_like(self._x) if self._tiles(self._x) else np.zeros_like(self._x)
        dx_views = window_views(dx, self.kernel_size, self.stride)
        # Walk the views backwards: the last one that took the maximum is the winner.
        rest = dout.copy(order="K")
        share = np.empty_like(rest)
        for dxv, t in zip(reversed(dx_views[1:]), reversed(took)):
            np.multiply(rest, t, out=share)
            rest -= share
            if self._overlapping():
                dxv += share
            else:
                dxv[...] = share
        if self._overlapping():
            dx_views[0] += rest
        else:
            dx_views[0][...] = rest
        return dx

    def _masks(self) -> list[np.ndarray]:
        """The forward pass's `took` masks, for a backward after an inference forward."""
        views = window_views(self._x, self.kernel_size, self.stride)
        best, took = views[0].copy(order="K"), []
        for v in views[1:]:
            took.append(np.greater(v, best))
            np.maximum(best, v, out=best)
        return took


def _like(a: np.ndarray, template: np.ndarray) -> np.ndarray:
    """a (same shape as template) in template's memory layout; a itself if it already is."""
    if a.strides == template.strides:
        return a
    out = np.empty_like(template)
    out[...] = a
    return out


class AvgPool2d(_Pool2d):
    """The mean of each k x k window. x: (N, C, H, W) -> (N, C, OH, OW)."""

    def forward(self, x, train=False):
        views = window_views(x, self.kernel_size, self.stride)
        out = views[0].copy(order="K")
        for v in views[1:]:
            out += v
        out *= out.dtype.type(1 / len(views))
        self._x = x
        return out

    def backward(self, dout):
        dx = np.zeros_like(self._x)
        share = dout * dout.dtype.type(1 / self.kernel_size**2)
        for dxv in window_views(dx, self.kernel_size, self.stride):
            dxv += share
        return dx


class GlobalAvgPool2d(Layer):
    """The mean of each channel over all pixels. x: (N, C, H, W) -> (N, C)."""

    def forward(self, x, train=False):
        self._x_shape = x.shape
        return x.mean(axis=(2, 3))

    def backward(self, dout):
        n, c, h, w = self._x_shape
        share = dout * dout.dtype.type(1 / (h * w))
        return np.broadcast_to(share[:, :, None, None], self._x_shape).copy()

    def output_shape(self, input_shape):
        if len(input_shape) != 3:
            raise ValueError(f"expects (C, H, W), gets {tuple(input_shape)}")
        return (input_shape[0],)
