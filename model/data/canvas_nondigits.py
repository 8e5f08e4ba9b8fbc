"""Drawings that are no digit, as unit strokes for the same hand as the stroke digits.

Three kinds: letters that do not look like a digit (no O, I, l, S, Z, B, G,
q, g, b, T, Y, J, D, U...), shapes, and scribbles. Each maker is
(rng) -> list of (k, 2) (x, y) strokes in a box about 1 high, y down.
Evaluation code only.
"""
from __future__ import annotations

import numpy as np

from model.data.canvas_templates import arc, join, line

LETTERS = {
    "A": lambda rng: [line((0.05, 1.0), (0.45, 0.0), (0.85, 1.0)), line((0.22, 0.6), (0.7, 0.6))],
    "E": lambda rng: [line((0.8, 0.0), (0.1, 0.0), (0.1, 1.0), (0.8, 1.0)), line((0.1, 0.5), (0.6, 0.5))],
    "F": lambda rng: [line((0.8, 0.0), (0.1, 0.0), (0.1, 1.0)), line((0.1, 0.48), (0.6, 0.48))],
    "H": lambda rng: [line((0.1, 0.0), (0.1, 1.0)), line((0.8, 0.0), (0.8, 1.0)), line((0.1, 0.5), (0.8, 0.5))],
    "K": lambda rng: [line((0.1, 0.0), (0.1, 1.0)), line((0.8, 0.0), (0.12, 0.55), (0.8, 1.0))],
    "M": lambda rng: [line((0.05, 1.0), (0.1, 0.0), (0.5, 0.6), (0.9, 0.0), (0.95, 1.0))],
    "N": lambda rng: [line((0.1, 1.0), (0.1, 0.0), (0.8, 1.0), (0.8, 0.0))],
    "R": lambda rng: [join(line((0.1, 1.0), (0.1, 0.0)), arc(0.4, 0.25, 0.35, 0.25, 90, -90), line((0.1, 0.5), (0.8, 1.0)))],
    "W": lambda rng: [line((0.0, 0.0), (0.25, 1.0), (0.5, 0.35), (0.75, 1.0), (1.0, 0.0))],
    "X": lambda rng: [line((0.1, 0.0), (0.85, 1.0)), line((0.85, 0.0), (0.1, 1.0))],
    "e": lambda rng: [join(line((0.1, 0.55), (0.9, 0.55)), arc(0.5, 0.55, 0.4, 0.42, 0, 180, 30),
                           arc(0.5, 0.55, 0.4, 0.42, 180, 310, 25))],
    "h": lambda rng: [join(line((0.1, 0.0), (0.1, 1.0)), line((0.1, 0.55)), arc(0.45, 0.62, 0.33, 0.22, 170, 0),
                           line((0.78, 1.0)))],
    "m": lambda rng: [join(line((0.05, 1.0), (0.05, 0.4)), arc(0.27, 0.55, 0.22, 0.15, 170, 0), line((0.49, 1.0)),
                           line((0.49, 0.55)), arc(0.71, 0.55, 0.22, 0.15, 180, 0), line((0.93, 1.0)))],
    "w": lambda rng: [line((0.0, 0.3), (0.25, 1.0), (0.5, 0.5), (0.75, 1.0), (1.0, 0.3))],
}


def _star(rng):
    t = np.deg2rad(90 + 144 * np.arange(6))
    return [np.stack([0.5 + 0.5 * np.cos(t), 0.5 - 0.5 * np.sin(t)], axis=1)]


def _spiral(rng):
    t = np.linspace(0, 2 * np.pi * rng.uniform(2.0, 3.5), 150)
    r = 0.5 * t / t[-1]
    return [np.stack([0.5 + r * np.cos(t), 0.5 - r * np.sin(t)], axis=1)]


def _smiley(rng):
    face = arc(0.5, 0.5, 0.5, 0.5, 90, 450, 60)
    eyes = [line((x, 0.33), (x, 0.38)) for x in (0.33, 0.67)]
    return [face, *eyes, arc(0.5, 0.5, 0.3, 0.28, 200, 340, 20)]


def _grid(rng):
    a, b = rng.uniform(0.25, 0.4), rng.uniform(0.6, 0.75)
    return [line((a, 0.0), (a, 1.0)), line((b, 0.0), (b, 1.0)), line((0.0, a), (1.0, a)), line((0.0, b), (1.0, b))]


def _heart(rng):
    t = np.linspace(0, 2 * np.pi, 80)
    x, y = 16 * np.sin(t) ** 3, 13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t)
    return [np.stack([0.5 + x / 34, 0.45 - y / 34], axis=1)]


SHAPES = {
    "star": _star,
    "plus": lambda rng: [line((0.5, 0.0), (0.5, 1.0)), line((0.0, 0.5), (1.0, 0.5))],
    "cross": lambda rng: [line((0.0, 0.0), (1.0, 1.0)), line((1.0, 0.0), (0.0, 1.0))],
    "spiral": _spiral,
    "triangle": lambda rng: [line((0.5, 0.0), (1.0, 0.9), (0.0, 0.9), (0.5, 0.0))],
    "square": lambda rng: [line((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0))],
    "heart": _heart,
    "smiley": _smiley,
    "grid": _grid,
    "arrow": lambda rng: [line((0.0, 0.5), (1.0, 0.5)), line((0.7, 0.2), (1.0, 0.5), (0.7, 0.8))],
    "check": lambda rng: [line((0.0, 0.55), (0.3, 1.0), (1.0, 0.0))],
}


def _zigzag(rng):
    k = int(rng.integers(5, 12))
    return [np.stack([np.linspace(0, 1.5, k), 0.5 + 0.5 * (-1.0) ** np.arange(k) * rng.uniform(0.4, 1, k)], axis=1)]


def _tangle(rng):
    knots = rng.uniform(0, 1, (int(rng.integers(6, 12)), 2))
    at = np.linspace(0, len(knots) - 1, 30 * len(knots))
    return [np.stack([np.interp(at, np.arange(len(knots)), knots[:, k]) for k in range(2)], axis=1)]


def _hatching(rng):
    k = int(rng.integers(4, 9))
    xs = np.linspace(0, 1, k)
    lean = rng.uniform(-0.4, 0.4)
    return [line((x, 0.0), (x + lean, 1.0)) for x in xs]


SCRIBBLES = {"zigzag": _zigzag, "tangle": _tangle, "hatching": _hatching}
KINDS = {**{f"letter {c}": f for c, f in LETTERS.items()}, **SHAPES, **SCRIBBLES}
KIND_NAMES = tuple(KINDS)
