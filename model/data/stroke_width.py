"""The width of a drawing's strokes, and bringing it to MNIST's before the drawing is shrunk to 20x20.

A digit drawn small with a thick brush becomes a blob at 20x20, and a large
one drawn with a thin brush becomes a hairline: both unlike MNIST, whose
strokes are 2-4 px wide in the 20 px box. `match_mnist_width` thins or
thickens the ink (a grey erosion or dilation) so that, once scaled into the
box, its strokes are as wide as a typical MNIST digit's.
"""
from __future__ import annotations

import numpy as np

# MNIST's stroke width in its 20 px box, by `stroke_width` at ink >= 0.2 of the
# strongest (preprocess.INK_LEVEL), measured on the first 20,000 MNIST
# training digits: 5th percentile 2.18 px, 10th 2.36, median 3.10, 90th 4.13, 95th 4.52.
MNIST_WIDTH_LOW, MNIST_WIDTH_HIGH = 2.18, 4.52
# Anti-aliasing in the resize adds about half a pixel to a width (measured on
# pen-drawn digits of known width); we compare widths before the resize.
RESIZE_BLUR = 0.5
MIN_LEFT = 2.0  # canvas px a thinned stroke keeps, so no stroke vanishes
# Below this size (px) one pixel of erosion is a tenth of the box or more: too
# coarse a step, and such a picture (MNIST's own 28x28) is already drawn at the box's scale.
MIN_SIDE = 40
MIN_KEPT = 0.2  # thinning that leaves less of the ink than this would erase the drawing
PI_4 = np.pi / 4
VOTE_PER_PX = 1 / 56  # majority-vote radius per pixel of the ink's longer side: none below 56 px  # mean ratio of a boundary's length to its count of pixel edges


def stroke_width(mask: np.ndarray, vote: int = 0) -> float:
    """Mean stroke width of bool (H, W) ink in px: 2 * area / perimeter.

    A stroke of length L and width w has area wL and perimeter about 2L. The
    perimeter counts pixel edges, scaled by pi/4 to a length (exact for a
    disc, and on average over a stroke's directions). Dithered ink (a
    bilevel scan) has a ragged edge that inflates the perimeter, so with
    `vote` > 0 the width is also taken after a majority vote over
    (2 vote + 1)^2 pixels, and the larger one kept.
    """
    if vote == 0:
        return _width(mask)
    votes = _filter(mask.astype(np.float32), vote, np.add)
    return max(_width(mask), _width(votes > (2 * vote + 1) ** 2 / 2))


def _width(mask: np.ndarray) -> float:
    area = np.count_nonzero(mask)
    if area == 0:
        return 0.0
    # Pixel edges between ink and no ink, the frame counting as no ink (as np.pad(mask, 1) would, slower).
    edges = (np.count_nonzero(mask[1:] != mask[:-1]) + np.count_nonzero(mask[0]) + np.count_nonzero(mask[-1])
             + np.count_nonzero(mask[:, 1:] != mask[:, :-1]) + np.count_nonzero(mask[:, 0])
             + np.count_nonzero(mask[:, -1]))
    return 2.0 * area / (edges * PI_4)


def _filter(ink: np.ndarray, radius: int, reduce) -> np.ndarray:
    """A (2r+1)x(2r+1) window of ink (H, W) folded by `reduce` (np.maximum: dilate, np.minimum: erode,
    np.add: sum); outside is 0."""
    out = ink
    for axis in (0, 1):
        moved = np.moveaxis(out, axis, 0)
        n = moved.shape[0]
        padded = np.zeros((n + 2 * radius, *moved.shape[1:]), moved.dtype)  # np.pad's zeros, without its overhead
        padded[radius : radius + n] = moved
        result = padded[:n].copy()
        for k in range(1, 2 * radius + 1):
            result = reduce(result, padded[k : k + n], out=result)
        out = np.moveaxis(result, 0, axis)
    return out


def match_mnist_width(crop: np.ndarray, level: float) -> np.ndarray:
    """Ink (h, w) cropped to its box -> ink whose strokes, scaled into the 20 px box, are MNIST-wide.

    Nothing changes for a crop under MIN_SIDE px or while the width is within MNIST's 5th-95th percentiles;
    outside, the ink is eroded or dilated to the nearer of the two. The
    result may be larger (dilation pads) or have empty margins (erosion).
    """
    if max(crop.shape) < MIN_SIDE:
        return crop
    width = stroke_width(crop >= level * crop.max(), vote=int(max(crop.shape) * VOTE_PER_PX))
    scale = 20 / max(crop.shape)
    in_box = width * scale + RESIZE_BLUR
    if MNIST_WIDTH_LOW <= in_box <= MNIST_WIDTH_HIGH:
        return crop
    target = min(max(in_box, MNIST_WIDTH_LOW), MNIST_WIDTH_HIGH)
    radius = round(((target - RESIZE_BLUR) / scale - width) / 2)
    if radius > 0:
        return _filter(np.pad(crop, radius), radius, np.maximum)
    radius = min(-radius, int((width - MIN_LEFT) // 2))
    if radius <= 0:
        return crop
    thinned = _filter(crop, radius, np.minimum)
    kept = np.count_nonzero(thinned >= level * crop.max()) / np.count_nonzero(crop >= level * crop.max())
    return thinned if kept >= MIN_KEPT else crop  # strokes thinner than the mean would vanish: leave it
