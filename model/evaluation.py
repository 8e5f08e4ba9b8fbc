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


def read(net_or_reader, images) -> tuple[np.ndarray, np.ndarray]:
    """Read drawings as the program does: images (n, H, W) -> (digits int64 (n,), confidence float (n,)).

    A drawing the reader refuses is digit -1 with confidence NaN: an empty one
    (`to_mnist` finds no ink) or, for a file that can refuse (a Checkpoint with
    calibration metadata), one it calls "not a digit". Confidences are calibrated.
    """
    from model.calibration import Calibration, read_digits
    from model.data.preprocess import to_mnist

    net = getattr(net_or_reader, "net", net_or_reader)
    calibration = Calibration.from_meta(getattr(net_or_reader, "meta", None))
    prepared = [to_mnist(img) for img in images]
    found = np.array([p is not None for p in prepared], dtype=bool)
    digits = np.full(len(prepared), -1, np.int64)
    confidence = np.full(len(prepared), np.nan)
    if found.any():
        probs, refused = read_digits(net, calibration, np.stack([p for p in prepared if p is not None])[:, None])
        digits[found] = np.where(refused, -1, probs.argmax(axis=1))
        confidence[found] = np.where(refused, np.nan, probs.max(axis=1))
    return digits, confidence


def canvas_accuracy(net, n_each: int = 1000, seed: int = 0, parts=("mnist", "fonts")) -> dict[str, float]:
    """Accuracy on digit parts of the canvas-style set (digits as a person draws them), via `read`."""
    from model.canvas_report import canvas_report

    return {name: r["accuracy"] for name, r in canvas_report(net, n_each, seed, parts).items()}
