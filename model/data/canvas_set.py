"""Digits as a person draws them on DigitLab's canvas: an evaluation set.

A network that scores 99% on MNIST can still fail on a drawing that is big,
thick, off-centre or dark-on-light, because MNIST's digits are none of those.
These sets measure that, and whether `preprocess.to_mnist` fixes it:

- `canvas_mnist`: MNIST test digits redrawn on a 280x280 canvas, scaled up,
  moved off-centre, thickened, sometimes tilted, in either polarity.
- `canvas_fonts`: digits in the bundled handwriting, script, comic and plain
  fonts (assets/fonts), at random sizes, positions and slants.
- "strokes" and "nondigits" (canvas_strokes.py): digits and no-digits drawn
  as pen strokes with a mouse's hand.

Everything follows from the seed, so a set is the same on every machine.
Images are uint8 (n, 280, 280) as drawn: dark-on-light or light-on-dark.
"""
from __future__ import annotations

import functools
from typing import Callable

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from model.data.mnist import load_mnist
from model.paths import FONTS_DIR

CANVAS = 280
MARGIN = 8  # keep the whole digit on the canvas, a little off the edge
FONT_FILES = (
    "Kristi.ttf",
    "DancingScript-Regular.otf",
    "KaushanScript-Regular.otf",
    "LeckerliOne-Regular.ttf",
    "Breip.ttf",
    "BecauseWeConnect-Regular.otf",
    "BecauseWeCreate-Regular.otf",
    "BecauseWeOrganize-Regular.otf",
    "Humor-Sans.ttf",
    "ComicNeue-Regular.otf",
    "LiberationSans-Regular.ttf",
    "LiberationSerif-Regular.ttf",
)
GLYPH_PX = 160
# Each set draws from its own stream, so the two never share a label order.
MNIST_STREAM, FONTS_STREAM = 0, 1  # fonts are rendered once at this size, then warped

# Ranges of the random drawing parameters (heights in canvas pixels).
MNIST_HEIGHT = (110, 240)
MNIST_TILT_PROB = 0.5
MNIST_TILT_DEG = 15.0
MNIST_THICKEN_PX = 7
FONT_HEIGHT = (90, 230)
FONT_SHEAR = 0.35
FONT_TILT_DEG = 5.0
FONT_THICKEN_PX = 8
# A pen leaves solid strokes: sharpen MNIST's soft, blurred ink towards that.
PEN_LOW, PEN_HIGH = 0.2, 0.7


def _dilate(ink: np.ndarray, radius: int) -> np.ndarray:
    """A (2r+1)x(2r+1) max filter of ink (H, W), as a thicker pen would draw."""
    out = ink.copy()
    for axis in (0, 1):
        src = out.copy()
        for k in range(1, radius + 1):
            lead = [slice(None)] * 2
            lag = [slice(None)] * 2
            lead[axis], lag[axis] = slice(k, None), slice(None, -k)
            np.maximum(out[tuple(lead)], src[tuple(lag)], out=out[tuple(lead)])
            np.maximum(out[tuple(lag)], src[tuple(lead)], out=out[tuple(lag)])
    return out


def _draw(source: np.ndarray, rng: np.random.Generator, height: float, tilt_deg: float, shear: float) -> np.ndarray:
    """Warp ink source (h, w) onto a blank canvas (280, 280), ink = 1.

    The ink's bounding box is sheared, tilted and scaled to `height` canvas
    pixels (shrunk if it would not fit), then put at a random position.
    """
    rows = np.flatnonzero(source.any(axis=1))
    cols = np.flatnonzero(source.any(axis=0))
    corners = np.array([[x, y] for x in (cols[0], cols[-1] + 1) for y in (rows[0], rows[-1] + 1)], float).T
    angle = np.deg2rad(tilt_deg)
    rotate = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    warp = rotate @ np.array([[1.0, -shear], [0.0, 1.0]])  # shear > 0 leans the top right
    extent = np.ptp(warp @ corners, axis=1)
    warp *= min(height / extent[1], (CANVAS - 2 * MARGIN) / extent.max())
    placed = warp @ corners
    low, size = placed.min(axis=1), np.ptp(placed, axis=1)
    shift = MARGIN - low + rng.uniform(0, 1, 2) * (CANVAS - 2 * MARGIN - size)
    back = np.linalg.inv(warp)  # Pillow maps each canvas pixel back to the source
    coeffs = np.concatenate([back, -(back @ shift)[:, None]], axis=1).ravel()
    image = Image.fromarray(source.astype(np.float32), mode="F")
    canvas = image.transform((CANVAS, CANVAS), Image.Transform.AFFINE, tuple(coeffs), Image.Resampling.BILINEAR)
    return np.asarray(canvas)


def _finish(ink: np.ndarray, radius: int, dark_on_light: bool) -> np.ndarray:
    """Canvas ink (280, 280) in [0, 1] -> thickened uint8 pixels in the given polarity."""
    pixels = np.rint(np.clip(_dilate(ink, radius), 0, 1) * 255).astype(np.uint8)
    return 255 - pixels if dark_on_light else pixels


