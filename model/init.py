"""Weight initialisation from an explicit, seeded `numpy.random.Generator`."""

from __future__ import annotations

import numpy as np

INITS = ("he", "xavier")


def init_weight(
    shape: tuple[int, ...], fan_in: int, fan_out: int, scheme: str, rng: np.random.Generator, dtype=np.float32
) -> np.ndarray:
    """Random weights of `shape` with the variance `scheme` asks for.

    he: N(0, 2 / fan_in), for ReLU-like units (He et al. 2015).
    xavier: N(0, 2 / (fan_in + fan_out)), for sigmoid and tanh (Glorot and Bengio 2010).
    A number instead of a name is used as the standard deviation itself (the
    under-fitting experiment needs "far too small").
    """
    if isinstance(scheme, (int, float)):
        std = float(scheme)
    elif scheme == "he":
        std = np.sqrt(2.0 / fan_in)
    elif scheme == "xavier":
        std = np.sqrt(2.0 / (fan_in + fan_out))
    else:
        raise ValueError(f"unknown initialisation {scheme!r}; choose one of {', '.join(INITS)} or a number")
    return (rng.standard_normal(shape) * std).astype(dtype)
