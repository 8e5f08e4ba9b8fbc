"""One hand for the stroke-style evaluation sets: strokes -> a mouse drawing on the canvas.

A drawing is a list of strokes, each a float (k, 2) array of (x, y) points in
a unit box (y down, height about 1). `draw_hand` gives it a person's hand:
strokes that overshoot or stop short of their joins, a slant, a smooth warp,
a tilt, a size and place on the 280x280 canvas, a tremor, and a round pen.
Both the stroke digits and the non-digits go through it, so a network cannot
tell them apart by the hand alone.

This is evaluation code: the training-data synthesis must not import it.
"""
from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

CANVAS = 280
MARGIN = 6
SUPERSAMPLE = 2  # drawn at twice the size and averaged down: anti-aliased like a canvas

PEN_PX = (4.0, 30.0)
PEN_PER_HEIGHT = 0.35  # a pen wider than this part of the height is clipped: a blob no one can read
HEIGHT_FRACTION = (0.15, 0.90)
SLANT = 0.35  # horizontal shift of the top against the bottom, in heights
TILT_DEG = 10.0
WARP = 0.05  # amplitude of the smooth warp, in heights
JOIN_PROB = 0.3  # chance that a stroke end overshoots, and again that it stops short
JOIN_ERR = (0.02, 0.09)  # how far, in heights
TREMOR_PX = (0.0, 2.5)
TREMOR_SMOOTH = 5  # points the tremor is averaged over: a hand wobbles, it doesn't jitter
STEP = 0.01  # strokes are resampled at this spacing (heights) to move their ends
TREMOR_STEP_PX = 2.0  # and at this spacing (canvas px) before the tremor


def resample(stroke: np.ndarray, step: float) -> np.ndarray:
    """Points (k, 2) -> points spaced about `step` apart along the same path."""
    seg = np.hypot(*np.diff(stroke, axis=0).T)
    length = np.concatenate([[0.0], np.cumsum(seg)])
    if length[-1] == 0:
        return stroke[:1].copy()
    at = np.linspace(0, length[-1], max(2, int(np.ceil(length[-1] / step)) + 1))
    return np.stack([np.interp(at, length, stroke[:, 0]), np.interp(at, length, stroke[:, 1])], axis=1)


def _move_end(stroke: np.ndarray, delta: float) -> np.ndarray:
    """Lengthen the stroke's last end along its direction (delta > 0) or trim it (delta < 0)."""
    if delta > 0:
        tangent = stroke[-1] - stroke[max(0, len(stroke) - 4)]
        norm = np.hypot(*tangent)
        return stroke if norm == 0 else np.vstack([stroke, stroke[-1] + tangent / norm * delta])
    keep = len(stroke) - int(round(-delta / STEP))
    return stroke[: max(keep, min(len(stroke), 2))]


def miss_joins(strokes: list[np.ndarray], rng: np.random.Generator) -> list[np.ndarray]:
    """Each stroke end may overshoot or stop short, as a quick hand does."""
    out = []
    for stroke in strokes:
        stroke = resample(stroke, STEP)
        for _ in range(2):  # the end, then (reversed) the start
            if len(stroke) > 3:
                over, short = rng.random(2) < JOIN_PROB
                size = rng.uniform(*JOIN_ERR)
                stroke = _move_end(stroke, size if over else -size if short else 0.0)
            stroke = stroke[::-1]
        out.append(stroke)
    return out


def _affine(strokes: list[np.ndarray], rng: np.random.Generator) -> list[np.ndarray]:
    """Slant, smooth warp and tilt about the drawing's centre (unit coordinates)."""
    points = np.vstack(strokes)
    centre = (points.min(axis=0) + points.max(axis=0)) / 2
    slant, angle = rng.uniform(-SLANT, SLANT), np.deg2rad(rng.uniform(-TILT_DEG, TILT_DEG))
    freq, phase, amp = rng.uniform(0.5, 1.5, 2), rng.uniform(0, 2 * np.pi, 2), rng.uniform(0, WARP, 2)
    rotate = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    out = []
    for s in strokes:
        p = s - centre
        p = p + np.stack([amp[0] * np.sin(2 * np.pi * freq[0] * p[:, 1] + phase[0]),
                          amp[1] * np.sin(2 * np.pi * freq[1] * p[:, 0] + phase[1])], axis=1)
        p[:, 0] -= slant * p[:, 1]  # y grows downwards: the top leans right for slant > 0
        out.append(p @ rotate.T)
    return out


