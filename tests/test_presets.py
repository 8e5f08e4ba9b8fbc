"""The presets: sensible untrained losses, able to learn, options that do what they say."""

import json

import numpy as np
import pytest
from helpers import train_step

from model.constants import ACTIVATIONS, DEFAULT_PRESET
from model.data.mnist import load_mnist, to_float
from model.layers import BatchNorm1d, BatchNorm2d, Dropout, Linear, Sigmoid, Tanh
from model.losses import SoftmaxCrossEntropy
from model.network import Sequential
from model.optim import Adam
from model.presets import PRESETS, build_preset, describe_presets, preset_spec

# An untrained 10-class network should guess uniformly: loss ln(10) give or take this.
INITIAL_LOSS_TOLERANCE = 0.1
OVERFIT_BATCH = 32
OVERFIT_MAX_STEPS = 100
LEARNING_RATE = 1e-3


@pytest.fixture(scope="module")
def mnist_test():
    images, labels = load_mnist("test")
    return to_float(images[:256]), labels[:256].astype(np.int64)


@pytest.fixture(scope="module")
def mnist_batch():
    images, labels = load_mnist("train")
    return to_float(images[:OVERFIT_BATCH]), labels[:OVERFIT_BATCH].astype(np.int64)


@pytest.mark.parametrize("name", list(PRESETS))
@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_untrained_loss_is_near_ln10_on_real_digits(name, activation, mnist_test):
    x, y = mnist_test
    net = build_preset(name, np.random.default_rng(0), activation=activation)
    loss = SoftmaxCrossEntropy().forward(net.forward(x), y)
    assert abs(loss - np.log(10)) < INITIAL_LOSS_TOLERANCE


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_preset_can_memorise_a_batch(name, mnist_batch):
    x, y = mnist_batch
    net = build_preset(name, np.random.default_rng(0))
    opt = Adam(net.params(), lr=LEARNING_RATE)
    for _ in range(OVERFIT_MAX_STEPS):
        train_step(net, x, y, opt, input_grad=False)
        if np.array_equal(net.predict(x), y):
            break
    np.testing.assert_array_equal(net.predict(x), y)


@pytest.mark.parametrize("name", list(PRESETS))
def test_float32_stays_float32_through_forward_and_backward(name):
    rng = np.random.default_rng(0)
    net = build_preset(name, rng)
    out = net.forward(rng.random((4, 1, 28, 28), dtype=np.float32), train=True)
    assert out.dtype == np.float32 and out.shape == (4, 10)
    assert net.backward(np.ones_like(out)).dtype == np.float32
    assert all(p.grad.dtype == np.float32 and p.data.dtype == np.float32 for p in net.params().values())
    assert all(b.dtype == np.float32 for b in net.buffers().values())


@pytest.mark.parametrize("name", list(PRESETS))
def test_same_seed_same_weights_and_spec_survives_json(name):
    a = build_preset(name, np.random.default_rng(5))
    b = Sequential.from_spec(json.loads(json.dumps(preset_spec(name))), np.random.default_rng(5))
    c = build_preset(name, np.random.default_rng(6))
    assert b.spec() == a.spec()
    for key, value in a.state_dict().items():
        np.testing.assert_array_equal(b.state_dict()[key], value)
    assert any(not np.array_equal(c.state_dict()[k], v) for k, v in a.state_dict().items())


def layer_types(net):
    return [type(layer) for layer in net.layers]


def test_activation_option_chooses_the_hidden_units():
    for activation, expected in (("sigmoid", Sigmoid), ("tanh", Tanh)):
        for name in PRESETS:
            types = layer_types(build_preset(name, activation=activation))
            assert types.count(expected) >= 2, name


def test_batchnorm_and_dropout_options_add_and_remove_layers():
    assert BatchNorm1d not in layer_types(build_preset("mlp"))
    with_bn = layer_types(build_preset("mlp", batchnorm=True, dropout=0.2))
    assert with_bn.count(BatchNorm1d) == 2 and with_bn.count(Dropout) == 2
    assert BatchNorm2d in layer_types(build_preset("cnn", batchnorm=True))
    assert Dropout not in layer_types(build_preset("cnn", dropout=0.0))
    assert BatchNorm2d not in layer_types(build_preset("small-cnn", batchnorm=False))


def test_mlp_hidden_sizes():
    net = build_preset("mlp", hidden=(100, 50, 20))
    assert [layer.out_features for layer in net.layers if isinstance(layer, Linear)] == [100, 50, 20, 10]
    assert net.num_params() == 784 * 100 + 100 + 100 * 50 + 50 + 50 * 20 + 20 + 20 * 10 + 10


def test_lab_architectures_have_their_published_sizes():
    assert build_preset("mlp").num_params() == 784 * 256 + 256 + 256 * 256 + 256 + 256 * 10 + 10
    cnn = build_preset("cnn")
    assert (64, 7, 7) in cnn.output_shapes()
    assert cnn.num_params() == (25 * 32 + 32) + (25 * 32 * 64 + 64) + (3136 * 1024 + 1024) + (1024 * 10 + 10)


def test_bad_options_are_refused_with_a_message():
    with pytest.raises(KeyError, match="unknown preset"):
        preset_spec("resnet")
    with pytest.raises(ValueError, match="no option hidden"):
        preset_spec("cnn", hidden=(10,))
    with pytest.raises(ValueError, match="unknown activation"):
        preset_spec("mlp", activation="swish")
    with pytest.raises(ValueError, match="dropout"):
        preset_spec("mlp", dropout=1.0)


def test_every_preset_has_a_one_line_description_and_the_default_exists():
    descriptions = describe_presets()
    assert DEFAULT_PRESET in descriptions
    assert all(text.strip() and "\n" not in text for text in descriptions.values())


@pytest.mark.parametrize("name", list(PRESETS))
def test_single_drawn_image_gives_probabilities(name):
    net = build_preset(name)
    for shape in ((28, 28), (1, 28, 28), (1, 1, 28, 28)):
        probs = net.predict_proba(np.zeros(shape, np.float32))
        assert probs.shape == (1, 10) and probs.dtype == np.float32
        assert probs.sum() == pytest.approx(1.0, abs=1e-5)
    assert net.predict_proba(np.zeros((3, 28, 28), np.float32)).shape == (3, 10)


def test_bench_prints_one_json_object_per_preset(capsys):
    from model.cli.bench import MIN_SECONDS, main

    assert main(["--preset", "mlp", "--preset", "small-cnn", "--json", "--seconds", str(MIN_SECONDS)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    results = [json.loads(line) for line in lines]
    assert [r["preset"] for r in results] == ["mlp", "small-cnn"]
    for r in results:
        assert r["train_images_per_s"] > 0 and r["inference_ms"] > 0
        assert r["params"] == build_preset(r["preset"]).num_params()
