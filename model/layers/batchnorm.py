"""Batch normalisation for fully connected (N, F) and convolutional (N, C, H, W) activations."""

from __future__ import annotations

import numpy as np

from model.layers.base import Layer, Parameter
from model.layers.scratch import Scratch

# Added to the variance before the square root, as PyTorch does.
EPS = 1e-5
# Weight of the newest batch in the running statistics (PyTorch's convention).
MOMENTUM = 0.1


def _column_sum(rows: np.ndarray) -> np.ndarray:
    """rows: (M, F) -> (F,): a matrix-vector product, ~15x faster than rows.sum(axis=0)
    for few columns, and more accurate in float32 (blocked accumulation)."""
    return np.ones(rows.shape[0], rows.dtype) @ rows


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
        rows = wide.reshape(-1, self.num_features)
        count = rows.shape[0]
        # Training keeps x - mean in a scratch array: backward needs it, the next step rewrites it.
        centred = self._scratch.get("centred", wide.shape, x.dtype) if train else np.empty_like(wide)
        out = np.empty_like(wide)
        if train:
            mean = _column_sum(rows) / count
            np.subtract(wide, self._tile(mean), out=centred)
            np.square(centred, out=out)  # out is a scratch for the squares here
            var = _column_sum(out.reshape(rows.shape)) / count
            self._update_running(mean, var, count)
        else:
            np.subtract(wide, self._tile(self.running_mean.astype(x.dtype)), out=centred)
            var = self.running_var.astype(x.dtype)
        self._train, self._shape, self._centred = train, x.shape, centred
        self._inv_std = 1.0 / np.sqrt(var + x.dtype.type(EPS))
        np.multiply(centred, self._tile(self.gamma.data * self._inv_std), out=out)
        out += self._tile(self.beta.data)
        return self._unwide(out, x.shape)

    def _update_running(self, mean: np.ndarray, var: np.ndarray, count: int) -> None:
        unbiased = var * (count / max(count - 1, 1))
        # In place, so arrays handed out by buffers() stay the live ones.
        self.running_mean *= 1.0 - self.momentum
        self.running_mean += self.momentum * mean
        self.running_var *= 1.0 - self.momentum
        self.running_var += self.momentum * unbiased

    def backward(self, dout):
        dwide, _ = self._wide(dout)
        drows = dwide.reshape(-1, self.num_features)
        count = drows.shape[0]
        product = self._scratch.get("product", dwide.shape, dwide.dtype)
        np.multiply(dwide, self._centred, out=product)
        dbeta = _column_sum(drows)
        dgamma = _column_sum(product.reshape(drows.shape)) * self._inv_std
        self.gamma.grad += dgamma
        self.beta.grad += dbeta
        scale = self.gamma.data * self._inv_std
        dx = np.multiply(dwide, self._tile(scale), out=np.empty_like(dwide))
        if self._train:
            # The batch mean and variance depend on x too. With xhat = centred * inv_std:
            # dx = scale * (dout - mean(dout) - xhat * mean(dout * xhat)).
            np.multiply(self._centred, self._tile(scale * self._inv_std * dgamma / count), out=product)
            product += self._tile(scale * dbeta / count)
            dx -= product
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
