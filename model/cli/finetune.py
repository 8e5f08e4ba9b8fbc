"""`finetune`: teach a saved network someone's handwriting from a folder (or zip) of their digits."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import numpy as np

from model.bundled import WEIGHTS_HELP, resolve_weights
from model.cli.argparsing import MAX_SEED, between
from model.cli.errors import CliError
from model.cli.train import _run_with_progress, check_writable, stop_on_ctrl_c
from model.finetune import FinetuneConfig
from model.train_config import MAX_EPOCHS


def add_finetune(sub) -> None:
    defaults = FinetuneConfig()
    p = sub.add_parser("finetune", help="fine-tune a network on your own digits (a folder of images + labels.csv)")
    p.add_argument("weights", help=f"the network to start from: {WEIGHTS_HELP}")
    p.add_argument("digits", metavar="DIR", help="folder or .zip of images with labels.csv (file,label)")
    p.add_argument("--out", "-o", metavar="FILE", required=True, help="weight file to write (never the input)")
    p.add_argument("--epochs", type=between(1, MAX_EPOCHS), default=defaults.epochs)
    p.add_argument("--seed", type=between(0, MAX_SEED), default=defaults.seed)
    p.set_defaults(run=run_finetune)


def run_finetune(args) -> int:
    from model.finetune import finetune, scores
    from model.weights import load_digit_reader, save_weights

    out, args.weights = Path(args.out), resolve_weights(args.weights)
    if out.exists() and os.path.samefile(out, args.weights):
        raise CliError(f"--out {out} is the input network; write the fine-tuned one to a new file")
    check_writable(out)
    ckpt = load_digit_reader(args.weights)
    config = FinetuneConfig(epochs=args.epochs, seed=args.seed)
    x, y, train_idx, held_idx = _samples(args.digits, config)
    net = ckpt.net
    before = scores(net, x[held_idx], y[held_idx])
    print(f"Fine-tuning {_name(ckpt, args)} on {len(train_idx)} of your digits "
          f"({len(held_idx)} held out), {config.epochs} epoch(s)", file=sys.stderr)
    with stop_on_ctrl_c() as should_stop, np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        done = _run_with_progress(finetune(net, x[train_idx], y[train_idx], config, should_stop=should_stop,
                                           x_held=x[held_idx], y_held=y[held_idx]))
    if done.reason == "diverged":
        raise CliError(f"{done.message.split(': try')[0]}; nothing saved")
    after = scores(net, x[held_idx], y[held_idx])
    print(done.message, file=sys.stderr)
    for label, key in (("your held-out digits", 0), ("MNIST test", 1)):
        print(f"{label}: {_pct(before[key])} -> {_pct(after[key])}", file=sys.stderr)
    save_weights(out, net, meta=_meta(ckpt, args, config, done, len(y), len(held_idx), before, after))
    print(f"saved {out}", file=sys.stderr)
    return 0


def _samples(digits: str, config: FinetuneConfig):
    """(x, y, training indices, held-out indices) from a folder or zip; warns about too few samples."""
    from model.data.preprocess import to_mnist
    from model.finetune import few_samples_warning, stratified_split
    from model.my_digits import read_set, stack_inputs

    samples = read_set(digits)
    x = stack_inputs([to_mnist(paper) for _, paper in samples])
    y = np.array([s.label for s, _ in samples], dtype=np.int64)
    warning = few_samples_warning(y)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    return x, y, *stratified_split(y, config.holdout, np.random.default_rng(config.seed))


def _name(ckpt, args) -> str:
    return ckpt.meta.get("name") or Path(args.weights).stem


def _meta(ckpt, args, config, done, n_samples, n_held, before, after) -> dict:
    """Where the file came from: the base network, the samples, the command, the scores."""
    from model.train import training_summary

    command = shlex.join(["python", "-m", "model", *sys.argv[1:]]) if sys.argv[1:2] == ["finetune"] else None
    return {"name": f"{_name(ckpt, args)} + my digits", "test_accuracy": after[1],
            "training": {**training_summary(done, config.train_config(config.epochs)), "command": command},
            "finetune": {"base": str(Path(args.weights).resolve()), "base_name": ckpt.meta.get("name"),
                         "samples": n_samples, "held_out": n_held,
                         "held_out_accuracy": [before[0], after[0]], "mnist_accuracy": [before[1], after[1]],
                         "command": command}}


def _pct(value: float | None) -> str:
    return "n/a (none held out)" if value is None else f"{value:.2%}"
