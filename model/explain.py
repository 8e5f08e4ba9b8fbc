"""Looking inside a network for one image: each layer's output, the input gradient, saliency.

Used by the window's Inside tab and by `python -m model explain`. Layers are
told apart by their type, never by a name: a "block" starts at a convolution,
a pooling or a fully connected layer and takes in the batch norm, activation
and dropout after it, so a block's output is the layer "after its activation".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from model.data.mnist import to_float
from model.layers import (
    AvgPool2d,
    BatchNorm1d,
    BatchNorm2d,
    Conv2d,
    Dropout,
    GlobalAvgPool2d,
    LeakyReLU,
    Linear,
    MaxPool2d,
    ReLU,
    Sigmoid,
    Tanh,
)
from model.losses import softmax
from model.network import Sequential
from model.text import QT_TRANSLATE_NOOP, translate

POOLS = (MaxPool2d, AvgPool2d, GlobalAvgPool2d)
# Layers that belong to the block before them (their output replaces the block's).
FOLLOWERS = (BatchNorm1d, BatchNorm2d, ReLU, LeakyReLU, Sigmoid, Tanh, Dropout)
# Saliency methods: key -> what the window and the command line call it.
SALIENCY_METHODS = {
    "gradient_x_input": QT_TRANSLATE_NOOP("Explain", "gradient × input"),
    "gradient": QT_TRANSLATE_NOOP("Explain", "gradient of the class score"),
}  # the window shows translate("Explain", name)
DEFAULT_METHOD = "gradient_x_input"
BLOCK_TITLES = {"conv": QT_TRANSLATE_NOOP("Explain", "conv {n}"), "pool": QT_TRANSLATE_NOOP("Explain", "pool {n}"),
                "hidden": QT_TRANSLATE_NOOP("Explain", "hidden {n}")}
TOP_TEMPLATES = 16  # the first hidden layer's most active units shown as templates
# A pixel counts as ink from this value up (MNIST-style images, ink = 1).
INK_THRESHOLD = 0.1


@dataclass(frozen=True)
class LayerView:
    """One block's output for one image: maps (C, H, W) for conv and pool, a vector (F,) for hidden units."""

    title: str  # "conv 1", "pool 2", "hidden 1" (translated in the window)
    layer: int  # index in the network of the block's last layer
    values: np.ndarray

    @property
    def is_maps(self) -> bool:
        return self.values.ndim == 3


def _blocks(net: Sequential) -> list[tuple[str, int, int]]:
    """(kind, first layer, last layer) of each conv, pool and linear block, the output layer included."""
    blocks = []
    for i, layer in enumerate(net.layers):
        kind = "conv" if isinstance(layer, Conv2d) else "pool" if isinstance(layer, POOLS) else \
            "hidden" if isinstance(layer, Linear) else None
        if kind is not None:
            blocks.append([kind, i, i])
        elif isinstance(layer, FOLLOWERS) and blocks and blocks[-1][2] == i - 1:
            blocks[-1][2] = i
    return [tuple(b) for b in blocks]


def as_input(net: Sequential, image: np.ndarray) -> np.ndarray:
    """A (28, 28) image in [0, 1] as the network's one-image batch (1, 1, 28, 28) in its dtype."""
    return np.asarray(image, dtype=net.dtype).reshape(1, *net.input_shape)


def layer_views(net: Sequential, image: np.ndarray) -> tuple[list[LayerView], np.ndarray]:
    """Each conv, pool and hidden block's output for `image` (28, 28), and the logits (10,).

    One forward pass in inference mode; the last Linear (the output) is not a view.
    """
    outputs = [a for _, a in net.activations(as_input(net, image))]
    blocks = _blocks(net)
    if blocks and blocks[-1][0] == "hidden":
        blocks = blocks[:-1]  # the output layer: its logits are returned, not shown as a layer
    counts: dict[str, int] = {}
    views = []
    for kind, _, last in blocks:
        counts[kind] = counts.get(kind, 0) + 1
        title = translate("Explain", BLOCK_TITLES[kind]).format(n=counts[kind])
        views.append(LayerView(title, last, outputs[last][0].copy()))
    return views, outputs[-1][0].copy()


def first_filters(net: Sequential) -> np.ndarray | None:
    """The first convolution's filters as images (F, k, k), summed over input channels; None for an MLP."""
    conv = next((layer for layer in net.layers if isinstance(layer, Conv2d)), None)
    return None if conv is None else conv.weight.data.sum(axis=1).copy()


def templates(net: Sequential) -> np.ndarray | None:
    """The first hidden layer's weights as images (units, 28, 28), when it sees the pixels directly.

    None when a convolution comes first (its units see feature maps, not the image).
    """
    for layer in net.layers:
        if isinstance(layer, Conv2d):
            return None
        if isinstance(layer, Linear):
            side = net.input_shape[-1]
            if layer.in_features != int(np.prod(net.input_shape)):
                return None
            return layer.weight.data.T.reshape(-1, side, side).copy()
    return None


def most_active(views: list[LayerView], count: int = TOP_TEMPLATES) -> np.ndarray:
    """Indices of the first hidden layer's `count` most active units, most active first."""
    vector = next((v.values for v in views if not v.is_maps), None)
    if vector is None:
        return np.zeros(0, dtype=np.int64)
    return np.argsort(-vector, kind="stable")[:count]


