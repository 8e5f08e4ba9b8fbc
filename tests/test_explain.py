"""Looking inside: the input gradient against centred differences, saliency that is faithful, layer views."""

from __future__ import annotations

import numpy as np
import pytest
from gradcheck import numerical_gradient, rel_error

from model import explain
from model.data.mnist import load_mnist
from model.network import Sequential
from model.paths import WEIGHTS_DIR
from model.weights import load_digit_reader

SMALL_CNN = [
    {"type": "Normalize"},
    {"type": "Conv2d", "in_channels": 1, "out_channels": 3, "kernel_size": 3, "padding": 1},
    {"type": "BatchNorm2d", "num_channels": 3},
    {"type": "Tanh"},
    {"type": "MaxPool2d", "kernel_size": 2},
    {"type": "Flatten"},
    {"type": "Linear", "in_features": 3 * 14 * 14, "out_features": 12},
    {"type": "Sigmoid"},
    {"type": "Linear", "in_features": 12, "out_features": 10},
]
FAITHFUL_IMAGES = 30  # correctly read MNIST test digits per network


def float64_cnn() -> Sequential:
    net = Sequential.from_spec(SMALL_CNN, rng=np.random.default_rng(3)).astype(np.float64)
    bn = net.layers[2]
    bn.set_buffer("running_mean", np.array([0.1, -0.2, 0.3]))
    bn.set_buffer("running_var", np.array([0.5, 1.5, 2.0]))
    return net


@pytest.mark.parametrize("digit", [0, 7])
def test_the_input_gradient_matches_centred_differences(digit):
    net = float64_cnn()
    image = np.random.default_rng(1).random((28, 28))
    grad, logits = explain.input_gradient(net, image, digit)
    numerical = numerical_gradient(lambda: float(net.forward(image.reshape(1, 1, 28, 28))[0, digit]), image)
    assert rel_error(grad, numerical) < 1e-6
    assert logits.argmax() == net.forward(image[None, None])[0].argmax()
    assert all(not p.grad.any() for p in net.params().values())  # no training gradient left behind


def test_gradient_times_input_is_zero_off_the_ink_and_gradient_is_not():
    net = float64_cnn()
    image = np.zeros((28, 28))
    image[8:20, 12:16] = 1.0
    times_input = explain.saliency(net, image, 3, "gradient_x_input")
    plain = explain.saliency(net, image, 3, "gradient")
    assert times_input.shape == plain.shape == (28, 28) and times_input.dtype == np.float32
    assert not times_input[image == 0].any() and plain[image == 0].any()
    with pytest.raises(ValueError, match="unknown saliency method"):
        explain.saliency(net, image, 3, "magic")


def networks():
    """The tiny MLP the tests train, and every bundled network."""
    return ["tiny", *sorted(p.stem for p in WEIGHTS_DIR.glob("*.npz"))]


@pytest.mark.parametrize("name", networks())
def test_deleting_the_most_salient_ink_hurts_more_than_deleting_random_ink(name, tiny_net):
    net = tiny_net if name == "tiny" else load_digit_reader(WEIGHTS_DIR / f"{name}.npz").net
    images, labels = load_mnist("test")
    x = images[:200].astype(np.float32) / 255
    right = np.flatnonzero(net.predict(x) == labels[:200])[:FAITHFUL_IMAGES]
    rng = np.random.default_rng(0)
    checks = np.array([explain.deletion_check(net, x[i], int(labels[i]), rng) for i in right])
    salient_drop, random_drop = checks[:, 0] - checks[:, 1], checks[:, 0] - checks[:, 2]
    assert salient_drop.mean() > 2 * random_drop.mean()
    assert np.mean(salient_drop > random_drop) >= 0.7


def test_layer_views_follow_the_blocks_of_a_cnn_and_an_mlp(tiny_net):
    net = float64_cnn()
    views, logits = explain.layer_views(net, np.ones((28, 28)))
    assert [(v.title, v.values.shape) for v in views] == [
        ("conv 1", (3, 28, 28)), ("pool 1", (3, 14, 14)), ("hidden 1", (12,))]
    assert np.all(np.abs(views[0].values) <= 1)  # after the tanh, not before it
    assert np.allclose(logits, net.forward(np.ones((1, 1, 28, 28)))[0])
    assert explain.first_filters(net).shape == (3, 3, 3) and explain.templates(net) is None
    mlp_views, _ = explain.layer_views(tiny_net, np.ones((28, 28)))
    assert [v.title for v in mlp_views] == ["hidden 1"]
    order = explain.most_active(mlp_views)
    assert len(order) == 16 and mlp_views[0].values[order[0]] == mlp_views[0].values.max()
    assert explain.templates(tiny_net).shape == (64, 28, 28) and explain.first_filters(tiny_net) is None


def test_mistakes_come_most_confident_first():
    probabilities = np.array([[0.9, 0.1], [0.2, 0.8], [0.4, 0.6], [0.05, 0.95]])
    labels = np.array([0, 0, 0, 1])
    assert explain.misread(probabilities, labels).tolist() == [1, 2]
    assert explain.top_k(np.array([0.1, 0.6, 0.3]), 2) == [(1, 0.6), (2, 0.3)]
