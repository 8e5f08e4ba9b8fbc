"""Conv -> batch norm -> ReLU -> 2x2 max pool (or without the batch norm) trained as one block
(model/layers/conv_block.py) computes what the layers compute one after another: outputs, every gradient, the running statistics, the
pooling's choice among tied pixels, and the numerical gradients; and its numbers don't depend on the threads."""

import numpy as np
import pytest
from gradcheck import numerical_gradient, rel_error
from threadpoolctl import threadpool_limits

from model import parallel
from model.layers import BatchNorm2d, Conv2d, MaxPool2d, ReLU, winograd
from model.layers.conv_block import ConvBlock
from model.network import Sequential, one_by_one

# (in channels, out channels, kernel, padding, image side): the taps path, Winograd 3x3 and 5x5.
SHAPES = {"taps 3x3": (1, 4, 3, 1, 8), "winograd 3x3": (3, 5, 3, 1, 6), "winograd 5x5": (2, 3, 5, 2, 8)}


def block_net(cin, cout, kernel, padding, side, dtype, seed=0, batchnorm=True):
    rng = np.random.default_rng(seed)
    norm = [BatchNorm2d(cout)] if batchnorm else []
    layers = [Conv2d(cin, cout, kernel, padding=padding, rng=rng), *norm, ReLU(), MaxPool2d(2)]
    net = Sequential(layers, input_shape=(cin, side, side)).astype(dtype)
    for p in net.params().values():  # gamma and beta away from 1 and 0, some gamma negative
        p.data[...] += 0.5 * rng.standard_normal(p.data.shape)
    return net


def layer_by_layer(net):
    """Make net run its layers one by one, as before blocks existed."""
    net._plan_key, net._plan = tuple(net.layers), one_by_one(net.layers)
    return net


def train_pass(net, x, dout, input_grad=True):
    net.zero_grad()
    y = net.forward(x, train=True)
    dx = net.backward(dout(y.shape), input_grad=input_grad)
    grads = [p.grad.copy() for p in net.params().values()]
    return y, dx, grads, [b.copy() for b in net.buffers().values()]


def upstream(seed=1):
    return lambda shape: np.random.default_rng(seed).standard_normal(shape)


@pytest.mark.parametrize("batchnorm", [True, False])
@pytest.mark.parametrize("dtype, tol", [(np.float64, 1e-11), (np.float32, 2e-5)])
@pytest.mark.parametrize("shape", SHAPES)
def test_block_equals_the_layers(shape, dtype, tol, batchnorm):
    cin, _, _, _, side = SHAPES[shape]
    x = np.random.default_rng(2).standard_normal((5, cin, side, side)).astype(dtype)
    fused = block_net(*SHAPES[shape], dtype, batchnorm=batchnorm)
    plain = layer_by_layer(block_net(*SHAPES[shape], dtype, batchnorm=batchnorm))
    assert isinstance(fused.training_plan()[0][2], ConvBlock)
    for input_grad in (True, False):
        got, want = train_pass(fused, x, upstream(), input_grad), train_pass(plain, x, upstream(), input_grad)
        assert (got[1] is None) == (not input_grad)
        for a, b in zip([got[0], got[1], *got[2], *got[3]], [want[0], want[1], *want[2], *want[3]]):
            if a is not None:
                assert a.dtype == b.dtype and a.shape == b.shape
                np.testing.assert_allclose(a, b, rtol=tol, atol=tol * max(1.0, np.abs(b).max()))


@pytest.mark.parametrize("shape", SHAPES)
def test_channels_with_negative_gamma_pool_what_the_layers_pool(shape):
    """The block pools before normalising; where gamma < 0 batch norm reverses the order of the
    pixels, so the window's winner is its smallest pixel before batch norm. Every other channel's
    gamma is negative here."""
    cin, _, _, _, side = SHAPES[shape]
    x = np.random.default_rng(10).standard_normal((4, cin, side, side))
    nets = block_net(*SHAPES[shape], np.float64), layer_by_layer(block_net(*SHAPES[shape], np.float64))
    for net in nets:
        gamma = net.layers[1].gamma.data
        gamma[...] = np.abs(gamma) * np.where(np.arange(len(gamma)) % 2, -1, 1)
    got, want = train_pass(nets[0], x, upstream()), train_pass(nets[1], x, upstream())
    for a, b in zip([got[0], got[1], *got[2], *got[3]], [want[0], want[1], *want[2], *want[3]]):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-10)


