"""Batch normalisation for fully connected (N, F) and convolutional (N, C, H, W) activations."""

from __future__ import annotations

import numpy as np

from model.layers.base import Layer, Parameter

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

    def _rows(self, x: np.ndarray) -> np.ndarray:
        """x as a (M, F) matrix, features last: a view for a convolution's output (see the
        package's memory convention). Column sums then run as fast matrix-vector products."""
        if x.ndim != self.input_ndim:
            raise ValueError(f"{type(self).__name__} expects {self.input_ndim}-D input, got shape {x.shape}")
        return x if x.ndim == 2 else x.transpose(0, 2, 3, 1).reshape(-1, self.num_features)

    @staticmethod
    def _unrows(y: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
        """Inverse of _rows for an output of `shape`."""
        if len(shape) == 2:
            return y
        n, c, h, w = shape
        return y.reshape(n, h, w, c).transpose(0, 3, 1, 2)

    def forward(self, x, train=False):
        rows = self._rows(x)
        count = rows.shape[0]
        if train:
            mean = _column_sum(rows) / count
            self._centred = rows - mean
            var = np.einsum("ij,ij->j", self._centred, self._centred) / count
            self._update_running(mean, var, count)
        else:
            self._centred = rows - self.running_mean.astype(x.dtype)
            var = self.running_var.astype(x.dtype)
        self._train, self._shape = train, x.shape
        self._inv_std = 1.0 / np.sqrt(var + x.dtype.type(EPS))
        out = self._centred * (self.gamma.data * self._inv_std)
        out += self.beta.data
        return self._unrows(out, x.shape)

    def _update_running(self, mean: np.ndarray, var: np.ndarray, count: int) -> None:
        unbiased = var * (count / max(count - 1, 1))
        # In place, so arrays handed out by buffers() stay the live ones.
        self.running_mean *= 1.0 - self.momentum
        self.running_mean += self.momentum * mean
        self.running_var *= 1.0 - self.momentum
        self.running_var += self.momentum * unbiased

    def backward(self, dout):
        drows = self._rows(dout)
        dbeta = _column_sum(drows)
        dgamma = np.einsum("ij,ij->j", drows, self._centred) * self._inv_std
        self.gamma.grad += dgamma
        self.beta.grad += dbeta
        scale = self.gamma.data * self._inv_std
        if not self._train:
            return self._unrows(drows * scale, self._shape)
        # The batch mean and variance depend on x too. With xhat = centred * inv_std:
        # dx = scale * (dout - mean(dout) - xhat * mean(dout * xhat)).
        count = drows.shape[0]
        dx = drows * scale
        dx -= self._centred * (scale * self._inv_std * dgamma / count)
        dx -= scale * dbeta / count
        return self._unrows(dx, self._shape)

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