def _tremor(stroke: np.ndarray, amplitude: float, rng: np.random.Generator) -> np.ndarray:
    """A smooth random wobble of about `amplitude` canvas pixels along the stroke."""
    if len(stroke) < 2 or amplitude == 0:
        return stroke
    noise = rng.normal(0, 1, (len(stroke) + TREMOR_SMOOTH - 1, 2))
    window = np.ones(TREMOR_SMOOTH) / np.sqrt(TREMOR_SMOOTH)
    wobble = np.stack([np.convolve(noise[:, k], window, mode="valid") for k in range(2)], axis=1)
    return stroke + amplitude * wobble


def place(strokes: list[np.ndarray], height: float, margin: float, rng: np.random.Generator) -> list[np.ndarray]:
    """Scale unit strokes to `height` canvas pixels (less if too big) and put them anywhere on the canvas.

    `margin` px stay free at each edge (half the pen and the tremor).
    """
    points = np.vstack(strokes)
    low, extent = points.min(axis=0), np.maximum(np.ptp(points, axis=0), 1e-6)
    room = CANVAS - 2 * margin
    scale = min(height / extent[1], room / extent.max())
    shift = margin + rng.uniform(0, 1, 2) * (room - extent * scale)
    return [(s - low) * scale + shift for s in strokes]


def pen_strokes(strokes: list[np.ndarray], pen: float) -> np.ndarray:
    """Canvas-pixel strokes drawn with a round pen `pen` px wide, at SUPERSAMPLE times the size: uint8, ink 255."""
    side = CANVAS * SUPERSAMPLE
    image = Image.new("L", (side, side), 0)
    draw = ImageDraw.Draw(image)
    width = max(1, int(round(pen * SUPERSAMPLE)))
    r = width / 2
    for s in strokes:
        pts = [tuple(p) for p in (s * SUPERSAMPLE).tolist()]
        if len(pts) > 1:
            draw.line(pts, fill=255, width=width, joint="curve")
        for x, y in (pts[0], pts[-1]):  # round caps
            draw.ellipse((x - r, y - r, x + r, y + r), fill=255)
    return np.asarray(image)


def pen_ink(strokes: list[np.ndarray], pen: float) -> np.ndarray:
    """Canvas-pixel strokes drawn with a round pen `pen` px wide -> ink float32 (280, 280) in [0, 1]."""
    pixels, k = pen_strokes(strokes, pen), SUPERSAMPLE
    # Each canvas pixel is the mean of its block: an integer sum of strided views, exact and fast.
    total = np.sum([pixels[i::k, j::k] for i in range(k) for j in range(k)], axis=0, dtype=np.uint16)
    return total.astype(np.float32) / np.float32(k * k) / np.float32(255)


def draw_hand(strokes: list[np.ndarray], rng: np.random.Generator) -> tuple[np.ndarray, dict]:
    """Unit strokes -> (uint8 (280, 280) drawing in a random polarity, what was drawn).

    The record holds "height" (target, canvas px), "pen" (px) and "dark_on_light".
    """
    strokes = _affine(miss_joins(strokes, rng), rng)
    height = rng.uniform(*HEIGHT_FRACTION) * CANVAS
    pen = rng.uniform(PEN_PX[0], max(PEN_PX[0], min(PEN_PX[1], PEN_PER_HEIGHT * height)))
    tremor = rng.uniform(*TREMOR_PX)
    margin = MARGIN + pen / 2 + 2 * tremor
    placed = [_tremor(resample(s, TREMOR_STEP_PX), tremor, rng) for s in place(strokes, height, margin, rng)]
    pixels = np.rint(pen_ink(placed, pen) * 255).astype(np.uint8)
    dark = bool(rng.random() < 0.5)
    return (255 - pixels if dark else pixels), {"height": height, "pen": pen, "dark_on_light": dark}
