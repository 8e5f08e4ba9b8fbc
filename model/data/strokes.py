"""Pen strokes for training: thin an image to its centre line, then draw the line again with another pen.

A person draws a digit as a few pen strokes of one width; MNIST's digits are
scanned ink of varied width. `skeleton` reduces an image to its 1-px centre
line (Zhang-Suen thinning, vectorised over the batch), `segments` turns that
line into a flat list of short segments (one per pair of touching pixels),
and `render` draws any such segments with a round pen of a random width after
a random slant, rotation, stretch, smooth warp and tremor, on a square canvas.

Segments are flat arrays over the whole batch: start (M, 2), end (M, 2) as
(row, col) and the image each belongs to (M,), so no Python loop runs per
image or per pixel. Used to make training data only (model/data/synth.py).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

INK = 0.5  # a pixel of a [0, 1] image is ink from here, for thinning
MAX_THINNING_PASSES = 30
# The eight neighbours clockwise from north, as (row, col) offsets: Zhang-Suen's P2..P9.
RING = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))
# Half of the neighbourhood: each touching pair of pixels is one segment, counted once.
FORWARD = ((0, 1), (1, -1), (1, 0), (1, 1))
CANVAS = 96  # the render canvas; to_mnist brings it to 28x28 as it does the window's 280x280
DRAWN = 64  # the longer side of a drawing on that canvas, before warping
SAMPLES = 16  # points drawn along each segment: dense enough for a 1-px pen


@dataclass
class Pen:
    """How strokes are drawn. Widths are fractions of the drawing's longer side."""

    width: tuple[float, float] = (0.015, 0.4)  # log-uniform
    slant: float = 0.35  # shear, uniform +-
    rotate_deg: float = 15.0
    aspect: tuple[float, float] = (0.75, 1.3)  # width / height
    warp: float = 0.05  # amplitude of the smooth displacement, fraction of the size
    tremor: float = 0.006  # per-point jitter, fraction of the size


def _neighbours(binary: np.ndarray) -> np.ndarray:
    """(N, H, W) bool -> (8, N, H, W) bool: each pixel's P2..P9 (outside is background)."""
    n, h, w = binary.shape
    framed = np.zeros((n, h + 2, w + 2), bool)
    framed[:, 1:-1, 1:-1] = binary
    return np.stack([framed[:, 1 + dr:h + 1 + dr, 1 + dc:w + 1 + dc] for dr, dc in RING])


