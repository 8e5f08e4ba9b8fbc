"""Every layer's backward equals centred differences of its forward (float64, fixed seed)."""

import numpy as np
import pytest
from gradcheck import TOLERANCE, as_float64, layer_gradient_errors, numerical_gradient, rel_error

from model.layers import (
    AvgPool2d,
    BatchNorm1d,
    BatchNorm2d,
    Conv2d,
    Dropout,
    Flatten,
    GlobalAvgPool2d,
    LeakyReLU,
    Linear,
    MaxPool2d,
    Normalize,
    ReLU,
    Sigmoid,
    Tanh,
)
from model.losses import MSE, SoftmaxCrossEntropy
from model.network import Sequential

SEED = 1234
# Inputs of kinked functions (ReLU, max) stay this far from the kink: far more than the step.
KINK_MARGIN = 0.05


def away_from_zero(rng, shape):
    """Random values with |x| >= KINK_MARGIN, for ReLU-like layers."""
    x = rng.standard_normal(shape)
    return np.sign(x) * (np.abs(x) + KINK_MARGIN)


def distinct(rng, shape):
    """Values all at least KINK_MARGIN apart, so no max-pool window has a near tie."""
    return rng.permutation(int(np.prod(shape))).reshape(shape) * KINK_MARGIN - 1.0


# name -> (layer factory(rng), input factory(rng))
CASES = {
    "relu": (lambda r: ReLU(), lambda r: away_from_zero(r, (4, 7))),
    "leaky_relu": (lambda r: LeakyReLU(0.1), lambda r: away_from_zero(r, (4, 7))),
    "sigmoid": (lambda r: Sigmoid(), lambda r: 3 * r.standard_normal((4, 7))),
    "tanh": (lambda r: Tanh(), lambda r: r.standard_normal((4, 7))),
    "normalize": (lambda r: Normalize(), lambda r: r.random((3, 1, 5, 5))),
    "flatten": (lambda r: Flatten(), lambda r: r.standard_normal((3, 2, 3, 4))),
    "linear_2d": (lambda r: Linear(6, 5, rng=r), lambda r: r.standard_normal((4, 6))),
    "linear_4d": (lambda r: Linear(24, 5, rng=r), lambda r: r.standard_normal((3, 2, 3, 4))),
    "conv_3x3_pad1": (lambda r: Conv2d(2, 3, 3, padding=1, rng=r), lambda r: r.standard_normal((2, 2, 6, 6))),
    "conv_5x5_pad2": (lambda r: Conv2d(1, 2, 5, padding=2, rng=r), lambda r: r.standard_normal((2, 1, 7, 7))),
    "conv_3x3_stride2": (lambda r: Conv2d(2, 3, 3, stride=2, rng=r), lambda r: r.standard_normal((2, 2, 7, 8))),
    "conv_4x4_stride3_pad1": (lambda r: Conv2d(3, 2, 4, stride=3, padding=1, rng=r),
                              lambda r: r.standard_normal((2, 3, 8, 7))),
    "conv_1x1": (lambda r: Conv2d(3, 4, 1, rng=r), lambda r: r.standard_normal((2, 3, 4, 5))),
    "conv_5x5_pad1_winograd": (lambda r: Conv2d(2, 2, 5, padding=1, rng=r), lambda r: r.standard_normal((2, 2, 7, 6))),
    "conv_3x3_one_channel_stride2": (lambda r: Conv2d(1, 2, 3, stride=2, padding=1, rng=r),
                                     lambda r: r.standard_normal((2, 1, 7, 8))),
    "maxpool_2": (lambda r: MaxPool2d(2), lambda r: distinct(r, (2, 3, 6, 6))),
    "maxpool_2_odd_size": (lambda r: MaxPool2d(2), lambda r: distinct(r, (2, 2, 7, 5))),
    "maxpool_3_stride2": (lambda r: MaxPool2d(3, 2), lambda r: distinct(r, (2, 2, 7, 7))),
    "avgpool_2": (lambda r: AvgPool2d(2), lambda r: r.standard_normal((2, 3, 6, 6))),
    "avgpool_3_stride2": (lambda r: AvgPool2d(3, 2), lambda r: r.standard_normal((2, 2, 7, 6))),
    "global_avgpool": (lambda r: GlobalAvgPool2d(), lambda r: r.standard_normal((2, 3, 4, 5))),
    "batchnorm1d": (lambda r: BatchNorm1d(5), lambda r: 2 + 3 * r.standard_normal((6, 5))),
    "batchnorm2d": (lambda r: BatchNorm2d(3), lambda r: 1 + 2 * r.standard_normal((3, 3, 4, 4))),
}


def randomise_params(layer, rng):
    """Non-trivial parameters (batch norm starts at gamma = 1, beta = 0; biases at 0)."""
    for p in layer.params().values():
        p.data[...] = rng.standard_normal(p.data.shape)


