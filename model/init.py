"""Weight initialisation from an explicit, seeded `numpy.random.Generator`."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

import numpy as np

INITS = ("he", "xavier", "small")

# "small" is LeCun's N(0, 1 / fan_in) scaled down by this factor: an output layer
# so initialised starts with logits near 0, i.e. near-uniform predictions and a
# loss near ln(classes), instead of confident random guesses.
SMALL_GAIN = 0.1

# True while a network is built only to receive weights read from a file: drawing
# millions of random numbers to throw away was most of the time a cnn file took to load.
_PLACEHOLDERS: ContextVar[bool] = ContextVar("placeholder_weights", default=False)


@contextmanager
def placeholder_weights():
    """Within: init_weight gives zeros and draws nothing (layers still spawn their own generators,
    which draws nothing either, so dropout's stream is the same as after a random start)."""
    token = _PLACEHOLDERS.set(True)
    try:
        yield
    finally:
        _PLACEHOLDERS.reset(token)


def init_weight(
    shape: tuple[int, ...], fan_in: int, fan_out: int, scheme: str, rng: np.random.Generator, dtype=np.float32
) -> np.ndarray:
    """Random weights of `shape` with the variance `scheme` asks for.

    he: N(0, 2 / fan_in), for ReLU-like units (He et al. 2015).
    xavier: N(0, 2 / (fan_in + fan_out)), for sigmoid and tanh (Glorot and Bengio 2010).
    small: N(0, SMALL_GAIN**2 / fan_in), for the output layer.
    A number instead of a name is used as the standard deviation itself (the
    under-fitting experiment needs "far too small").
    """
    if isinstance(scheme, (int, float)):
        std = float(scheme)
    elif scheme == "he":
        std = np.sqrt(2.0 / fan_in)
    elif scheme == "xavier":
        std = np.sqrt(2.0 / (fan_in + fan_out))
    elif scheme == "small":
        std = SMALL_GAIN / np.sqrt(fan_in)
    else:
        raise ValueError(f"unknown initialisation {scheme!r}; choose one of {', '.join(INITS)} or a number")
    if _PLACEHOLDERS.get():
        return np.zeros(shape, dtype)
    return (rng.standard_normal(shape) * std).astype(dtype)
