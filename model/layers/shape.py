"""Layers that only move or rescale values: Flatten and Normalize."""

from __future__ import annotations

import math

import numpy as np

from model.constants import MNIST_MEAN, MNIST_STD
from model.layers.base import Layer

MIN_STD, MAX_STD = 1e-6, 1e6


class Flatten(Layer):
    """x: (N, d1, ..., dk) -> (N, d1 * ... * dk)."""

    def forward(self, x, train=False):
        self._in_shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, dout):
        return dout.reshape(self._in_shape)

    def output_shape(self, input_shape):
        return (int(np.prod(input_shape)),)


class Normalize(Layer):
    """(x - mean) / std with fixed constants: the network's input normalisation.

    Kept inside the network so that every weight file carries the normalisation
    it was trained with, and every caller feeds plain [0, 1] images.
    """

    def __init__(self, mean: float = MNIST_MEAN, std: float = MNIST_STD):
        self.mean, self.std = float(mean), float(std)
        # 1/std must be an ordinary float32: a tiny std would turn every input into inf.
        if not (math.isfinite(self.mean) and math.isfinite(self.std) and MIN_STD <= self.std <= MAX_STD):
            raise ValueError(f"Normalize needs a finite mean and a std in [{MIN_STD:g}, {MAX_STD:g}], "
                             f"got mean {self.mean:g}, std {self.std:g}")

    def forward(self, x, train=False):
        return (x - x.dtype.type(self.mean)) * x.dtype.type(1 / self.std)

    def backward(self, dout):
        return dout * dout.dtype.type(1 / self.std)

    def spec(self):
        return {"type": "Normalize", "mean": self.mean, "std": self.std}
