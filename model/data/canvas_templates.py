"""Hand-made stroke templates of digits, with the variants people draw on a canvas.

Each template is a function () -> list of strokes, (k, 2) (x, y) arrays in a
box about 1 high, y down. Variants that MNIST has few of: closed round loops
on 6 and 9, a 6 whose top curls in, flagged 1s with and without a foot,
barred 7s, open and closed 4s. Evaluation code only.
"""
from __future__ import annotations

import numpy as np


def arc(cx: float, cy: float, rx: float, ry: float, start: float, stop: float, n: int = 40) -> np.ndarray:
    """Points on an ellipse from angle `start` to `stop` (degrees, anticlockwise as seen, 0 = right)."""
    t = np.deg2rad(np.linspace(start, stop, n))
    return np.stack([cx + rx * np.cos(t), cy - ry * np.sin(t)], axis=1)


def line(*points: tuple[float, float]) -> np.ndarray:
    return np.array(points, float)


def join(*parts: np.ndarray) -> np.ndarray:
    return np.vstack(parts)


DIGITS: dict[int, list] = {
    0: [
        lambda: [arc(0.5, 0.5, 0.32, 0.5, 100, 470)],  # closed, the end runs past the start
        lambda: [arc(0.5, 0.5, 0.38, 0.48, 80, 440)],
    ],
    1: [
        lambda: [line((0.5, 0.0), (0.45, 1.0))],
        lambda: [line((0.2, 0.3), (0.55, 0.0), (0.55, 1.0))],  # flag
        lambda: [line((0.15, 0.25), (0.55, 0.0), (0.55, 1.0)), line((0.2, 1.0), (0.9, 1.0))],  # flag and foot
        lambda: [line((0.25, 0.2), (0.55, 0.0), (0.5, 1.0)), line((0.25, 0.98), (0.8, 1.02))],
    ],
    2: [
        lambda: [join(arc(0.48, 0.28, 0.35, 0.28, 160, -30), line((0.7, 0.55), (0.1, 1.0), (0.9, 1.0)))],
        lambda: [join(arc(0.5, 0.3, 0.35, 0.3, 150, -50), line((0.1, 1.0), (0.5, 0.94), (0.92, 1.0)))],
    ],
    3: [
        lambda: [join(arc(0.5, 0.26, 0.33, 0.26, 150, -90), arc(0.5, 0.74, 0.38, 0.26, 90, -150))],
        lambda: [join(line((0.1, 0.0), (0.85, 0.0), (0.4, 0.42)), arc(0.45, 0.7, 0.4, 0.3, 80, -150))],  # flat top
    ],
    4: [
        lambda: [line((0.68, 1.0), (0.68, 0.0), (0.0, 0.7), (0.95, 0.7))],  # closed, one stroke
        lambda: [line((0.2, 0.0), (0.12, 0.6), (0.9, 0.6)), line((0.68, 0.05), (0.66, 1.0))],  # open
        lambda: [line((0.6, 0.0), (0.05, 0.7), (0.9, 0.7)), line((0.62, 0.35), (0.62, 1.0))],
    ],
    5: [
        lambda: [join(line((0.22, 0.0), (0.18, 0.45)), arc(0.47, 0.7, 0.37, 0.3, 140, -150)),
                 line((0.22, 0.0), (0.85, 0.0))],
        lambda: [join(line((0.85, 0.0), (0.2, 0.0), (0.15, 0.45)), arc(0.45, 0.7, 0.37, 0.3, 140, -145))],
    ],
    6: [
        lambda: [join(arc(0.95, 0.72, 0.75, 0.72, 95, 180), arc(0.52, 0.7, 0.32, 0.3, 180, 540))],  # closed round loop
        lambda: [join(arc(0.9, 0.7, 0.7, 0.7, 100, 180), arc(0.5, 0.72, 0.3, 0.28, 180, 500))],
        lambda: [join(arc(0.68, 0.12, 0.12, 0.12, -30, 150), arc(0.95, 0.72, 0.75, 0.6, 120, 180),
                      arc(0.52, 0.72, 0.32, 0.28, 180, 540))],  # the top curls in
    ],
    7: [
        lambda: [line((0.05, 0.0), (0.9, 0.0), (0.35, 1.0))],
        lambda: [line((0.05, 0.0), (0.9, 0.0), (0.35, 1.0)), line((0.3, 0.5), (0.85, 0.5))],  # barred
        lambda: [line((0.05, 0.15), (0.08, 0.0), (0.9, 0.02), (0.45, 1.0)), line((0.35, 0.52), (0.85, 0.48))],
    ],
    8: [
        lambda: [np.stack([0.5 + 0.36 * np.sin(2 * t), 0.5 - 0.5 * np.cos(t)], axis=1)
                 for t in [np.linspace(0.15, 2 * np.pi + 0.3, 80)]],
        lambda: [arc(0.5, 0.25, 0.27, 0.25, 270, 630), arc(0.5, 0.72, 0.35, 0.28, 90, 450)],  # two loops
    ],
    9: [
        lambda: [join(arc(0.45, 0.28, 0.35, 0.28, 0, 360), line((0.8, 0.28), (0.75, 1.0)))],  # closed round loop
        lambda: [join(arc(0.48, 0.28, 0.33, 0.28, 10, 370), line((0.8, 0.3), (0.7, 0.8)),
                      arc(0.5, 0.8, 0.2, 0.2, 0, -120))],  # stem curls at the foot
        lambda: [join(arc(0.45, 0.26, 0.33, 0.26, -20, 360), line((0.78, 0.26), (0.8, 1.0)))],
    ],
}


def template_strokes(digit: int, rng: np.random.Generator) -> list[np.ndarray]:
    """One of the digit's templates, chosen at random, as unit strokes."""
    variants = DIGITS[digit]
    return variants[int(rng.integers(len(variants)))]()
