"""evaluate --canvas: each part's score, per digit, what was refused, and how sure the network was."""

import json

import numpy as np
import pytest
from helpers import run_cli

from model.canvas_report import canvas_report, format_canvas_report, part_report
from model.data.canvas_set import canvas_set
from model.evaluation import read
from model.paths import WEIGHTS_DIR
from model.weights import load_digit_reader


def test_a_refused_digit_counts_as_wrong_and_non_digits_score_what_was_refused():
    labels = np.array([0, 1, 2, 3])
    digits = np.array([0, -1, 2, 5])
    confidence = np.array([0.9, np.nan, 0.8, 0.6])
    r = part_report(digits, confidence, labels)
    assert r["accuracy"] == 0.5 and r["rejected"] == 0.25
    assert r["per_digit"][:4] == [1.0, 0.0, 1.0, 0.0] and r["per_digit"][4] is None
    assert r["median_confidence"] == pytest.approx(0.8)
    none = part_report(np.array([-1, 3, -1, -1]), np.array([np.nan, 0.7, np.nan, np.nan]), np.full(4, -1))
    assert none["rejected"] == 0.75 and "accuracy" not in none and none["median_confidence"] == pytest.approx(0.7)
    text = "\n".join(format_canvas_report({"strokes": r, "nondigits": none}))
    assert "75.0%" in text and "50.0%" in text


def test_read_refuses_a_blank_drawing_and_reads_a_digit():
    blank = np.full((280, 280), 255, np.uint8)
    bar = blank.copy()
    bar[40:240, 130:150] = 0  # a one
    digits, confidence = read(load_digit_reader(WEIGHTS_DIR / "small-cnn.npz"), np.stack([blank, bar]))
    assert digits.tolist() == [-1, 1] and np.isnan(confidence[0]) and 0.5 < confidence[1] <= 1


def test_evaluate_canvas_reports_every_part(capsys):
    result = run_cli(capsys, "evaluate", str(WEIGHTS_DIR / "mlp.npz"), "--canvas", "1000", "--json")  # the bundled set
    assert result.returncode == 0, result.stderr
    canvas = json.loads(result.stdout)["canvas"]
    assert list(canvas) == ["mnist", "fonts", "strokes", "nondigits"]
    assert all(len(canvas[p]["per_digit"]) == 10 for p in ("mnist", "fonts", "strokes"))
    assert 0 <= canvas["nondigits"]["rejected"] <= 1 and "accuracy" not in canvas["nondigits"]
    assert all(canvas[p]["n"] == 1000 for p in canvas)


def test_canvas_report_reports_progress_stops_when_asked_and_reads_as_a_whole_part_would(tiny_net):
    seen, parts = [], []
    report = canvas_report(tiny_net, 12, parts=("fonts", "nondigits"), progress=lambda done, total: seen.append(
        (done, total)), on_part=lambda name, scores: parts.append(name))
    assert seen[-1] == (48, 48) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert parts == ["fonts", "nondigits"]
    images, labels = canvas_set(12, 0, ("fonts",))["fonts"]
    assert report["fonts"] == part_report(*read(tiny_net, images), labels.astype(np.int64))
    calls = []
    assert canvas_report(tiny_net, 12, should_stop=lambda: calls.append(1) or len(calls) > 5) is None
    assert len(calls) == 6  # asked after every drawing: it stops at once
