"""Arrays to QImages through a colour map: the same maps as `model.explain_plots` uses for its PNGs."""

from __future__ import annotations

import functools

import numpy as np
from PySide6.QtGui import QColor, QImage

from model.explain import signed_limit
from model.explain_plots import MAPS_CMAP, SIGNED_CMAP

__all__ = ["MAPS_CMAP", "SIGNED_CMAP", "colour_lut", "grey_image", "overlay", "rgb_image", "signed_range",
           "to_rgb", "value_range"]

GAP = QColor("#f4f5f7")  # between tiles (NaN in a mosaic)
LUT_SIZE = 256


@functools.lru_cache(maxsize=None)
def colour_lut(name: str) -> np.ndarray:
    """(256, 3) uint8 colours of the matplotlib colour map `name` (made once per map)."""
    import matplotlib

    return matplotlib.colormaps[name](np.linspace(0, 1, LUT_SIZE), bytes=True)[:, :3].copy()


def signed_range(values: np.ndarray) -> tuple[float, float]:
    """A range symmetric about zero, so white means "no effect"."""
    limit = signed_limit(values)
    return -limit, limit


def value_range(values: np.ndarray) -> tuple[float, float]:
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    return (low, high) if high > low else (low, low + 1.0)


def to_rgb(values: np.ndarray, low: float, high: float, cmap: str) -> np.ndarray:
    """(H, W) floats -> (H, W, 3) uint8 through `cmap`, NaN as the gap colour."""
    scaled = (np.nan_to_num(values, nan=low) - low) / (high - low)
    index = np.clip(np.rint(scaled * (LUT_SIZE - 1)), 0, LUT_SIZE - 1).astype(np.intp)
    rgb = colour_lut(cmap)[index]
    rgb[np.isnan(values)] = (GAP.red(), GAP.green(), GAP.blue())
    return rgb


def rgb_image(rgb: np.ndarray) -> QImage:
    """(H, W, 3) uint8 -> a QImage owning a copy of the pixels."""
    rgb = np.ascontiguousarray(rgb, dtype=np.uint8)
    h, w, _ = rgb.shape
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def grey_image(image: np.ndarray) -> np.ndarray:
    """An MNIST-style image (ink = 1) as (H, W, 3) uint8, dark ink on white paper."""
    level = np.rint(255 * (1 - np.clip(image, 0, 1))).astype(np.uint8)
    return np.repeat(level[:, :, None], 3, axis=2)


def overlay(image: np.ndarray, evidence: np.ndarray, strength: float = 1.5) -> np.ndarray:
    """The image faded, with the signed evidence on top: opaque where it is strong, clear where it is ~0."""
    low, high = signed_range(evidence)
    colours = to_rgb(evidence, low, high, SIGNED_CMAP).astype(np.float32)
    paper = 255 - 0.35 * (255 - grey_image(image).astype(np.float32))  # the digit still shows, faintly
    alpha = np.clip(np.abs(evidence) / high * strength, 0, 1)[:, :, None]
    return np.rint(alpha * colours + (1 - alpha) * paper).astype(np.uint8)
