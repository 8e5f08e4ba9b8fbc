"""What every layer shares: parameters, buffers and the forward/backward contract."""

from __future__ import annotations

import numpy as np


class Parameter:
    """A trainable array and the gradient of the loss with respect to it.

    micrograd's `Value` and PyTorch's `Parameter`, for whole arrays: optimizers
    update `.data` in place from `.grad`, so every holder sees the same values.
    """

    __slots__ = ("data", "grad")

    def __init__(self, data: np.ndarray):
        self.data = data
        self.grad = np.zeros_like(data)

    def __repr__(self) -> str:
        return f"Parameter(shape={self.data.shape}, dtype={self.data.dtype})"


class Layer:
    """Base of every layer.

    `forward(x, train=False)` caches what `backward` needs; `backward(dout)`
    returns the gradient with respect to the input and accumulates the
    parameters' gradients into `Parameter.grad`. Neither writes into its
    arguments or into cached inputs.
    """

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        raise NotImplementedError

    def backward(self, dout: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def backward_params(self, dout: np.ndarray) -> None:
        """Only accumulate parameter gradients: for the first layer, whose dx nobody needs."""
        self.backward(dout)

    def params(self) -> dict[str, Parameter]:
        """Trainable parameters by local name ("weight", "bias", ...)."""
        return {}

    def buffers(self) -> dict[str, np.ndarray]:
        """Saved state that is not trained by gradients (batch-norm running statistics)."""
        return {}

    def set_buffer(self, name: str, value: np.ndarray) -> None:
        raise KeyError(name)

    def spec(self) -> dict:
        """A JSON-able description from which `build_layer` makes this layer again."""
        return {"type": type(self).__name__}

    def output_shape(self, input_shape: tuple[int, ...]) -> tuple[int, ...]:
        """Shape of one output sample for one input sample of `input_shape` (no batch axis)."""
        return input_shape

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v}" for k, v in self.spec().items() if k != "type")
        return f"{type(self).__name__}({args})"