def test_tied_pixels_send_the_gradient_where_max_pool_does():
    """Integer images and weights: the convolution's outputs tie often, and batch norm keeps the ties.
    The gradient must reach the first maximum of each window, as MaxPool2d's. A blank batch with
    zero bias and beta puts every pixel at exactly 0 after batch norm, where ReLU passes no gradient."""
    fused, plain = block_net(1, 3, 3, 1, 8, np.float64), layer_by_layer(block_net(1, 3, 3, 1, 8, np.float64))
    weight = np.random.default_rng(3).integers(-1, 2, fused.layers[0].weight.data.shape)
    for net in (fused, plain):
        net.layers[0].weight.data[...] = weight
    ones_and_zeros = np.random.default_rng(4).integers(0, 2, (4, 1, 8, 8)).astype(np.float64)
    for x in (ones_and_zeros, np.zeros_like(ones_and_zeros)):
        if not x.any():
            for net in (fused, plain):
                net.layers[0].bias.data[...] = net.layers[1].beta.data[...] = 0
        got, want = train_pass(fused, x, upstream()), train_pass(plain, x, upstream())
        np.testing.assert_allclose(got[1], want[1], rtol=1e-10, atol=1e-10)
        np.testing.assert_allclose(got[2][0], want[2][0], rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("shape, batchnorm", [("taps 3x3", True), ("winograd 3x3", True), ("winograd 5x5", False)])
def test_block_gradients_match_numerical_ones(shape, batchnorm):
    cin, _, _, _, side = SHAPES[shape]
    net = block_net(*SHAPES[shape], np.float64, seed=5, batchnorm=batchnorm)
    x = np.random.default_rng(6).standard_normal((3, cin, side, side))
    weights = np.random.default_rng(7).standard_normal(net.forward(x, train=True).shape)

    def f():
        return float((net.forward(x, train=True) * weights).sum())

    net.zero_grad()
    f()
    dx = net.backward(weights)
    assert rel_error(dx, numerical_gradient(f, x)) < 1e-6
    for name, p in net.params().items():
        numeric = numerical_gradient(f, p.data)
        if name == "0.bias" and batchnorm:  # batch norm subtracts whatever the bias adds: its gradient is 0 up to noise
            assert np.abs(p.grad).max() < 1e-12 and np.abs(numeric).max() < 1e-7
        else:
            assert rel_error(p.grad, numeric) < 1e-6, name


def test_odd_sides_and_inference_run_the_layers_one_by_one():
    for side in (7, 8):  # a 7x7 output has no whole 2x2 windows at its edge: the layers handle it
        x = np.random.default_rng(8).standard_normal((4, 1, side, side))
        fused, plain = block_net(1, 2, 3, 1, side, np.float64), layer_by_layer(block_net(1, 2, 3, 1, side, np.float64))
        for a, b in zip(train_pass(fused, x, upstream())[2], train_pass(plain, x, upstream())[2]):
            np.testing.assert_allclose(a, b, rtol=1e-11, atol=1e-12)
        np.testing.assert_array_equal(fused.forward(x), plain.forward(x))


@pytest.mark.parametrize("batchnorm", [True, False])
def test_two_workers_give_one_workers_numbers(monkeypatch, batchnorm):
    monkeypatch.setattr(parallel, "TASK_BYTES", 512)  # every image its own span
    monkeypatch.setattr(winograd, "BLOCK_BYTES", 1)
    x = np.random.default_rng(9).standard_normal((6, 3, 6, 6)).astype(np.float32)
    results = []
    with threadpool_limits(1, user_api="blas"):
        for workers in (1, 2):
            with parallel.forced(workers):
                net = block_net(*SHAPES["winograd 3x3"], np.float32, batchnorm=batchnorm)
                y, dx, grads, buffers = train_pass(net, x, upstream())
                results.append([y, dx, *grads, *buffers])
    for a, b in zip(*results):
        np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("batchnorm", [True, False])
@pytest.mark.parametrize("shape", SHAPES)
def test_the_block_cut_into_pieces_equals_the_layers_after_a_larger_batch_too(shape, batchnorm, monkeypatch):
    # Every image its own span and Winograd block: sums and routed gradients gathered over pieces.
    monkeypatch.setattr(parallel, "TASK_BYTES", 512)
    monkeypatch.setattr(winograd, "BLOCK_BYTES", 1)
    cin, side = SHAPES[shape][0], SHAPES[shape][-1]
    fused = block_net(*SHAPES[shape], np.float64, batchnorm=batchnorm)
    plain = layer_by_layer(block_net(*SHAPES[shape], np.float64, batchnorm=batchnorm))
    for n in (7, 3):  # scratch kept from the larger batch
        x = np.random.default_rng(n).standard_normal((n, cin, side, side))
        for workers in (1, 2):
            with parallel.forced(workers):
                got, want = train_pass(fused, x, upstream()), train_pass(plain, x, upstream())
            for a, b in zip([got[0], got[1], *got[2], *got[3]], [want[0], want[1], *want[2], *want[3]]):
                np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-10 * max(1.0, np.abs(b).max()))
