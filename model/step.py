"""One training step and the batches of one epoch: what the training loop runs, and what `bench` times.

Kept apart from the loop (model/train.py) so that `python -m model bench`
measures and profiles the very step the loop takes, not a copy of it.
"""

from __future__ import annotations

import math
from typing import Callable, Iterator

import numpy as np

from model import parallel
from model.data.augment import augment
from model.layers import Conv2d
from model.losses import UNIFORM
from model.network import Sequential
from model.optim import Optimizer


def epoch_batches(x: np.ndarray, y: np.ndarray, batch_size: int, rng: np.random.Generator,
                  dtype=np.float32, augmented: bool = False) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """The batches (xb, yb) of one epoch over x: (N, ...) and y: (N,), in an order drawn from rng.

    Each batch is gathered when it is asked for (x[idx], 128 rows): measured, that
    is cheaper than one permuted copy of the whole set per epoch, which would also
    double the memory the images take. The permutation is drawn at the first batch.
    """
    order = rng.permutation(len(x))
    for start in range(0, len(x), batch_size):
        idx = order[start:start + batch_size]
        xb = x[idx].astype(dtype, copy=False)
        yield (augment(xb, rng) if augmented else xb), y[idx]


def train_step(net: Sequential, loss_fn, optimizer: Optimizer, xb: np.ndarray, yb: np.ndarray,
               before_update: Callable[[], None] | None = None) -> tuple[float, int, int]:
    """One forward, backward and update on a batch; returns (loss, correct, images with a class).

    No update when the loss is not finite. before_update() runs once the loss is
    known to be finite, just before the optimizer's step (the loop keeps the
    weights that gave it). Images labelled UNIFORM (not a digit) count in the
    loss but not in the accuracy.
    """
    # A blow-up is reported as divergence (a non-finite loss next step), not as NumPy warnings.
    # Networks with convolutions spend most of a step in model.parallel's tasks: their steps hold the
    # BLAS at one thread throughout; a network of products only keeps the BLAS's own threads.
    convolutions = any(isinstance(layer, Conv2d) for layer in net.layers)
    with np.errstate(over="ignore", invalid="ignore"), parallel.step(hold=convolutions):
        logits = net.forward(xb, train=True)
        loss = loss_fn.forward(logits, yb)
        if not math.isfinite(loss):
            return loss, 0, 0
        net.zero_grad()
        net.backward(loss_fn.backward(), input_grad=False)
        if before_update is not None:
            before_update()
        optimizer.step()
    return loss, int((logits.argmax(axis=1) == yb).sum()), int((yb != UNIFORM).sum())


def copy_weights(net: Sequential, into: dict[str, np.ndarray]) -> None:
    """Copy every parameter and buffer of net into the arrays of `into` (a `net.state_dict()`)."""
    for name, p in net.params().items():
        np.copyto(into[name], p.data)
    for name, b in net.buffers().items():
        np.copyto(into[name], b)
