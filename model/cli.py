"""DigitLab's command line: `python -m model {train,evaluate,predict,info,bench,experiment}`.

Every error a user can cause prints one line to stderr and exits non-zero;
tracebacks are for bugs only.
"""

from __future__ import annotations

import json
import sys

from model.argparsing import OneLineParser
from model.layers import SpecError
from model.mnist import MnistError
from model.preprocess import ImageError

EXIT_FAILED = 1


class CliError(Exception):
    """A mistake the user can fix, reported as one line."""


def _user_errors() -> tuple[type[BaseException], ...]:
    # Imported here so `model.cli` stays importable while optional parts are missing.
    from model.train import ConfigError
    from model.weights import WeightFileError

    # ValueError: the engine's checks of user-given values (preset options, data shapes) raise it.
    return (CliError, WeightFileError, MnistError, ImageError, ConfigError, SpecError, OSError, ValueError)


def build_parser() -> argparse.ArgumentParser:
    from model import commands

    parser = OneLineParser(prog="digitlab-cli", description="DigitLab's NumPy engine from the command line.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    commands.add_train(sub)
    commands.add_evaluate(sub)
    commands.add_predict(sub)
    commands.add_info(sub)
    commands.add_forwarded(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from model import commands

    if argv[:1] and argv[0] in commands.FORWARDED:
        command, run = argv[0], lambda: commands.run_forwarded(argv[0], argv[1:])
    else:
        args = build_parser().parse_args(argv)
        command, run = args.command, lambda: args.run(args)
    try:
        return int(run() or 0)
    except _user_errors() as exc:
        print(f"digitlab-cli {command}: error: {one_line(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except MemoryError:
        print(f"digitlab-cli {command}: error: not enough memory (try a smaller batch size)", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"digitlab-cli {command}: interrupted", file=sys.stderr)
        return 130


def one_line(exc: BaseException) -> str:
    """The exception's message on one line (OSError's strerror and file name included)."""
    if isinstance(exc, OSError) and exc.strerror:
        text = f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    else:
        text = str(exc) or type(exc).__name__
    if isinstance(exc, KeyError):
        text = text.strip("'\"")
    return " ".join(text.split())


def print_json(obj) -> None:
    print(json.dumps(obj), flush=True)
