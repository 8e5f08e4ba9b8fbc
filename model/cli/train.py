"""`train`: train a preset or an architecture file on the bundled MNIST and save a weight file."""

from __future__ import annotations

import argparse
import json
import shlex
import signal
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from tqdm import tqdm

from model.atomic import writable_target
from model.cli.argparsing import MAX_SEED, between
from model.cli.errors import CliError
from model.constants import ACTIVATIONS, DEFAULT_PRESET, MNIST_TRAIN_RECORDS, VAL_SIZE
from model.data.mnist import training_split
from model.evaluation import evaluate_mnist_test
from model.network import Sequential
from model.optim import OPTIMIZERS
from model.presets import PRESETS, build_preset
from model.schedules import SCHEDULES
from model.train import TrainConfig, train, training_summary
from model.train_config import MAX_EPOCHS, MAX_LR, MAX_WEIGHT_DECAY
from model.weights import load_weights, optimizer_from_checkpoint, save_weights

MAX_DROPOUT = 0.95  # a dropout of 1 drops every unit
MAX_SYNTH = 1_000_000  # synthetic drawings are held in memory: ~3 GB at most
SYNTH_STREAM = 1  # the training pool's seed stream (calibration draws its validation drawings from stream 2)


def add_train(sub) -> None:
    p = sub.add_parser("train", help="train a network on the bundled MNIST and save its weights")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--preset", choices=sorted(PRESETS), help=f"network preset (default: {DEFAULT_PRESET})")
    what.add_argument("--arch", metavar="FILE", help="architecture file: a JSON list of layer descriptions")
    what.add_argument("--resume", metavar="WEIGHTS", help="continue training a saved network (and its optimizer)")
    what.add_argument("--init", metavar="WEIGHTS", help="start from a saved network's weights with a new optimizer")
    p.add_argument("--epochs", type=between(1, MAX_EPOCHS), default=2)
    p.add_argument("--batch-size", type=between(1, MNIST_TRAIN_RECORDS), default=128)
    p.add_argument("--optimizer", choices=OPTIMIZERS, default="adam")
    p.add_argument("--lr", type=between(0, MAX_LR, float, low_open=True), default=1e-3, help="learning rate")
    p.add_argument("--weight-decay", type=between(0, MAX_WEIGHT_DECAY, float), default=0.0)
    p.add_argument("--schedule", choices=SCHEDULES, default="constant", help="learning-rate schedule")
    p.add_argument("--activation", choices=ACTIVATIONS, help="preset option: hidden activation")
    p.add_argument("--dropout", type=between(0, MAX_DROPOUT, float), help="preset option: dropout probability")
    p.add_argument("--batchnorm", action=argparse.BooleanOptionalAction, help="preset option: batch normalisation")
    p.add_argument("--augment", action="store_true", help="random shifts, rotations, scaling and stroke widths")
    p.add_argument("--synth", type=between(0, MAX_SYNTH), default=0, metavar="N",
                   help="add N synthetic drawings: pen-stroke and font digits, and non-digits to refuse")
    p.add_argument("--calibrate", action=argparse.BooleanOptionalAction,
                   help="fit temperature and 'not a digit' threshold on validation data (default: on with --synth)")
    p.add_argument("--train-size", type=between(1, MNIST_TRAIN_RECORDS),
                   help="train on the first N images of the training split")
    p.add_argument("--val-size", type=between(0, MNIST_TRAIN_RECORDS - 1), default=VAL_SIZE,
                   help="images held out of training for validation")
    p.add_argument("--patience", type=between(1, MAX_EPOCHS),
                   help="stop after this many epochs without validation improvement")
    p.add_argument("--seed", type=between(0, MAX_SEED), default=0)
    p.add_argument("--restore-best", action=argparse.BooleanOptionalAction, default=True,
                   help="end on the epoch with the lowest MNIST validation loss (default: on)")
    p.add_argument("--name", help="the network's name, shown in the app")
    p.add_argument("--optimizer-state", action=argparse.BooleanOptionalAction, default=True,
                   help="store the optimizer's state so training can resume exactly (larger file)")
    p.add_argument("--out", "-o", metavar="FILE", help="weight file to write (default: <preset>.npz)")
    p.set_defaults(run=run_train)


def build_network(args):
    """(network, optimizer or None, name) from --preset, --arch or --resume."""
    rng = np.random.default_rng(args.seed)
    if args.resume:
        checkpoint = load_weights(args.resume)
        # A file may hold "name": null (or no name): then it is named after the file, never "None".
        name = checkpoint.meta.get("name") or Path(args.resume).stem
        return checkpoint.net, optimizer_from_checkpoint(checkpoint), str(name)
    if args.init:
        checkpoint = load_weights(args.init)
        # Where the weights came from, kept in the new file's training record.
        args.started_from = {"file": args.init, "command": (checkpoint.meta.get("training") or {}).get("command"),
                             "seconds": (checkpoint.meta.get("training") or {}).get("seconds")}
        return checkpoint.net, None, str(checkpoint.meta.get("name") or Path(args.init).stem)
    if args.arch:
        try:
            spec = json.loads(Path(args.arch).read_text())
        except json.JSONDecodeError as exc:
            raise CliError(f"{args.arch} is not valid JSON ({exc.msg}, line {exc.lineno})") from None
        return Sequential.from_spec(spec, rng), None, Path(args.arch).stem
    preset = args.preset or DEFAULT_PRESET
    options = {k: v for k in ("activation", "dropout", "batchnorm") if (v := getattr(args, k)) is not None}
    return build_preset(preset, rng, **options), None, preset


