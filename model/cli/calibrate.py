"""`calibrate WEIGHTS --out NEW`: fit a temperature and a "not a digit" threshold, store them in a copy of the file.

Fitted on validation data only: MNIST's held-out training images (the same
5,000 `train` holds out) plus synthetic drawings made from those same
held-out digits and synthetic non-digits (model/data/synth.py, its own seed
stream). Never on test data. `train --synth` runs the same step at its end.
"""
from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import numpy as np

from model.calibration import MAX_REJECTED_DIGITS, fit_calibration
from model.cli.errors import CliError

SYNTHETIC_VALIDATION = 6000
VALIDATION_STREAM = 2  # seeds the validation drawings apart from the training pool's stream


def add_calibrate(sub) -> None:
    p = sub.add_parser("calibrate", help="fit the confidence temperature and the 'not a digit' threshold")
    p.add_argument("weights", help="a DigitLab weight file (.npz)")
    p.add_argument("--out", "-o", metavar="FILE", required=True, help="the calibrated copy to write")
    p.add_argument("--synthetic", type=int, default=SYNTHETIC_VALIDATION,
                   help="synthetic validation drawings, digits and non-digits (default %(default)s)")
    p.add_argument("--max-rejected", type=float, default=MAX_REJECTED_DIGITS,
                   help="share of MNIST validation digits the threshold may refuse (default %(default)s)")
    p.add_argument("--no-reject", action="store_true", help="fit the temperature only: the file never refuses")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", action="store_true", help="print the account as JSON")
    p.set_defaults(run=run_calibrate)


def validation_data(n_synthetic: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(x, y, is_mnist): MNIST's held-out images, then synthetic drawings of those digits and non-digits."""
    from model.data.mnist import training_split
    from model.data.synth import synthetic_pool

    _, _, x_val, y_val = training_split()
    if not n_synthetic:
        return x_val, y_val, np.ones(len(y_val), bool)
    rng = np.random.default_rng([seed, VALIDATION_STREAM])
    x_syn, y_syn = synthetic_pool(n_synthetic, rng, np.rint(x_val[:, 0] * 255).astype(np.uint8), y_val)
    is_mnist = np.concatenate([np.ones(len(y_val), bool), np.zeros(len(y_syn), bool)])
    return np.concatenate([x_val, x_syn]), np.concatenate([y_val, y_syn]), is_mnist


def calibrate_net(net, n_synthetic: int = SYNTHETIC_VALIDATION, seed: int = 0, reject: bool = True,
                  max_rejected: float = MAX_REJECTED_DIGITS):
    """(Calibration, account) for `net` on the validation data above."""
    if n_synthetic < 0:
        raise CliError("--synthetic takes a number of drawings >= 0")
    if not 0 <= max_rejected < 1:
        raise CliError("--max-rejected must be a share in [0, 1)")
    x, y, is_mnist = validation_data(n_synthetic, seed)
    described = f"MNIST validation (5,000) + {n_synthetic} synthetic validation drawings, seed {seed}"
    return fit_calibration(net, x, y, reject=reject, max_rejected=max_rejected, fitted_on=described,
                           threshold_on=is_mnist)


def format_account(account: dict) -> str:
    nll, ece = account["nll"], account["ece"]
    text = (f"temperature {account['temperature']:.3f}: validation NLL {nll[0]:.4f} -> {nll[1]:.4f}, "
            f"ECE {ece[0]:.2%} -> {ece[1]:.2%}")
    if account["threshold"] is not None:
        text += (f"; refuses under {account['threshold']:.3f}: {account['digits_refused']:.2%} of validation "
                 f"digits, {account['not_digits_refused'] or 0:.1%} of validation non-digits")
    return text


def run_calibrate(args) -> int:
    from model.cli.train import check_writable
    from model.weights import load_digit_reader, save_weights

    checkpoint = load_digit_reader(args.weights)
    out = Path(args.out)
    check_writable(out)
    calibration, account = calibrate_net(checkpoint.net, args.synthetic, args.seed, not args.no_reject,
                                         args.max_rejected)
    meta = {k: v for k, v in checkpoint.meta.items() if k not in ("architecture", "input", "format_version")}
    meta["calibration"] = {**calibration.to_meta(), "command": shlex.join(["python", "-m", "model", *sys.argv[1:]])}
    optimizer = checkpoint.make_optimizer() if checkpoint.optimizer_state is not None else None
    save_weights(out, checkpoint.net, meta=meta, optimizer=optimizer)
    print(json.dumps(account) if args.json else format_account(account))
    print(f"saved {out}", file=sys.stderr)
    return 0
