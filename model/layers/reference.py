"""Convolution and pooling written the plain way: one output position at a time.

Read these first. They compute what `Conv2d`, `MaxPool2d` and `AvgPool2d`
compute, but as the textbooks explain it (Deep Learning from Scratch ch. 7,
CS231n's `conv_forward_naive`): slide a k x k window over the padded image and
compute one output pixel for every position of it. The fast layers get the
same numbers from im2col and one matrix product (conv.py) or from strided
views of the whole batch (pool.py); the tests check that they agree with
these functions. The loops run over output positions (batch and channels are
whole arrays), so these are slow but fine for small test inputs.

Shapes as in PyTorch: x (N, C, H, W), weight (F, C, k, k), bias (F,), and
OH = (H + 2 * pad - k) // stride + 1 (likewise OW).
"""

from __future__ import annotations

import numpy as np


def output_size(size: int, kernel: int, stride: int, pad: int = 0) -> int:
    return (size + 2 * pad - kernel) // stride + 1


def conv_forward(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, stride: int = 1, pad: int = 0) -> np.ndarray:
    """out[n, f, i, j] = sum over c, di, dj of window[n, c, di, dj] * weight[f, c, di, dj], plus bias[f]."""
    n, _, h, w = x.shape
    f, _, k, _ = weight.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))  # zeros around every image
    oh, ow = output_size(h, k, stride, pad), output_size(w, k, stride, pad)
    out = np.zeros((n, f, oh, ow), x.dtype)
    for i in range(oh):
        for j in range(ow):
            window = xp[:, :, i * stride:i * stride + k, j * stride:j * stride + k]  # (N, C, k, k)
            # Every filter against every image's window: sum over the C, k, k axes -> (N, F).
            out[:, :, i, j] = np.tensordot(window, weight, axes=([1, 2, 3], [1, 2, 3])) + bias
    return out


def conv_backward(dout: np.ndarray, x: np.ndarray, weight: np.ndarray, stride: int = 1,
                  pad: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Gradients (dx, dweight, dbias) given dout = d(loss)/d(out), shape (N, F, OH, OW).

    Each output pixel was window . weight + bias, so its gradient g (N, F) sends
    g * weight back to the window it read, g * window to the weights, and g to the bias.
    """
    _, _, h, w = x.shape
    k = weight.shape[2]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp, dweight = np.zeros_like(xp), np.zeros_like(weight)
    for i in range(dout.shape[2]):
        for j in range(dout.shape[3]):
            rows, cols = slice(i * stride, i * stride + k), slice(j * stride, j * stride + k)
            g = dout[:, :, i, j]  # (N, F)
            dweight += np.tensordot(g, xp[:, :, rows, cols], axes=([0], [0]))  # (F, C, k, k)
            dxp[:, :, rows, cols] += np.tensordot(g, weight, axes=([1], [0]))  # (N, C, k, k)
    dx = dxp[:, :, pad:pad + h, pad:pad + w]  # the padding's gradient goes nowhere
    return dx, dweight, dout.sum(axis=(0, 2, 3))


def _windows(x: np.ndarray, k: int, stride: int):
    """Yield (i, j, rows, cols, window) for every pooling window; window (N, C, k, k) is a view."""
    _, _, h, w = x.shape
    for i in range(output_size(h, k, stride)):
        for j in range(output_size(w, k, stride)):
            rows, cols = slice(i * stride, i * stride + k), slice(j * stride, j * stride + k)
            yield i, j, rows, cols, x[:, :, rows, cols]


def max_pool_forward(x: np.ndarray, k: int, stride: int) -> np.ndarray:
    """out[n, c, i, j] = the largest value in window (i, j) of channel c of image n."""
    n, c, h, w = x.shape
    out = np.zeros((n, c, output_size(h, k, stride), output_size(w, k, stride)), x.dtype)
    for i, j, _, _, window in _windows(x, k, stride):
        out[:, :, i, j] = window.max(axis=(2, 3))
    return out


def max_pool_backward(dout: np.ndarray, x: np.ndarray, k: int, stride: int) -> np.ndarray:
    """dx: each window's gradient goes to the input that was its maximum.

    On a tie it goes to the first maximum in row-major order (argmax's choice),
    never to all of them: a tie must not multiply the gradient.
    """
    n, c = x.shape[:2]
    dx = np.zeros_like(x)
    for i, j, rows, cols, window in _windows(x, k, stride):
        first_max = window.reshape(n, c, k * k).argmax(axis=2)  # (N, C): position inside the window
        routed = np.zeros((n, c, k * k), x.dtype)
        np.put_along_axis(routed, first_max[:, :, None], dout[:, :, i, j][:, :, None], axis=2)
        dx[:, :, rows, cols] += routed.reshape(n, c, k, k)  # += : overlapping windows add up
    return dx


def avg_pool_forward(x: np.ndarray, k: int, stride: int) -> np.ndarray:
    """out[n, c, i, j] = the mean of window (i, j) of channel c of image n."""
    n, c, h, w = x.shape
    out = np.zeros((n, c, output_size(h, k, stride), output_size(w, k, stride)), x.dtype)
    for i, j, _, _, window in _windows(x, k, stride):
        out[:, :, i, j] = window.mean(axis=(2, 3))
    return out


def avg_pool_backward(dout: np.ndarray, x: np.ndarray, k: int, stride: int) -> np.ndarray:
    """dx: each window's gradient is shared equally, 1 / k**2 to each of its inputs."""
    dx = np.zeros_like(x)
    for i, j, rows, cols, _ in _windows(x, k, stride):
        dx[:, :, rows, cols] += dout[:, :, i, j][:, :, None, None] / (k * k)
    return dx
