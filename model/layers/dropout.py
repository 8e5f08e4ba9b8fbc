"""Inverted dropout."""

from __future__ import annotations

import numpy as np

from model.layers.base import Layer


class Dropout(Layer):
    """Zero each value with probability p while training and scale the rest by 1 / (1 - p).

    Inverted dropout (CS231n): the expected output equals the input, so inference
    is the identity and needs no rescaling. x: any shape.
    The mask comes from the layer's own generator, split off the one that built
    the network; `reseed(seed)` makes the next masks repeatable (gradient checks).
    """

    def __init__(self, p: float = 0.5, rng: np.random.Generator | None = None):
        self.p = float(p)
        if not 0.0 <= self.p < 1.0:
            raise ValueError(f"p must be in [0, 1), got {self.p}")
        rng = rng if rng is not None else np.random.default_rng(0)
        # spawn() draws nothing from rng, so adding dropout leaves other layers' weights alone.
        self._rng = rng.spawn(1)[0]
        self._mask = None

    def reseed(self, seed: int) -> None:
        """Restart the mask generator: the same seed gives the same masks again."""
        self._rng = np.random.default_rng(seed)

    def forward(self, x, train=False):
        if not train or self.p == 0.0:
            self._mask = None
            return x
        keep = 1.0 - self.p
        draws = self._rng.random(x.shape, dtype=np.float32)
        kept = draws < keep
        # The mask (kept / keep) takes the draws' memory when the dtypes agree: one array fewer.
        self._mask = np.multiply(kept, x.dtype.type(1.0 / keep), out=draws if x.dtype == draws.dtype else None)
        return x * self._mask

    def backward(self, dout):
        return dout if self._mask is None else dout * self._mask

    def spec(self):
        return {"type": "Dropout", "p": self.p}
