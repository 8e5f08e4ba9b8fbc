"""Parameters packed into one flat buffer, and their gradients into another.

Every Parameter's `.data` and `.grad` become views into the two buffers: the
layers keep their own attributes (`self.weight.data`), read and write them as
before and see every update, while an optimizer updates all the parameters at
once with a handful of whole-array operations instead of a dozen per tensor.
"""

from __future__ import annotations

import numpy as np

from model.layers.base import Parameter

# Each parameter starts on a 64-byte boundary (a cache line, an AVX-512 register) in the buffers.
ALIGN_BYTES = 64


class FlatParams:
    """params' arrays as views into `data` and `grad`, two 1-d arrays of the parameters' dtype.

    The gaps left by the alignment hold zeros in both buffers, so an update there changes nothing.
    `repack_if_rebound()` packs again when someone gave a parameter new arrays
    (`Sequential.astype`, another optimizer packing the same parameters).
    """

    def __init__(self, params: dict[str, Parameter]):
        self.params = dict(params)
        dtypes = {p.data.dtype for p in self.params.values()}
        if len(dtypes) != 1:
            raise ValueError(f"an optimizer's parameters must share one dtype, got {sorted(map(str, dtypes))}")
        self.slices: dict[str, slice] = {}
        offset, step = 0, max(1, ALIGN_BYTES // next(iter(dtypes)).itemsize)
        for name, p in self.params.items():
            self.slices[name] = slice(offset, offset + p.data.size)
            offset += -(-p.data.size // step) * step  # rounded up to the next boundary
        self.size = offset
        self.data = self.grad = np.empty(0)
        self._views: list[tuple[np.ndarray, np.ndarray]] = []
        self._pack()

    def _pack(self) -> None:
        dtype = next(iter(self.params.values())).data.dtype
        self.data, self.grad = _aligned_zeros(self.size, dtype), _aligned_zeros(self.size, dtype)
        for name, p in self.params.items():
            data, grad = self.view(self.data, name), self.view(self.grad, name)
            np.copyto(data, p.data)
            np.copyto(grad, p.grad)
            p.data, p.grad = data, grad
        self._views = [(p.data, p.grad) for p in self.params.values()]

    def repack_if_rebound(self) -> bool:
        """Pack the parameters' current arrays again if any was replaced; True when it did."""
        if all(p.data is d and p.grad is g for p, (d, g) in zip(self.params.values(), self._views)):
            return False
        for name, p in self.params.items():
            if p.data.size != self.slices[name].stop - self.slices[name].start:
                raise ValueError(f"parameter {name} changed size from {self.slices[name]} to {p.data.shape}")
        self._pack()
        return True

    def view(self, flat: np.ndarray, name: str) -> np.ndarray:
        """The part of a flat array (data, grad, or optimizer state laid out alike) that is parameter `name`."""
        return flat[self.slices[name]].reshape(self.params[name].data.shape)


def _aligned_zeros(size: int, dtype) -> np.ndarray:
    """A zero-filled 1-d array whose first element sits on an ALIGN_BYTES boundary."""
    dtype = np.dtype(dtype)
    raw = np.zeros(size * dtype.itemsize + ALIGN_BYTES, dtype=np.uint8)
    start = -raw.ctypes.data % ALIGN_BYTES
    return raw[start:start + size * dtype.itemsize].view(dtype)
