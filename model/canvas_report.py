"""Scores on the canvas evaluation set, part by part: what a user drawing on the canvas would see.

A digit part ("mnist", "fonts", "strokes") scores accuracy overall and per
digit; a drawing the reader refuses (empty today, "not a digit" once the
reader can say so) counts as wrong, so there is one metric. The "nondigits"
part scores the fraction refused and the median confidence of what was not.
"""
from __future__ import annotations

import numpy as np

from model.calibration import confidence_error
from model.data.canvas_set import PARTS, canvas_set
from model.evaluation import read

N_CLASSES = 10


def _median(values: np.ndarray) -> float | None:
    return float(np.median(values)) if len(values) else None


def part_report(digits: np.ndarray, confidence: np.ndarray, labels: np.ndarray) -> dict:
    """Scores of one part from `read`'s answers; labels (n,) with -1 = no digit."""
    refused = digits < 0
    result = {"n": int(len(labels)), "rejected": float(refused.mean()),
              "median_confidence": _median(confidence[~refused])}
    if (labels < 0).all():
        return result
    correct = digits == labels
    result["accuracy"] = float(correct.mean())
    # Calibration of the answers given: confidence against being right, over drawings read as a digit.
    result["ece"] = confidence_error(confidence[~refused], correct[~refused]) if (~refused).any() else None
    result["per_digit"] = [float(correct[labels == d].mean()) if (labels == d).any() else None
                           for d in range(N_CLASSES)]
    return result


def canvas_report(net_or_reader, n_each: int = 1000, seed: int = 0, parts: tuple[str, ...] = PARTS) -> dict[str, dict]:
    """name -> scores (see `part_report`) on the chosen parts of `canvas_set(n_each, seed)`."""
    report = {}
    for name, (images, labels) in canvas_set(n_each, seed, parts).items():
        digits, confidence = read(net_or_reader, images)
        report[name] = part_report(digits, confidence, labels.astype(np.int64))
    return report


def format_canvas_report(report: dict[str, dict]) -> list[str]:
    """Lines for the `evaluate` text output."""
    lines = ["", "canvas-style set (drawn as a person would; refused counts as wrong)",
             "part        n    correct  refused  median conf.   ECE"]
    for name, r in report.items():
        acc = f"{r['accuracy']:>7.1%}" if "accuracy" in r else "      -"
        conf = "-" if r["median_confidence"] is None else f"{r['median_confidence']:.1%}"
        ece = "-" if r.get("ece") is None else f"{r['ece']:.2%}"
        lines.append(f"{name:<10} {r['n']:>5}  {acc}  {r['rejected']:>7.1%}  {conf:>12}  {ece:>6}")
    for name, r in report.items():
        if "per_digit" in r:
            lines.append(f"{name:<10} per digit " + " ".join(
                "   -  " if a is None else f"{a:>6.1%}" for a in r["per_digit"]))
    return lines