def make_config(args):
    config = TrainConfig(epochs=args.epochs, batch_size=args.batch_size, optimizer=args.optimizer, lr=args.lr,
                         weight_decay=args.weight_decay, schedule=args.schedule, augment=args.augment,
                         patience=args.patience, seed=args.seed, max_train=args.train_size,
                         restore_best=args.restore_best)
    config.validate()
    return config


def check_writable(out: Path) -> None:
    """Refuse an output path that could not be saved to, before hours of training, not after."""
    if out.is_dir():
        raise CliError(f"cannot write {out}: it is a folder; give a file name such as {out / 'net.npz'}")
    try:
        out = writable_target(out)
    except OSError as exc:
        raise CliError(str(exc)) from None
    folder = out.parent
    if not folder.is_dir():
        raise CliError(f"cannot write {out}: folder {folder} does not exist")
    try:  # os.access says yes to root even where the file system says no
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise CliError(f"cannot write {out}: {exc.strerror}") from None


@contextmanager
def stop_on_ctrl_c():
    """Yield a should_stop() callable: the first Ctrl-C asks training to stop cleanly, a second one aborts."""
    requested = []

    def on_interrupt(signum, frame):
        if requested:
            raise KeyboardInterrupt
        requested.append(True)
        tqdm.write("Stopping after this batch (Ctrl-C again to abort without saving)...", file=sys.stderr)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield lambda: bool(requested)
    finally:
        signal.signal(signal.SIGINT, previous)


def run_train(args) -> int:
    config = make_config(args)
    if not 0 <= args.val_size < MNIST_TRAIN_RECORDS:
        raise CliError(f"--val-size must be between 0 and {MNIST_TRAIN_RECORDS - 1}")
    net, optimizer, name = build_network(args)
    out = Path(args.out or f"{name}.npz")
    check_writable(out)
    x_tr, y_tr, x_val, y_val = training_split(val_size=args.val_size)
    if args.synth:
        x_tr, y_tr = with_synthetic(x_tr, y_tr, args.synth, args.seed)
    val = {"x_val": x_val, "y_val": y_val} if args.val_size else {}
    # Every mistake in the options is caught here, before a line about training is printed.
    config.validate(len(x_tr))
    if config.patience is not None and not val:
        raise CliError("--patience needs validation images (--val-size above 0)")
    print(f"Training {name}: {net.num_params():,} parameters, "
          f"{min(len(x_tr), args.train_size or len(x_tr)):,} images, {config.epochs} epoch(s)", file=sys.stderr)
    optimizer = optimizer or config.make_optimizer(net)
    # A diverging step overflows on its way to the NaN loss that stops the run: no NumPy warnings.
    with stop_on_ctrl_c() as should_stop, np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        done = _run_with_progress(train(net, x_tr, y_tr, config, optimizer=optimizer, should_stop=should_stop, **val))
    if done.reason == "diverged":
        # The last finite weights of a run that blew up read no digit: never save them over a file.
        raise CliError(f"{done.message.split(': try')[0]}; nothing saved: try a smaller learning rate")
    print(done.message, file=sys.stderr)
    report = evaluate_mnist_test(net)
    meta = {"name": args.name or name, "test_accuracy": report.accuracy,
            "training": {**training_summary(done, config), "command": _command_line(), "synth": args.synth}}
    if getattr(args, "started_from", None):
        meta["training"]["started_from"] = args.started_from
    if args.calibrate or (args.calibrate is None and args.synth):
        from model.cli.calibrate import calibrate_net, format_account

        calibration, account = calibrate_net(net, seed=args.seed)
        meta["calibration"] = calibration.to_meta()
        print(format_account(account), file=sys.stderr)
    save_weights(out, net, meta=meta, optimizer=optimizer if args.optimizer_state else None)
    print(f"MNIST test accuracy {report.accuracy:.2%}; saved {out}", file=sys.stderr)
    return 0


def with_synthetic(x, y, n: int, seed: int):
    """Training images and labels with n synthetic drawings made from these training digits, shuffled in."""
    from model.data.synth import synthetic_pool

    if n < 0:
        raise CliError("--synth takes a number of drawings >= 0")
    print(f"Drawing {n:,} synthetic training images...", file=sys.stderr)
    rng = np.random.default_rng([seed, SYNTH_STREAM])
    x_syn, y_syn = synthetic_pool(n, rng, np.rint(x[:, 0] * 255).astype(np.uint8), y)
    order = rng.permutation(len(x) + len(x_syn))
    return np.concatenate([x, x_syn])[order], np.concatenate([y, y_syn])[order]


def _run_with_progress(records):
    """Drive the training generator with a progress bar; return its final "done" record."""
    bar = None
    for record in records:
        if record.kind == "done":
            break
        if bar is None:
            bar = tqdm(total=record.total_steps, unit="batch", dynamic_ncols=True, file=sys.stderr)
        bar.update(record.step - bar.n)
        if record.kind == "batch":
            bar.set_postfix(epoch=f"{record.epoch}/{record.epochs}", loss=f"{record.loss:.4f}",
                            acc=f"{record.acc:.3f}", img_s=f"{record.images_per_s:,.0f}", refresh=False)
        elif record.kind == "epoch":
            tqdm.write(_epoch_line(record), file=sys.stderr)
    if bar is not None:
        bar.close()
    return record


def _epoch_line(record) -> str:
    line = f"epoch {record.epoch}/{record.epochs}: loss {record.loss:.4f}, accuracy {record.acc:.2%}"
    if record.val_loss is not None:
        line += f"; validation loss {record.val_loss:.4f}, accuracy {record.val_acc:.2%}"
    return line + f" ({record.elapsed:.0f} s)"


def _command_line() -> str | None:
    """The command that made this file, so anyone can make it again."""
    return shlex.join(["python", "-m", "model", *sys.argv[1:]]) if sys.argv[1:2] == ["train"] else None