def count_drawn(n: int, first: int | None) -> int:
    """How many of a set of n to draw: all, or its first `first`."""
    return n if first is None else min(first, n)


def _balanced_labels(n: int, rng: np.random.Generator) -> np.ndarray:
    """n labels, each digit n // 10 or n // 10 + 1 times, shuffled. uint8 (n,)."""
    return rng.permutation(np.arange(n) % 10).astype(np.uint8)


def canvas_mnist(n: int = 1000, seed: int = 0, on_image: Callable[[], None] | None = None, *,
                 first: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """MNIST test digits redrawn large, thick and off-centre on a 280x280 canvas.

    Returns (images uint8 (n, 280, 280), labels uint8 (n,)), labels balanced.
    `on_image()` is called after each drawing (progress; it may raise to stop).
    `first`: draw only the set's first drawings (images and labels cut to them), as the whole set has them.
    """
    rng = np.random.default_rng([seed, MNIST_STREAM])
    digits, digit_labels = load_mnist("test")
    labels = _balanced_labels(n, rng)
    by_label = [np.flatnonzero(digit_labels == d) for d in range(10)]
    picks = np.array([rng.choice(by_label[d]) for d in labels], dtype=int)
    heights = rng.uniform(*MNIST_HEIGHT, n)
    tilts = rng.uniform(-MNIST_TILT_DEG, MNIST_TILT_DEG, n) * (rng.random(n) < MNIST_TILT_PROB)
    radii = rng.integers(0, MNIST_THICKEN_PX + 1, n)
    dark = rng.random(n) < 0.5
    images = np.empty((count_drawn(n, first), CANVAS, CANVAS), np.uint8)
    for i in range(len(images)):
        ink = _draw(digits[picks[i]] / np.float32(255), rng, heights[i], tilts[i], 0.0)
        ink = np.clip((ink - PEN_LOW) / (PEN_HIGH - PEN_LOW), 0, 1)
        images[i] = _finish(ink, radii[i], dark[i])
        if on_image is not None:
            on_image()
    return images, labels[:len(images)]


@functools.lru_cache(maxsize=None)
def _glyph(font_file: str, digit: int) -> np.ndarray:
    """The digit rendered in the font, cropped to its ink: float32 (h, w), ink = 1."""
    font = ImageFont.truetype(str(FONTS_DIR / font_file), GLYPH_PX)
    left, top, right, bottom = font.getbbox(str(digit))
    image = Image.new("L", (right - left + 4, bottom - top + 4), 0)
    ImageDraw.Draw(image).text((2 - left, 2 - top), str(digit), fill=255, font=font)
    glyph = np.asarray(image, dtype=np.float32) / np.float32(255)
    glyph.flags.writeable = False
    return glyph


def canvas_fonts(n: int = 1000, seed: int = 0, on_image: Callable[[], None] | None = None, *,
                 first: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Digits in the bundled fonts at random sizes, positions and slants.

    Returns (images uint8 (n, 280, 280), labels uint8 (n,)), labels balanced,
    fonts drawn uniformly from FONT_FILES. `on_image` and `first` as in `canvas_mnist`.
    """
    rng = np.random.default_rng([seed, FONTS_STREAM])
    labels = _balanced_labels(n, rng)
    fonts = rng.integers(0, len(FONT_FILES), n)
    heights = rng.uniform(*FONT_HEIGHT, n)
    shears = rng.uniform(-FONT_SHEAR, FONT_SHEAR, n)
    tilts = rng.uniform(-FONT_TILT_DEG, FONT_TILT_DEG, n)
    radii = rng.integers(0, FONT_THICKEN_PX + 1, n)
    dark = rng.random(n) < 0.5
    images = np.empty((count_drawn(n, first), CANVAS, CANVAS), np.uint8)
    for i in range(len(images)):
        glyph = _glyph(FONT_FILES[fonts[i]], int(labels[i]))
        ink = _draw(glyph, rng, heights[i], tilts[i], shears[i])
        images[i] = _finish(ink, radii[i], dark[i])
        if on_image is not None:
            on_image()
    return images, labels[:len(images)]


PARTS = ("mnist", "fonts", "strokes", "nondigits")


def canvas_set(n_each: int = 500, seed: int = 0, parts: tuple[str, ...] = PARTS,
               on_image: Callable[[], None] | None = None, *,
               first: int | None = None) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The chosen parts, {name: (images, labels)}: "mnist", "fonts", "strokes" (canvas_strokes)
    and "nondigits", whose labels are -1 (int8): no digit. `on_image` and `first` as in `canvas_mnist`."""
    from model.data.canvas_strokes import canvas_nondigits, canvas_strokes

    makers = {"mnist": canvas_mnist, "fonts": canvas_fonts, "strokes": canvas_strokes, "nondigits": canvas_nondigits}
    return {name: makers[name](n_each, seed, on_image, first=first) for name in parts}
