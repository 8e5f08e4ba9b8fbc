"""Plain per-sample SGD, as the course's small exercises (toy digits, XOR) do it by hand."""

from __future__ import annotations

import numpy as np

from model.flat_params import FlatParams
from model.network import Sequential


def sgd_epoch(net: Sequential, loss_fn, x: np.ndarray, targets: np.ndarray, lr: float,
              rng: np.random.Generator, flat: FlatParams | None = None) -> float:
    """One shuffled pass over (x, targets), a step after every sample; the mean loss.

    A dedicated loop rather than train(): thousands of steps of batch size 1 are
    dominated by Python overhead, so the step is kept to the bare minimum.
    flat: the net's parameters packed once for all its epochs (`FlatParams(net.params())`),
    so that a step updates them all in two operations, not two per tensor.
    """
    flat, lr = flat or FlatParams(net.params()), np.float32(lr)
    total = 0.0
    for i in rng.permutation(len(x)):
        total += loss_fn.forward(net.forward(x[i:i + 1], train=True), targets[i:i + 1])
        net.backward(loss_fn.backward())
        flat.data -= lr * flat.grad  # W <- W - lr * dL/dW, every parameter at once
        flat.grad[...] = 0
    return total / len(x)
