"""argparse for the command line: usage mistakes in one line, numbers checked where they are parsed."""

from __future__ import annotations

import argparse

EXIT_USAGE = 2


class OneLineParser(argparse.ArgumentParser):
    """Reports a usage mistake in one line instead of usage + message."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


def at_least(low: float, kind: type = int):
    """An argparse `type` that parses `kind` and refuses values below `low` (and NaN)."""

    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a {'whole number' if kind is int else 'number'}")
        if not value >= low:  # also false for NaN
            raise argparse.ArgumentTypeError(f"{text} is below the smallest allowed value, {low}")
        return value

    parse.__name__ = kind.__name__  # argparse names the type in its messages
    return parse
