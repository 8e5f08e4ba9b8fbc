"""Scoring a network: loss, accuracy, per-class accuracy, the confusion matrix, and the canvas-style set.

`evaluate` is the one scoring loop: training's validation, the command line's
`evaluate`, the experiments and the window's Evaluate dialog all call it.
`read` reads drawings as the window does; on the canvas-style set
(`canvas_accuracy`, model/canvas_report.py) a drawing it refuses counts as a
wrong answer: one metric for `evaluate --canvas` and the mlp-vs-cnn experiment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from model.calibration import Calibration, read_digits
from model.constants import INFERENCE_BATCH, N_CLASSES
from model.data.mnist import load_mnist, to_float
from model.data.preprocess import to_mnist_all
from model.losses import LOSSES


@dataclass
class Report:
    """How a network did on a labelled set.

    loss: mean loss; confusion_matrix: (C, C) int64 counts, rows the true
    class, columns the predicted one. Everything else follows from the matrix.
    """

    loss: float
    confusion_matrix: np.ndarray

    @property
    def images(self) -> int:
        return int(self.confusion_matrix.sum())

    @property
    def mistakes(self) -> int:
        return self.images - int(np.trace(self.confusion_matrix))

    @property
    def accuracy(self) -> float:
        return float(np.trace(self.confusion_matrix) / self.images)

    @property
    def per_class_accuracy(self) -> np.ndarray:
        """(C,) float: the share of each true class predicted right; NaN for a class with no images."""
        return per_class_accuracy(self.confusion_matrix)

    def to_dict(self) -> dict:
        """JSON-able: lists and plain numbers; a class with no images has accuracy None (JSON has no NaN)."""
        return {"accuracy": self.accuracy, "loss": self.loss,
                "per_class_accuracy": [None if np.isnan(a) else float(a) for a in self.per_class_accuracy],
                "confusion_matrix": self.confusion_matrix.tolist()}


def evaluate(net, images: np.ndarray, labels: np.ndarray, batch_size: int = INFERENCE_BATCH, *,
             loss: str = "cross_entropy", progress: Callable[[int, int], None] | None = None,
             should_stop: Callable[[], bool] | None = None) -> Report | None:
    """Score `net` in inference mode on labelled images, `batch_size` at a time.

    images: uint8 (N, 28, 28) as `load_mnist` gives them, or floats in [0, 1]
    of the network's input shape; labels: (N,) int. After each batch
    `progress(images done, N)` is called; `should_stop()` is polled before
    each batch, and if it says stop the result is None.
    """
    x, y = np.asarray(images), np.asarray(labels, dtype=np.int64)
    classes = net.output_shapes()[-1][0]
    if len(x) == 0 or len(x) != len(y):
        raise ValueError(f"need as many labels as images (and at least one), got {len(x)} and {len(y)}")
    if y.min() < 0 or y.max() >= classes:
        raise ValueError(f"labels must be whole numbers from 0 to {classes - 1}")
    loss_fn, total, cm = LOSSES[loss](), 0.0, np.zeros((classes, classes), np.int64)
    for start in range(0, len(x), batch_size):
        if should_stop is not None and should_stop():
            return None
        xb, yb = x[start:start + batch_size], y[start:start + batch_size]
        xb = to_float(xb) if xb.dtype == np.uint8 else xb.astype(net.dtype, copy=False)
        logits = net.forward(xb, train=False)
        total += loss_fn.forward(logits, yb) * len(yb)
        cm += confusion_matrix(yb, logits.argmax(axis=1), classes)
        if progress is not None:
            progress(start + len(yb), len(x))
    return Report(total / len(x), cm)


def evaluate_mnist_test(net, limit: int | None = None, *, progress: Callable[[int, int], None] | None = None,
                        should_stop: Callable[[], bool] | None = None) -> Report | None:
    """`evaluate` on the bundled MNIST test set (its first `limit` images if given)."""
    images, labels = load_mnist("test")
    return evaluate(net, images[:limit], labels[:limit], progress=progress, should_stop=should_stop)


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n: int = N_CLASSES) -> np.ndarray:
    """(n, n) int64 counts: row = true class, column = predicted class."""
    y_true, y_pred = np.asarray(y_true, dtype=np.int64), np.asarray(y_pred, dtype=np.int64)
    return np.bincount(y_true * n + y_pred, minlength=n * n).reshape(n, n)


def per_class_accuracy(cm: np.ndarray) -> np.ndarray:
    """(n,) float: the share of each true class predicted right; NaN for a class with no samples."""
    totals = cm.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(totals > 0, np.diag(cm) / totals, np.nan)


def read(net_or_reader, images, calibration: Calibration | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Read drawings as the program does: images (n, H, W) -> (digits int64 (n,), confidence float (n,)).

    A drawing the reader refuses is digit -1 with confidence NaN: an empty one
    (`to_mnist` finds no ink) or, for a file that can refuse (a Checkpoint with
    calibration metadata, or the `calibration` given), one it calls "not a digit".
    Confidences are calibrated.
    """
    return read_prepared(net_or_reader, *to_mnist_all(images), calibration)


def read_prepared(net_or_reader, inputs: np.ndarray, found: np.ndarray, calibration: Calibration | None = None
                  ) -> tuple[np.ndarray, np.ndarray]:
    """`read` on drawings already through `to_mnist_all`: inputs (n, 28, 28), found (n,) bool (False: refused)."""
    net = getattr(net_or_reader, "net", net_or_reader)
    if calibration is None:
        calibration = Calibration.from_meta(getattr(net_or_reader, "meta", None))
    digits = np.full(len(found), -1, np.int64)
    confidence = np.full(len(found), np.nan)
    if found.any():
        probs, refused = read_digits(net, calibration, inputs[found][:, None])
        digits[found] = np.where(refused, -1, probs.argmax(axis=1))
        confidence[found] = np.where(refused, np.nan, probs.max(axis=1))
    return digits, confidence


def canvas_accuracy(net, n_each: int = 1000, seed: int = 0, parts=("mnist", "fonts")) -> dict[str, float]:
    """Accuracy on digit parts of the canvas-style set (digits as a person draws them), via `read`."""
    from model.canvas_report import canvas_report  # here: canvas_report imports this module's `read`

    return {name: r["accuracy"] for name, r in canvas_report(net, n_each, seed, parts).items()}
