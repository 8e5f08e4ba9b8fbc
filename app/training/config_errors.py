"""The engine's one-line verdicts on a training form's values, in the window's language.

model.train_config marks each verdict's sentence and each setting's name for
lupdate (context "ConfigErrors") and keeps them on the ConfigError; the window
translates both and fills in the same fields. Any other error is shown as the
engine wrote it.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from model.train_config import ConfigError


def translated(error: BaseException) -> str:
    """`error`'s first line in the window's language where the engine marked it for translation."""
    if isinstance(error, ConfigError):
        fields = dict(error.fields)
        if "label" in fields:
            fields["label"] = QCoreApplication.translate("ConfigErrors", fields["label"])
        text = QCoreApplication.translate("ConfigErrors", error.template).format(**fields)
        return text[:1].upper() + text[1:]  # a sentence in the window; the command line prints it after "error: "
    text = str(error)
    return text.splitlines()[0] if text else type(error).__name__
