"""Scores on the canvas evaluation set, part by part: what a user drawing on the canvas would see.

A digit part ("mnist", "fonts", "strokes") scores accuracy overall and per
digit; a drawing the reader refuses (empty today, "not a digit" once the
reader can say so) counts as wrong, so there is one metric. The "nondigits"
part scores the fraction refused and the median confidence of what was not.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from model.calibration import Calibration, confidence_error, reliability_diagram
from model.constants import INFERENCE_BATCH, N_CLASSES
from model.data.canvas_bundle import BUNDLED_N, bundled_part
from model.data.canvas_set import PARTS, canvas_set
from model.data.preprocess import to_mnist_all
from model.evaluation import read_prepared

DEFAULT_N_EACH = BUNDLED_N  # drawings per part: the README's figures, and the Evaluate dialog's default


class _Stopped(Exception):
    """Raised by the progress step when asked to stop, to leave a part half drawn."""


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
    result["reliability"] = reliability_diagram(confidence[~refused], correct[~refused])
    result["per_digit"] = [float(correct[labels == d].mean()) if (labels == d).any() else None
                           for d in range(N_CLASSES)]
    return result


def canvas_report(net_or_reader, n_each: int = DEFAULT_N_EACH, seed: int = 0, parts: tuple[str, ...] = PARTS, *,
                  calibration: Calibration | None = None, progress: Callable[[int, int], None] | None = None,
                  should_stop: Callable[[], bool] | None = None,
                  on_part: Callable[[str, dict], None] | None = None) -> dict[str, dict] | None:
    """name -> scores (see `part_report`) on the chosen parts of `canvas_set(n_each, seed)`, read as `read` reads.

    The standard set (canvas_bundle: 1,000 a part, seed 0) is read from the bundle, not drawn.

    Part by part, each drawing counts twice in `progress(done, total)`: drawn, then read.
    `should_stop()` is polled after every drawing and before every batch read; if it
    says stop, the result is None. `on_part(name, scores)` hears each part as it ends.
    """
    if n_each < 1:
        raise ValueError(f"need at least one drawing per part, got {n_each}")
    total, done = 2 * n_each * len(parts), 0

    def step(count: int = 1) -> None:
        nonlocal done
        if should_stop is not None and should_stop():
            raise _Stopped
        done += count
        if progress is not None:
            progress(done, total)

    report = {}
    try:
        for name in parts:
            digits, confidence, labels = _read_part(net_or_reader, name, n_each, seed, calibration, step)
            report[name] = part_report(digits, confidence, labels.astype(np.int64))
            if on_part is not None:
                on_part(name, report[name])
    except _Stopped:
        return None
    return report


def _read_part(net_or_reader, name: str, n_each: int, seed: int, calibration: Calibration | None,
               step: Callable[..., None]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(digits, confidence, labels) of one part: the bundled inputs (canvas_bundle) if it holds them, else drawn now."""
    bundled = bundled_part(name, n_each, seed)
    if bundled is None:
        images, labels = canvas_set(n_each, seed, (name,), on_image=step)[name]

        def prepared(batch: slice) -> tuple[np.ndarray, np.ndarray]:
            return to_mnist_all(images[batch])
    else:
        labels = bundled.labels
        step(n_each)  # drawn when the bundle was written

        def prepared(batch: slice) -> tuple[np.ndarray, np.ndarray]:
            return bundled.inputs[batch], bundled.found[batch]
    answers = []
    for start in range(0, n_each, INFERENCE_BATCH):  # the batches `read` would use on the whole part
        step(0)
        answers.append(read_prepared(net_or_reader, *prepared(slice(start, start + INFERENCE_BATCH)), calibration))
        step(len(answers[-1][0]))
    digits, confidence = (np.concatenate(a) for a in zip(*answers))
    return digits, confidence, labels


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
