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
        labels = np.asarray(labels)
        rows, none = np.arange(logits.shape[0]), labels == UNIFORM
        self._labels, self._none = labels, (none if none.any() else None)
        log_probs = logits - logits.max(axis=1, keepdims=True)  # shifted: exp never overflows
        probs = np.exp(log_probs)
        log_probs -= np.log(probs.sum(axis=1, keepdims=True))  # shifted - log(sum(exp(shifted)))
        np.exp(log_probs, out=probs)  # softmax, in the memory of exp(shifted)
        self.probs = probs
        if self._none is None:
            return float(-log_probs[rows, labels].mean())  # -log p[y], averaged over the batch
        # "Not a digit": the cross-entropy to the uniform target is the mean of -log p over the classes.
        picked = np.where(none, log_probs.mean(axis=1), log_probs[rows, np.where(none, 0, labels)])
        return float(-picked.mean())

    def backward(self) -> np.ndarray:
        n, classes = self.probs.shape
        dlogits = self.probs.copy()
        if self._none is None:
            dlogits[np.arange(n), self._labels] -= 1  # p - onehot
        else:
            known = np.flatnonzero(~self._none)
            dlogits[known, self._labels[known]] -= 1
            dlogits[self._none] -= dlogits.dtype.type(1 / classes)  # the uniform target: p - 1/C
        dlogits /= dlogits.dtype.type(n)  # (p - target) / N
        return dlogits


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
