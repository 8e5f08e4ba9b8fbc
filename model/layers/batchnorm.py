"""Batch normalisation for fully connected (N, F) and convolutional (N, C, H, W) activations."""

from __future__ import annotations

import numpy as np

from model import parallel
from model.layers.base import Layer, Parameter
from model.layers.scratch import Scratch, column_sum

# Added to the variance before the square root, as PyTorch does.
EPS = 1e-5
# Weight of the newest batch in the running statistics (PyTorch's convention).
MOMENTUM = 0.1


class _BatchNorm(Layer):
    """y = gamma * (x - mean) / sqrt(var + EPS) + beta, per feature or channel (Ioffe and Szegedy 2015).

    Training uses the batch's mean and (biased) variance and updates the running
    statistics: running = (1 - momentum) * running + momentum * batch, with the
    unbiased variance. Inference uses the running statistics.
    Subclasses set `input_ndim` (including the batch axis).
    """

    input_ndim = 2

    def __init__(self, num_features: int, momentum: float = MOMENTUM):
        self.num_features, self.momentum = int(num_features), float(momentum)
        if self.num_features < 1 or not 0.0 <= self.momentum <= 1.0:
            raise ValueError("num_features must be positive and momentum in [0, 1]")
        self.gamma = Parameter(np.ones(self.num_features, dtype=np.float32))
        self.beta = Parameter(np.zeros(self.num_features, dtype=np.float32))
        self.running_mean = np.zeros(self.num_features, dtype=np.float32)
        self.running_var = np.ones(self.num_features, dtype=np.float32)
        self._scratch = Scratch()

    def _wide(self, x: np.ndarray) -> tuple[np.ndarray, int]:
        """x as a 2-D array whose rows repeat the features `repeat` times: (N, F) itself, or
        a channels-last (N, C, H, W) as (N * H, W * C) (see the package's memory convention).

        Element-wise passes with a per-channel vector then run along rows of W * C
        values, not C: NumPy's inner loops are several times faster on long rows.
        """
        if x.ndim != self.input_ndim:
            raise ValueError(f"{type(self).__name__} expects {self.input_ndim}-D input, got shape {x.shape}")
        if x.ndim == 2:
            return x, 1
        n, c, h, w = x.shape
        return np.ascontiguousarray(x.transpose(0, 2, 3, 1)).reshape(n * h, w * c), w

    @staticmethod
    def _unwide(y: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
        """Inverse of _wide for an output of `shape`: an (N, C, H, W) view of channels-last memory."""
        if len(shape) == 2:
            return y
        n, c, h, w = shape
        return y.reshape(n, h, w, c).transpose(0, 3, 1, 2)

    def _tile(self, v: np.ndarray) -> np.ndarray:
        """A per-feature vector repeated along a wide row."""
        return np.tile(v, self._repeat)

    def forward(self, x, train=False):
        wide, self._repeat = self._wide(x)
        count = wide.size // self.num_features
        # Training keeps x - mean in a scratch array: backward needs it, the next step rewrites it.
        centred = self._scratch.get("centred", wide.shape, x.dtype) if train else np.empty_like(wide)
        out = np.empty_like(wide)
        if train:
            mean = self._sum_rows(wide, lambda a, b: column_sum(self._rows(wide[a:b]))) / count
            tiled_mean = self._tile(mean)

            def squares(a: int, b: int) -> np.ndarray:
                np.subtract(wide[a:b], tiled_mean, out=centred[a:b])
                np.square(centred[a:b], out=out[a:b])  # out is a scratch for the squares here
                return column_sum(self._rows(out[a:b]))

            var = self._sum_rows(wide, squares) / count
            self._update_running(mean, var, count)
        else:
            np.subtract(wide, self._tile(self.running_mean.astype(x.dtype)), out=centred)
            var = self.running_var.astype(x.dtype)
        self._train, self._shape, self._centred = train, x.shape, centred
        self._inv_std = 1.0 / np.sqrt(var + x.dtype.type(EPS))
        scale, shift = self._tile(self.gamma.data * self._inv_std), self._tile(self.beta.data)

        def normalise(a: int, b: int) -> None:
            np.multiply(centred[a:b], scale, out=out[a:b])
            out[a:b] += shift

        parallel.for_spans(len(wide), wide[:1].nbytes, normalise)
        return self._unwide(out, x.shape)

    def _rows(self, wide: np.ndarray) -> np.ndarray:
        """Wide rows as (M, features): one feature vector a row."""
        return wide.reshape(-1, self.num_features)

    @staticmethod
    def _sum_rows(wide: np.ndarray, part):
        """The sum of part(a, b) over spans of wide's rows [a, b), added in order: the same for
        any number of model.parallel's threads."""
        return parallel.sum_over_spans(len(wide), wide[:1].nbytes, part)

    def _update_running(self, mean: np.ndarray, var: np.ndarray, count: int) -> None:
        unbiased = var * (count / max(count - 1, 1))
        # In place, so arrays handed out by buffers() stay the live ones.
        self.running_mean *= 1.0 - self.momentum
        self.running_mean += self.momentum * mean
        self.running_var *= 1.0 - self.momentum
        self.running_var += self.momentum * unbiased

    def backward(self, dout):
        dwide, _ = self._wide(dout)
        count = dwide.size // self.num_features
        product = self._scratch.get("product", dwide.shape, dwide.dtype)

        def sums(a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
            np.multiply(dwide[a:b], self._centred[a:b], out=product[a:b])
            return column_sum(self._rows(dwide[a:b])), column_sum(self._rows(product[a:b]))

        dbeta, dgamma = self._sum_rows(dwide, sums)
        dgamma *= self._inv_std
        self.gamma.grad += dgamma
        self.beta.grad += dbeta
        scale = self.gamma.data * self._inv_std
        dx = np.empty_like(dwide)
        # The batch mean and variance depend on x too. With xhat = centred * inv_std:
        # dx = scale * (dout - mean(dout) - xhat * mean(dout * xhat)).
        tiled_scale = self._tile(scale)
        k_centred, k_shift = self._tile(scale * self._inv_std * dgamma / count), self._tile(scale * dbeta / count)

        def input_grad(a: int, b: int) -> None:
            np.multiply(dwide[a:b], tiled_scale, out=dx[a:b])
            if self._train:
                np.multiply(self._centred[a:b], k_centred, out=product[a:b])
                product[a:b] += k_shift
                dx[a:b] -= product[a:b]

        parallel.for_spans(len(dwide), dwide[:1].nbytes, input_grad)
        return self._unwide(dx, self._shape)

    def params(self):
        return {"gamma": self.gamma, "beta": self.beta}

    def buffers(self):
        return {"running_mean": self.running_mean, "running_var": self.running_var}

    def set_buffer(self, name, value):
        if name not in ("running_mean", "running_var"):
            raise KeyError(name)
        setattr(self, name, np.array(value))


class BatchNorm1d(_BatchNorm):
    """Batch norm per feature of fully connected activations. x: (N, F) -> (N, F)."""

    def spec(self):
        return {"type": "BatchNorm1d", "num_features": self.num_features, "momentum": self.momentum}

    def output_shape(self, input_shape):
        if tuple(input_shape) != (self.num_features,):
            raise ValueError(f"expects ({self.num_features},), gets {tuple(input_shape)}")
        return tuple(input_shape)


class BatchNorm2d(_BatchNorm):
    """Batch norm per channel of convolutional activations ("spatial batch norm").

    x: (N, C, H, W) -> (N, C, H, W); statistics over N, H and W.
    """

    input_ndim = 4

    def __init__(self, num_channels: int, momentum: float = MOMENTUM):
        super().__init__(num_channels, momentum)

    def spec(self):
        return {"type": "BatchNorm2d", "num_channels": self.num_features, "momentum": self.momentum}

    def output_shape(self, input_shape):
        if len(input_shape) != 3 or input_shape[0] != self.num_features:
            raise ValueError(f"expects ({self.num_features}, H, W), gets {tuple(input_shape)}")
        return tuple(input_shape)
