"""Scoring a network: MNIST test accuracy, per-class accuracy, the confusion matrix, and the canvas-style set."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np

from model.data.mnist import load_mnist, to_float

N_CLASSES = 10


@dataclass
class Report:
    accuracy: float
    loss: float
    per_class_accuracy: list[float | None]
    confusion_matrix: list[list[int]]  # rows: true digit, columns: predicted digit

    def to_dict(self) -> dict:
        return asdict(self)


def evaluate_mnist_test(net, limit: int | None = None) -> Report:
    """The network's scores on the bundled MNIST test set (the first `limit` images if given)."""
    images, labels = load_mnist("test")
    if limit is not None:
        images, labels = images[:limit], labels[:limit]
    probs = net.predict_proba(to_float(images))
    return report_from_probs(probs, labels.astype(np.int64))


def report_from_probs(probs: np.ndarray, labels: np.ndarray) -> Report:
    """Scores from softmax probabilities (N, 10) and true labels (N,)."""
    from model.train import confusion_matrix, per_class_accuracy

    predicted = probs.argmax(axis=1)
    cm = confusion_matrix(labels, predicted, N_CLASSES)
    picked = probs[np.arange(len(labels)), labels]
    loss = float(-np.log(np.maximum(picked, np.finfo(probs.dtype).tiny)).mean())
    # JSON has no NaN: a digit with no examples has no accuracy.
    per_class = [None if np.isnan(a) else float(a) for a in per_class_accuracy(cm)]
    return Report(float((predicted == labels).mean()), loss, per_class, cm.tolist())


def canvas_accuracy(net, n_each: int = 1000, seed: int = 0) -> dict[str, float]:
    """Accuracy on each part of the canvas-style set (digits as a person draws them), via `to_mnist`."""
    from model.data.canvas_set import canvas_set
    from model.data.preprocess import to_mnist

    scores = {}
    for name, (images, labels) in canvas_set(n_each=n_each, seed=seed).items():
        prepared = [to_mnist(img) for img in images]
        # An image the preprocessing calls empty counts as wrong.
        found = np.array([p is not None for p in prepared])
        x = np.stack([p for p in prepared if p is not None])[:, None]
        correct = net.predict(x) == labels[found]
        scores[name] = float(correct.sum() / len(labels))
    return scores
