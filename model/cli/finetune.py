"""`finetune`: teach a saved network someone's handwriting from a folder (or zip) of their digits."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import numpy as np

from model.cli.argparsing import at_least
from model.cli.errors import CliError
from model.cli.train import _run_with_progress, check_writable, stop_on_ctrl_c
from model.finetune import FinetuneConfig


def add_finetune(sub) -> None:
    defaults = FinetuneConfig()
    p = sub.add_parser("finetune", help="fine-tune a network on your own digits (a folder of images + labels.csv)")
    p.add_argument("weights", help="the network to start from (.npz)")
    p.add_argument("digits", metavar="DIR", help="folder or .zip of images with labels.csv (file,label)")
    p.add_argument("--out", "-o", metavar="FILE", required=True, help="weight file to write (never the input)")
    p.add_argument("--epochs", type=at_least(1), default=defaults.epochs)
    p.add_argument("--seed", type=at_least(0), default=defaults.seed)
    p.set_defaults(run=run_finetune)


def run_finetune(args) -> int:
    from model.data.preprocess import to_mnist
    from model.evaluation import evaluate_mnist_test
    from model.finetune import few_samples_warning, finetune, stratified_split
    from model.my_digits import read_set, stack_inputs
    from model.train import training_summary
    from model.weights import load_digit_reader, save_weights

    out = Path(args.out)
    if out.exists() and Path(args.weights).exists() and os.path.samefile(out, args.weights):
        raise CliError(f"--out {out} is the input network; write the fine-tuned one to a new file")
    check_writable(out)
    ckpt = load_digit_reader(args.weights)
    samples = read_set(args.digits)
    x = stack_inputs([to_mnist(paper) for _, paper in samples])
    y = np.array([s.label for s, _ in samples], dtype=np.int64)
    config = FinetuneConfig(epochs=args.epochs, seed=args.seed)
    warning = few_samples_warning(y)
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    train_idx, held_idx = stratified_split(y, config.holdout, np.random.default_rng(config.seed))
    net = ckpt.net
    before = _scores(net, x[held_idx], y[held_idx], evaluate_mnist_test)
    print(f"Fine-tuning {ckpt.meta.get('name') or Path(args.weights).stem} on {len(train_idx)} of your digits "
          f"({len(held_idx)} held out), {config.epochs} epoch(s)", file=sys.stderr)
    with stop_on_ctrl_c() as should_stop, np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        done = _run_with_progress(finetune(net, x[train_idx], y[train_idx], config, should_stop=should_stop))
    if done.reason == "diverged":
        raise CliError(f"{done.message.split(': try')[0]}; nothing saved")
    after = _scores(net, x[held_idx], y[held_idx], evaluate_mnist_test)
    print(done.message, file=sys.stderr)
    for label, key in (("your held-out digits", 0), ("MNIST test", 1)):
        print(f"{label}: {_pct(before[key])} -> {_pct(after[key])}", file=sys.stderr)
    command = shlex.join(["python", "-m", "model", *sys.argv[1:]]) if sys.argv[1:2] == ["finetune"] else None
    meta = {"name": f"{ckpt.meta.get('name') or Path(args.weights).stem} + my digits", "test_accuracy": after[1],
            "training": {**training_summary(done, config.train_config()), "command": command},
            "finetune": {"base": str(Path(args.weights).resolve()), "base_name": ckpt.meta.get("name"),
                         "samples": len(y), "trained_on": len(train_idx), "held_out": len(held_idx),
                         "held_out_before": before[0], "held_out_after": after[0],
                         "mnist_before": before[1], "mnist_after": after[1], "command": command}}
    save_weights(out, net, meta=meta)
    print(f"saved {out}", file=sys.stderr)
    return 0


def _scores(net, x_held, y_held, evaluate_mnist_test) -> tuple[float | None, float]:
    """(accuracy on the held-out samples or None when there are none, MNIST test accuracy)."""
    held = float((net.predict(x_held) == y_held).mean()) if len(y_held) else None
    return held, evaluate_mnist_test(net).accuracy


def _pct(value: float | None) -> str:
    return "n/a (none held out)" if value is None else f"{value:.2%}"
