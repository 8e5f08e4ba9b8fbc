"""Subcommands whose options belong to another module: `bench` and `experiment`."""

from __future__ import annotations

import importlib

# Subcommand -> the module whose main(argv) takes the rest of the command line.
FORWARDED = {
    "bench": ("model.cli.bench", "measure training images/s and single-image inference time (bench --help)"),
    "experiment": ("model.cli.experiment", "run a course experiment (experiment --list shows them)"),
}


def add_forwarded(sub) -> None:
    for name, (_, help_text) in FORWARDED.items():
        # model.cli hands these over before parsing; the entries are for --help.
        sub.add_parser(name, help=help_text, add_help=False)


def run_forwarded(name: str, argv: list[str]) -> int:
    module = importlib.import_module(FORWARDED[name][0])
    return int(module.main(argv) or 0)
