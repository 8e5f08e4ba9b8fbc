"""What every command shares about failing: the user's-mistake error type and its one-line form.

A leaf module: it imports no command, so every command can import it.
"""

from __future__ import annotations

from model.data.mnist import MnistError
from model.data.preprocess import ImageError
from model.layers import SpecError
from model.train import ConfigError
from model.weights import WeightFileError

EXIT_FAILED = 1
EXIT_INTERRUPTED = 130


class CliError(Exception):
    """A mistake the user can fix, reported as one line."""


# ValueError: the engine's checks of user-given values (preset options, data shapes) raise it.
USER_ERRORS: tuple[type[BaseException], ...] = (CliError, WeightFileError, MnistError, ImageError, ConfigError,
                                                 SpecError, OSError, ValueError)


def one_line(exc: BaseException) -> str:
    """The exception's message on one line (OSError's strerror and file name included)."""
    if isinstance(exc, OSError) and exc.strerror:
        text = f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    else:
        text = str(exc) or type(exc).__name__
    if isinstance(exc, KeyError):
        text = text.strip("'\"")
    return " ".join(text.split())
