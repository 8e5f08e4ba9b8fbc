"""The vectorised convolution and pooling equal plain loop references, on random shapes."""

import numpy as np
import pytest

from model.layers import AvgPool2d, Conv2d, MaxPool2d

SEEDS = range(8)


def out_size(size, k, s, p=0):
    return (size + 2 * p - k) // s + 1


def naive_conv_forward(x, w, b, stride, pad):
    """x: (N, C, H, W), w: (F, C, k, k), b: (F,) -> (N, F, OH, OW), one output value at a time."""
    n, _, h, wd = x.shape
    f, _, k, _ = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((n, f, out_size(h, k, stride, pad), out_size(wd, k, stride, pad)))
    for i in range(n):
        for o in range(f):
            for a in range(out.shape[2]):
                for c in range(out.shape[3]):
                    patch = xp[i, :, a * stride:a * stride + k, c * stride:c * stride + k]
                    out[i, o, a, c] = np.sum(patch * w[o]) + b[o]
    return out


def naive_conv_backward(dout, x, w, stride, pad):
    """Gradients (dx, dw, db) of the loss whose gradient at the output is dout."""
    k = w.shape[2]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp, dw = np.zeros_like(xp), np.zeros_like(w)
    for i in range(dout.shape[0]):
        for o in range(dout.shape[1]):
            for a in range(dout.shape[2]):
                for c in range(dout.shape[3]):
                    rows, cols = slice(a * stride, a * stride + k), slice(c * stride, c * stride + k)
                    dw[o] += dout[i, o, a, c] * xp[i, :, rows, cols]
                    dxp[i, :, rows, cols] += dout[i, o, a, c] * w[o]
    dx = dxp[:, :, pad:pad + x.shape[2], pad:pad + x.shape[3]]
    return dx, dw, dout.sum(axis=(0, 2, 3))


def naive_pool(x, k, s, dout=None, kind="max"):
    """Pool forward (dout None) or backward. Max ties go to the first maximum in row-major order."""
    n, c, h, w = x.shape
    out = np.zeros((n, c, out_size(h, k, s), out_size(w, k, s)))
    dx = np.zeros_like(x)
    for i in range(n):
        for ch in range(c):
            for a in range(out.shape[2]):
                for b in range(out.shape[3]):
                    win = x[i, ch, a * s:a * s + k, b * s:b * s + k]
                    if kind == "max":
                        out[i, ch, a, b] = win.max()
                        r, q = np.unravel_index(np.argmax(win), win.shape)
                        if dout is not None:
                            dx[i, ch, a * s + r, b * s + q] += dout[i, ch, a, b]
                    else:
                        out[i, ch, a, b] = win.mean()
                        if dout is not None:
                            dx[i, ch, a * s:a * s + k, b * s:b * s + k] += dout[i, ch, a, b] / k**2
    return out if dout is None else dx


def random_conv_case(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(1, 6))
    stride, pad = int(rng.integers(1, 4)), int(rng.integers(0, k))
    h, w = int(rng.integers(k, 12)), int(rng.integers(k, 12))
    n, c, f = (int(v) for v in rng.integers(1, 5, size=3))
    layer = Conv2d(c, f, k, stride=stride, padding=pad, rng=rng)
    layer.bias.data[...] = rng.standard_normal(f)
    return rng, layer, rng.standard_normal((n, c, h, w)).astype(np.float32)


@pytest.mark.parametrize("seed", SEEDS)
def test_conv_matches_loop_reference(seed):
    rng, layer, x = random_conv_case(seed)
    w, b, s, p = layer.weight.data, layer.bias.data, layer.stride, layer.padding
    out = layer.forward(x, train=True)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, naive_conv_forward(x, w, b, s, p), rtol=1e-4, atol=1e-4)
    dout = rng.standard_normal(out.shape).astype(np.float32)
    dx = layer.backward(dout)
    ref_dx, ref_dw, ref_db = naive_conv_backward(dout, x, w, s, p)
    assert dx.dtype == np.float32 and dx.shape == x.shape
    np.testing.assert_allclose(dx, ref_dx, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(layer.weight.grad, ref_dw, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(layer.bias.grad, ref_db, rtol=1e-4, atol=1e-4)


def random_pool_case(seed, tie_prone):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(1, 4))
    stride = k if seed % 2 == 0 else int(rng.integers(1, 4))
    n, c = (int(v) for v in rng.integers(1, 4, size=2))
    h, w = int(rng.integers(k, 10)), int(rng.integers(k, 10))
    x = rng.standard_normal((n, c, h, w))
    if tie_prone:  # like ReLU output: many equal zeros in a window
        x = np.maximum(np.round(x), 0)
    return rng, k, stride, x.astype(np.float32)


@pytest.mark.parametrize("kind", ["max", "avg"])
@pytest.mark.parametrize("tie_prone", [False, True])
@pytest.mark.parametrize("seed", SEEDS)
def test_pool_matches_loop_reference(seed, tie_prone, kind):
    rng, k, stride, x = random_pool_case(seed, tie_prone)
    layer = MaxPool2d(k, stride) if kind == "max" else AvgPool2d(k, stride)
    out = layer.forward(x, train=True)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, naive_pool(x, k, stride, kind=kind), rtol=1e-5, atol=1e-6)
    dout = rng.standard_normal(out.shape).astype(np.float32)
    dx = layer.backward(dout)
    assert dx.dtype == np.float32 and dx.shape == x.shape
    np.testing.assert_allclose(dx, naive_pool(x, k, stride, dout, kind), rtol=1e-5, atol=1e-6)


def test_max_pool_sends_each_window_gradient_to_exactly_one_input():
    x = np.zeros((1, 1, 4, 4), np.float32)  # every window is a four-way tie
    layer = MaxPool2d(2)
    dx = layer.backward(np.ones_like(layer.forward(x, train=True)))
    assert np.count_nonzero(dx) == 4
    assert dx.sum() == 4


def test_common_and_general_pool_paths_agree():
    """Stride == kernel on a divisible size takes the reshape path; a cropped copy takes the strided one."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 3, 9, 9)).astype(np.float32)
    for layer in (MaxPool2d(2), AvgPool2d(2)):
        general = layer.forward(x, train=True)
        dgen = layer.backward(np.ones_like(general))
        common = layer.forward(np.ascontiguousarray(x[:, :, :8, :8]), train=True)
        dcommon = layer.backward(np.ones_like(common))
        np.testing.assert_array_equal(general, common)
        np.testing.assert_array_equal(dgen[:, :, :8, :8], dcommon)
        assert not dgen[:, :, 8, :].any() and not dgen[:, :, :, 8].any()
