"""Scratch arrays a layer reuses from one training step to the next.

A fresh large array costs a page fault per 4 KiB the first time it is written,
which for the presets' activations takes as long as the arithmetic on them. So
the fast layers keep their intermediate arrays (masks, im2col columns, padded
copies) and write into them again on the next step. Only arrays nobody else
holds are kept this way: a layer's output, which the next layer may keep for
its backward pass, is always a fresh array. column_sum keeps its vectors of ones
the same way.
"""

from __future__ import annotations

import numpy as np


def channels_last(x: np.ndarray) -> bool:
    """Whether (N, C, H, W) x lies in memory as (N, H, W, C), the package's convention."""
    return x.ndim == 4 and x.transpose(0, 2, 3, 1).flags.c_contiguous


class Scratch:
    """Named arrays kept between calls; get() hands back the same one while the shape holds.

    keep_derived: derived() keeps what it computes from a weight while the weight's values
    stay the same (inference on a few images, where the weight is not trained in between).
    """

    def __init__(self, keep_derived: bool = False):
        self._arrays: dict[str, np.ndarray] = {}
        self.keep_derived = keep_derived
        self._derived: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def get(self, name: str, shape: tuple[int, ...], dtype, zeros: bool = False) -> np.ndarray:
        """An array of shape and dtype; its old contents unless it is new (then zeros)."""
        shape = tuple(int(s) for s in shape)
        a = self._arrays.get(name)
        if a is None or a.shape != shape or a.dtype != dtype:
            a = self._arrays[name] = np.zeros(shape, dtype)
        elif zeros:
            a[...] = 0
        return a

    def like(self, name: str, shape: tuple[int, int, int, int], dtype, last: bool) -> np.ndarray:
        """An (N, C, H, W) array, laid out channels-last in memory when `last`."""
        if not last:
            return self.get(name, shape, dtype)
        n, c, h, w = shape
        return self.get(name, (n, h, w, c), dtype).transpose(0, 3, 1, 2)

    def derived(self, name: str, source: np.ndarray, compute) -> np.ndarray:
        """compute(source); with keep_derived, the kept result while source holds the same values.

        Comparing with a copy of source reads it twice, still several times cheaper than a
        transform of the filters; in-place training updates leave no other trace to check.
        """
        if not self.keep_derived:
            return compute(source)
        kept = self._derived.get(name)
        if kept is None or kept[0].shape != source.shape or kept[0].dtype != source.dtype \
                or not np.array_equal(kept[0], source):
            kept = self._derived[name] = (source.copy(), compute(source))
        return kept[1]


_ONES: dict[tuple[int, np.dtype], np.ndarray] = {}  # read-only vectors of ones, by length and dtype
_MOST_ONES = 64  # lengths kept at most (a run's spans and blocks take a few)


def column_sum(rows: np.ndarray) -> np.ndarray:
    """rows: (M, F) -> (F,): a matrix-vector product, ~15x faster than rows.sum(axis=0)
    for few columns, and more accurate in float32 (blocked accumulation). The ones are kept:
    making them took a tenth of the product's time."""
    return _ones(rows.shape[0], rows.dtype) @ rows


def row_sum(matrix: np.ndarray) -> np.ndarray:
    """matrix: (F, M) -> (F,), as column_sum (column_sum of matrix.T runs ~30x slower: another BLAS path)."""
    return matrix @ _ones(matrix.shape[1], matrix.dtype)


def _ones(length: int, dtype) -> np.ndarray:
    key = (length, np.dtype(dtype))
    ones = _ONES.get(key)
    if ones is None:
        if len(_ONES) >= _MOST_ONES:
            _ONES.clear()
        ones = _ONES[key] = np.ones(length, dtype)
        ones.flags.writeable = False
    return ones
