"""Turn any picture of a digit into the network's input, the way MNIST was made.

LeCun's recipe: take the ink, fit its bounding box into a 20x20 box keeping
the aspect ratio (anti-aliased, which gives the grey edges), then place that
in a 28x28 field so the centre of mass lands on the centre. MNIST shifted by
whole pixels (its centres of mass scatter uniformly within +-0.5 px of
(14, 14)); so do we, which keeps the strokes as sharp as MNIST's.

`to_mnist` accepts whatever a user or the canvas hands over: a Pillow image
in any mode, or a NumPy array (H, W), (H, W, 3) or (H, W, 4), dark ink on
light paper or light ink on dark, with or without transparency.
"""
from __future__ import annotations

import struct
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError

from model.constants import IMAGE_SIDE
from model.data.stroke_width import match_mnist_width, stroke_width

BOX = 20
CENTRE = (IMAGE_SIDE - 1) / 2 + 0.5  # MNIST's centre of mass, in pixel indices: (14, 14)
LUMA = np.array([0.299, 0.587, 0.114], dtype=np.float32)  # ITU-R 601, as Pillow's "L"

MIN_CONTRAST = 0.15  # ink fainter than this against the paper is not a drawing
INK_LEVEL = 0.2  # a pixel is ink if it reaches this fraction of the strongest ink
MIN_INK_PIXELS = 4
MIN_BOX_FRACTION = 0.05  # a box under this part of the image is a speck (14 px on the 280 px canvas)
# A dot of the pen 20 px or more across spans 2.05-2.2 times its mean stroke width (stroke_width);
# a digit spans 2.5 times or more unless drawn so small with so thick a pen that it is a blob.
DOT_RATIO = 2.3
RESAMPLE = Image.Resampling.LANCZOS
MAX_PIXELS = 50_000_000  # a 50-megapixel photo; Pillow only refuses from 179 M, after minutes of decoding
# What Pillow's decoders raise on damaged data: its plugins parse with struct, slicing and arithmetic.
DECODE_ERRORS = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError,
                 KeyError, TypeError, ZeroDivisionError, OverflowError, RuntimeError, Image.DecompressionBombError,
                 Image.DecompressionBombWarning)


class ImageError(ValueError):
    """A file is missing or is not an image Pillow can read."""


