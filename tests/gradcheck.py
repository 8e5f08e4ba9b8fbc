"""Gradient-check helpers: centred differences compared with a layer's backward.

Imported by the tests as `from gradcheck import ...` (pytest puts tests/ on the path).
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from model.network import Sequential

# Step of the centred differences: small against the inputs' scale, large
# against float64 rounding (error ~ STEP**2 + 1e-16 / STEP).
STEP = 1e-6
# Norm-relative error below which analytic and numerical gradients agree.
TOLERANCE = 1e-6
# Floor of the relative error's denominator. A gradient that is truly zero (a
# bias just before batch norm) comes out of centred differences as rounding
# noise ~1e-16 / STEP = 1e-10 per entry; with this floor that noise passes,
# while the gradients checked here all have norms far above it.
NORM_FLOOR = 1e-3


def rel_error(a: np.ndarray, b: np.ndarray) -> float:
    """||a - b|| / (||a|| + ||b||): 0 for equal arrays, 1 for unrelated ones."""
    scale = max(np.linalg.norm(a) + np.linalg.norm(b), NORM_FLOOR)
    return float(np.linalg.norm(a - b) / scale)


def numerical_gradient(f: Callable[[], float], arr: np.ndarray, step: float = STEP) -> np.ndarray:
    """d f() / d arr by centred differences, nudging arr in place and restoring it."""
    grad = np.zeros_like(arr)
    flat, gflat = arr.reshape(-1), grad.reshape(-1)
    assert np.shares_memory(flat, arr), "arr must be contiguous so it can be nudged in place"
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + step
        plus = f()
        flat[i] = old - step
        minus = f()
        flat[i] = old
        gflat[i] = (plus - minus) / (2 * step)
    return grad


def as_float64(layer):
    """The layer with its parameters and buffers converted to float64 (in place)."""
    Sequential([layer]).astype(np.float64)
    return layer


def layer_gradient_errors(layer, x: np.ndarray, rng: np.random.Generator, train: bool = True,
                          before_forward: Callable[[], None] = lambda: None) -> dict[str, float]:
    """Relative errors of dx and of every parameter's grad for loss = sum(layer(x) * g), g random.

    before_forward() runs before every forward, e.g. to reseed a dropout mask.
    """
    x = np.ascontiguousarray(x, dtype=np.float64)
    before_forward()
    upstream = rng.standard_normal(layer.forward(x, train).shape)

    def loss() -> float:
        before_forward()
        return float(np.sum(layer.forward(x, train) * upstream))

    for p in layer.params().values():
        p.grad[...] = 0
    before_forward()
    layer.forward(x, train)
    dx = layer.backward(upstream.copy())
    errors = {"x": rel_error(dx, numerical_gradient(loss, x))}
    for name, p in layer.params().items():
        errors[name] = rel_error(p.grad, numerical_gradient(loss, p.data))
    return errors
