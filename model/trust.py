"""How far a network's answers can be trusted: calibration error and refusals, on MNIST test and drawn sets.

`evaluate` prints these beside the accuracy. Everything goes through the
file's Calibration (model/calibration.py): its temperature and, if it has
one, its "not a digit" threshold. An uncalibrated file is scored at T = 1.
"""
from __future__ import annotations

import numpy as np

from model.calibration import Calibration, expected_calibration_error, logits_of, reliability_diagram


def trust(net, calibration: Calibration, x: np.ndarray, y: np.ndarray) -> dict:
    """On images x (N, 1, 28, 28) with labels y (N,) (-1: not a digit): ECE, refusals and accuracy.

    "ece": of the answers given (digits not refused), with calibrated probabilities, as
    the canvas report measures it; "refused": the share of digits refused;
    "not_digits_refused": the share of non-digits refused (None without any); "accuracy":
    digits read right (a refused digit counts as wrong); "reliability": the diagram's
    bins (counts, mean confidence, accuracy) over the same answers as the ECE.
    """
    return trust_from_logits(calibration, logits_of(net, x), y)


def trust_from_logits(calibration: Calibration, logits: np.ndarray, y: np.ndarray) -> dict:
    """`trust` from the network's logits (N, 10) for the labelled images y (N,)."""
    y = np.asarray(y, np.int64)
    probs, refused = calibration.probabilities(logits), calibration.refused(logits)
    digits = y >= 0
    out = {"ece": None, "refused": None, "accuracy": None, "reliability": None,
           "not_digits_refused": float(refused[~digits].mean()) if (~digits).any() else None}
    if digits.any():
        right = (probs[digits].argmax(axis=1) == y[digits]) & ~refused[digits]
        answered = digits & ~refused
        p, labels = probs[answered], y[answered]
        out.update(ece=expected_calibration_error(p, labels), refused=float(refused[digits].mean()),
                   accuracy=float(right.mean()),
                   reliability=reliability_diagram(p.max(axis=1), p.argmax(axis=1) == labels))
    return out


def mnist_test_trust(net, calibration: Calibration, limit: int | None = None) -> dict:
    """`trust` on the bundled MNIST test set (its first `limit` images if given)."""
    from model.data.mnist import load_mnist, to_float

    images, labels = load_mnist("test")
    return trust(net, calibration, to_float(images[:limit]), labels[:limit])


def format_trust(name: str, t: dict) -> str:
    """One line: "MNIST test: ECE 0.41%, 0.30% of digits refused"."""
    parts = []
    if t["ece"] is not None:
        parts += [f"ECE {t['ece']:.2%}", f"{t['refused']:.2%} of digits refused"]
    if t["not_digits_refused"] is not None:
        parts.append(f"{t['not_digits_refused']:.1%} of non-digits refused")
    return f"{name}: " + ", ".join(parts)

