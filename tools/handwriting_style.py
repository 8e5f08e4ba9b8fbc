"""A handwriting the default network misreads, drawn from stroke templates, to measure `finetune`.

The style: a 1 with a long flag, a barred 7 with a hooked top, closed-loop 6
and 9, a slashed 0, a 2 with a loop at its foot, a flat-topped 3, a 4 with a
closed top, a 5 with a straight flag, an 8 of two stacked rings. Each drawing
jitters the template's points and draws it with a random pen width, height,
width, slant and tilt on a 280x280 canvas (dark ink on white paper, as the
window's canvas keeps it). No font is used, so no other part of the project
(training data or evaluation set) has seen these shapes.

    python -m tools.handwriting_style make OUT [--per-digit 50] [--train 20] [--seed 0]
        writes OUT/train (the first --train of each digit) and OUT/test (the rest), each PNGs + labels.csv
    python -m tools.handwriting_style score WEIGHTS DIR [WEIGHTS...]
        prints each network's accuracy on DIR
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

CANVAS = 280
POINTS_PER_ARC = 24


def arc(cx, cy, rx, ry, start_deg, end_deg):
    """Points on an ellipse arc, angles in degrees anticlockwise from +x (y grows downward)."""
    t = np.deg2rad(np.linspace(start_deg, end_deg, POINTS_PER_ARC))
    return list(zip(cx + rx * np.cos(t), cy - ry * np.sin(t)))


# Each digit: strokes, each a list of (x, y) in a unit box, y downward.
TEMPLATES = {
    0: [arc(0.5, 0.5, 0.42, 0.5, 90, 450), [(0.95, -0.08), (0.05, 1.08)]],
    1: [[(0.0, 0.7), (0.8, 0.0), (0.78, 1.0)]],
    2: [arc(0.5, 0.28, 0.4, 0.28, 160, -30) + [(0.2, 0.85)] + arc(0.22, 0.88, 0.1, 0.1, 200, -160)
        + [(0.95, 1.0)]],
    3: [[(0.1, 0.0), (0.9, 0.0), (0.4, 0.42)] + arc(0.5, 0.7, 0.42, 0.3, 100, -150)],
    4: [[(0.2, 0.0), (0.1, 0.55), (0.95, 0.55)], [(0.75, 0.15), (0.68, 1.0)]],
    5: [[(0.3, 0.02), (0.22, 0.45)] + arc(0.5, 0.68, 0.4, 0.32, 140, -150), [(0.4, 0.0), (0.95, -0.03)]],
    6: [[(0.85, 0.0), (0.45, 0.3), (0.2, 0.72)] + arc(0.45, 0.8, 0.25, 0.2, 180, 540)],
    7: [[(0.05, 0.22), (0.1, 0.0), (0.95, 0.0), (0.5, 0.6), (0.42, 1.0)], [(0.0, 0.5), (0.9, 0.5)]],
    8: [arc(0.5, 0.24, 0.3, 0.24, 90, 450), arc(0.5, 0.74, 0.38, 0.26, 90, 450)],
    9: [arc(0.5, 0.25, 0.38, 0.25, 0, 360), [(0.88, 0.25), (0.85, 0.8)] + arc(0.55, 0.8, 0.3, 0.2, 0, -150)],
}


def draw(digit: int, rng: np.random.Generator) -> np.ndarray:
    """One drawing of `digit` in this style: uint8 (280, 280), 0 = ink, 255 = paper."""
    height = rng.uniform(140, 230)
    width = height * rng.uniform(0.75, 1.05)
    slant, tilt = rng.uniform(-0.25, 0.35), np.deg2rad(rng.uniform(-8, 8))
    pen = int(rng.uniform(12, 26))
    centre = CANVAS / 2 + rng.uniform(-25, 25, 2)
    image = Image.new("L", (CANVAS, CANVAS), 255)
    pen_draw = ImageDraw.Draw(image)
    for stroke in TEMPLATES[digit]:
        p = np.array(stroke, dtype=float)
        p += _wobble(len(p), rng)
        x, y = (p[:, 0] - 0.5) * width, (p[:, 1] - 0.5) * height
        x = x - slant * y  # lean right as y goes up
        xs = centre[0] + x * np.cos(tilt) - y * np.sin(tilt)
        ys = centre[1] + x * np.sin(tilt) + y * np.cos(tilt)
        points = list(zip(xs.tolist(), ys.tolist()))
        pen_draw.line(points, fill=0, width=pen, joint="curve")
        for px, py in (points[0], points[-1]):  # round pen ends
            pen_draw.ellipse((px - pen / 2, py - pen / 2, px + pen / 2, py + pen / 2), fill=0)
    return np.asarray(image)


def _wobble(n: int, rng: np.random.Generator) -> np.ndarray:
    """A smooth random displacement along a stroke (a hand is never exact): (n, 2) in box units."""
    knots = rng.normal(0, 0.04, (4, 2))
    t = np.linspace(0, 3, n)
    return np.stack([np.interp(t, np.arange(4), knots[:, k]) for k in range(2)], axis=1)


def make(out: Path, per_digit: int, n_train: int, seed: int) -> None:
    from model.my_digits import MyDigits

    rng = np.random.default_rng(seed)
    train, test = MyDigits(out / "train"), MyDigits(out / "test")
    if len(train) or len(test):
        raise SystemExit(f"{out} already holds a set; choose a new folder")
    for i in range(per_digit):
        for digit in range(10):
            (train if i < n_train else test).add(draw(digit, rng), digit)
    print(f"wrote {len(train)} drawings to {out / 'train'} and {len(test)} to {out / 'test'}")


def score(paths: list[str], folder: Path) -> None:
    from model.my_digits import MyDigits
    from model.weights import load_digit_reader

    x, y = MyDigits(folder).arrays()
    for path in paths:
        net = load_digit_reader(path).net
        predicted = net.predict(x)
        wrong = np.bincount(y[predicted != y], minlength=10)
        misses = ", ".join(f"{w} of {d}" for d, w in enumerate(wrong) if w) or "none"
        print(f"{path}: {np.mean(predicted == y):.2%} of {len(y)} (wrong: {misses})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.handwriting_style", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("make")
    m.add_argument("out", type=Path)
    m.add_argument("--per-digit", type=int, default=50)
    m.add_argument("--train", type=int, default=20)
    m.add_argument("--seed", type=int, default=0)
    s = sub.add_parser("score")
    s.add_argument("weights", nargs="+")
    s.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    if args.command == "make":
        make(args.out, args.per_digit, args.train, args.seed)
    else:
        score(args.weights, args.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
