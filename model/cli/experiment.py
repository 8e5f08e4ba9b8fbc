"""`python -m model.experiments NAME [--quick] [--out DIR] [--seed N]` and `--list`."""

from __future__ import annotations

import argparse
import sys
import time

from tqdm import tqdm

from model.cli.argparsing import MAX_SEED, OneLineParser, between
from model.cli.errors import EXIT_FAILED, EXIT_INTERRUPTED
from model.experiments import EXPERIMENTS, Cancelled, run_experiment

BAR_STEPS = 1000  # the bar moves in thousandths of the run
# A percentage and the time, no rate: "thousandths per second" reads as nothing to a person.
BAR_FORMAT = "{desc}: {percentage:3.0f}%|{bar}| {elapsed} elapsed, {remaining} left{postfix}"


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="python -m model experiment",
                                     description="Run one of DigitLab's course experiments.")
    parser.add_argument("name", nargs="?", choices=list(EXPERIMENTS), metavar="NAME",
                        help="the experiment to run (see --list)")
    parser.add_argument("--list", action="store_true", help="list the experiments and exit")
    parser.add_argument("--quick", action="store_true", help="a seconds-long version with little data")
    parser.add_argument("--out", metavar="DIR", help="results folder (default results/NAME)")
    parser.add_argument("--seed", type=between(0, MAX_SEED), default=0, help="random seed (default 0)")
    return parser


def list_experiments() -> str:
    width = max(map(len, EXPERIMENTS))
    return "\n".join(f"{name:<{width}}  {description}" for name, (description, _) in EXPERIMENTS.items())


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.list:
        print(list_experiments())
        return 0
    if args.name is None:
        parser.error("name an experiment, or --list")
    started = time.perf_counter()
    with tqdm(total=BAR_STEPS, desc=args.name, bar_format=BAR_FORMAT, leave=False, file=sys.stderr) as bar:
        def progress(fraction: float, message: str) -> None:
            bar.update(round(fraction * BAR_STEPS) - bar.n)
            bar.set_postfix_str(message, refresh=False)

        try:
            result = run_experiment(args.name, args.out, quick=args.quick, seed=args.seed, progress=progress)
        except (KeyboardInterrupt, Cancelled):
            print(f"{parser.prog} {args.name}: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
        except (OSError, ValueError) as exc:
            print(f"{parser.prog} {args.name}: error: {exc}", file=sys.stderr)
            return EXIT_FAILED
    print(result.summary)
    for table in result.tables:
        print("\n" + table.markdown())
    print(f"Results in {result.out_dir} ({time.perf_counter() - started:.0f} s)")
    return 0
