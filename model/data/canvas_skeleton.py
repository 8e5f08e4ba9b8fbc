"""A digit's centre lines as pen strokes: Zhang-Suen thinning, then tracing into polylines.

Used by the stroke-style evaluation set to redraw MNIST *test* digits with a
new pen. Evaluation code only.
"""
from __future__ import annotations

import numpy as np
from PIL import Image

UPSCALE = 4  # thin at 112x112: a 28x28 skeleton is too coarse to trace smoothly
LEVEL = 0.5  # a pixel of the upscaled digit is ink at this grey level
SMOOTH = 5  # points a traced path is averaged over, against the pixel staircase
MIN_PATH = 6  # shorter paths (upscaled px) are thinning spurs; dropped
# The 8 neighbours in Zhang and Suen's order P2..P9: N, NE, E, SE, S, SW, W, NW.
RING = ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))


def _neighbours(mask: np.ndarray) -> np.ndarray:
    """bool (H, W) -> uint8 (8, H, W): P2..P9 around every pixel (outside is 0)."""
    padded = np.pad(mask, 1).astype(np.uint8)
    h, w = mask.shape
    return np.stack([padded[1 + dy : 1 + dy + h, 1 + dx : 1 + dx + w] for dy, dx in RING])


def thin(mask: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning (1984) of bool (H, W), vectorised: each sub-step is whole-array."""
    skel = mask.astype(bool).copy()
    rows, cols = np.flatnonzero(skel.any(axis=1)), np.flatnonzero(skel.any(axis=0))
    if len(rows):  # only the ink's bounding box (a view): outside it every pixel stays 0 (half the time)
        _thin_in_place(skel[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1])
    return skel


def _thin_in_place(skel: np.ndarray) -> None:
    """The thinning's passes on bool (H, W), until one removes nothing; pixels beyond the edges count as 0."""
    while True:
        changed = False
        for step in (0, 1):
            p = _neighbours(skel)
            count = p.sum(axis=0)
            crossings = ((p == 0) & (np.roll(p, -1, axis=0) == 1)).sum(axis=0)  # 0 -> 1 around the ring
            p2, p4, p6, p8 = p[0], p[2], p[4], p[6]
            if step == 0:
                clear = (p2 * p4 * p6 == 0) & (p4 * p6 * p8 == 0)
            else:
                clear = (p2 * p4 * p8 == 0) & (p2 * p6 * p8 == 0)
            remove = skel & (count >= 2) & (count <= 6) & (crossings == 1) & clear
            if remove.any():
                skel &= ~remove
                changed = True
        if not changed:
            return


def _graph(skel: np.ndarray) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """Skeleton pixels -> their neighbours; a diagonal step is dropped where a
    right-angle path through a shared neighbour exists (no spurious triangles)."""
    pixels = set(zip(*(a.tolist() for a in np.nonzero(skel))))
    graph = {}
    for y, x in sorted(pixels):
        near = []
        for dy, dx in RING:
            q = (y + dy, x + dx)
            if q in pixels and not (dy and dx and ((y, x + dx) in pixels or (y + dy, x) in pixels)):
                near.append(q)
        graph[(y, x)] = near
    return graph


def trace(skel: np.ndarray) -> list[np.ndarray]:
    """Skeleton bool (H, W) -> paths between ends and junctions (and closed loops): (k, 2) (x, y) arrays."""
    graph = _graph(skel)
    seen: set[frozenset] = set()
    paths = []

    def walk(start, nxt):
        path = [start]
        prev, cur = start, nxt
        seen.add(frozenset((prev, cur)))
        while True:
            path.append(cur)
            if len(graph[cur]) != 2:
                return path
            step = [q for q in graph[cur] if q != prev and frozenset((cur, q)) not in seen]
            if not step:
                return path
            prev, cur = cur, step[0]
            seen.add(frozenset((prev, cur)))

    nodes = [p for p in graph if len(graph[p]) != 2] + [p for p in graph if len(graph[p]) == 2]
    for node in nodes:  # ends and junctions first, then what remains is loops
        for q in graph[node]:
            if frozenset((node, q)) not in seen:
                paths.append(walk(node, q))
    return [np.array(path, float)[:, ::-1] for path in paths]


def _smooth(path: np.ndarray) -> np.ndarray:
    if len(path) <= SMOOTH:
        return path
    kernel = np.ones(SMOOTH) / SMOOTH
    pad = SMOOTH // 2
    out = path.copy()
    for k in range(2):
        out[pad:-pad, k] = np.convolve(path[:, k], kernel, mode="valid")
    return out


def digit_strokes(digit: np.ndarray) -> list[np.ndarray]:
    """An MNIST digit uint8 (28, 28) -> its centre lines as unit strokes (height 1, y down)."""
    side = digit.shape[0] * UPSCALE
    big = np.asarray(Image.fromarray(digit).resize((side, side), Image.Resampling.BILINEAR)) / 255.0
    paths = trace(thin(big >= LEVEL))
    long = [p for p in paths if len(p) >= MIN_PATH] or paths
    strokes = [_smooth(p) for p in long]
    points = np.vstack(strokes)
    low, height = points.min(axis=0), max(np.ptp(points[:, 1]), 1.0)
    return [(s - low) / height for s in strokes]