def load_image(path: str | Path) -> Image.Image:
    """Open and decode the image at `path`, or raise ImageError (one line).

    The size is checked before the pixels are decoded, so a file declaring
    100000x100000 pixels fails at once; Pillow's warnings (a damaged EXIF
    block...) are not printed, the decoded picture is what counts.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as img:
                _check_size(path, img.size)
                img.load()
                return img.copy()
    except FileNotFoundError:
        raise ImageError(f"{path}: file not found") from None
    except ImageError:
        raise
    except MemoryError:
        raise ImageError(f"{path}: not enough memory to decode this image") from None
    except DECODE_ERRORS as exc:
        reason = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ImageError(f"{path}: not a readable image ({reason})") from None


def _check_size(path: str | Path, size: tuple[int, int]) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise ImageError(f"{path}: the image is empty ({width}x{height} pixels)")
    if width * height > MAX_PIXELS:
        raise ImageError(f"{path}: {width}x{height} pixels is more than the {MAX_PIXELS:,} an image may have")


def _as_array(image: Image.Image | np.ndarray) -> np.ndarray:
    """A Pillow image or array -> a NumPy array (H, W) or (H, W, C), any dtype."""
    if isinstance(image, Image.Image):
        if image.mode == "P":
            image = image.convert("RGBA")  # keeps a palette's transparent colour
        elif image.mode not in ("1", "L", "LA", "RGB", "RGBA", "F") and not image.mode.startswith("I"):
            image = image.convert("RGB")  # CMYK, YCbCr, HSV, LAB...
        return np.asarray(image)
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    if array.ndim not in (2, 3) or (array.ndim == 3 and array.shape[2] not in (2, 3, 4)):
        raise ValueError(f"expected an image (H, W), (H, W, 3) or (H, W, 4), got {array.shape}")
    return array


def _unit(array: np.ndarray) -> np.ndarray:
    """Any pixel values -> float32 in [0, 1], keeping faintness where the type allows."""
    if array.dtype == bool:
        return array.astype(np.float32)
    if array.dtype == np.uint8:
        return array.astype(np.float32) / np.float32(255)
    x = array.astype(np.float32)
    if x.size == 0:
        return x
    low, high = float(x.min()), float(x.max())
    if low >= 0 and high <= 1:
        return x
    if low >= 0 and high <= 255:
        return x / np.float32(255)
    if low >= 0 and high <= 65535 and np.issubdtype(array.dtype, np.integer):
        return x / np.float32(65535)
    return (x - low) / np.float32(max(high - low, 1e-12))


def _grey(array: np.ndarray) -> np.ndarray:
    """(H, W[, C]) pixels -> grey float32 (H, W) in [0, 1], transparency flattened.

    Transparent pixels become paper: a colour contrasting with the opaque
    strokes when those are few (a drawing on a transparent layer), else the
    colour of the opaque area (a sheet with a transparent margin).
    """
    x = _unit(array)
    if x.ndim == 2:
        return x
    channels = x.shape[2]
    colour, alpha = (x[:, :, :-1], x[:, :, -1]) if channels in (2, 4) else (x, None)
    grey = colour[:, :, 0] if colour.shape[2] == 1 else colour @ LUMA
    if alpha is None or alpha.min() >= 1:
        return grey
    opaque = float(alpha.sum())
    if opaque == 0:
        return np.zeros_like(grey)
    mean = float((alpha * grey).sum()) / opaque
    paper = mean if opaque >= alpha.size / 2 else float(mean < 0.5)
    return alpha * grey + (1 - alpha) * np.float32(paper)


def _ink(grey: np.ndarray) -> np.ndarray:
    """Grey (H, W) -> ink strength (H, W) >= 0, whatever the polarity.

    The paper is the median of the border: a digit rarely fills the frame.
    """
    border = np.concatenate([grey[0], grey[-1], grey[1:-1, 0], grey[1:-1, -1]])
    paper = np.float32(np.median(border))
    ink = paper - grey if paper >= 0.5 else grey - paper
    return np.maximum(ink, 0, out=ink)


def _ink_box(ink: np.ndarray) -> tuple[slice, slice] | None:
    """The bounding box of the ink as (rows, cols) slices, or None if no digit."""
    strongest = float(ink.max()) if ink.size else 0.0
    if strongest < MIN_CONTRAST:
        return None
    mask = ink >= INK_LEVEL * strongest
    if np.count_nonzero(mask) < MIN_INK_PIXELS:
        return None
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    height, width = rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1
    if max(height, width) < MIN_BOX_FRACTION * max(ink.shape):
        return None
    box = slice(rows[0], rows[-1] + 1), slice(cols[0], cols[-1] + 1)
    if max(height, width) < DOT_RATIO * stroke_width(mask[box]):
        return None  # a dot of the pen, whatever its size
    return box


def _fit_box(crop: np.ndarray) -> np.ndarray:
    """Ink (h, w) -> ink scaled so its longer side is 20 px, anti-aliased."""
    h, w = crop.shape
    scale = BOX / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))  # Pillow wants (w, h)
    patch = np.asarray(Image.fromarray(crop, mode="F").resize(size, RESAMPLE))
    return np.clip(patch, 0, None)  # Lanczos rings slightly below zero


def _centre(patch: np.ndarray) -> np.ndarray:
    """Ink (h, w), h, w <= 20 -> a 28x28 field with its centre of mass at (14, 14).

    The shift is rounded to whole pixels and kept inside the field.
    """
    h, w = patch.shape
    mass = patch.sum()
    com_y = float(patch.sum(axis=1) @ np.arange(h)) / mass
    com_x = float(patch.sum(axis=0) @ np.arange(w)) / mass
    top = min(max(round(CENTRE - com_y), 0), IMAGE_SIDE - h)
    left = min(max(round(CENTRE - com_x), 0), IMAGE_SIDE - w)
    field = np.zeros((IMAGE_SIDE, IMAGE_SIDE), dtype=np.float32)
    field[top : top + h, left : left + w] = patch
    return field


def on_paper(image: Image.Image | np.ndarray) -> np.ndarray:
    """Any picture -> uint8 (H, W): its ink dark on white paper, as the canvas holds a drawing.

    Polarity and transparency are read as `to_mnist` reads them, so a white
    digit on black or on a transparent layer comes out black on white, and
    `to_mnist(on_paper(image))` sees the same digit as `to_mnist(image)`.
    """
    ink = np.clip(_ink(_grey(_as_array(image))), 0, 1)
    return np.rint(255 * (1 - ink)).astype(np.uint8)


def to_mnist(image: Image.Image | np.ndarray) -> np.ndarray | None:
    """Any picture of one digit -> an MNIST-style image, or None if there is no digit.

    image: a Pillow image (any mode) or an array (H, W), (H, W, 3) or
    (H, W, 4), any size, either polarity; transparent pixels are paper.
    Returns float32 (28, 28) in [0, 1], ink = 1, the digit's longer side
    20 px, its strokes about as wide as MNIST's, and its centre of mass at
    (14, 14); None for a blank image, ink too faint, a speck or a dot of the pen. Add the batch and channel axes for a network:
    `x[None, None]` is (1, 1, 28, 28).
    """
    ink = _ink(_grey(_as_array(image)))
    box = _ink_box(ink)
    if box is None:
        return None
    crop = match_mnist_width(np.ascontiguousarray(ink[box]), INK_LEVEL)
    rows = np.flatnonzero((crop >= INK_LEVEL * crop.max()).any(axis=1))
    cols = np.flatnonzero((crop >= INK_LEVEL * crop.max()).any(axis=0))
    patch = _fit_box(np.ascontiguousarray(crop[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]))
    patch /= patch.max()  # the strongest stroke is full ink, as in MNIST
    return _centre(patch)


def to_mnist_all(images) -> tuple[np.ndarray, np.ndarray]:
    """Drawings (n, H, W) -> (inputs float32 (n, 28, 28), found bool (n,)): `to_mnist` of each,
    all zeros where it finds no digit (found False)."""
    inputs = np.zeros((len(images), IMAGE_SIDE, IMAGE_SIDE), np.float32)
    found = np.zeros(len(images), bool)
    for i, image in enumerate(images):
        prepared = to_mnist(image)
        if prepared is not None:
            inputs[i], found[i] = prepared, True
    return inputs, found