def skeleton(images: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning of x: (N, H, W) floats in [0, 1] -> (N, H, W) bool centre lines."""
    img = np.asarray(images) >= INK
    for _ in range(MAX_THINNING_PASSES):
        changed = False
        for first in (True, False):
            p = _neighbours(img)
            count = p.sum(axis=0)
            turns = (~p & np.roll(p, -1, axis=0)).sum(axis=0)  # 0 -> 1 transitions around the ring
            p2, p4, p6, p8 = p[0], p[2], p[4], p[6]
            side = ~(p2 & p4 & p6) & ~(p4 & p6 & p8) if first else ~(p2 & p4 & p8) & ~(p2 & p6 & p8)
            remove = img & (count >= 2) & (count <= 6) & (turns == 1) & side
            if remove.any():
                img = img & ~remove
                changed = True
        if not changed:
            break
    return img


def segments(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Centre lines (N, H, W) bool -> (start (M, 2), end (M, 2), image (M,)): one segment per touching pair."""
    starts, ends, owners = [], [], []
    n, h, w = lines.shape
    for dr, dc in FORWARD:
        a = lines[:, max(0, -dr):h - max(0, dr), max(0, -dc):w - max(0, dc)]
        b = lines[:, max(0, dr):, max(0, dc):][:, :a.shape[1], :a.shape[2]]
        i, r, c = np.nonzero(a & b)
        r, c = r + max(0, -dr), c + max(0, -dc)
        starts.append(np.stack([r, c], 1))
        ends.append(np.stack([r + dr, c + dc], 1))
        owners.append(i)
    # A pixel with no touching neighbour (a dot) is a segment of length zero.
    p = _neighbours(lines)
    i, r, c = np.nonzero(lines & ~p.any(axis=0))
    starts.append(np.stack([r, c], 1))
    ends.append(np.stack([r, c], 1))
    owners.append(i)
    return (np.concatenate(starts).astype(np.float32), np.concatenate(ends).astype(np.float32),
            np.concatenate(owners))


def line_ends(lines: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The free ends of centre lines: (point (K, 2), outward unit direction (K, 2), image (K,))."""
    p = _neighbours(lines)
    ends = lines & (p.sum(axis=0) == 1)
    i, r, c = np.nonzero(ends)
    offsets = np.array(RING, np.float32)  # (8, 2)
    towards = np.einsum("kn,kd->nd", p[:, i, r, c].astype(np.float32), offsets)
    return np.stack([r, c], 1).astype(np.float32), -towards / np.linalg.norm(towards, axis=1, keepdims=True), i


def _normalise(start, end, owner, n):
    """Centre each image's segments on their bounding box and scale its longer side to 1."""
    pts = np.concatenate([start, end])
    who = np.concatenate([owner, owner])
    low = np.full((n, 2), np.inf, np.float32)
    high = np.full((n, 2), -np.inf, np.float32)
    np.minimum.at(low, who, pts)
    np.maximum.at(high, who, pts)
    empty = ~np.isfinite(low[:, 0])
    low[empty], high[empty] = 0, 1
    centre, size = (low + high) / 2, np.maximum((high - low).max(axis=1), 1.0)
    return (start - centre[owner]) / size[owner, None], (end - centre[owner]) / size[owner, None]


def _warp_points(pts, owner, params):
    """Apply each image's slant, rotation, aspect and smooth warp to points (K, 2) in unit size."""
    shear, angle, aspect, amp, freq, phase = (params[k][owner] for k in
                                              ("shear", "angle", "aspect", "amp", "freq", "phase"))
    r, c = pts[:, 0], pts[:, 1]
    c = c * aspect - shear * r
    cos, sin = np.cos(angle), np.sin(angle)
    r, c = cos * r - sin * c, sin * r + cos * c
    # A smooth displacement: two low-frequency waves per axis.
    dr = amp[:, 0] * np.sin(freq[:, 0] * c + phase[:, 0]) + amp[:, 1] * np.sin(freq[:, 1] * r + phase[:, 1])
    dc = amp[:, 2] * np.sin(freq[:, 2] * r + phase[:, 2]) + amp[:, 3] * np.sin(freq[:, 3] * c + phase[:, 3])
    return np.stack([r + dr, c + dc], 1)


def _draw_params(n, pen: Pen, rng: np.random.Generator) -> dict:
    return {"shear": rng.uniform(-pen.slant, pen.slant, n).astype(np.float32),
            "angle": np.deg2rad(rng.uniform(-pen.rotate_deg, pen.rotate_deg, n)).astype(np.float32),
            "aspect": np.exp(rng.uniform(*np.log(pen.aspect), n)).astype(np.float32),
            "amp": rng.uniform(-pen.warp, pen.warp, (n, 4)).astype(np.float32),
            "freq": rng.uniform(1.5, 5.0, (n, 4)).astype(np.float32),
            "phase": rng.uniform(0, 2 * np.pi, (n, 4)).astype(np.float32),
            "width": np.exp(rng.uniform(*np.log(pen.width), n)).astype(np.float32)}


def _dilate(canvas: np.ndarray, radius: np.ndarray) -> np.ndarray:
    """Grow each image's ink by its own radius (N,) in pixels: alternating 3x3 squares and crosses, nearly round."""
    out = canvas
    for step in range(1, int(radius.max(initial=0)) + 1):
        grow = np.flatnonzero(radius >= step)
        x = out[grow]
        framed = np.zeros((len(grow), x.shape[1] + 2, x.shape[2] + 2), x.dtype)
        framed[:, 1:-1, 1:-1] = x
        cross = x | framed[:, :-2, 1:-1] | framed[:, 2:, 1:-1] | framed[:, 1:-1, :-2] | framed[:, 1:-1, 2:]
        if step % 2:
            cross |= framed[:, :-2, :-2] | framed[:, :-2, 2:] | framed[:, 2:, :-2] | framed[:, 2:, 2:]
        out[grow] = cross
    return out


def render(start: np.ndarray, end: np.ndarray, owner: np.ndarray, n: int, rng: np.random.Generator,
           pen: Pen | None = None) -> np.ndarray:
    """Draw segments (any units) of n images with a random round pen: uint8 (n, CANVAS, CANVAS), ink 255."""
    pen = pen or Pen()
    params = _draw_params(n, pen, rng)
    start, end = _normalise(start, end, owner, n)
    t = np.linspace(0, 1, SAMPLES, dtype=np.float32)[None, :, None]
    pts = (start[:, None] * (1 - t) + end[:, None] * t).reshape(-1, 2)
    who = np.repeat(owner, SAMPLES)
    pts = _warp_points(pts, who, params)
    pts += rng.normal(0, pen.tremor, pts.shape).astype(np.float32)
    pix = np.rint(pts * DRAWN + CANVAS / 2).astype(np.intp)
    np.clip(pix, 0, CANVAS - 1, out=pix)
    canvas = np.zeros((n, CANVAS, CANVAS), bool)
    canvas[who, pix[:, 0], pix[:, 1]] = True
    radius = np.floor((params["width"] * DRAWN - 1) / 2).astype(np.int64)
    return _dilate(canvas, radius).astype(np.uint8) * np.uint8(255)
