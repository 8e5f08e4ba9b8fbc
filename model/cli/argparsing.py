"""argparse for the command line: usage mistakes in one line, numbers checked where they are parsed."""

from __future__ import annotations

import argparse
import math

EXIT_USAGE = 2


class OneLineParser(argparse.ArgumentParser):
    """Reports a usage mistake in one line instead of usage + message."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see --help)\n")


# Seeds: what numpy's Generator takes and a person types; beyond this nothing is more random.
MAX_SEED = 2 ** 32 - 1


def between(low: float, high: float, kind: type = int, low_open: bool = False):
    """An argparse `type` that parses `kind` and refuses values outside [low, high] (or (low, high]),
    NaN and infinity: an option takes a value a run can finish with."""

    def parse(text: str):
        try:
            value = kind(text)
        except (ValueError, OverflowError):
            raise argparse.ArgumentTypeError(f"{text!r} is not a {'whole number' if kind is int else 'number'}")
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"{text} is not a finite number")
        if not (low < value if low_open else low <= value) or value > high:
            above = "above" if low_open else "at least"
            upper = f" and at most {_show(high)}" if math.isfinite(high) else ""
            raise argparse.ArgumentTypeError(f"{text} is out of range: it must be {above} {_show(low)}{upper}")
        return value

    parse.__name__ = kind.__name__  # argparse names the type in its messages
    return parse


def _show(bound: float) -> str:
    return f"{bound:g}" if isinstance(bound, float) else str(bound)
