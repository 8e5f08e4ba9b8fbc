"""Weights crossing from the training thread to the GUI thread, and the GUI's own copy of the network.

The worker takes a Snapshot (fresh copies of its state dict) about
SNAPSHOTS_PER_S times a second, between optimizer steps, and emits it; it
never touches that dict again. The GUI thread loads it into a LiveNetwork,
its own copy of the architecture, with load_state_dict (which copies). So the
two threads share no mutable arrays. Plain NumPy and the engine; no Qt.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from model.network import Sequential
from model.rate_clock import RateClock

SNAPSHOTS_PER_S = 2


@dataclass(frozen=True)
class Snapshot:
    step: int  # optimizer steps taken when the weights were copied
    spec: list[dict]
    input_shape: tuple[int, ...]
    state: dict[str, np.ndarray]  # copies, owned by whoever receives the snapshot


def take_snapshot(net: Sequential, step: int) -> Snapshot:
    """Copies of `net`'s weights and buffers (state_dict copies), with what rebuilds it."""
    return Snapshot(int(step), net.spec(), tuple(net.input_shape), net.state_dict())


class SnapshotClock(RateClock):
    """Says when the next snapshot is due: at most `per_second` (SNAPSHOTS_PER_S) a second, the first at once."""

    def __init__(self, per_second: float | None = None, now=time.monotonic):
        super().__init__(per_second or SNAPSHOTS_PER_S, now)


class LiveNetwork:
    """The GUI thread's copy of the network in training, refreshed from snapshots."""

    def __init__(self):
        self._net: Sequential | None = None
        self._spec: tuple | None = None
        self.step: int | None = None

    def load(self, snapshot: Snapshot) -> None:
        """Take the snapshot's weights (copied in); rebuild first if the architecture is new."""
        key = (repr(snapshot.spec), snapshot.input_shape)
        if self._net is None or key != self._spec:
            self._net = Sequential.from_spec(snapshot.spec, input_shape=snapshot.input_shape)
            self._net.astype(next(iter(snapshot.state.values())).dtype if snapshot.state else np.float32)
            self._spec = key
        self._net.load_state_dict(snapshot.state)
        self.step = snapshot.step

    def load_network(self, net: Sequential, step: int) -> None:
        """Take the weights of a finished run's network (a copy the GUI already owns)."""
        self.load(take_snapshot(net, step))

    def clear(self) -> None:
        self._net, self._spec, self.step = None, None, None

    def is_ready(self) -> bool:
        return self._net is not None

    def probabilities(self, image: np.ndarray) -> np.ndarray | None:
        """(10,) softmax for one preprocessed (28, 28) image, or None before the first snapshot."""
        if self._net is None:
            return None
        with np.errstate(over="ignore", invalid="ignore"):  # a diverging run may overflow
            p = np.asarray(self._net.predict_proba(image[None, None]))[0].astype(np.float64)
        return p if np.isfinite(p).all() else None
