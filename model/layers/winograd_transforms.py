"""The matrices of Winograd's minimal filtering F(m, r), built exactly from interpolation points.

F(m, r) computes m outputs of a correlation with an r-tap filter from n = m + r - 1
inputs with n multiplications instead of m * r (Lavin and Gray 2016, "Fast
Algorithms for Convolutional Neural Networks"):

    y = AT @ ((G @ g) * (BT @ d)),   y[i] = sum_k g[k] * d[i + k].

This is the transpose of Toom-Cook's polynomial product: evaluate the filter and
the data polynomials at n points (n - 1 finite ones and infinity), multiply, and
interpolate. A: the data polynomial's values at the points (a Vandermonde matrix),
G: the filter's, BT = inverse of the n x n Vandermonde matrix, transposed. Row j of
BT is scaled to integers and row j of G divided by the same number, so the data
transform (applied to every tile) is exact in float32 and the fractions stay in
the filter transform (computed once per step).

In 2-D the transforms apply to both axes: Y = AT @ ((G @ g @ G.T) * (BT @ d @ BT.T)) @ AT.T,
or with row-major flattened tiles, kron(AT, AT) @ (kron(G, G) @ vec(g) * kron(BT, BT) @ vec(d)).
"""

from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache

import numpy as np

# The finite points, in the order the literature uses: small values keep the
# transforms' entries small, which keeps float32 rounding small.
POINTS = (0, 1, -1, 2, -2, Fraction(1, 2), Fraction(-1, 2))


def _vandermonde(points, columns: int) -> list[list[Fraction]]:
    """Rows [p**0, ..., p**(columns-1)] for each finite point, then infinity's row [0, ..., 0, 1]."""
    rows = [[Fraction(p) ** k for k in range(columns)] for p in points]
    return rows + [[Fraction(int(k == columns - 1)) for k in range(columns)]]


def _inverse(matrix: list[list[Fraction]]) -> list[list[Fraction]]:
    """Exact inverse by Gauss-Jordan elimination (the matrices here are at most 8 x 8)."""
    n = len(matrix)
    rows = [list(row) + [Fraction(int(i == j)) for j in range(n)] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = next(r for r in range(col, n) if rows[r][col] != 0)
        rows[col], rows[pivot] = rows[pivot], rows[col]
        lead = rows[col][col]
        rows[col] = [v / lead for v in rows[col]]
        for r in range(n):
            if r != col and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[col])]
    return [row[n:] for row in rows]


@lru_cache(maxsize=None)
def transforms_1d(m: int, r: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(AT (m, n), G (n, r), BT (n, n)) of F(m, r) as float64 arrays."""
    n = m + r - 1
    if not 2 <= n <= len(POINTS) + 1:
        raise ValueError(f"F({m}, {r}) needs {n - 1} finite points, {len(POINTS)} are defined")
    points = POINTS[:n - 1]
    a, g = _vandermonde(points, m), _vandermonde(points, r)
    inv = _inverse(_vandermonde(points, n))
    bt = [[inv[l][j] for l in range(n)] for j in range(n)]  # the inverse, transposed
    for j, row in enumerate(bt):
        scale = Fraction(math.lcm(*(v.denominator for v in row)), math.gcd(*(v.numerator for v in row)))
        bt[j] = [v * scale for v in row]
        g[j] = [v / scale for v in g[j]]
    at = [[a[j][i] for j in range(n)] for i in range(m)]
    return tuple(np.array(mat, dtype=np.float64) for mat in (at, g, bt))


@lru_cache(maxsize=None)
def transforms_2d(m: int, r: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(kron(AT, AT) (m², n²), kron(G, G) (n², r²), kron(BT, BT) (n², n²)), float64."""
    at, g, bt = transforms_1d(m, r)
    return np.kron(at, at), np.kron(g, g), np.kron(bt, bt)
