"""The entry point: `python -m model {train,evaluate,predict,info,explain,calibrate,finetune,bench,experiment}`.

Every error a user can cause prints one line to stderr and exits non-zero;
tracebacks are for bugs only.
"""

from __future__ import annotations

import argparse
import os
import sys

# Before NumPy loads: finetune's batches are small, and on a shared machine a second BLAS
# thread made it ten times slower in CPU time (measured); the app does the same.
if sys.argv[1:2] == ["finetune"]:
    for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_name, "1")

from model.cli import commands
from model.cli.argparsing import OneLineParser
from model.cli.errors import EXIT_FAILED, EXIT_INTERRUPTED, USER_ERRORS, one_line


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="digitlab-cli", description="DigitLab's NumPy engine from the command line.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)
    commands.add_train(sub)
    commands.add_evaluate(sub)
    commands.add_predict(sub)
    commands.add_info(sub)
    commands.add_explain(sub)
    commands.add_calibrate(sub)
    commands.add_finetune(sub)
    commands.add_forwarded(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] and argv[0] in commands.FORWARDED:
        command, run = argv[0], lambda: commands.run_forwarded(argv[0], argv[1:])
    else:
        args = build_parser().parse_args(argv)
        command, run = args.command, lambda: args.run(args)
    try:
        return int(run() or 0)
    except BrokenPipeError:
        # The reader left (`... | head`): not an error to report. Point stdout at devnull so
        # Python's own flush at exit doesn't raise again (the recipe in Python's signal docs).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except USER_ERRORS as exc:
        print(f"digitlab-cli {command}: error: {one_line(exc)}", file=sys.stderr)
        return EXIT_FAILED
    except MemoryError:
        print(f"digitlab-cli {command}: error: not enough memory (try a smaller batch size)", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"digitlab-cli {command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
