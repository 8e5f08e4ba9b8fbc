"""One image at a time (the window's case) gives the batch's answers.

A few images take other paths than a batch: the fully connected layer skips
the rows of its weight under zero inputs (model/layers/sparse_input.py) and the
Winograd convolution keeps its transformed filters between calls. A user would
notice a digit read differently when drawn than in an evaluation, or a network
that kept answering with its old weights after training.
"""

import numpy as np
import pytest

from model.data.canvas_strokes import canvas_strokes
from model.data.mnist import load_mnist, to_float
from model.data.preprocess import to_mnist
from model.layers import Linear
from model.layers.scratch import Scratch
from model.layers.sparse_input import MIN_WEIGHT_BYTES, sparse_input_product
from model.network import PREDICT_BATCH
from model.paths import WEIGHTS_DIR
from model.presets import build_preset
from model.weights import load_weights

PRESETS = ("mlp", "small-cnn", "cnn")
IMAGES = 150  # of each kind: MNIST test digits and drawn ones


def mnist_and_drawn() -> np.ndarray:
    """(2 * IMAGES, 1, 28, 28): MNIST test digits, then stroke digits drawn on a canvas and preprocessed."""
    mnist = to_float(load_mnist("test")[0][:IMAGES]).reshape(-1, 28, 28)
    drawn = np.stack([to_mnist(image) for image in canvas_strokes(IMAGES, seed=3)[0]])
    return np.concatenate([mnist, drawn])[:, None]


@pytest.fixture(scope="module")
def images() -> np.ndarray:
    return mnist_and_drawn()


def one_by_one(net, x: np.ndarray) -> np.ndarray:
    return np.concatenate([net.predict_proba(image[None]) for image in x])


def batch_path(net, x: np.ndarray) -> np.ndarray:
    """Probabilities from whole batches, larger than any few-image path takes."""
    assert len(x) > 16
    return net.predict_proba(x, batch_size=PREDICT_BATCH)


@pytest.mark.parametrize("name", PRESETS)
def test_bundled_networks_read_one_image_as_in_a_batch(name, images):
    net = load_weights(WEIGHTS_DIR / f"{name}.npz").net
    single, batch = one_by_one(net, images), batch_path(net, images)
    np.testing.assert_allclose(single, batch, rtol=1e-5, atol=1e-6)
    assert np.array_equal(single.argmax(axis=1), batch.argmax(axis=1))


@pytest.mark.parametrize("name", PRESETS)
def test_untrained_networks_read_one_image_as_in_a_batch(name):
    """Random weights on random images: few zeros, so the plain products (and the first call's
    filter transform) are used; then again with the weights changed in place, as training does."""
    rng = np.random.default_rng(1)
    net = build_preset(name, rng)
    x = rng.random((24, 1, 28, 28), dtype=np.float32)
    np.testing.assert_allclose(one_by_one(net, x), batch_path(net, x), rtol=1e-5, atol=1e-6)
    for p in net.params().values():
        p.data *= np.float32(1.5)
    np.testing.assert_allclose(one_by_one(net, x), batch_path(net, x), rtol=1e-5, atol=1e-6)


def test_a_prediction_follows_weights_changed_in_place(images):
    """The kept Winograd filters and gathered rows never outlive a change of the weights."""
    net = load_weights(WEIGHTS_DIR / "cnn.npz").net
    digit = images[:1]
    before = net.predict_proba(digit)
    for p in net.params().values():
        p.data[...] = p.data[::-1].copy() if p.data.ndim == 1 else p.data * np.float32(-0.5)
    after = net.predict_proba(digit)
    assert not np.allclose(after, before)
    np.testing.assert_allclose(after, batch_path(net, np.repeat(digit, 20, axis=0))[:1], rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("n, dtype", [(1, np.float32), (3, np.float32), (2, np.float64)])
def test_sparse_input_product_equals_the_plain_product(n, dtype):
    rng = np.random.default_rng(n)
    rows = MIN_WEIGHT_BYTES // (300 * np.dtype(dtype).itemsize) + 1
    weight = rng.standard_normal((rows, 300)).astype(dtype)
    x = rng.standard_normal((n, rows)).astype(dtype) * (rng.random((n, rows)) < 0.1)
    scratch = Scratch()
    for _ in range(2):  # the second call reuses the kept buffers
        out = sparse_input_product(x, weight, scratch)
        assert out is not None and out.dtype == dtype
        tolerance = 1e-5 if dtype == np.float32 else 1e-12
        np.testing.assert_allclose(out, x @ weight, rtol=tolerance, atol=tolerance * np.abs(x @ weight).max())
    assert not sparse_input_product(np.zeros((1, rows), dtype), weight, scratch).any()


def test_sparse_input_product_leaves_dense_inputs_and_small_weights_to_the_plain_product():
    rng = np.random.default_rng(0)
    big = rng.standard_normal((MIN_WEIGHT_BYTES // 400 + 1, 100)).astype(np.float32)
    assert sparse_input_product(rng.standard_normal((1, len(big))).astype(np.float32), big, Scratch()) is None
    small = big[:100]
    assert sparse_input_product(np.zeros((1, 100), np.float32), small, Scratch()) is None


def test_linear_gradients_after_a_sparse_inference_forward():
    """Saliency maps take the gradient of an inference forward: the skipped rows still count there."""
    rng = np.random.default_rng(2)
    layer = Linear(MIN_WEIGHT_BYTES // 256 + 1, 64, rng=rng)
    x = (rng.standard_normal((1, layer.in_features)) * (rng.random((1, layer.in_features)) < 0.2)).astype(np.float32)
    dout = rng.standard_normal((1, 64)).astype(np.float32)
    out = layer.forward(x, train=False)
    np.testing.assert_allclose(out, x @ layer.weight.data + layer.bias.data, rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(layer.backward(dout), dout @ layer.weight.data.T, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(layer.weight.grad, x.T @ dout, rtol=1e-6)
