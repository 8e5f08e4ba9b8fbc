"""Convolution, batch norm, ReLU and 2x2 max pooling trained as one block (the presets' conv blocks).

A run Conv2d -> BatchNorm2d -> ReLU -> MaxPool2d(2), or the same without the
batch norm, whose convolution takes a fast path (model/layers/conv_taps.py,
model/layers/winograd.py) with stride 1 and an output of even sides trains as
one block. Its convolution writes its
output in window order, (N, 4, OH/2 * OW/2 * F): per image, the pooling
windows' top-left, top-right, bottom-left and bottom-right pixels as four
planes, each channels-last (Winograd's 2x2 output tiles are the windows). Then

- batch norm's sums and element-wise passes run over long contiguous rows; the
  convolution's own tasks add up the per-channel sums while its output is in cache;
- the pooling is the element-wise maximum of the four planes, taken before batch
  norm's normalisation (monotonic per channel: the planes times -1 where gamma
  is negative), which with the ReLU runs on the pooled quarter only;
- backward hands each window's gradient to its winner (the first maximum in
  row-major order, as MaxPool2d) by one product with 0/1 gates kept from
  forward (winner and ReLU active), and hands the convolution its gradient in
  window order, so no pass reorders pixels; the convolution's backward tasks
  make it image range by image range (model/layers/window_grad.py);
- every pass runs on cache-sized spans of images over model.parallel's threads;
  sums are added in span order, so the thread count changes nothing.

Outputs and gradients are the four layers' up to float rounding (the sums run
in another order); tests/test_conv_block.py checks them against the layers one
by one and numerical gradients. One difference at ties: where batch norm's
rounding makes two different inputs of a window equal, or gamma is exactly 0,
the layers pool a tie and route to its first pixel, the block to the larger
input; both are gradients of the maximum there. Inference and other shapes
run the layers one by one.
"""

from __future__ import annotations

import numpy as np

from model import parallel
from model.layers.activations import ReLU
from model.layers.batchnorm import EPS, BatchNorm2d
from model.layers.conv import Conv2d
from model.layers.pool import MaxPool2d
from model.layers.scratch import Scratch, column_sum
from model.layers.window_grad import WindowGrad

PLANES = 4  # pixels of a 2x2 pooling window


