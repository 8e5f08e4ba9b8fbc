"""x @ W for a few images whose inputs are mostly zero: read only the rows of W that count.

After ReLU and max pooling most inputs of a fully connected layer are zero:
the cnn's 3136 are about 17% non-zero on MNIST's test images. For one image
x @ W is bound by reading W (the cnn's 3136 x 1024 float32 weight is 12.8 MB,
more than a core's cache holds), and the row of W under a zero input adds
nothing (0 * w = 0 for finite weights; DigitLab refuses weight files with NaN
or inf, and training keeps the last finite weights). So for a few images the
rows under inputs non-zero in any image are gathered, a cache-sized chunk at a
time into a kept buffer, and multiplied there: a fifth of the bytes. The sum
has the same non-zero terms, grouped otherwise: it equals x @ W within float32
rounding.
"""

from __future__ import annotations

import numpy as np

from model.layers.scratch import Scratch

MAX_IMAGES = 16  # more images have few inputs that are zero in all of them
# Weights smaller than this stay in a core's cache: the plain product reads them as fast.
MIN_WEIGHT_BYTES = 2 * 2**20
# Gathering a row costs 1.2 to 4 times the plain product's reading it (measured on the cnn:
# the weight in cache, or evicted): above this share of rows used, the plain product may win.
MAX_USED_SHARE = 0.4
# Rows gathered at a time: the chunk is still in cache when the product reads it (measured on
# the cnn, one image: 2.4x faster than gathering all rows first, whose copy left the cache).
CHUNK_BYTES = 2**19


def sparse_input_product(x: np.ndarray, weight: np.ndarray, scratch: Scratch) -> np.ndarray | None:
    """x (N, K) @ weight (K, F) from the rows of weight under non-zero inputs only; None when
    the plain product is as fast (many images, a small weight, too few zeros)."""
    rows, features = weight.shape
    if len(x) > MAX_IMAGES or weight.nbytes < MIN_WEIGHT_BYTES:
        return None
    used = x[0] if len(x) == 1 else x.any(axis=0)
    if np.count_nonzero(used) > MAX_USED_SHARE * rows:  # counting is cheaper than listing them
        return None
    used = np.flatnonzero(used)
    step = max(1, CHUNK_BYTES // (features * weight.itemsize))
    # Kept buffers: a fresh one would cost a page fault per 4 KiB, as much as the rows it saves.
    gathered = scratch.get("rows", (step, features), weight.dtype)
    part = scratch.get("part", (len(x), features), np.result_type(x, weight))
    x_used, out = x[:, used], np.zeros_like(part)
    for start in range(0, len(used), step):
        chunk = used[start:start + step]
        np.take(weight, chunk, axis=0, out=gathered[:len(chunk)], mode="clip")  # "clip": out is not buffered
        out += np.matmul(x_used[:, start:start + step], gathered[:len(chunk)], out=part)
    return out
