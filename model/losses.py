"""Losses: softmax cross-entropy (fused) and mean squared error."""

from __future__ import annotations

import numpy as np

# Floor for probabilities inside a logarithm.
EPS = 1e-12
# The label of a training image that is none of the classes ("not a digit").
UNIFORM = -1


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax, stable for any logits. logits: (N, C) -> (N, C)."""
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


class SoftmaxCrossEntropy:
    """Softmax followed by cross-entropy on integer labels (the book's `SoftmaxWithLoss`).

    Fused so that the gradient is the stable (p - onehot) / N and log-probabilities
    come from log-sum-exp, never from log(softmax).
    forward(logits: (N, C), labels: (N,) int) -> mean loss; backward() -> dlogits (N, C).
    A label of UNIFORM (-1) means "none of the classes" (outlier exposure): its target
    is the uniform distribution, so its loss is the cross-entropy to 1/C and its
    gradient (p - 1/C) / N.
    """

    def forward(self, logits: np.ndarray, labels: np.ndarray) -> float:
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_sum = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        log_probs = shifted - log_sum
        self.probs = np.exp(log_probs)
        self._labels = np.asarray(labels)
        self._none = self._labels == UNIFORM
        n = logits.shape[0]
        picked = log_probs[np.arange(n), np.where(self._none, 0, self._labels)]
        if self._none.any():
            picked = np.where(self._none, log_probs.mean(axis=1), picked)
        return float(-picked.mean())

    def backward(self) -> np.ndarray:
        n, classes = self.probs.shape
        dlogits = self.probs.copy()
        known = np.flatnonzero(~self._none)
        dlogits[known, self._labels[known]] -= 1
        dlogits[self._none] -= dlogits.dtype.type(1 / classes)
        return dlogits / dlogits.dtype.type(n)


class MSE:
    """Mean squared error, 0.5 * sum over outputs, averaged over the batch.

    The courses' "squared error" for sigmoid outputs. forward(y: (N, C), target:
    (N, C) or integer labels (N,), one-hot encoded) -> loss; backward() -> dy.
    """

    def forward(self, y: np.ndarray, target: np.ndarray) -> float:
        if target.ndim == 1:
            target = np.eye(y.shape[1], dtype=y.dtype)[target]
        self._diff = y - target
        return float(0.5 * np.sum(self._diff**2) / y.shape[0])

    def backward(self) -> np.ndarray:
        return self._diff / self._diff.dtype.type(self._diff.shape[0])


LOSSES = {"cross_entropy": SoftmaxCrossEntropy, "mse": MSE}
