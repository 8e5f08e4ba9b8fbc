"""Batch normalisation for fully connected (N, F) and convolutional (N, C, H, W) activations."""

from __future__ import annotations

import numpy as np

from model.layers.base import Layer, Parameter

# Added to the variance before the square root, as PyTorch does.
EPS = 1e-5
# Weight of the newest batch in the running statistics (PyTorch's convention).
MOMENTUM = 0.1


class _BatchNorm(Layer):
    """y = gamma * (x - mean) / sqrt(var + EPS) + beta, per feature or channel (Ioffe and Szegedy 2015).

    Training uses the batch's mean and (biased) variance and updates the running
    statistics: running = (1 - momentum) * running + momentum * batch, with the
    unbiased variance. Inference uses the running statistics.
    Subclasses set `axes` (the axes averaged over) and `input_ndim`.
    """

    axes: tuple[int, ...] = (0,)
    input_ndim = 2  # including the batch axis

    def __init__(self, num_features: int, momentum: float = MOMENTUM):
        self.num_features, self.momentum = int(num_features), float(momentum)
        if self.num_features < 1 or not 0.0 <= self.momentum <= 1.0:
            raise ValueError("num_features must be positive and momentum in [0, 1]")
        self.gamma = Parameter(np.ones(self.num_features, dtype=np.float32))
        self.beta = Parameter(np.zeros(self.num_features, dtype=np.float32))
        self.running_mean = np.zeros(self.num_features, dtype=np.float32)
        self.running_var = np.ones(self.num_features, dtype=np.float32)

    def _per_feature(self, v: np.ndarray) -> np.ndarray:
        """(F,) -> a shape that broadcasts along the feature axis of x."""
        return v.reshape((1, -1) + (1,) * (self.input_ndim - 2))

    def forward(self, x, train=False):
        if x.ndim != self.input_ndim:
            raise ValueError(f"{type(self).__name__} expects {self.input_ndim}-D input, got shape {x.shape}")
        if train:
            mean, var = x.mean(axis=self.axes), x.var(axis=self.axes)
            self._update_running(mean, var, x.size // self.num_features)
        else:
            mean, var = self.running_mean.astype(x.dtype), self.running_var.astype(x.dtype)
        self._train = train
        self._inv_std = 1.0 / np.sqrt(var + x.dtype.type(EPS))
        self._xhat = (x - self._per_feature(mean)) * self._per_feature(self._inv_std)
        return self._xhat * self._per_feature(self.gamma.data) + self._per_feature(self.beta.data)

    def _update_running(self, mean: np.ndarray, var: np.ndarray, count: int) -> None:
        unbiased = var * (count / max(count - 1, 1))
        # In place, so arrays handed out by buffers() stay the live ones.
        self.running_mean *= 1.0 - self.momentum
        self.running_mean += self.momentum * mean
        self.running_var *= 1.0 - self.momentum
        self.running_var += self.momentum * unbiased

    def backward(self, dout):
        dgamma = (dout * self._xhat).sum(axis=self.axes)
        dbeta = dout.sum(axis=self.axes)
        self.gamma.grad += dgamma
        self.beta.grad += dbeta
        scale = self._per_feature(self.gamma.data * self._inv_std)
        if not self._train:
            return dout * scale
        # The mean and variance depend on x too: remove the gradient's mean and its part along xhat.
        count = dout.dtype.type(dout.size // self.num_features)
        centred = dout - self._per_feature(dbeta / count)
        centred -= self._xhat * self._per_feature(dgamma / count)
        return centred * scale

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

    axes = (0, 2, 3)
    input_ndim = 4

    def __init__(self, num_channels: int, momentum: float = MOMENTUM):
        super().__init__(num_channels, momentum)

    def spec(self):
        return {"type": "BatchNorm2d", "num_channels": self.num_features, "momentum": self.momentum}

    def output_shape(self, input_shape):
        if len(input_shape) != 3 or input_shape[0] != self.num_features:
            raise ValueError(f"expects ({self.num_features}, H, W), gets {tuple(input_shape)}")
        return tuple(input_shape)
