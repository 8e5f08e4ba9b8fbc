"""Synthetic training drawings: digits as pen strokes, and drawings that are no digit.

`synthetic_pool(n, rng)` makes n images in the network-input convention
(float32 (n, 1, 28, 28) in [0, 1], through `preprocess.to_mnist` as a canvas
drawing is) with labels 0-9, or -1 for "not a digit":

- MNIST *training* digits thinned to their centre lines and drawn again with
  a random round pen, slant, stretch, warp and tremor (model/data/strokes.py),
  with small breaks and overshoots, and the forms MNIST rarely has: barred 7s,
  1s with a flag and a foot;
- digits from training-only fonts (the DejaVu, STIX and Computer Modern fonts
  inside matplotlib, never the evaluation fonts in assets/fonts), as pen
  strokes and as filled glyphs: round closed loops on 6 and 9, flagged 1s;
- not-a-digit: letters that do not look like digits from the same fonts,
  and shapes and scribbles (model/data/shapes.py), labelled -1.
"""
from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from model.data import shapes, strokes
from model.data.preprocess import to_mnist

NOT_A_DIGIT = -1
# Shares of a pool: MNIST pen strokes, font digits as strokes, filled font digits, letters, shapes.
MIX = {"mnist": 0.4, "font_strokes": 0.08, "font_filled": 0.08, "letters": 0.16, "shapes": 0.28}
TRAINING_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-Bold.ttf", "DejaVuSerif.ttf",
                  "DejaVuSerif-Italic.ttf", "DejaVuSansMono.ttf", "STIXGeneral.ttf", "STIXGeneralItalic.ttf",
                  "STIXGeneralBol.ttf", "cmr10.ttf", "cmss10.ttf", "cmti10.ttf", "cmtt10.ttf", "cmb10.ttf")
# Letters that look like no digit (O, I, l, S, Z, B, G, q, b, D, g... are left out).
LETTERS = "ACEFHKLMNPRTUVWXYacefhkmnprtuvwxy"
GLYPH_PX = 80
VARIANT_PROB = 0.35  # of the 7s drawn with a bar, of the 1s with a flag (and then half with a foot)
BREAK_PROB, OVERSHOOT_PROB = 0.25, 0.3
MAX_FILLED_THICKEN = 6
_BLANK = np.zeros((28, 28), np.float32)


def font_paths() -> list[Path]:
    """The training fonts that ship inside matplotlib (found without importing pyplot)."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return [folder / name for name in TRAINING_FONTS if (folder / name).exists()]


def _glyph(path: Path, char: str, thicken: int = 0, shear: float = 0.0) -> np.ndarray | None:
    """One character of a font as a 28x28 MNIST-style image (or None if the font lacks it)."""
    font = ImageFont.truetype(str(path), GLYPH_PX)
    side = 3 * GLYPH_PX
    img = Image.new("L", (side, side), 0)
    ImageDraw.Draw(img).text((side // 3, side // 4), char, fill=255, font=font, stroke_width=thicken, stroke_fill=255)
    if shear:
        img = img.transform(img.size, Image.Transform.AFFINE, (1, shear, -shear * side / 2, 0, 1, 0),
                            resample=Image.Resampling.BILINEAR)
    return to_mnist(np.asarray(img))


@functools.lru_cache(maxsize=4)
def _glyph_segments(chars: str) -> list[tuple[np.ndarray, np.ndarray, str]]:
    """Every (font, char)'s centre line as segments, with its character."""
    out = []
    for path in font_paths():
        for ch in chars:
            image = _glyph(path, ch)
            if image is not None:
                start, end, _ = strokes.segments(strokes.skeleton(image[None]))
                if len(start):
                    out.append((start, end, ch))
    return out


