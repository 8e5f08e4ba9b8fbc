"""The 2-D convolution layer, vectorised with im2col and one matrix product, or a faster algorithm.

Two shapes take a faster path with the same results: single-channel input
(model/layers/conv_taps.py) and stride-1 3x3 or 5x5 kernels (Winograd,
model/layers/winograd.py). Everything else, and the tests' reference point for
the fast paths besides model/layers/reference.py, is im2col here.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from model.init import init_weight
from model.layers.base import Layer, Parameter
from model.layers.conv_taps import Taps
from model.layers.scratch import Scratch
from model.layers.winograd import Winograd

# Bytes of im2col columns built at a time: a few MiB stay in cache between the
# copy that builds them and the matrix product that reads them.
COLS_BLOCK_BYTES = 5 * 2**20
# A batch whose columns take at most this many bytes is one block, and its
# columns are kept from forward to backward rather than built again.
KEEP_COLS_BYTES = 16 * 2**20
# Kernel sizes for which Winograd's F(2x2, k x k) measured faster than im2col (tools/profile_step.py).
WINOGRAD_KERNELS = (3, 5)
# Inference batches up to this many images keep their scratch arrays: fresh ones cost
# more page faults than one digit's arithmetic.
SMALL_BATCH = 16


def conv_output_size(size: int, kernel: int, stride: int, padding: int) -> int:
    """Output length along one axis (floor mode, as PyTorch): (size + 2p - k) // s + 1."""
    return (size + 2 * padding - kernel) // stride + 1


