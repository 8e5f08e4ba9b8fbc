"""The stroke-style parts of the canvas evaluation set: digits and non-digits drawn with a mouse's hand.

- "strokes": digits as pen strokes. Half are MNIST *test* digits thinned to
  their centre lines (canvas_skeleton) and redrawn; half come from hand-made
  templates with the variants people draw (canvas_templates).
- "nondigits": letters that look like no digit, shapes and scribbles
  (canvas_nondigits), a third each, drawn by the same hand (canvas_pen).
  Their labels are -1 (int8): "no digit".

Everything follows from the seed; images are uint8 (n, 280, 280).
This is evaluation code: training-data synthesis must not use it.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from model.data.canvas_nondigits import KINDS, LETTERS, SCRIBBLES, SHAPES
from model.data.canvas_pen import CANVAS, draw_hand
from model.data.canvas_set import count_drawn
from model.data.canvas_skeleton import digit_strokes
from model.data.canvas_templates import template_strokes
from model.data.mnist import load_mnist

STROKES_STREAM, NONDIGITS_STREAM = 2, 3  # canvas_set uses 0 and 1
NO_DIGIT = -1
TEMPLATE_SHARE = 0.5
GROUPS = (tuple(LETTERS), tuple(SHAPES), tuple(SCRIBBLES))  # letters are keyed "letter X" in KINDS


def draw_strokes(n: int = 1000, seed: int = 0, on_image: Callable[[], None] | None = None, *,
                 first: int | None = None) -> tuple[np.ndarray, np.ndarray, list[dict]]:
    """Stroke digits: (images uint8 (n, 280, 280), labels uint8 (n,) balanced, one record per image).

    A record holds "source" ("mnist" or "template"), "height", "pen" and "dark_on_light".
    `on_image()` is called after each drawing (progress; it may raise to stop).
    `first`: draw only the set's first drawings (images, labels, records cut to them), as the whole set has them.
    """
    rng = np.random.default_rng([seed, STROKES_STREAM])
    labels = rng.permutation(np.arange(n) % 10).astype(np.uint8)
    from_template = rng.random(n) < TEMPLATE_SHARE
    digits, digit_labels = load_mnist("test")
    by_label = [np.flatnonzero(digit_labels == d) for d in range(10)]
    labels = labels[:count_drawn(n, first)]
    images = np.empty((len(labels), CANVAS, CANVAS), np.uint8)
    records = []
    for i, label in enumerate(labels):
        if from_template[i]:
            strokes = template_strokes(int(label), rng)
        else:
            strokes = digit_strokes(digits[rng.choice(by_label[label])])
        images[i], record = draw_hand(strokes, rng)
        records.append({"source": "template" if from_template[i] else "mnist", **record})
        if on_image is not None:
            on_image()
    return images, labels, records


def draw_nondigits(n: int = 1000, seed: int = 0, on_image: Callable[[], None] | None = None, *,
                   first: int | None = None) -> tuple[np.ndarray, list[dict]]:
    """No-digit drawings: (images uint8 (n, 280, 280), one record per image with its "kind");
    `on_image` and `first` as above."""
    rng = np.random.default_rng([seed, NONDIGITS_STREAM])
    groups = rng.permutation(np.arange(n) % len(GROUPS))[:count_drawn(n, first)]
    images = np.empty((len(groups), CANVAS, CANVAS), np.uint8)
    records = []
    for i, group in enumerate(groups):
        names = GROUPS[group]
        name = names[int(rng.integers(len(names)))]
        kind = f"letter {name}" if group == 0 else name
        images[i], record = draw_hand(KINDS[kind](rng), rng)
        records.append({"kind": kind, **record})
        if on_image is not None:
            on_image()
    return images, records


def canvas_strokes(n: int = 1000, seed: int = 0, on_image: Callable[[], None] | None = None, *,
                   first: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Stroke digits: (images uint8 (n, 280, 280), labels uint8 (n,)), labels balanced; `first` as above."""
    images, labels, _ = draw_strokes(n, seed, on_image, first=first)
    return images, labels


def canvas_nondigits(n: int = 1000, seed: int = 0, on_image: Callable[[], None] | None = None, *,
                     first: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """No-digit drawings: (images uint8 (n, 280, 280), labels int8 (n,) all NO_DIGIT = -1); `first` as above."""
    images, _ = draw_nondigits(n, seed, on_image, first=first)
    return images, np.full(len(images), NO_DIGIT, np.int8)
