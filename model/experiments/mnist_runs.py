"""What the MNIST experiments share: data subsets and a training run with test curves.

`fit` drives model.train.train and, after every epoch, evaluates the network
on a fixed test subset, so every experiment can draw the four standard
curves (training and test loss and accuracy) from one record.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from model.constants import N_CLASSES
from model.data.mnist import load_mnist, to_float, train_val_split
from model.evaluation import evaluate
from model.experiments.reporting import Cancelled, Reporter
from model.experiments.results import EPOCH, Panel, Series, shown
from model.network import Sequential
from model.text import QT_TRANSLATE_NOOP, translate
from model.train import TrainConfig, train

LN_10 = float(np.log(10))
GUESSING = QT_TRANSLATE_NOOP("Experiments", "ln(10): guessing")  # the loss of a network that guesses


@dataclass
class Data:
    """Float inputs (N, 1, 28, 28) in [0, 1] and int labels; validation may be empty."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray | None
    y_val: np.ndarray | None
    x_test: np.ndarray
    y_test: np.ndarray

    def describe(self) -> str:
        if self.x_val is None:
            return translate("Experiments", "{train} training, {test} test images").format(
                train=len(self.x_train), test=len(self.x_test))
        return translate("Experiments", "{train} training, {val} validation, {test} test images").format(
            train=len(self.x_train), val=len(self.x_val), test=len(self.x_test))


def mnist_subset(n_train: int, n_val: int, n_test: int, seed: int = 0, classes: tuple[int, ...] | None = None) -> Data:
    """A seeded subset of MNIST: training and validation images from the training set, test from the test set.

    classes: keep only these digits, relabelled 0..len(classes)-1 in that order.
    The validation images never overlap the training images; the test subset
    is the first n_test (of the kept classes), the same for every seed.
    """
    images, labels = load_mnist("train")
    test_images, test_labels = load_mnist("test")
    if classes is not None:
        images, labels = _keep(images, labels, classes)
        test_images, test_labels = _keep(test_images, test_labels, classes)
    x_tr, y_tr, x_val, y_val = train_val_split(images, labels, val_size=n_val, seed=seed)
    return Data(to_float(x_tr[:n_train]), y_tr[:n_train].astype(np.int64),
                to_float(x_val) if n_val else None, y_val.astype(np.int64) if n_val else None,
                to_float(test_images[:n_test]), test_labels[:n_test].astype(np.int64))


def _keep(images: np.ndarray, labels: np.ndarray, classes: tuple[int, ...]) -> tuple[np.ndarray, np.ndarray]:
    mask = np.isin(labels, classes)
    relabel = np.zeros(N_CLASSES, dtype=np.uint8)
    relabel[list(classes)] = np.arange(len(classes))
    return images[mask], relabel[labels[mask]]


@dataclass
class Curves:
    """Per-epoch history of one run, plus how it ended."""

    loss: list[float] = field(default_factory=list)
    acc: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    val_acc: list[float] = field(default_factory=list)
    test_loss: list[float] = field(default_factory=list)
    test_acc: list[float] = field(default_factory=list)
    reason: str = ""
    best_epoch: int | None = None
    seconds: float = 0.0  # wall time of the training itself, test evaluations excluded

    @property
    def epochs(self) -> int:
        return len(self.loss)


def fit(net: Sequential, data: Data, config: TrainConfig, report: Reporter, validate: bool = False) -> Curves:
    """Train `net` in place with `config`, testing after every epoch.

    validate: pass the validation set to train() (needed for early stopping).
    Raises Cancelled when the report's caller asks to stop.
    """
    curves, test_time = Curves(), 0.0
    val = {"x_val": data.x_val, "y_val": data.y_val} if validate else {}
    started = time.perf_counter()
    for record in train(net, data.x_train, data.y_train, config, should_stop=report.stopped, **val):
        if record.kind == "batch":
            report(record.step / record.total_steps, translate("Experiments", "epoch {epoch}/{epochs}, loss {loss}")
                   .format(epoch=record.epoch, epochs=record.epochs, loss=f"{record.loss:.3f}"))
        elif record.kind == "epoch":
            tick = time.perf_counter()
            test = evaluate(net, data.x_test, data.y_test, loss=config.loss)
            curves.test_loss.append(test.loss)
            curves.test_acc.append(test.accuracy)
            test_time += time.perf_counter() - tick
        elif record.kind == "done":
            if record.reason == "stopped":
                raise Cancelled
            history = record.history
            curves.loss, curves.acc = history["loss"], history["acc"]
            curves.val_loss, curves.val_acc = history["val_loss"], history["val_acc"]
            curves.reason, curves.best_epoch = record.reason, record.best_epoch
    # An early-stopped run yields its last epoch record too, so test curves match the history.
    curves.test_loss, curves.test_acc = curves.test_loss[:curves.epochs], curves.test_acc[:curves.epochs]
    curves.seconds = time.perf_counter() - started - test_time
    return curves


# Curves attribute -> (panel title, y label), translated when drawn
CROSS_ENTROPY = QT_TRANSLATE_NOOP("Experiments", "cross-entropy")
ACCURACY = QT_TRANSLATE_NOOP("Experiments", "accuracy")
CURVE_PANELS = {
    "loss": (QT_TRANSLATE_NOOP("Experiments", "Training loss"), CROSS_ENTROPY),
    "acc": (QT_TRANSLATE_NOOP("Experiments", "Training accuracy"), ACCURACY),
    "val_loss": (QT_TRANSLATE_NOOP("Experiments", "Validation loss"), CROSS_ENTROPY),
    "val_acc": (QT_TRANSLATE_NOOP("Experiments", "Validation accuracy"), ACCURACY),
    "test_loss": (QT_TRANSLATE_NOOP("Experiments", "Test loss"), CROSS_ENTROPY),
    "test_acc": (QT_TRANSLATE_NOOP("Experiments", "Test accuracy"), ACCURACY),
}
STANDARD_CURVES = ("loss", "acc", "test_loss", "test_acc")


def curve_panels(runs: dict[str, Curves], which: tuple[str, ...] = STANDARD_CURVES, prefix: str = ""):
    """One Panel per curve kind in `which`, with a line per run, against the epoch.

    Run labels marked with QT_TRANSLATE_NOOP("Experiments", ...) show translated in the legend.
    """
    return [Panel(prefix + shown(CURVE_PANELS[key][0]), shown(EPOCH), shown(CURVE_PANELS[key][1]),
                  [Series(shown(label), getattr(c, key), style=".-") for label, c in runs.items()])
            for key in which]
