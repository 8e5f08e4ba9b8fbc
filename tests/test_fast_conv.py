"""The fast paths of the convolution, max pooling and batch norm equal the plain references.

Conv2d takes Winograd's F(2x2, r x r) for stride-1 3x3 and 5x5 kernels and the
tap-by-tap product for single-channel input (model/layers/conv.py); MaxPool2d
takes two halving passes for 2x2 windows. Each is checked here against
model/layers/reference.py on odd and even sizes, every padding the kernel allows,
one image per block and several, and after reused scratch arrays.
"""

import numpy as np
import pytest

from model.layers import BatchNorm2d, Conv2d, MaxPool2d, reference, winograd
from model.layers.conv_taps import Taps
from model.layers.winograd import Winograd
from model.layers.winograd_transforms import transforms_1d


def f64(*arrays):
    return [a.astype(np.float64) for a in arrays]


def close(actual, expected):
    """float32 against a float64 reference: relative to the largest value, as sums of many terms round."""
    assert actual.dtype == np.float32
    np.testing.assert_allclose(actual, expected, rtol=1e-4, atol=2e-5 * max(1.0, np.abs(expected).max()))


@pytest.mark.parametrize("m, r", [(2, 3), (2, 5), (4, 3), (2, 7)])
def test_winograd_matrices_compute_a_correlation(m, r):
    at, g, bt = transforms_1d(m, r)
    rng = np.random.default_rng(m * 10 + r)
    d, w = rng.standard_normal(m + r - 1), rng.standard_normal(r)
    expected = [np.dot(w, d[i:i + r]) for i in range(m)]
    np.testing.assert_allclose(at @ ((g @ w) * (bt @ d)), expected, rtol=1e-12, atol=1e-12)
    assert np.array_equal(bt, np.round(bt))  # the per-tile data transform is exact in float32


# (in_channels, out_channels, kernel, stride, padding, (N, H, W)), the presets' layers first
CONV_CASES = [
    (16, 32, 3, 1, 1, (3, 14, 14)),
    (32, 8, 5, 1, 2, (2, 14, 14)),
    (3, 4, 3, 1, 0, (2, 7, 6)),
    (2, 3, 3, 1, 2, (3, 5, 9)),
    (4, 2, 5, 1, 1, (2, 9, 8)),
    (2, 5, 5, 1, 4, (1, 5, 5)),
    (1, 16, 3, 1, 1, (3, 28, 28)),
    (1, 32, 5, 1, 2, (2, 12, 11)),
    (1, 3, 3, 2, 1, (2, 9, 8)),
    (1, 2, 4, 3, 0, (2, 10, 7)),
]


def conv_case(case, seed=0):
    c, f, k, s, p, (n, h, w) = case
    rng = np.random.default_rng(seed)
    layer = Conv2d(c, f, k, stride=s, padding=p, rng=rng)
    layer.bias.data[...] = rng.standard_normal(f)
    return rng, layer, rng.standard_normal((n, c, h, w)).astype(np.float32)


def check_against_reference(rng, layer, x, train=True):
    w, b, s, p = layer.weight.data, layer.bias.data, layer.stride, layer.padding
    out = layer.forward(x, train=train)
    close(out, reference.conv_forward(*f64(x, w, b), s, p))
    dout = rng.standard_normal(out.shape).astype(np.float32)
    layer.weight.grad[...] = 0
    layer.bias.grad[...] = 0
    dx = layer.backward(dout)
    ref_dx, ref_dw, ref_db = reference.conv_backward(*f64(dout, x, w), s, p)
    assert dx.shape == x.shape
    close(dx, ref_dx)
    close(layer.weight.grad, ref_dw)
    close(layer.bias.grad, ref_db)


@pytest.mark.parametrize("case", CONV_CASES, ids=str)
def test_fast_conv_matches_loop_reference(case):
    rng, layer, x = conv_case(case)
    c = case[0]
    expected = Taps if c == 1 else Winograd  # every case here has a fast path
    assert isinstance(layer.fast, expected)
    check_against_reference(rng, layer, x)


