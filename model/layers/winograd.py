"""Stride-1 convolution with Winograd's F(2x2, r x r): 2x2 outputs per tile of (r + 1)² inputs.

The output is cut into 2x2 tiles, T = N * ceil(OH / 2) * ceil(OW / 2) of them; each
reads an n x n patch of the padded input (n = r + 1, neighbouring patches overlap
by r - 1). With the matrices of model/layers/winograd_transforms.py, per tile
position xi (n² of them) and channels-last throughout:

    V[xi] = (kron(BT, BT) @ patches)[xi]   (T, C)  the input patches, transformed
    U[xi] = (kron(G, G) @ weight)[xi]      (C, F)  the filters, transformed
    M[xi] = V[xi] @ U[xi]                  (T, F)  n² matrix products
    out   = kron(AT, AT) @ M               (4, T, F): each tile's 2x2 outputs

A 3x3 filter takes 16 multiplications per 4 outputs instead of 36, a 5x5 one 36
instead of 100. The backward pass is this computation's transpose, exactly:
dM = kron(AT, AT).T @ dout, then dU = V.T @ dM and dV = dM @ U.T, and the input's
gradient is kron(BT, BT).T @ dV added back onto the overlapping patches.
model/layers/reference.py holds the plain convolution the tests compare with.
"""

from __future__ import annotations

import functools

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from model import parallel
from model.layers import window_grad
from model.layers.scratch import Scratch, column_sum
from model.layers.winograd_transforms import transforms_2d

# Bytes of one block's patches, V and M: a few MiB stay in cache from one pass to the next.
BLOCK_BYTES = 2 * 2**20
TILE = 2  # outputs per tile side: F(2x2, r x r) keeps float32 rounding near a direct convolution's
# Blocks of fewer images copy their patches in one call: the parity split's extra calls cost more
# than its contiguous rows save there (measured: a drawn digit's 5x5 patches 11 -> 20 us, 10 images 117 -> 96 us).
PARITY_SPLIT_IMAGES = 4


