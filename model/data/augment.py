"""Data augmentation for training, vectorised over the batch.

A person's digit on the canvas is never exactly MNIST's: it sits a little
off, leans, is bigger or smaller, and the brush is thicker or thinner. Each
batch gets a random small affine warp (one bilinear resampling computed for
the whole batch at once) and, for a random subset, a thicker or thinner
stroke (a 3x3 grey dilation or erosion, blended in by a random amount).

Images are the network input convention: float32 (N, 1, 28, 28) in [0, 1].
"""
from __future__ import annotations

import numpy as np

# MNIST strokes are 2-3 px wide: a full 3x3 erosion would wipe many out.
MAX_THIN = 0.4


def _framed(images: np.ndarray) -> np.ndarray:
    """images (N, H, W) in a one-pixel zero frame: (N, H + 2, W + 2) float32.

    (np.pad does the same about 2.5x slower on batches this small.)
    """
    n, h, w = images.shape
    framed = np.zeros((n, h + 2, w + 2), np.float32)
    framed[:, 1:-1, 1:-1] = images
    return framed


def _bilinear(images: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Sample images (N, H, W) at fractional (rows, cols), each (N, H, W).

    Points outside the image read as background (0).
    """
    n, h, w = images.shape
    flat = _framed(images).reshape(-1)  # a zero frame to read outside from
    # Clipped into the frame, an outside point interpolates between zeros.
    r = np.clip(rows + np.float32(1), 0, h + 1)
    c = np.clip(cols + np.float32(1), 0, w + 1)
    r_floor, c_floor = np.floor(r), np.floor(c)
    np.minimum(r_floor, h, out=r_floor)
    np.minimum(c_floor, w, out=c_floor)
    fr, fc = r - r_floor, c - c_floor
    # Top-left neighbour's index in its framed image (exact in float32), converted once.
    r_floor *= np.float32(w + 2)
    r_floor += c_floor
    index = r_floor.astype(np.intp)
    index += np.arange(n, dtype=np.intp)[:, None, None] * ((h + 2) * (w + 2))
    # Views starting one pixel right, one down, and both: one index reads all four neighbours.
    top_left, top_right = np.take(flat, index), np.take(flat[1:], index)
    bottom_left, bottom_right = np.take(flat[w + 2:], index), np.take(flat[w + 3:], index)
    left = 1 - fc
    top = top_left * left
    top += top_right * fc
    bottom = bottom_left * left
    bottom += bottom_right * fc
    top *= 1 - fr
    bottom *= fr
    top += bottom
    return top


def warp(x: np.ndarray, shift: np.ndarray, rotate_deg: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Move, turn and resize each image about its centre; bilinear.

    x: (N, 1, H, W). shift: (N, 2) pixels as (down, right); rotate_deg: (N,)
    degrees anticlockwise; scale: (N,) (> 1 enlarges). Returns (N, 1, H, W)
    float32. Zero shift and rotation with unit scale return x unchanged.
    """
    n, _, h, w = x.shape
    centre_r, centre_c = (h - 1) / 2, (w - 1) / 2
    theta = np.deg2rad(np.asarray(rotate_deg, dtype=np.float64))
    # float32 coordinates: precise to far below a pixel, and about a fifth faster.
    cos = (np.cos(theta) / scale).astype(np.float32)[:, None]
    sin = (np.sin(theta) / scale).astype(np.float32)[:, None]
    shift = np.asarray(shift, dtype=np.float32)
    # Each output pixel reads from the point the inverse transform sends it to;
    # a row's and a column's terms are computed once (N, H) and (N, W), then summed.
    dr = np.arange(h, dtype=np.float32)[None] - np.float32(centre_r) - shift[:, 0, None]
    dc = np.arange(w, dtype=np.float32)[None] - np.float32(centre_c) - shift[:, 1, None]
    rows = (centre_r + cos * dr)[:, :, None] + (sin * dc)[:, None, :]
    cols = (centre_c - sin * dr)[:, :, None] + (cos * dc)[:, None, :]
    return _bilinear(x[:, 0].astype(np.float32, copy=False), rows, cols)[:, None]


def _max3(x: np.ndarray, reduce) -> np.ndarray:
    """3x3 grey max (or min) filter of x (N, 1, H, W) by shifted views; outside is 0."""
    p = _framed(x[:, 0])[:, None]
    rows = reduce(p[:, :, :-2], p[:, :, 1:-1])
    reduce(rows, p[:, :, 2:], out=rows)
    out = reduce(rows[..., :-2], rows[..., 1:-1])
    return reduce(out, rows[..., 2:], out=out)


def stroke(x: np.ndarray, strength: np.ndarray) -> np.ndarray:
    """Thicken (strength > 0) or thin (< 0) each image's strokes.

    x: (N, 1, H, W); strength: (N,) in [-1, 1], the fraction of a full 3x3
    dilation or erosion blended in. Returns (N, 1, H, W) float32.
    Each filter runs only on the images that take it (half get neither).
    """
    strength = np.asarray(strength, dtype=np.float32)
    out = x.astype(np.float32)
    thicker, thinner = np.flatnonzero(strength > 0), np.flatnonzero(strength < 0)
    if thicker.size:
        xs = out[thicker]
        out[thicker] = xs + strength[thicker, None, None, None] * (_max3(xs, np.maximum) - xs)
    if thinner.size:
        xs = out[thinner]
        out[thinner] = xs + strength[thinner, None, None, None] * (xs - _max3(xs, np.minimum))
    return out


def augment(
    x: np.ndarray,
    rng: np.random.Generator,
    max_shift: float = 2.0,
    max_rotate: float = 12.0,
    scale: tuple[float, float] = (0.9, 1.1),
    thickness_prob: float = 0.5,
) -> np.ndarray:
    """A randomly augmented copy of a batch.

    x: (N, 1, 28, 28) float32 in [0, 1]. Each image gets a shift uniform in
    +-max_shift px per axis, a rotation uniform in +-max_rotate degrees and a
    scale uniform in `scale`; with probability thickness_prob its stroke is
    thickened (up to a full 3x3 dilation) or thinned (up to MAX_THIN of an
    erosion), by a uniform random amount. Returns (N, 1, 28, 28) float32
    in [0, 1]; x is not modified.
    """
    n = len(x)
    shifts = rng.uniform(-max_shift, max_shift, (n, 2))
    angles = rng.uniform(-max_rotate, max_rotate, n)
    scales = rng.uniform(scale[0], scale[1], n)
    amounts = rng.random(n) * (rng.random(n) < thickness_prob)
    strengths = np.where(rng.random(n) < 0.5, amounts, -MAX_THIN * amounts)
    out = stroke(x, strengths) if thickness_prob > 0 else x
    out = warp(out, shifts, angles, scales)
    return np.clip(out, 0, 1, out=out)
