"""Drawings that are no digit, as pen paths, for training a network to refuse them.

Each maker takes a Generator and returns a list of polylines, arrays (k, 2) of
(row, col) in any units (the renderer normalises the size). Single circles,
ellipses and straight lines are left out on purpose: those are how people
draw 0 and 1. Used for training data only (model/data/synth.py).
"""
from __future__ import annotations

import numpy as np

STEP = 0.03  # longest piece of a path after densifying, in units of the drawing's size


def _circle(n=64, turns=1.0, r0=1.0, r1=1.0, start=0.0):
    t = start + np.linspace(0, 2 * np.pi * turns, max(8, int(n * turns)))
    r = np.linspace(r0, r1, len(t))
    return np.stack([-r * np.cos(t), r * np.sin(t)], 1)


def _line(a, b):
    return np.array([a, b], float)


def polygon(rng):
    k = int(rng.integers(3, 5))  # more sides and a thick pen make a 0
    t = rng.uniform(0, 2 * np.pi) + np.arange(k + 1) * 2 * np.pi / k
    r = rng.uniform(0.8, 1.2, k + 1)
    r[-1] = r[0]
    return [np.stack([-r * np.cos(t), r * np.sin(t)], 1)]


def star(rng):
    k = int(rng.integers(5, 8))
    if rng.random() < 0.5 and k in (5, 7):  # drawn in one line, crossing itself
        t = np.arange(k + 1) * 2 * np.pi * (k // 2) / k
        return [np.stack([-np.cos(t), np.sin(t)], 1)]
    t = np.arange(2 * k + 1) * np.pi / k
    r = np.where(np.arange(2 * k + 1) % 2 == 0, 1.0, rng.uniform(0.3, 0.55))
    return [np.stack([-r * np.cos(t), r * np.sin(t)], 1)]


def cross(rng):
    a = rng.uniform(0, np.pi)
    lines = []
    for extra in range(int(rng.integers(2, 5))):
        angle = a + extra * np.pi / rng.choice([2, 3, 4])
        d = np.array([np.cos(angle), np.sin(angle)])
        lines.append(_line(-d, d))
    return lines


def grid(rng):
    k = int(rng.integers(2, 4))
    pos = np.linspace(-0.6, 0.6, k) + rng.normal(0, 0.05, k)
    return [_line((p, -1), (p, 1)) for p in pos] + [_line((-1, p), (1, p)) for p in pos]


def hatching(rng):
    k = int(rng.integers(3, 8))
    angle = rng.uniform(0, np.pi)
    d, normal = np.array([np.cos(angle), np.sin(angle)]), np.array([-np.sin(angle), np.cos(angle)])
    return [_line(o * normal - d, o * normal + d) for o in np.linspace(-1, 1, k)]


def zigzag(rng):
    k = int(rng.integers(4, 10))
    x = np.linspace(-1, 1, k)
    y = np.where(np.arange(k) % 2 == 0, -1, 1) * rng.uniform(0.3, 1.0)
    return [np.stack([y, x], 1)]


def wave(rng):
    x = np.linspace(-1, 1, 80)
    y = rng.uniform(0.2, 0.5) * np.sin(x * np.pi * rng.uniform(2, 4) + rng.uniform(0, 6))
    return [np.stack([y, x], 1)]


def spiral(rng):
    return [_circle(turns=rng.uniform(1.6, 4), r0=rng.uniform(0, 0.15), r1=1.0, start=rng.uniform(0, 6))]


def smiley(rng):
    eye = rng.uniform(0.06, 0.12)
    mouth = _circle(24, turns=rng.uniform(0.25, 0.4), start=np.pi * rng.uniform(0.6, 0.8)) * 0.55
    return [_circle(), _circle(12) * eye + (-0.35, -0.35), _circle(12) * eye + (-0.35, 0.35), mouth + (0.1, 0)]


def concentric(rng):
    return [_circle() * r for r in np.linspace(rng.uniform(0.2, 0.5), 1, int(rng.integers(2, 4)))]


def heart(rng):
    t = np.linspace(0, 2 * np.pi, 80)
    x = 16 * np.sin(t) ** 3
    y = -(13 * np.cos(t) - 5 * np.cos(2 * t) - 2 * np.cos(3 * t) - np.cos(4 * t))
    return [np.stack([y, x], 1)]


def scribble(rng):
    k = int(rng.integers(12, 50))
    steps = rng.normal(0, 1, (k, 2))
    path = np.cumsum(steps, axis=0)
    # Smooth corners a little: a pen in a hurry still moves in curves.
    path = (path[:-2] + 2 * path[1:-1] + path[2:]) / 4
    return [path]


def curves(rng):
    """Two to four random smooth strokes (quadratic Béziers)."""
    out = []
    t = np.linspace(0, 1, 40)[:, None]
    for _ in range(int(rng.integers(2, 5))):
        a, b, c = rng.uniform(-1, 1, (3, 2))
        out.append((1 - t) ** 2 * a + 2 * t * (1 - t) * b + t ** 2 * c)
    return out


def house(rng):
    w = rng.uniform(0.6, 1.0)
    body = np.array([(1, -w), (0, -w), (0, w), (1, w), (1, -w)])
    return [body, np.array([(0, -w), (-rng.uniform(0.5, 1), 0), (0, w)])]


def box_with(rng):
    """A square or triangle with a line, a dot or a second shape through it."""
    base = polygon(rng)
    return base + [np.array([rng.uniform(-1, 1, 2), rng.uniform(-1, 1, 2)])]


def arrow(rng):
    head = rng.uniform(0.3, 0.5)
    return [_line((0, -1), (0, 1)), _line((-head, 1 - head), (0, 1)), _line((head, 1 - head), (0, 1))]


MAKERS = (polygon, star, cross, grid, hatching, zigzag, wave, spiral, smiley, concentric, heart, scribble,
          curves, house, box_with, arrow)


def densify(path: np.ndarray, step: float) -> np.ndarray:
    """Insert points so no piece of the polyline (k, 2) is longer than step."""
    k = np.maximum(1, np.ceil(np.linalg.norm(np.diff(path, axis=0), axis=1) / step)).astype(np.int64)
    piece = np.repeat(np.arange(len(k)), k)  # which original piece each new point lies on
    frac = (np.arange(k.sum()) - np.repeat(np.cumsum(k) - k, k) + 1) / np.repeat(k, k)
    points = path[piece] + (path[piece + 1] - path[piece]) * frac[:, None]
    return np.concatenate([path[:1], points])


def random_shapes(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """n non-digit drawings as segments: (start (M, 2), end (M, 2), image (M,)), like strokes.segments."""
    starts, ends, owners = [], [], []
    for i in range(n):
        paths = MAKERS[int(rng.integers(len(MAKERS)))](rng)
        span = np.ptp(np.concatenate(paths), axis=0).max() or 1.0
        for path in paths:
            path = densify(np.asarray(path, float), STEP * span)
            starts.append(path[:-1])
            ends.append(path[1:])
            owners.append(np.full(len(path) - 1, i))
    return (np.concatenate(starts).astype(np.float32), np.concatenate(ends).astype(np.float32),
            np.concatenate(owners))