class ConvBlock:
    """The layers conv, [bn,] relu, pool (Sequential's layers, which keep their parameters and
    buffers) with the same forward/backward contract as one layer: x (N, C, H, W) -> (N, F, OH/2, OW/2)."""

    def __init__(self, conv: Conv2d, bn: BatchNorm2d | None, relu: ReLU, pool: MaxPool2d):
        self.layers = tuple(layer for layer in (conv, bn, relu, pool) if layer is not None)
        self.conv, self.bn = conv, bn
        self._scratch = Scratch()
        self._fused = False

    @staticmethod
    def fits(layers) -> bool:
        """Whether layers (four, or three without batch norm) form a block (shapes are checked at each forward)."""
        if len(layers) not in (3, 4) or (len(layers) == 4 and type(layers[1]) is not BatchNorm2d):
            return False
        conv, relu, pool = layers[0], layers[-2], layers[-1]
        return (isinstance(conv, Conv2d) and conv.fast is not None and conv.stride == 1
                and type(relu) is ReLU and isinstance(pool, MaxPool2d) and pool.kernel_size == pool.stride == 2)

    def forward(self, x, train=False):
        conv = self.conv
        oh, ow = conv.output_shape(x.shape[1:])[1:]
        self._fused = (train and oh % 2 == 0 and ow % 2 == 0 and x.dtype == conv.weight.data.dtype
                       and conv.fast is not None)
        if not self._fused:
            for layer in self.layers:
                x = layer.forward(x, train)
            return x
        n, f = len(x), conv.out_channels
        self._shape = (n, f, oh // 2, ow // 2)
        planes = self._scratch.get("planes", (n, PLANES, oh * ow // PLANES * f), x.dtype)
        sums = conv.forward_windows(x, planes, self.bn is not None)
        self._spans, self._planes = parallel.spans(n, planes[:1].nbytes), planes
        out = self._pool(planes, *(self._statistics(planes, sums) if self.bn is not None else (None, None)))
        return out.reshape(n, oh // 2, ow // 2, f).transpose(0, 3, 1, 2)

    def _slot(self, name: str, slot: int, shape: tuple[int, ...], dtype) -> np.ndarray:
        """Worker `slot`'s scratch array for one span (its first axis: the largest span's images)."""
        most = self._spans[0][1] - self._spans[0][0]
        return self._scratch.get(f"{name}.{slot}", (most, *shape), dtype)

    def _over_spans(self, work) -> list:
        """[work(a, b, slot) for each span of images], in span order."""
        spans = self._spans
        return parallel.run(len(spans), lambda k, slot: work(*spans[k], slot))

    def _statistics(self, planes: np.ndarray, sums: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Batch norm's training statistics over planes (N, 4, L) whose per-channel sums are `sums`;
        updates the running statistics and keeps the mean and 1 / std. Returns the per-channel mean
        and scale (gamma / std)."""
        bn, f = self.bn, self.bn.num_features
        count = planes.size // f
        mean = sums / count
        wide_mean = np.tile(mean, planes.shape[2] // f)

        def squares(a: int, b: int, slot: int) -> np.ndarray:
            z = self._slot("z", slot, planes.shape[1:], planes.dtype)[:b - a]
            np.subtract(planes[a:b], wide_mean, out=z)
            np.square(z, out=z)
            return column_sum(z.reshape(-1, f))

        var = parallel.ordered_sum(self._over_spans(squares)) / count
        bn._update_running(mean, var, count)
        self._mean, self._count = mean, count
        self._inv_std = 1.0 / np.sqrt(var + planes.dtype.type(EPS))
        return mean, bn.gamma.data * self._inv_std

    def _pool(self, planes: np.ndarray, mean: np.ndarray | None, scale: np.ndarray | None) -> np.ndarray:
        """[Normalise,] pool and ReLU, span by span: (N, L) channels-last. Keeps for backward the gates
        (1 at the pixel a window's gradient goes to) and, with batch norm, per window whether the ReLU
        passes and the winner's x - mean: its gradient sums need only those.

        Batch norm is an increasing map per channel where gamma > 0 and a decreasing one where gamma < 0,
        so the windows pool sign * x (planes themselves when no gamma is negative), and only the pooled
        quarter is normalised: |scale| * (max(sign * x) - sign * mean) + beta."""
        n, _, width = planes.shape
        out = np.empty((n, width), planes.dtype)  # the output, fresh: the next layer may keep it
        self._gates = gates = self._scratch.get("gates", planes.shape, planes.dtype)
        if scale is not None:
            self._passes, self._winners = (self._scratch.get(k, (n, width), planes.dtype) for k in ("passes", "winners"))
            repeat = width // len(scale)
            sign = np.where(scale < 0, -1, 1).astype(planes.dtype)
            wide_sign = np.tile(sign, repeat) if (sign < 0).any() else None
            signed_mean, abs_scale = np.tile(sign * mean, repeat), np.tile(sign * scale, repeat)
            beta = np.tile(self.bn.beta.data, repeat)

        def span(a: int, b: int, slot: int) -> None:
            z = planes[a:b]
            if scale is not None and wide_sign is not None:
                z = self._slot("z", slot, planes.shape[1:], planes.dtype)[:b - a]
                np.multiply(planes[a:b], wide_sign, out=z)
            took = self._slot("took", slot, (PLANES, width), bool)[:b - a]
            zeros = self._slot("zeros", slot, (width,), planes.dtype)[:b - a]
            if scale is None:
                _max_winners(z, out[a:b], took)
                _relu_winners(out[a:b], took, zeros, None)
            else:
                best = self._winners[a:b]  # max(sign * x), then sign * x - sign * mean, then x - mean
                _max_winners(z, best, took)
                best -= signed_mean
                np.multiply(best, abs_scale, out=out[a:b])
                out[a:b] += beta
                _relu_winners(out[a:b], took, zeros, self._passes[a:b])
                if wide_sign is not None:
                    best *= wide_sign
            np.copyto(gates[a:b], took)

        self._over_spans(span)
        return out

    def backward(self, dout):
        return self._backward(dout, input_grad=True)

    def backward_params(self, dout):
        self._backward(dout, input_grad=False)

    def _backward(self, dout: np.ndarray, input_grad: bool):
        if not self._fused:
            for layer in reversed(self.layers[1:]):
                dout = layer.backward(dout)
            return self.conv.backward(dout) if input_grad else self.conv.backward_params(dout)
        dpooled = self._pooled_grad()
        channels_last = dout.transpose(0, 2, 3, 1)  # copied span by span into dpooled (N, L)

        def copy(a: int, b: int) -> np.ndarray:
            np.copyto(dpooled[a:b].reshape(channels_last[a:b].shape), channels_last[a:b])
            return dpooled[a:b]

        dplanes = self._batchnorm_grad(copy) if self.bn is not None else self._routed(copy)
        return self.conv.backward(dplanes) if input_grad else self.conv.backward_params(dplanes)

    def _routed(self, pooled_grad, scale=None, k_x=None, k_shift=None) -> WindowGrad:
        """Each window's gradient d = pooled_grad(a, b) to its winner, or scale * d there less
        k_x * x + k_shift everywhere (batch norm's terms, x the planes): the convolution's output
        gradient in window order, made by the convolution's own tasks (model/layers/window_grad.py)."""
        gates, planes = self._gates, self._planes
        dplanes = self._scratch.get("dplanes", gates.shape, gates.dtype)
        if scale is not None:  # whole-batch scratch: tasks running at once each use their images' part
            scaled = self._scratch.get("dscaled", gates.shape[::2], gates.dtype)
            routed = self._scratch.get("drouted", gates.shape, gates.dtype)

        def fill(a: int, b: int) -> None:
            d, out = pooled_grad(a, b), dplanes[a:b]
            if scale is None:
                np.multiply(gates[a:b], d[:, None], out=out)
                return
            np.multiply(planes[a:b], k_x, out=out)
            out += k_shift
            np.multiply(d, scale, out=scaled[a:b])
            np.multiply(gates[a:b], scaled[a:b, None], out=routed[a:b])
            np.subtract(routed[a:b], out, out=out)

        return WindowGrad(dplanes, fill)

    def _batchnorm_grad(self, pooled_grad) -> WindowGrad:
        """Through ReLU and pooling (the gates), then batch norm."""
        bn, f, width = self.bn, self.bn.num_features, self._gates.shape[2]

        def sums(a: int, b: int, slot: int) -> tuple[np.ndarray, np.ndarray]:
            # Each window's gradient reaches one pixel, its winner, where the ReLU passes: batch norm's
            # sums over pixels are sums over windows.
            d = pooled_grad(a, b)
            product = self._slot("product", slot, (width,), d.dtype)[:b - a]
            np.multiply(d, self._passes[a:b], out=product)
            dbeta = column_sum(product.reshape(-1, f))
            product *= self._winners[a:b]
            return dbeta, column_sum(product.reshape(-1, f))

        dbeta, dgamma = parallel.ordered_sum(self._over_spans(sums))
        dgamma *= self._inv_std
        bn.gamma.grad += dgamma
        bn.beta.grad += dbeta
        # dx = scale * (dout - mean(dout) - xhat * mean(dout * xhat)), as BatchNorm2d.backward.
        scale, repeat, count = bn.gamma.data * self._inv_std, width // f, self._count
        # The x - mean terms from x itself (the planes), with the mean's share in the constant term.
        k_x = scale * self._inv_std * dgamma / count
        k_shift, k_x = np.tile(scale * dbeta / count - k_x * self._mean, repeat), np.tile(k_x, repeat)
        dpooled = self._pooled_grad()  # filled by pooled_grad above
        return self._routed(lambda a, b: dpooled[a:b], np.tile(scale, repeat), k_x, k_shift)

    def _pooled_grad(self) -> np.ndarray:
        """The output's gradient, (N, L) channels-last, in the block's dtype."""
        return self._scratch.get("dpooled", self._gates.shape[::2], self._gates.dtype)


def _max_winners(z: np.ndarray, best: np.ndarray, took: np.ndarray) -> None:
    """best (B, L) = the maximum of z's planes (B, 4, L); took[:, k] (B, L) for k >= 1 = 1 where plane k
    is strictly above every earlier pixel of its window (took[:, 0] is left for _relu_winners)."""
    np.greater(z[:, 1], z[:, 0], out=took[:, 1])
    np.maximum(z[:, 0], z[:, 1], out=best)
    for k in range(2, PLANES):
        np.greater(z[:, k], best, out=took[:, k])
        np.maximum(best, z[:, k], out=best)


def _relu_winners(best: np.ndarray, took: np.ndarray, zeros: np.ndarray, passes: np.ndarray | None) -> None:
    """After _max_winners, best (B, L) through ReLU in place; took (B, 4, L) = 1 at each window's winner
    (its first maximum in row-major order, as MaxPool2d) where the ReLU passes; passes (B, L), when given,
    = 1 where the ReLU passes. zeros: (B, L) of 0. best may have been put through an increasing map
    in between (batch norm's, which keeps the winners)."""
    left = took[:, 0]  # windows whose gradient is still to route: the ReLU lets it through
    np.greater(best, 0, out=left)
    np.maximum(best, zeros, out=best)  # against an array of zeros: a scalar 0 runs ~3x slower
    if passes is not None:
        np.copyto(passes, left)
    for k in range(PLANES - 1, 0, -1):  # the last pixel that took the maximum is the winner
        np.logical_and(left, took[:, k], out=took[:, k])
        np.greater(left, took[:, k], out=left)  # left and not won here


def training_plan(layers: list) -> list[tuple[int, int, object]]:
    """[(start, stop, runner)]: layers[start:stop] run as runner, a ConvBlock or the layer itself."""
    plan, i = [], 0
    while i < len(layers):
        run = next((run for size in (4, 3) if len(run := layers[i:i + size]) == size and ConvBlock.fits(run)), None)
        if run is None:
            plan.append((i, i + 1, layers[i]))
        else:
            conv, *norm, relu, pool = run
            plan.append((i, i + len(run), ConvBlock(conv, norm[0] if norm else None, relu, pool)))
        i += 1 if run is None else len(run)
    return plan
