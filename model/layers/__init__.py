"""Every layer DigitLab's networks are built from, and the registry that rebuilds them from a spec.

Shapes are PyTorch's: images are (N, C, H, W) and every layer takes and gives
arrays of that shape. Memory is another matter. The fast layers keep images
channels-last in memory, (N, H, W, C) with C varying fastest, and hand them on
as (N, C, H, W) views of it (`a.transpose(0, 3, 1, 2)`), which copy nothing:

- a convolution's output is such a view; batch norm, activations, dropout and
  pooling keep the layout of their input (NumPy's element-wise operations
  follow the input's memory order, and `copy(order="K")` keeps it);
- so the next convolution finds its input channels-last already, where every
  k x k window is k runs of k * C contiguous values: im2col is a fast copy;
- and batch norm can view a channels-last (N, C, H, W) array as an (N*H*W, C)
  matrix without a copy, so its per-channel sums are matrix products.

Code that only looks at shapes never needs to know this. Read
`model/layers/reference.py` for the same convolution and pooling as plain loops.
In training, a convolution followed by [batch norm,] ReLU and 2x2 max pooling runs
as one block whose convolution output has a layout of its own, the pooling
windows' four pixels as four planes (`model/layers/conv_block.py`).
"""

from __future__ import annotations

import inspect

import numpy as np

from model.layers.activations import LeakyReLU, ReLU, Sigmoid, Tanh
from model.layers.base import Layer, Parameter
from model.layers.batchnorm import BatchNorm1d, BatchNorm2d
from model.layers.conv import Conv2d
from model.layers.dropout import Dropout
from model.layers.linear import Linear
from model.layers.pool import AvgPool2d, GlobalAvgPool2d, MaxPool2d
from model.layers.shape import Flatten, Normalize

LAYER_TYPES: dict[str, type[Layer]] = {
    cls.__name__: cls
    for cls in (Linear, Flatten, Normalize, ReLU, LeakyReLU, Sigmoid, Tanh, Conv2d, MaxPool2d, AvgPool2d,
                GlobalAvgPool2d, Dropout, BatchNorm1d, BatchNorm2d)
}


class SpecError(ValueError):
    """A layer description that cannot be built."""


def register(cls: type[Layer]) -> type[Layer]:
    """Make `cls` buildable from a spec under its class name."""
    LAYER_TYPES[cls.__name__] = cls
    return cls


def build_layer(spec: dict, rng: np.random.Generator | None = None) -> Layer:
    """The layer a `Layer.spec()` dict describes; `rng` seeds its initial weights."""
    if not isinstance(spec, dict) or "type" not in spec:
        raise SpecError(f"a layer description must be an object with a 'type', got {spec!r}")
    kind = spec["type"]
    cls = LAYER_TYPES.get(kind)
    if cls is None:
        raise SpecError(f"unknown layer type {kind!r}; known: {', '.join(sorted(LAYER_TYPES))}")
    kwargs = {k: v for k, v in spec.items() if k != "type"}
    accepted = inspect.signature(cls).parameters
    unknown = sorted(set(kwargs) - set(accepted))
    if unknown:
        raise SpecError(f"layer {kind} has no option {', '.join(unknown)}")
    if "rng" in accepted:
        kwargs["rng"] = rng
    try:
        return cls(**kwargs)
    except (TypeError, ValueError, ArithmeticError) as exc:  # ArithmeticError: a zero or absurd size
        raise SpecError(f"cannot build layer {kind}: {exc}") from None


__all__ = ["LAYER_TYPES", "Layer", "Parameter", "SpecError", "build_layer", "register", *LAYER_TYPES]
