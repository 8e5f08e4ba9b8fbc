"""`predict WEIGHTS IMAGE...`: one JSON line per image."""

from __future__ import annotations

import json
import sys

from model.bundled import WEIGHTS_HELP, resolve_weights
from model.calibration import Calibration, read_digits
from model.cli.errors import one_line
from model.data.preprocess import ImageError, load_image, to_mnist
from model.weights import load_digit_reader

# Enough to tell 0.999999 from 1, short enough to read.
PROBABILITY_DIGITS = 6


def add_predict(sub) -> None:
    p = sub.add_parser("predict", help="classify image files, one JSON line each")
    p.add_argument("weights", help=WEIGHTS_HELP)
    p.add_argument("images", nargs="+", help="image files (PNG, JPEG, ...), any size, either polarity")
    p.set_defaults(run=run_predict)


def predict_record(net, path: str, calibration: Calibration | None = None) -> dict:
    """{"file", "digit", "reason", "confidence", "probabilities"} for one image.

    digit is None with reason "empty" when the image holds no ink, or "not a digit" when the
    network refuses it (the probabilities are still given); confidence is then None.
    """
    x = to_mnist(load_image(path))
    if x is None:
        return {"file": path, "digit": None, "reason": "empty", "confidence": None, "probabilities": None}
    probs, refused = read_digits(net, calibration or Calibration(), x[None, None])
    probabilities = [round(float(p), PROBABILITY_DIGITS) for p in probs[0]]
    if refused[0]:
        return {"file": path, "digit": None, "reason": "not a digit", "confidence": None,
                "probabilities": probabilities}
    digit = int(probs[0].argmax())
    return {"file": path, "digit": digit, "reason": None, "confidence": probabilities[digit],
            "probabilities": probabilities}


def run_predict(args) -> int:
    checkpoint = load_digit_reader(resolve_weights(args.weights))
    net, calibration = checkpoint.net, Calibration.from_meta(checkpoint.meta)
    failed = 0
    for path in args.images:
        try:
            record = predict_record(net, path, calibration)
        except (ImageError, OSError) as exc:
            failed += 1
            # ImageError names the file itself; OSError names it as its filename.
            print(f"digitlab-cli predict: error: {one_line(exc)}", file=sys.stderr)
            continue
        print(json.dumps(record), flush=True)
    return 1 if failed else 0