class Winograd:
    """The arrays of one stride-1 convolution layer's Winograd passes, kept between calls."""

    def __init__(self, kernel: int):
        self.kernel, self.n = kernel, kernel + TILE - 1
        kron_at, kron_g, kron_bt = transforms_2d(TILE, kernel)
        # The data transforms have small integer entries: exact in float32. The filter
        # transform's fractions round in float32 as any float32 product does.
        self.kron_at, self.kron_bt = kron_at.astype(np.float32), kron_bt.astype(np.float32)
        self.kron_g = {np.dtype(t): kron_g.astype(t) for t in (np.float32, np.float64)}

    def _tiles(self, h: int, w: int, padding: int) -> tuple[int, int, int, int]:
        oh, ow = h + 2 * padding - self.kernel + 1, w + 2 * padding - self.kernel + 1
        return oh, ow, -(-oh // TILE), -(-ow // TILE)

    def _blocks(self, n_img: int, tiles: int, c: int, f: int, itemsize: int) -> list[tuple[int, int]]:
        """Image ranges [start, stop) whose patches, V and M fit in about BLOCK_BYTES together,
        so each pass reads what the one before it wrote from cache, not from memory."""
        image_bytes = self.n**2 * tiles * (2 * c + f) * itemsize
        return parallel.split(n_img, max(1, BLOCK_BYTES // image_bytes))

    def forward(self, x: np.ndarray, weight: np.ndarray, bias: np.ndarray, padding: int,
                scratch: Scratch, planes: np.ndarray | None = None, sums: bool = False) -> np.ndarray:
        """x (N, C, H, W), weight (F, C, r, r), bias (F,) -> (N, F, OH, OW), channels-last in memory.

        planes: an (N, 4, OH * OW / 4 * F) array to write the output into in window order
        instead (model/layers/conv_block.py; OH and OW even), which is then returned. sums (with
        planes): also keep their per-channel sums in plane_sums (F,), added up block by block in cache.
        Block by block, the blocks spread over model.parallel's threads."""
        n_img, c, h, w = x.shape
        f, n = weight.shape[0], self.n
        oh, ow, th, tw = self._tiles(h, w, padding)
        # Padded copy, large enough for whole tiles; the zero border is never written.
        xp = scratch.get("padded", (n_img, TILE * th + n - TILE, TILE * tw + n - TILE, c), x.dtype)
        windows = sliding_window_view(xp, (n, n), axis=(1, 2))[:, ::TILE, ::TILE]  # (N, th, tw, C, n, n)
        u = scratch.derived("u", weight, self._filters)  # kept between a few images' inferences
        v_all = scratch.get("v", (n * n * n_img * th * tw * c,), x.dtype)  # each block's V, kept for backward
        out = np.empty((n_img, th, TILE, tw, TILE, f), x.dtype) if planes is None else None
        wide_bias = None if planes is None else np.tile(bias.astype(x.dtype, copy=False), th * tw)
        blocks = self._blocks(n_img, th * tw, c, f, x.itemsize)
        most = blocks[0][1]  # images in the largest block

        def block(k: int, slot: int) -> np.ndarray | None:
            start, stop = blocks[k]
            b, t = stop - start, (stop - start) * th * tw
            xp[start:stop, padding:padding + h, padding:padding + w, :] = x[start:stop].transpose(0, 2, 3, 1)
            patches = _per_slot(scratch, "patches", slot, (n, n, most, th, tw, c), x.dtype)[:, :, :b]
            if n % TILE or b < PARITY_SPLIT_IMAGES:
                np.copyto(patches, windows[start:stop].transpose(4, 5, 0, 1, 2, 3))
            else:
                half = (TILE, TILE, most, xp.shape[1] // TILE, xp.shape[2] // TILE, c)
                self._patches(xp[start:stop], _per_slot(scratch, "grid", slot, half, x.dtype)[:, :, :b], patches)
            v = v_all[n * n * start * th * tw * c:n * n * stop * th * tw * c].reshape(n * n, t, c)
            np.matmul(self.kron_bt, patches.reshape(n * n, -1), out=v.reshape(n * n, -1))
            m = _per_slot(scratch, "m", slot, (n * n, most * th * tw, f), x.dtype)[:, :t]
            np.matmul(v, u, out=m)
            if planes is None:
                y = _per_slot(scratch, "y", slot, (TILE, TILE, most, th, tw, f), x.dtype)[:, :, :b]
                np.matmul(self.kron_at, m.reshape(n * n, -1), out=y.reshape(TILE * TILE, -1))
                np.add(y.transpose(2, 3, 0, 4, 1, 5), bias, out=out[start:stop])
            else:  # a tile is a pooling window: its 2 x 2 positions are the 4 planes, written per image
                np.matmul(self.kron_at, _per_image(m, b), out=planes[start:stop])
                planes[start:stop] += wide_bias
                if sums:
                    return column_sum(planes[start:stop].reshape(-1, f))
            return None

        parts = parallel.run(len(blocks), block)
        if planes is not None and sums:
            self.plane_sums = parallel.ordered_sum(parts)
        self._u, self._x_shape, self._padding, self._blocks_used = u, x.shape, padding, blocks
        if planes is not None:
            return planes
        return out.reshape(n_img, TILE * th, TILE * tw, f)[:, :oh, :ow].transpose(0, 3, 1, 2)

    def _patches(self, xp: np.ndarray, grid: np.ndarray, patches: np.ndarray) -> None:
        """Every tile's n x n patch of padded images xp (B, H', W', C) into patches (n, n, B, th, tw, C),
        for even n (grid: scratch (2, 2, B, H'/2, W'/2, C)): position (2 qa + ra, 2 qc + rc) of tile (i, j) is pixel (2 (i + qa) + ra, 2 (j + qc) + rc).
        So one copy splits xp by pixel parity (ra, rc) into grid, then each (qa, qc) is a shifted tile grid
        of it, copied along contiguous rows; copying the patches straight from xp ran along rows of C values."""
        q, (b, hp, wp, c) = self.n // TILE, xp.shape
        np.copyto(grid, xp.reshape(b, hp // TILE, TILE, wp // TILE, TILE, c).transpose(2, 4, 0, 1, 3, 5))
        th, tw = patches.shape[3:5]
        by_parity = patches.reshape(q, TILE, q, TILE, b, th, tw, c)
        for qa in range(q):
            for qc in range(q):
                np.copyto(by_parity[qa, :, qc], grid[:, :, :, qa:qa + th, qc:qc + tw])

    def _filters(self, weight: np.ndarray) -> np.ndarray:
        """weight (F, C, r, r) -> U (n², C, F)."""
        f, c, r, _ = weight.shape
        g = weight.transpose(2, 3, 1, 0).reshape(r * r, c * f)
        return (self.kron_g[weight.dtype] @ g).reshape(-1, c, f)

    def backward(self, dout: np.ndarray, weight: np.ndarray, scratch: Scratch, input_grad: bool):
        """(dweight (F, C, r, r), dbias (F,), dx (N, C, H, W) or None) for dout (N, F, OH, OW),
        or for dout (N, 4, OH * OW / 4 * F) in window order after a forward in window order
        (an array, or a WindowGrad whose images each block fills first: model/layers/window_grad.py).

        Needs the arrays of the forward pass just before (V in scratch, U here); weight is unused.
        Block by block over model.parallel's threads; the blocks' sums for dU and dbias are
        added in block order, so the result does not depend on the number of threads."""
        n_img, c, h, w = self._x_shape
        p, n, r = self._padding, self.n, self.kernel
        oh, ow, th, tw = self._tiles(h, w, p)
        in_windows = dout.ndim == 3
        dout, fill = window_grad.unpack(dout)
        f = self._u.shape[2]
        # Rows and columns past OH, OW stay 0.
        dy = None if in_windows else scratch.get("dout", (n_img, th, TILE, tw, TILE, f), dout.dtype)
        v_all = scratch.get("v", (n * n * n_img * th * tw * c,), dout.dtype)
        dxp = np.empty((n_img, TILE * th + n - TILE, TILE * tw + n - TILE, c), dout.dtype) if input_grad else None
        blocks = self._blocks_used
        most = blocks[0][1]
        # U transposed, contiguous: the per-position products dM @ U.T run ~1.5x faster than on a transposed view.
        u_t = np.ascontiguousarray(self._u.transpose(0, 2, 1)) if input_grad else None

        def block(k: int, slot: int) -> tuple[np.ndarray, np.ndarray]:
            start, stop = blocks[k]
            b, t = stop - start, (stop - start) * th * tw
            dm = _per_slot(scratch, "m", slot, (n * n, most * th * tw, f), dout.dtype)[:, :t]
            if in_windows:  # per image, straight from the 4 planes
                if fill is not None:
                    fill(start, stop)
                dy_rows = dout[start:stop].reshape(-1, f)
                np.matmul(self.kron_at.T, dout[start:stop], out=_per_image(dm, b))
            else:
                dy_tiles = _per_slot(scratch, "y", slot, (TILE, TILE, most, th, tw, f), dout.dtype)[:, :, :b]
                dy[start:stop].reshape(b, TILE * th, TILE * tw, f)[:, :oh, :ow] = dout[start:stop].transpose(0, 2, 3, 1)
                np.copyto(dy_tiles, dy[start:stop].transpose(2, 4, 0, 1, 3, 5))
                dy_rows = dy_tiles.reshape(-1, f)
                np.matmul(self.kron_at.T, dy_tiles.reshape(TILE * TILE, -1), out=dm.reshape(n * n, -1))
            dbias_part = column_sum(dy_rows)
            v = v_all[n * n * start * th * tw * c:n * n * stop * th * tw * c].reshape(n * n, t, c)
            du_part = np.matmul(v.transpose(0, 2, 1), dm)
            if input_grad:
                per_slot = functools.partial(_per_slot, scratch, slot=slot, dtype=dm.dtype)
                self._input_grad(dm, v, u_t, per_slot("patches", shape=(n, n, most, th, tw, c))[:, :, :b],
                                 per_slot("sums", shape=(TILE, TILE, most, th + n // TILE - 1, tw + n // TILE - 1, c)),
                                 dxp[start:stop])
            return du_part, dbias_part

        du, dbias = parallel.ordered_sum(parallel.run(len(blocks), block))
        dg = self.kron_g[du.dtype].T @ du.reshape(n * n, -1)  # (r², C * F)
        dweight = dg.reshape(r, r, c, f).transpose(3, 2, 0, 1)
        dx = dxp[:, p:p + h, p:p + w, :].transpose(0, 3, 1, 2) if input_grad else None
        return dweight, dbias, dx

    def _input_grad(self, dm, v, u_t, dpatches, sums, dxp) -> None:
        """One block's input gradient into its padded images dxp (B, ., ., C); u_t: U (n², F, C);
        v is overwritten, dpatches (n, n, B, th, tw, C) and sums (2, 2, >= B, th + n/2 - 1, tw + n/2 - 1, C) are scratch."""
        n, b = self.n, len(dxp)
        _, _, th, tw = self._tiles(*self._x_shape[2:], self._padding)
        dv = np.matmul(dm, u_t, out=v)  # this block's V is no longer needed
        np.matmul(self.kron_bt.T, dv.reshape(n * n, -1), out=dpatches.reshape(n * n, -1))
        if n % TILE:
            dxp[...] = 0
            for a in range(n):  # n² adds, one per position in the patch
                for col in range(n):
                    dxp[:, a:a + TILE * th:TILE, col:col + TILE * tw:TILE, :] += dpatches[a, col]
            return
        # Patch position (2 qa + ra, 2 qc + rc) of tile (i, j) lands on pixel (2 (i + qa) + ra, 2 (j + qc) + rc).
        # So per (ra, rc) the patches overlap-add as whole shifted tile grids, along contiguous rows of
        # tiles; one copy then interleaves the four sums into pixels. Every pixel gets the same terms
        # in the same order as the n² strided adds above, which run along rows of C values only.
        q, c = n // TILE, dxp.shape[3]
        sums = sums[:, :, :b]
        sums[...] = 0
        dp = dpatches.reshape(q, TILE, q, TILE, b, th, tw, c)
        for qa in range(q):
            for qc in range(q):
                sums[:, :, :, qa:qa + th, qc:qc + tw] += dp[qa, :, qc]
        np.copyto(dxp.reshape(b, th + q - 1, TILE, tw + q - 1, TILE, c), sums.transpose(2, 3, 0, 4, 1, 5))


def _per_image(m: np.ndarray, b: int) -> np.ndarray:
    """Per-position tiles (P, B * th * tw, F) of b images as a (B, P, th * tw * F) view: image by image,
    the products with the output transform read and write the window order's planes directly."""
    view = m.view()
    view.shape = (m.shape[0], b, -1)  # raises rather than copy: products write into it
    return view.transpose(1, 0, 2)


def _per_slot(scratch: Scratch, name: str, slot: int, shape: tuple[int, ...], dtype) -> np.ndarray:
    """Scratch array `name` of worker `slot` (model.parallel): threads running at once never share one."""
    return scratch.get(f"{name}.{slot}" if slot else name, shape, dtype)
