"""What decides a training run: TrainConfig, checked at once with one-line ConfigErrors."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from model.losses import LOSSES
from model.network import Sequential
from model.optim import DEFAULT_MOMENTUM, OPTIMIZERS, Optimizer, make_optimizer
from model.schedules import DEFAULT_GAMMA, SCHEDULES
from model.text import QT_TRANSLATE_NOOP

MAX_EPOCHS = 1000
MAX_LR = 10.0
MAX_WEIGHT_DECAY = 1.0


# The verdicts and the settings' names, marked for lupdate: the window shows them translated,
# filled with the same fields (model/text.py; the command line prints the English).
WHOLE_RANGE = QT_TRANSLATE_NOOP("ConfigErrors", "{label} must be a whole number from {low} to {high}, got {value}")
WHOLE_FROM = QT_TRANSLATE_NOOP("ConfigErrors", "{label} must be a whole number at least {low}, got {value}")
NUMBER_IN = QT_TRANSLATE_NOOP("ConfigErrors", "{label} must be a number in {interval}, got {value}")
UNKNOWN = QT_TRANSLATE_NOOP("ConfigErrors", "unknown {label} {value}; choose one of {known}")
BATCH_TOO_BIG = QT_TRANSLATE_NOOP("ConfigErrors", "batch size {batch} is larger than the {images} training images")
LABELS = (
    QT_TRANSLATE_NOOP("ConfigErrors", "epochs"), QT_TRANSLATE_NOOP("ConfigErrors", "batch size"),
    QT_TRANSLATE_NOOP("ConfigErrors", "learning rate"), QT_TRANSLATE_NOOP("ConfigErrors", "momentum"),
    QT_TRANSLATE_NOOP("ConfigErrors", "weight decay"), QT_TRANSLATE_NOOP("ConfigErrors", "gamma"),
    QT_TRANSLATE_NOOP("ConfigErrors", "optimizer"), QT_TRANSLATE_NOOP("ConfigErrors", "schedule"),
    QT_TRANSLATE_NOOP("ConfigErrors", "loss"), QT_TRANSLATE_NOOP("ConfigErrors", "patience"),
    QT_TRANSLATE_NOOP("ConfigErrors", "training-set size"), QT_TRANSLATE_NOOP("ConfigErrors", "schedule step size"),
    QT_TRANSLATE_NOOP("ConfigErrors", "reports per epoch"), QT_TRANSLATE_NOOP("ConfigErrors", "seed"),
    QT_TRANSLATE_NOOP("ConfigErrors", "batches between progress reports"),
)


class ConfigError(ValueError):
    """A training setting that makes no sense; the message is one line for a person.

    `template` and `fields` are kept so a window can show the same verdict in its own
    language: str(error) == error.template.format(**error.fields)."""

    def __init__(self, template: str, **fields: str):
        self.template, self.fields = template, {name: str(value) for name, value in fields.items()}
        super().__init__(template.format(**self.fields))


@dataclass
class TrainConfig:
    """Everything that decides a training run; JSON-able via dataclasses.asdict.

    patience: stop after this many epochs without a lower validation loss
    (needs validation data); restore_best: end with the weights of the epoch
    with the lowest validation loss. max_train: train on the first N images only.
    step_size, gamma: the "step" schedule's period in epochs and decay factor.
    reports_per_epoch: about this many "batch" records per epoch, whatever the
    data's size (instead of one every log_every batches).
    """

    epochs: int = 1
    batch_size: int = 128
    optimizer: str = "adam"
    lr: float = 1e-3
    momentum: float = DEFAULT_MOMENTUM
    weight_decay: float = 0.0
    schedule: str = "constant"
    loss: str = "cross_entropy"
    augment: bool = False
    patience: int | None = None
    restore_best: bool = True
    seed: int = 0
    log_every: int = 10
    max_train: int | None = None
    step_size: int | None = None
    gamma: float = DEFAULT_GAMMA
    reports_per_epoch: int | None = None

    def validate(self, n_train: int | None = None) -> TrainConfig:
        """Raise ConfigError for an absurd value; n_train also checks the batch fits the data."""
        _whole("epochs", self.epochs, 1, MAX_EPOCHS)
        _whole("batch size", self.batch_size, 1)
        _number("learning rate", self.lr, 0.0, MAX_LR, low_open=True)
        _number("momentum", self.momentum, 0.0, 1.0, high_open=True)
        _number("weight decay", self.weight_decay, 0.0, MAX_WEIGHT_DECAY)
        _number("gamma", self.gamma, 0.0, 1.0, low_open=True)
        for label, value, known in (("optimizer", self.optimizer, OPTIMIZERS), ("schedule", self.schedule, SCHEDULES),
                                    ("loss", self.loss, tuple(LOSSES))):
            if value not in known:
                raise ConfigError(UNKNOWN, label=label, value=repr(value), known=", ".join(known))
        for label, value in (("patience", self.patience), ("training-set size", self.max_train),
                             ("schedule step size", self.step_size), ("reports per epoch", self.reports_per_epoch)):
            if value is not None:
                _whole(label, value, 1)
        _whole("seed", self.seed, 0)
        _whole("batches between progress reports", self.log_every, 1)
        if n_train is not None:
            usable = min(n_train, self.max_train or n_train)
            if self.batch_size > usable:
                raise ConfigError(BATCH_TOO_BIG, batch=self.batch_size, images=usable)
        return self

    def make_optimizer(self, net: Sequential) -> Optimizer:
        """The optimizer this config asks for, over all of `net`'s parameters."""
        return make_optimizer(self.optimizer, net.params(), self.lr, momentum=self.momentum,
                              weight_decay=self.weight_decay)


def _whole(label: str, value, low: int, high: int | None = None) -> None:
    ok = isinstance(value, (int, np.integer)) and not isinstance(value, bool)
    if not ok or value < low or (high is not None and value > high):
        if high is None:
            raise ConfigError(WHOLE_FROM, label=label, low=low, value=repr(value))
        raise ConfigError(WHOLE_RANGE, label=label, low=low, high=high, value=repr(value))


def _number(label: str, value, low: float, high: float, low_open=False, high_open=False) -> None:
    ok = isinstance(value, (int, float, np.number)) and not isinstance(value, bool) and math.isfinite(value)
    ok = ok and (value > low if low_open else value >= low) and (value < high if high_open else value <= high)
    if not ok:
        interval = f"{'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"
        raise ConfigError(NUMBER_IN, label=label, interval=interval, value=repr(value))
