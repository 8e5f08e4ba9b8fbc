"""The pen of the stroke-style evaluation sets draws exactly what it drew before it was made faster.

The sets' figures (README, `evaluate --canvas`, the bundled files' refusal
floors) were measured on those drawings: a faster pen must not change a pixel.
"""
import numpy as np
import pytest

from model.data import canvas_pen
from model.data.canvas_pen import CANVAS, SUPERSAMPLE, pen_ink, pen_strokes
from model.data.canvas_strokes import draw_nondigits, draw_strokes

SEEDS = (0, 1)
N = 16  # drawings of each kind per seed: thin and fat pens, templates, skeletons, letters, shapes, scribbles


def float_mean_pen_ink(strokes, pen):
    """The pen as first written: a float mean of each 2x2 block (5 ms a drawing; integer sums take 0.3 ms)."""
    pixels = np.asarray(pen_strokes(strokes, pen), np.float32)
    return pixels.reshape(CANVAS, SUPERSAMPLE, CANVAS, SUPERSAMPLE).mean(axis=(1, 3)) / np.float32(255)


@pytest.mark.parametrize("pen", [1.0, 2.0, 4.0, 4.4, 9.7, 30.0])
def test_straight_runs_sharp_turns_and_dots_are_drawn_as_before(pen):
    straight = np.array([[20.0, 20.0], [60.0, 20.0], [100.0, 20.0], [140.0, 20.0]])
    zigzag = np.array([[30.0, 200.0], [80.0, 120.0], [130.0, 210.0], [135.0, 110.0], [90.0, 250.0], [240.0, 90.3]])
    wobble = np.random.default_rng(0).normal(0, 3, (80, 2)).cumsum(axis=0) + 140
    strokes = [straight, zigzag, wobble, np.array([[200.0, 40.0]])]  # and a dot
    new, old = pen_ink(strokes, pen), float_mean_pen_ink(strokes, pen)
    assert new.dtype == old.dtype == np.float32 and np.array_equal(new, old)


@pytest.mark.parametrize("seed", SEEDS)
def test_stroke_digits_and_nondigits_are_the_drawings_they_were(seed, monkeypatch):
    now = draw_strokes(N, seed)[0], draw_nondigits(N, seed)[0]
    monkeypatch.setattr(canvas_pen, "pen_ink", float_mean_pen_ink)
    before = draw_strokes(N, seed)[0], draw_nondigits(N, seed)[0]
    for images, were in zip(now, before):
        assert np.array_equal(images, were), np.flatnonzero((images != were).any(axis=(1, 2)))