@pytest.mark.parametrize("case", CONV_CASES[:6], ids=str)
def test_winograd_in_blocks_of_one_and_two_images_matches_loop_reference(case, monkeypatch):
    rng, layer, x = conv_case(case, seed=1)
    x = np.concatenate([x, -x[::-1], 2 * x])[:5]  # up to five images, in several blocks
    for images_per_block in (1, 2):
        n = layer.fast.n
        tiles = -(-(x.shape[2] + 2 * layer.padding - layer.kernel_size + 1) // 2) * \
            -(-(x.shape[3] + 2 * layer.padding - layer.kernel_size + 1) // 2)
        image_bytes = n * n * tiles * (2 * layer.in_channels + layer.out_channels) * x.itemsize
        monkeypatch.setattr(winograd, "BLOCK_BYTES", images_per_block * image_bytes)
        blocks = layer.fast._blocks(len(x), tiles, layer.in_channels, layer.out_channels, 4)
        sizes = [stop - start for start, stop in blocks]
        assert sum(sizes) == len(x) and max(sizes) <= images_per_block and len(blocks) > 1
        check_against_reference(rng, layer, x)


@pytest.mark.parametrize("case", [CONV_CASES[0], CONV_CASES[6]], ids=str)
def test_fast_conv_backward_after_an_inference_forward(case):
    """Saliency maps take the input gradient after forward(train=False)."""
    check_against_reference(*conv_case(case, seed=2), train=False)


@pytest.mark.parametrize("case", [CONV_CASES[0], CONV_CASES[1], CONV_CASES[6]], ids=str)
def test_reused_scratch_arrays_carry_nothing_from_one_step_to_the_next(case):
    """A layer that trained on other batches (one bigger, one smaller) computes what a fresh one does."""
    rng, layer, x = conv_case(case, seed=3)
    for n in (len(x) + 2, 1):
        big = rng.standard_normal((n, *x.shape[1:])).astype(np.float32)
        layer.backward(np.ones_like(layer.forward(big, train=True)))
    check_against_reference(rng, layer, x)


@pytest.mark.parametrize("shape", [(3, 4, 8, 6), (2, 3, 7, 5), (2, 2, 2, 9)])
@pytest.mark.parametrize("channels_last", [False, True])
@pytest.mark.parametrize("tie_prone", [False, True])
def test_2x2_max_pool_matches_loop_reference(shape, channels_last, tie_prone):
    rng = np.random.default_rng(sum(shape))
    x = rng.standard_normal(shape)
    if tie_prone:  # like ReLU output: whole windows of zeros, and equal values
        x = np.maximum(np.round(x), 0)
    x = x.astype(np.float32)
    if channels_last:
        x = np.ascontiguousarray(x.transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2)
    layer = MaxPool2d(2)
    for train in (True, False):  # a backward after an inference forward works too
        out = layer.forward(x, train=train)
        np.testing.assert_array_equal(out, reference.max_pool_forward(x, 2, 2))
        dout = rng.standard_normal(out.shape).astype(np.float32)
        np.testing.assert_array_equal(layer.backward(dout), reference.max_pool_backward(dout, x, 2, 2))


@pytest.mark.parametrize("train", [True, False])
def test_batchnorm_gives_the_same_in_either_memory_layout(train):
    """Channels-last input takes the wide-row path; other layouts are copied into it first."""
    rng = np.random.default_rng(5)
    x = (1 + 2 * rng.standard_normal((3, 4, 5, 6))).astype(np.float32)
    dout = rng.standard_normal(x.shape).astype(np.float32)
    results = []
    for layout in (x, np.ascontiguousarray(x.transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2)):
        layer = BatchNorm2d(4)
        layer.gamma.data[...] = [0.5, 1.0, 1.5, -2.0]
        layer.running_mean[...], layer.running_var[...] = 0.5, 3.0
        out = layer.forward(layout, train=train)
        results.append((out, layer.backward(dout), layer.gamma.grad.copy(), layer.running_mean.copy()))
    for first, second in zip(*results):
        np.testing.assert_allclose(first, second, rtol=1e-5, atol=1e-6)
    mean = x.mean(axis=(0, 2, 3), keepdims=True) if train else 0.5
    var = x.var(axis=(0, 2, 3), keepdims=True) if train else 3.0
    expected = (x - mean) / np.sqrt(var + 1e-5) * layer.gamma.data[None, :, None, None]
    np.testing.assert_allclose(results[0][0], expected, rtol=1e-4, atol=1e-5)