@pytest.mark.parametrize("name", sorted(CASES))
def test_layer_gradients_match_centred_differences(name):
    rng = np.random.default_rng(SEED)
    make_layer, make_input = CASES[name]
    layer = as_float64(make_layer(rng))
    randomise_params(layer, rng)
    errors = layer_gradient_errors(layer, make_input(rng), rng)
    assert max(errors.values()) < TOLERANCE, errors


@pytest.mark.parametrize("cls, shape", [(BatchNorm1d, (6, 4)), (BatchNorm2d, (3, 4, 3, 3))])
def test_batchnorm_inference_gradients(cls, shape):
    rng = np.random.default_rng(SEED)
    layer = as_float64(cls(shape[1]))
    randomise_params(layer, rng)
    layer.forward(rng.standard_normal(shape), train=True)  # running statistics no longer 0 and 1
    errors = layer_gradient_errors(layer, rng.standard_normal(shape), rng, train=False)
    assert max(errors.values()) < TOLERANCE, errors


def test_dropout_gradient_with_fixed_mask():
    rng = np.random.default_rng(SEED)
    layer = Dropout(0.4, rng=rng)
    errors = layer_gradient_errors(layer, rng.standard_normal((5, 8)), rng,
                                   before_forward=lambda: layer.reseed(7))
    assert errors["x"] < TOLERANCE
    # The mask really dropped something: otherwise this would only check the identity.
    layer.reseed(7)
    assert np.count_nonzero(layer.forward(np.ones((5, 8)), train=True) == 0) > 0


@pytest.mark.parametrize("labels", ["integer", "one_hot_mse"])
def test_loss_gradients(labels):
    rng = np.random.default_rng(SEED)
    logits = rng.standard_normal((5, 10))
    target = rng.integers(0, 10, size=5)
    loss = SoftmaxCrossEntropy() if labels == "integer" else MSE()
    if labels == "one_hot_mse":
        target = rng.random((5, 10))
    loss.forward(logits, target)
    analytic = loss.backward()
    numeric = numerical_gradient(lambda: loss.forward(logits, target), logits)
    assert rel_error(analytic, numeric) < TOLERANCE


def test_mse_accepts_integer_labels_as_one_hot():
    rng = np.random.default_rng(SEED)
    y = rng.random((4, 10))
    labels = np.array([3, 0, 9, 3])
    assert MSE().forward(y, labels) == pytest.approx(MSE().forward(y, np.eye(10)[labels]))


SMALL_CNN_SPEC = [
    {"type": "Normalize"},
    {"type": "Conv2d", "in_channels": 1, "out_channels": 3, "kernel_size": 3, "padding": 1},
    {"type": "BatchNorm2d", "num_channels": 3},
    {"type": "ReLU"},
    {"type": "MaxPool2d", "kernel_size": 2},
    {"type": "Conv2d", "in_channels": 3, "out_channels": 4, "kernel_size": 3, "stride": 2, "padding": 1},
    {"type": "Tanh"},
    {"type": "Flatten"},
    {"type": "Linear", "in_features": 16, "out_features": 6},
    {"type": "BatchNorm1d", "num_features": 6},
    {"type": "LeakyReLU"},
    {"type": "Dropout", "p": 0.3},
    {"type": "Linear", "in_features": 6, "out_features": 10, "init": "small"},
]


def reseed_dropout(net):
    for layer in net.layers:
        if isinstance(layer, Dropout):
            layer.reseed(11)


def test_whole_network_gradients_with_batchnorm_and_dropout():
    rng = np.random.default_rng(SEED)
    net = Sequential.from_spec(SMALL_CNN_SPEC, rng, input_shape=(1, 8, 8)).astype(np.float64)
    for p in net.params().values():
        p.data[...] += 0.3 * rng.standard_normal(p.data.shape)
    x, labels = rng.random((4, 1, 8, 8)), rng.integers(0, 10, size=4)
    loss = SoftmaxCrossEntropy()

    def f():
        reseed_dropout(net)
        return loss.forward(net.forward(x, train=True), labels)

    net.zero_grad()
    f()
    dx = net.backward(loss.backward())
    assert rel_error(dx, numerical_gradient(f, x)) < TOLERANCE
    for name, p in net.params().items():
        assert rel_error(p.grad, numerical_gradient(f, p.data)) < TOLERANCE, name


def test_training_backward_without_input_grad_gives_the_same_parameter_grads():
    rng = np.random.default_rng(SEED)
    net = Sequential.from_spec(SMALL_CNN_SPEC, rng, input_shape=(1, 8, 8)).astype(np.float64)
    x, labels = rng.random((4, 1, 8, 8)), rng.integers(0, 10, size=4)
    loss = SoftmaxCrossEntropy()
    grads = []
    for input_grad in (True, False):
        net.zero_grad()
        reseed_dropout(net)
        loss.forward(net.forward(x, train=True), labels)
        dx = net.backward(loss.backward(), input_grad=input_grad)
        assert (dx is None) == (not input_grad)
        grads.append({name: p.grad.copy() for name, p in net.params().items()})
    for name in grads[0]:
        np.testing.assert_allclose(grads[1][name], grads[0][name], rtol=1e-12, atol=1e-15)