def input_gradient(net: Sequential, image: np.ndarray, digit: int) -> tuple[np.ndarray, np.ndarray]:
    """d logit[digit] / d image (28, 28) and the logits (10,), by one forward and one backward pass.

    The class score is the logit, not the probability: its gradient doesn't vanish
    when the network is sure. Parameter gradients are left at zero afterwards.
    """
    logits = net.forward(as_input(net, image))
    upstream = np.zeros_like(logits)
    upstream[0, digit] = 1
    grad = net.backward(upstream, input_grad=True)
    net.zero_grad()
    return grad.reshape(np.shape(image)), logits[0].copy()


def saliency(net: Sequential, image: np.ndarray, digit: int, method: str = DEFAULT_METHOD) -> np.ndarray:
    """Signed evidence for `digit` per pixel, float32 (28, 28): > 0 raises its score, < 0 lowers it.

    method "gradient": the input gradient (where more ink would help or hurt);
    "gradient_x_input": gradient times pixel (what the ink that is there contributed).
    """
    if method not in SALIENCY_METHODS:
        raise ValueError(f"unknown saliency method {method!r}; choose one of {', '.join(SALIENCY_METHODS)}")
    grad, _ = input_gradient(net, image, digit)
    values = grad * image if method == "gradient_x_input" else grad
    return np.asarray(values, dtype=np.float32)


def signed_limit(values: np.ndarray) -> float:
    """The largest magnitude (1 for all zeros): a colour scale from -it to +it puts zero in the middle."""
    limit = float(np.nanmax(np.abs(values))) if np.size(values) else 0.0
    return limit if limit > 0 else 1.0


def top_k(probabilities: np.ndarray, k: int = 3) -> list[tuple[int, float]]:
    """The k most probable digits as (digit, probability), most probable first."""
    order = np.argsort(-np.asarray(probabilities), kind="stable")[:k]
    return [(int(d), float(probabilities[d])) for d in order]


def delete_pixels(image: np.ndarray, pixels: np.ndarray) -> np.ndarray:
    """A copy of `image` with the flat pixel indices `pixels` set to background (0)."""
    out = np.array(image, dtype=np.float32)
    out.reshape(-1)[pixels] = 0
    return out


def deletion_check(net: Sequential, image: np.ndarray, digit: int, rng: np.random.Generator,
                   fraction: float = 0.1, trials: int = 20) -> tuple[float, float, float]:
    """How much deleting ink lowers P(digit): (before, after the most salient, after random on average).

    Deletes `fraction` of the ink pixels: those with the most positive gradient ×
    input, or, `trials` times, a random choice of the same size. A faithful map's
    deletion lowers the probability more than a random one does.
    """
    ink = np.flatnonzero(np.asarray(image).reshape(-1) > INK_THRESHOLD)
    count = min(max(1, round(fraction * len(ink))), len(ink))  # no ink: nothing to delete
    evidence = saliency(net, image, digit, "gradient_x_input").reshape(-1)[ink]
    salient = ink[np.argsort(-evidence, kind="stable")[:count]]
    randoms = [rng.choice(ink, size=count, replace=False) for _ in range(trials)]
    batch = np.stack([image, delete_pixels(image, salient), *(delete_pixels(image, r) for r in randoms)])
    p = net.predict_proba(batch)[:, digit]
    return float(p[0]), float(p[1]), float(p[2:].mean())


def misread(probabilities: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Indices of the images read wrongly, the most confident mistakes first.

    probabilities: (N, 10); labels: (N,).
    """
    read = probabilities.argmax(axis=1)
    wrong = np.flatnonzero(read != labels)
    return wrong[np.argsort(-probabilities[wrong, read[wrong]], kind="stable")]


def probabilities_in_chunks(net: Sequential, images: np.ndarray, chunk: int, *,
                            progress: Callable[[int, int], None] | None = None,
                            should_stop: Callable[[], bool] | None = None) -> np.ndarray | None:
    """net.predict_proba over images uint8 (N, 28, 28), `chunk` at a time: (N, 10), or None if stopped.

    should_stop() is polled before each chunk; progress(images done, N) follows each.
    """
    chunks = []
    for start in range(0, len(images), chunk):
        if should_stop is not None and should_stop():
            return None
        chunks.append(net.predict_proba(to_float(images[start:start + chunk])))
        if progress is not None:
            progress(start + len(chunks[-1]), len(images))
    return np.concatenate(chunks)


def reading(net: Sequential, image: np.ndarray) -> np.ndarray:
    """The ten probabilities (float64) for one image (28, 28)."""
    return softmax(net.forward(as_input(net, image)))[0].astype(np.float64)


def grid_shape(count: int, max_columns: int = 8) -> tuple[int, int]:
    """(rows, columns) for `count` tiles, at most `max_columns` wide."""
    columns = max(1, min(count, max_columns))
    return -(-count // columns), columns


def mosaic(tiles: np.ndarray, columns: int, gap: int = 1) -> np.ndarray:
    """tiles (K, H, W) -> one image with the tiles in rows of `columns`, NaN in the gaps.

    One image per layer: drawn at once with one colour scale, instead of K small ones.
    """
    count, h, w = tiles.shape
    rows = -(-count // columns)
    out = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), np.nan, dtype=np.float32)
    for k in range(count):  # K is a few dozen tiles, not pixels
        r, c = divmod(k, columns)
        out[r * (h + gap):r * (h + gap) + h, c * (w + gap):c * (w + gap) + w] = tiles[k]
    return out
