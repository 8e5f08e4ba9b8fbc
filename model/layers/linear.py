"""The fully connected layer (the book's `Affine`)."""

from __future__ import annotations

import numpy as np

from model import parallel
from model.init import init_weight
from model.layers.base import Layer, Parameter
from model.layers.scratch import Scratch
from model.layers.sparse_input import sparse_input_product


class Linear(Layer):
    """y = x W + b, with x flattened to (N, in_features) whatever its shape.

    x: (N, d1, ..., dk) with d1 * ... * dk = in_features -> y: (N, out_features).
    W: (in_features, out_features), b: (out_features,).
    """

    def __init__(self, in_features: int, out_features: int, init="he", rng: np.random.Generator | None = None):
        self.in_features, self.out_features, self.init = int(in_features), int(out_features), init
        rng = rng if rng is not None else np.random.default_rng(0)
        self.weight = Parameter(init_weight((self.in_features, self.out_features), self.in_features,
                                            self.out_features, init, rng))
        self.bias = Parameter(np.zeros(self.out_features, dtype=np.float32))
        self._scratch = Scratch()

    def forward(self, x, train=False):
        self._in_shape = x.shape
        self._x = x.reshape(x.shape[0], -1)
        # A drawn digit's inputs are mostly zero after ReLU and pooling: skip their rows of W.
        out = None if train else sparse_input_product(self._x, self.weight.data, self._scratch)
        if out is None:
            out = parallel.matmul(self._x, self.weight.data)
        out += self.bias.data  # in place: no second (N, out_features) array
        return out

    def backward(self, dout):
        dweight, dx = parallel.matmuls([(self._x.T, dout), (dout, self.weight.data.T)])
        self.weight.grad += dweight
        self.bias.grad += dout.sum(axis=0)
        return dx.reshape(self._in_shape)

    def backward_params(self, dout):
        self.weight.grad += parallel.matmul(self._x.T, dout)
        self.bias.grad += dout.sum(axis=0)

    def params(self):
        return {"weight": self.weight, "bias": self.bias}

    def spec(self):
        return {"type": "Linear", "in_features": self.in_features, "out_features": self.out_features,
                "init": self.init}

    def output_shape(self, input_shape):
        if int(np.prod(input_shape)) != self.in_features:
            raise ValueError(f"expects {self.in_features} input features, gets {int(np.prod(input_shape))}")
        return (self.out_features,)
