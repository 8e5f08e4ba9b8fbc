"""The vectorised convolution and pooling equal the plain loop references of model.layers.reference."""

import numpy as np
import pytest

from model.layers import AvgPool2d, Conv2d, MaxPool2d, conv, reference

SEEDS = range(8)
REFERENCE_POOLS = {"max": (reference.max_pool_forward, reference.max_pool_backward),
                   "avg": (reference.avg_pool_forward, reference.avg_pool_backward)}


def random_conv_case(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(1, 6))
    stride, pad = int(rng.integers(1, 4)), int(rng.integers(0, k))
    h, w = int(rng.integers(k, 12)), int(rng.integers(k, 12))
    n, c, f = (int(v) for v in rng.integers(1, 5, size=3))
    layer = Conv2d(c, f, k, stride=stride, padding=pad, rng=rng)
    layer.bias.data[...] = rng.standard_normal(f)
    return rng, layer, rng.standard_normal((n, c, h, w)).astype(np.float32)


def f64(*arrays):
    return [a.astype(np.float64) for a in arrays]


def check_conv_against_reference(rng, layer, x):
    w, b, s, p = layer.weight.data, layer.bias.data, layer.stride, layer.padding
    out = layer.forward(x, train=True)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, reference.conv_forward(*f64(x, w, b), s, p), rtol=1e-4, atol=1e-4)
    dout = rng.standard_normal(out.shape).astype(np.float32)
    dx = layer.backward(dout)
    ref_dx, ref_dw, ref_db = reference.conv_backward(*f64(dout, x, w), s, p)
    assert dx.dtype == np.float32 and dx.shape == x.shape
    np.testing.assert_allclose(dx, ref_dx, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(layer.weight.grad, ref_dw, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(layer.bias.grad, ref_db, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("seed", SEEDS)
def test_conv_matches_loop_reference(seed):
    check_conv_against_reference(*random_conv_case(seed))


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_conv_split_into_many_blocks_matches_loop_reference(seed, monkeypatch):
    """A big batch is convolved a few images at a time; force that path with tiny block sizes."""
    rng, layer, x = random_conv_case(seed)
    layer.fast = None  # im2col, whatever the shape
    x = np.concatenate([x, x[::-1] + 1, x * 2, x[:1]])
    x = x[:len(x) - 1 + len(x) % 2]  # an odd number of images, at least three
    k, s, p = layer.kernel_size, layer.stride, layer.padding
    oh, ow = (conv.conv_output_size(size, k, s, p) for size in x.shape[2:])
    image_bytes = oh * ow * k * k * x.shape[1] * x.itemsize  # one image's im2col columns
    monkeypatch.setattr(conv, "KEEP_COLS_BYTES", 0)
    monkeypatch.setattr(conv, "COLS_BLOCK_BYTES", 2 * image_bytes)  # two images per block, the last one alone
    check_conv_against_reference(rng, layer, x)
    assert layer._blocks()[-1][1] - layer._blocks()[-1][0] == 1 and len(layer._blocks()) == (len(x) + 1) // 2


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
    forward, backward = REFERENCE_POOLS[kind]
    np.testing.assert_allclose(out, forward(*f64(x), k, stride), rtol=1e-5, atol=1e-6)
    dout = rng.standard_normal(out.shape).astype(np.float32)
    dx = layer.backward(dout)
    assert dx.dtype == np.float32 and dx.shape == x.shape
    np.testing.assert_allclose(dx, backward(*f64(dout, x), k, stride), rtol=1e-5, atol=1e-6)


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