class Conv2d(Layer):
    """Cross-correlation of NCHW images with a bank of filters (the book's `Convolution`).

    x: (N, C, H, W) -> y: (N, F, OH, OW), OH = (H + 2p - k) // s + 1.
    weight: (F, C, k, k) as in PyTorch, bias: (F,).

    Works channels-last (the package's memory convention, model/layers/__init__.py):
    im2col copies the windows into cols (B * OH * OW, k * k * C) and each block
    of B images is one matrix product cols @ W. `fast` is the faster algorithm
    this layer's shape takes instead (Taps, Winograd), or None. model/layers/reference.py
    holds the same computation as plain loops.
    """

    def __init__(self, in_channels: int, out_channels: int, kernel_size: int, stride: int = 1,
                 padding: int = 0, init="he", rng: np.random.Generator | None = None):
        self.in_channels, self.out_channels = int(in_channels), int(out_channels)
        self.kernel_size, self.stride, self.padding = int(kernel_size), int(stride), int(padding)
        if min(self.in_channels, self.out_channels, self.kernel_size, self.stride) < 1 or self.padding < 0:
            raise ValueError("channels, kernel_size and stride must be positive and padding non-negative")
        self.init = init
        rng = rng if rng is not None else np.random.default_rng(0)
        k = self.kernel_size
        fan_in, fan_out = self.in_channels * k * k, self.out_channels * k * k
        self.weight = Parameter(init_weight((self.out_channels, self.in_channels, k, k), fan_in, fan_out, init, rng))
        self.bias = Parameter(np.zeros(self.out_channels, dtype=np.float32))
        self.fast = self._fast_algorithm()
        self._scratch, self._small_scratch = Scratch(), Scratch(keep_derived=True)

    def _fast_algorithm(self) -> Taps | Winograd | None:
        """The faster algorithm for this layer's shape, or None for im2col."""
        if self.in_channels == 1:
            return Taps(self.kernel_size, self.stride)
        if self.stride == 1 and self.kernel_size in WINOGRAD_KERNELS:
            return Winograd(self.kernel_size)
        return None

    def _weight_matrix(self) -> np.ndarray:
        """weight (F, C, k, k) -> (k * k * C, F), rows in the order of a cols row."""
        return self.weight.data.transpose(2, 3, 1, 0).reshape(-1, self.out_channels)

    def _block_images(self) -> int:
        """Images per block: all of them when the batch's columns are small enough to
        keep from forward to backward, else as many as take about COLS_BLOCK_BYTES."""
        n, oh, ow, k, _, c = self._windows.shape
        image_bytes = oh * ow * k * k * c * self._windows.dtype.itemsize
        if n * image_bytes <= KEEP_COLS_BYTES:
            return n
        return max(1, COLS_BLOCK_BYTES // image_bytes)

    def _blocks(self) -> list[tuple[int, int]]:
        """Image ranges [start, stop) covering the batch, one block each."""
        n, step = len(self._windows), self._block_images()
        return [(start, min(start + step, n)) for start in range(0, n, step)]

    def _block_cols(self, start: int, stop: int, built: bool = False) -> np.ndarray:
        """im2col of images [start, stop): (stop - start) * OH * OW rows of k * k * C values.

        built: the columns are still in their buffer from forward (a single block).
        """
        _, oh, ow, k, _, c = self._windows.shape
        cols = self._scratch.get("cols", (self._block_images(), oh, ow, k, k, c), self._windows.dtype)
        cols = cols[:stop - start]
        if not built:
            np.copyto(cols, self._windows[start:stop])
        return cols.reshape(-1, k * k * c)

    def forward(self, x, train=False):
        self._fast_used = self.fast
        if self.fast is not None:
            # Training reuses its scratch arrays, and so does inference on a few images (a
            # drawn digit); a larger inference batch takes fresh ones, so an evaluation's
            # arrays are not kept alive afterwards.
            small = not train and len(x) <= SMALL_BATCH
            self._last_scratch = self._scratch if train else self._small_scratch if small else Scratch()
            return self.fast.forward(x, self.weight.data, self.bias.data, self.padding, self._last_scratch)
        n, c, h, w = x.shape
        k, s, p = self.kernel_size, self.stride, self.padding
        oh, ow = conv_output_size(h, k, s, p), conv_output_size(w, k, s, p)
        # Padded (N, H, W, C) copy of x; the border stays zero between calls.
        # Training reuses its scratch array; inference (evaluation, one drawn digit)
        # takes a fresh one, so a large evaluation batch is not kept alive afterwards.
        shape = (n, h + 2 * p, w + 2 * p, c)
        xp = self._scratch.get("padded", shape, x.dtype) if train else np.zeros(shape, x.dtype)
        xp[:, p:p + h, p:p + w, :] = x.transpose(0, 2, 3, 1)
        windows = sliding_window_view(xp, (k, k), axis=(1, 2))[:, ::s, ::s][:, :oh, :ow]
        self._windows = windows.transpose(0, 1, 2, 4, 5, 3)  # (N, OH, OW, k, k, C), a view
        self._in_shape = x.shape
        out = np.empty((n, oh * ow, self.out_channels), x.dtype)
        wmat = self._weight_matrix()
        # Block by block, so each block's columns are still in cache for its product
        # (~1.4x faster than one im2col of the whole batch and one product).
        for start, stop in self._blocks():
            np.matmul(self._block_cols(start, stop), wmat, out=out[start:stop].reshape(-1, self.out_channels))
        out += self.bias.data
        return out.reshape(n, oh, ow, self.out_channels).transpose(0, 3, 1, 2)

    def forward_windows(self, x: np.ndarray, planes: np.ndarray, sums: bool = False) -> np.ndarray | None:
        """Training forward of a fast path with stride 1 into planes (N, 4, OH * OW / 4 * F), in the
        window order of model/layers/conv_block.py (OH, OW even); backward then takes dout in it too.
        Returns the planes' per-channel sums (F,) when sums (batch norm's mean, added up in cache), else None."""
        self._fast_used, self._last_scratch = self.fast, self._scratch
        self.fast.forward(x, self.weight.data, self.bias.data, self.padding, self._scratch, planes=planes, sums=sums)
        return self.fast.plane_sums if sums else None

    def _dout_matrix(self, dout: np.ndarray) -> np.ndarray:
        """dout (N, F, OH, OW) -> (N * OH * OW, F); no copy when dout is channels-last already."""
        return dout.transpose(0, 2, 3, 1).reshape(-1, self.out_channels)

    def backward(self, dout):
        return self._grads(dout, input_grad=True)

    def backward_params(self, dout):
        self._grads(dout, input_grad=False)

    def _grads(self, dout: np.ndarray, input_grad: bool) -> np.ndarray | None:
        """Accumulate weight and bias gradients and, with input_grad, return dx (N, C, H, W).

        Works block by block as forward does, rebuilding each block's columns (cheaper
        than keeping the whole batch's columns, which no longer fit any cache).
        """
        if self._fast_used is not None:
            dweight, dbias, dx = self._fast_used.backward(dout, self.weight.data, self._last_scratch, input_grad)
            self.weight.grad += dweight
            self.bias.grad += dbias
            return dx
        n, c, h, w = self._in_shape
        k, p, f = self.kernel_size, self.padding, self.out_channels
        oh, ow = self._windows.shape[1:3]
        dmat = self._dout_matrix(dout)
        dw = np.zeros((f, k * k * c), dmat.dtype)
        if input_grad:
            taps = self.weight.data.transpose(2, 3, 0, 1).copy()  # (k, k, F, C)
            dxp = np.zeros((n, h + 2 * p, w + 2 * p, c), dmat.dtype)
        blocks = self._blocks()
        for start, stop in blocks:
            block = dmat[start * oh * ow:stop * oh * ow]
            dw += block.T @ self._block_cols(start, stop, built=len(blocks) == 1)
            if input_grad:
                self._input_grad(block, taps, dxp[start:stop])
        self.weight.grad += dw.reshape(f, k, k, c).transpose(0, 3, 1, 2)
        # Column sums as a matrix-vector product: ~15x faster than dmat.sum(axis=0) here.
        self.bias.grad += np.ones(dmat.shape[0], dmat.dtype) @ dmat
        return dxp[:, p:p + h, p:p + w, :].transpose(0, 3, 1, 2) if input_grad else None

    def _input_grad(self, dmat: np.ndarray, taps: np.ndarray, dxp: np.ndarray) -> None:
        """col2im fused with the product, for one block: for each kernel offset (i, j),
        the gradient reaching the inputs under that tap, dmat @ W[:, :, i, j]
        (B * OH * OW, C), is added onto a strided slice of the padded block dxp.

        The Python loop runs k * k times, never over pixels or images; per-offset
        products never build the (B * OH * OW, k * k * C) gradient of the columns,
        which measured ~1.2x slower (one more pass over a large array).
        """
        k, s = self.kernel_size, self.stride
        b, oh, ow = len(dxp), *self._windows.shape[1:3]
        c = dxp.shape[3]
        tap_grad = self._scratch.get("tap_grad", (self._block_images() * oh * ow, c), dmat.dtype)[:b * oh * ow]
        for i in range(k):
            for j in range(k):
                np.matmul(dmat, taps[i, j], out=tap_grad)
                dxp[:, i:i + s * oh:s, j:j + s * ow:s, :] += tap_grad.reshape(b, oh, ow, c)

    def params(self):
        return {"weight": self.weight, "bias": self.bias}

    def spec(self):
        return {"type": "Conv2d", "in_channels": self.in_channels, "out_channels": self.out_channels,
                "kernel_size": self.kernel_size, "stride": self.stride, "padding": self.padding,
                "init": self.init}

    def output_shape(self, input_shape):
        if len(input_shape) != 3 or input_shape[0] != self.in_channels:
            raise ValueError(f"expects ({self.in_channels}, H, W), gets {tuple(input_shape)}")
        _, h, w = input_shape
        k, s, p = self.kernel_size, self.stride, self.padding
        oh, ow = conv_output_size(h, k, s, p), conv_output_size(w, k, s, p)
        if oh < 1 or ow < 1:
            raise ValueError(f"a {k}x{k} kernel with padding {p} does not fit a {h}x{w} image")
        return (self.out_channels, oh, ow)
