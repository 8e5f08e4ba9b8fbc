"""The engine's one-line verdicts on a training form's values, in the window's language.

model/ speaks English (its messages are the command line's too), so the window
rebuilds the verdicts the form can provoke from their parts; any other
message is shown as the engine wrote it.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# The settings the form sets, as model.train_config names them.
LABELS = {
    "epochs": QT_TRANSLATE_NOOP("ConfigErrors", "epochs"),
    "batch size": QT_TRANSLATE_NOOP("ConfigErrors", "batch size"),
    "learning rate": QT_TRANSLATE_NOOP("ConfigErrors", "learning rate"),
    "seed": QT_TRANSLATE_NOOP("ConfigErrors", "seed"),
    "training-set size": QT_TRANSLATE_NOOP("ConfigErrors", "training-set size"),
}
WHOLE_RANGE = re.compile(
    r"^(?P<label>.+) must be a whole number from (?P<low>\S+) to (?P<high>\S+), got (?P<value>.+)$")
WHOLE_FROM = re.compile(r"^(?P<label>.+) must be a whole number at least (?P<low>\S+), got (?P<value>.+)$")
NUMBER_IN = re.compile(r"^(?P<label>.+) must be a number in (?P<interval>\S+, \S+), got (?P<value>.+)$")
BATCH_TOO_BIG = re.compile(r"^batch size (?P<batch>\d+) is larger than the (?P<images>\d+) training images$")


def translated(message: str) -> str:
    """`message` from TrainConfig.validate() in the window's language; any other message unchanged."""
    if match := BATCH_TOO_BIG.match(message):
        return QCoreApplication.translate(
            "ConfigErrors", "The batch size {0} is larger than the {1} training images.").format(
            match["batch"], match["images"])
    for pattern in (WHOLE_RANGE, WHOLE_FROM, NUMBER_IN):
        match = pattern.match(message)
        if match and match["label"] in LABELS:
            return _sentence(pattern, match)
    return message


def _sentence(pattern: re.Pattern, match: re.Match) -> str:
    label = QCoreApplication.translate("ConfigErrors", LABELS[match["label"]])
    if pattern is WHOLE_RANGE:
        text = QCoreApplication.translate("ConfigErrors", "The {0} must be a whole number from {1} to {2}, not {3}.")
        return text.format(label, match["low"], match["high"], match["value"])
    if pattern is WHOLE_FROM:
        text = QCoreApplication.translate("ConfigErrors", "The {0} must be a whole number of at least {1}, not {2}.")
        return text.format(label, match["low"], match["value"])
    text = QCoreApplication.translate("ConfigErrors", "The {0} must be a number in {1}, not {2}.")
    return text.format(label, match["interval"], match["value"])
