"""Losses: softmax cross-entropy (fused) and mean squared error."""

from __future__ import annotations

import numpy as np

# Floor for probabilities inside a logarithm.
EPS = 1e-12


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
    """

    def forward(self, logits: np.ndarray, labels: np.ndarray) -> float:
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_sum = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        log_probs = shifted - log_sum
        self.probs = np.exp(log_probs)
        self._labels = np.asarray(labels)
        n = logits.shape[0]
        return float(-log_probs[np.arange(n), self._labels].mean())

    def backward(self) -> np.ndarray:
        n = self.probs.shape[0]
        dlogits = self.probs.copy()
        dlogits[np.arange(n), self._labels] -= 1
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
