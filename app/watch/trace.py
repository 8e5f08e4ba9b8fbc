"""One drawing's probabilities under the network in training, step by step: the sparkline's data.

Keeps all ten probabilities per point, so the digit followed (the label) can
change without losing the trace. The label is whatever the user said the
digit is (a correction, when DigitLab has one); until then the answer of the
network in use. No Qt.
"""
from __future__ import annotations

import numpy as np

CLASSES = 10


class DrawingTrace:
    """Points (step, probabilities) for the current drawing; a new drawing starts a new trace."""

    def __init__(self):
        self.label: int | None = None  # set by a correction; None follows the network in use
        self.fallback: int | None = None  # the network in use's answer
        self.clear()

    def clear(self) -> None:
        self._steps: list[int] = []
        self._probs: list[np.ndarray] = []

    def add(self, step: int, probabilities: np.ndarray) -> None:
        """Record the probabilities at `step`; a second point at the same step replaces the first."""
        p = np.asarray(probabilities, dtype=float).reshape(CLASSES).copy()
        if self._steps and self._steps[-1] == step:
            self._probs[-1] = p
        else:
            self._steps.append(int(step))
            self._probs.append(p)

    def digit(self) -> int | None:
        """The digit followed: the label if set, else the network in use's answer."""
        return self.label if self.label is not None else self.fallback

    def __len__(self) -> int:
        return len(self._steps)

    def series(self) -> tuple[np.ndarray, np.ndarray]:
        """(steps, probability of digit()) as arrays; empty when there is no digit to follow."""
        digit = self.digit()
        if digit is None or not self._steps:
            return np.zeros(0), np.zeros(0)
        return np.asarray(self._steps, dtype=float), np.array([p[digit] for p in self._probs])