def _stack(pieces: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    starts, ends = zip(*pieces)
    owners = np.concatenate([np.full(len(s), i) for i, s in enumerate(starts)])
    return np.concatenate(starts), np.concatenate(ends), owners


def _variants(lines, labels, start, end, owner, rng):
    """Add bars to some 7s, flags and feet to some 1s, and overshoots at free line ends."""
    extra = []
    n = len(lines)
    pts = np.concatenate([start, end])
    who = np.concatenate([owner, owner])
    top = np.full((n, 2), np.inf, np.float32)
    bottom = np.full((n, 2), -np.inf, np.float32)
    np.minimum.at(top[:, 0], who, pts[:, 0])
    np.maximum.at(bottom[:, 0], who, pts[:, 0])
    mean_col = np.bincount(who, pts[:, 1], n) / np.maximum(np.bincount(who, minlength=n), 1)
    chosen = rng.random(n) < VARIANT_PROB
    for i in np.flatnonzero(chosen & (labels == 7)):
        mid = (top[i, 0] + bottom[i, 0]) / 2
        half = rng.uniform(2.5, 4.5)
        extra.append(([[mid, mean_col[i] - half]], [[mid, mean_col[i] + half]], i))
    for i in np.flatnonzero(chosen & (labels == 1)):
        length = rng.uniform(2.5, 5)
        extra.append(([[top[i, 0], mean_col[i]]], [[top[i, 0] + 0.6 * length, mean_col[i] - length]], i))
        if rng.random() < 0.5:
            extra.append(([[bottom[i, 0], mean_col[i] - 3]], [[bottom[i, 0], mean_col[i] + 3]], i))
    point, direction, which = strokes.line_ends(lines)
    keep = rng.random(len(point)) < OVERSHOOT_PROB
    reach = rng.uniform(1, 3.5, (len(point), 1)).astype(np.float32)
    start = np.concatenate([start, point[keep], *(np.float32(e[0]) for e in extra)])
    end = np.concatenate([end, (point + direction * reach)[keep], *(np.float32(e[1]) for e in extra)])
    owner = np.concatenate([owner, which[keep], np.array([e[2] for e in extra], dtype=owner.dtype)])
    return start, end, owner


def _breaks(start, end, owner, n, rng):
    """Drop the segments near one random point of some images: a pen that skipped.

    owner must be sorted, so each image's segments are one run and the point lies on its own line.
    """
    broken = rng.random(n) < BREAK_PROB
    first, counts = np.searchsorted(owner, np.arange(n)), np.bincount(owner, minlength=n)
    pick = first + (rng.random(n) * np.maximum(counts, 1)).astype(np.int64)
    centre = start[np.minimum(pick, len(start) - 1)]
    mid = (start + end) / 2
    near = np.linalg.norm(mid - centre[owner], axis=1) < rng.uniform(0.8, 1.6, n)[owner]
    keep = ~(near & broken[owner])
    return start[keep], end[keep], owner[keep]


def mnist_strokes(images: np.ndarray, labels: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """MNIST digits (n, 28, 28) uint8 or [0, 1] floats redrawn as pen strokes: uint8 (n, CANVAS, CANVAS)."""
    x = np.asarray(images, np.float32)
    x = x / 255 if x.max(initial=0) > 1 else x
    lines = strokes.skeleton(x)
    start, end, owner = strokes.segments(lines)
    order = np.argsort(owner, kind="stable")
    start, end, owner = _breaks(start[order], end[order], owner[order], len(x), rng)
    start, end, owner = _variants(lines, np.asarray(labels), start, end, owner, rng)
    return strokes.render(start, end, owner, len(x), rng)


def font_strokes(n: int, chars: str, rng: np.random.Generator) -> tuple[np.ndarray, list[str]]:
    """n characters from the training fonts drawn as pen strokes, and which character each is."""
    glyphs = _glyph_segments(chars)
    picks = rng.integers(0, len(glyphs), n)
    start, end, owner = _stack([glyphs[i][:2] for i in picks])
    return strokes.render(start, end, owner, n, rng), [glyphs[i][2] for i in picks]


def font_filled(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """n digits from the training fonts as filled glyphs, thickened and slanted at random: (n, 28, 28), labels."""
    fonts = font_paths()
    labels = rng.integers(0, 10, n)
    images = [_glyph(fonts[rng.integers(len(fonts))], str(d), int(rng.integers(0, MAX_FILLED_THICKEN + 1)),
                     float(rng.uniform(-0.35, 0.35))) for d in labels]
    return np.stack([_BLANK if x is None else x for x in images]), labels


def _prepared(canvases) -> np.ndarray:
    """Canvases (n, H, W) -> network input (n, 28, 28) via to_mnist, as the window does; blank where it finds none."""
    return np.stack([_BLANK if x is None else x for x in map(to_mnist, canvases)]).astype(np.float32)


def synthetic_pool(n: int, rng: np.random.Generator, mnist_images: np.ndarray,
                   mnist_labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """n synthetic training images (n, 1, 28, 28) float32 and labels (n,) int64, -1 = not a digit.

    mnist_images / mnist_labels: the training digits to redraw (never test digits).
    """
    counts = {k: int(round(share * n)) for k, share in MIX.items()}
    counts["shapes"] = n - sum(v for k, v in counts.items() if k != "shapes")
    pick = rng.integers(0, len(mnist_images), counts["mnist"])
    parts = [(_prepared(mnist_strokes(mnist_images[pick], mnist_labels[pick], rng)), mnist_labels[pick])]
    digits, chars = font_strokes(counts["font_strokes"], "0123456789", rng)
    parts.append((_prepared(digits), np.array([int(c) for c in chars])))
    parts.append(font_filled(counts["font_filled"], rng))
    letters, _ = font_strokes(counts["letters"], LETTERS, rng)
    parts.append((_prepared(letters), np.full(counts["letters"], NOT_A_DIGIT)))
    start, end, owner = shapes.random_shapes(counts["shapes"], rng)
    parts.append((_prepared(strokes.render(start, end, owner, counts["shapes"], rng)),
                  np.full(counts["shapes"], NOT_A_DIGIT)))
    x = np.concatenate([p[0] for p in parts])[:, None]
    y = np.concatenate([np.asarray(p[1]) for p in parts]).astype(np.int64)
    order = rng.permutation(n)
    x, y = x[order], y[order]
    inked = x.reshape(n, -1).max(axis=1) > 0  # a drawing to_mnist found empty teaches nothing
    return x[inked], y[inked]
