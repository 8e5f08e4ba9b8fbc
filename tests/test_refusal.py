"""Saying "not a digit", and a confidence that means what it says (model/calibration.py, losses, CLI)."""
import json

import numpy as np
import pytest
from PIL import Image

from model.calibration import Calibration, expected_calibration_error, fit_calibration, fit_temperature, logits_of
from model.cli.main import main
from model.data import shapes, strokes
from model.data.mnist import load_mnist, to_float, training_split
from model.data.synth import synthetic_pool
from model.losses import UNIFORM, SoftmaxCrossEntropy
from model.network import Sequential
from model.train import ConfigError, TrainConfig, train
from model.weights import WeightFileError, load_weights, save_weights
from tests.conftest import TINY_MLP

SCRIBBLES = 40
# Synthetic drawings (digits and non-digits) to train and calibrate on: drawing them is most of the fixture's time,
# and these few already teach the small MLP to refuse about half the scribbles.
SYNTHETIC, SYNTHETIC_VAL = 2000, 200
WIDER_MLP = [dict(layer, out_features=128) if layer.get("out_features") == 64 else
             dict(layer, in_features=128) if layer.get("in_features") == 64 else layer for layer in TINY_MLP]


def test_loss_gradient_with_not_a_digit_labels_matches_numerical_differences():
    rng = np.random.default_rng(0)
    logits = rng.normal(0, 2, (6, 10))
    labels = np.array([3, UNIFORM, 0, UNIFORM, 9, 5])
    loss = SoftmaxCrossEntropy()
    loss.forward(logits, labels)
    analytic = loss.backward()
    numeric, h = np.zeros_like(logits), 1e-6
    for idx in np.ndindex(*logits.shape):
        up, down = logits.copy(), logits.copy()
        up[idx] += h
        down[idx] -= h
        numeric[idx] = (loss.forward(up, labels) - loss.forward(down, labels)) / (2 * h)
    assert np.abs(analytic - numeric).max() < 1e-7
    # A "not a digit" image is pulled towards the uniform distribution, and is there at rest.
    loss.forward(np.zeros((1, 10)), np.array([UNIFORM]))
    assert np.allclose(loss.backward(), 0)


def test_training_accepts_not_a_digit_images_and_counts_only_digits_in_accuracy(tiny_net):
    x, y = to_float(load_mnist("train")[0][:200]), load_mnist("train")[1][:200].astype(np.int64)
    y_none = np.where(np.arange(200) % 2 == 0, y, UNIFORM)
    net = Sequential.from_spec(TINY_MLP, rng=np.random.default_rng(0))
    done = list(train(net, x, y_none, TrainConfig(epochs=1, batch_size=100, log_every=1)))[-1]
    assert 0 <= done.acc <= 1 and done.reason == "finished"
    with pytest.raises(ValueError, match="labels"):  # never in validation: it would count as wrong
        train(net, x, y, TrainConfig(), x_val=x, y_val=y_none)
    with pytest.raises(ConfigError, match="cross-entropy"):
        train(net, x, y_none, TrainConfig(loss="mse"))


@pytest.fixture(scope="module")
def refusing(tmp_path_factory):
    """A small MLP trained on MNIST digits plus synthetic drawings (non-digits labelled -1), calibrated, saved."""
    x_tr, y_tr, x_val, y_val = training_split()
    rng = np.random.default_rng(0)
    x_syn, y_syn = synthetic_pool(SYNTHETIC, rng, np.rint(x_tr[:SYNTHETIC, 0] * 255).astype(np.uint8), y_tr[:SYNTHETIC])
    x, y = np.concatenate([x_tr[:6000], x_syn]), np.concatenate([y_tr[:6000], y_syn])
    net = Sequential.from_spec(WIDER_MLP, rng=rng)
    list(train(net, x, y, TrainConfig(epochs=8, batch_size=64, lr=2e-3, seed=0)))
    x_vs, y_vs = synthetic_pool(SYNTHETIC_VAL, np.random.default_rng(1),
                                np.rint(x_val[:SYNTHETIC_VAL, 0] * 255).astype(np.uint8), y_val[:SYNTHETIC_VAL])
    is_mnist = np.r_[np.ones(len(y_val), bool), np.zeros(len(y_vs), bool)]
    calibration, _ = fit_calibration(net, np.concatenate([x_val, x_vs]), np.concatenate([y_val, y_vs]),
                                     max_rejected=0.02, threshold_on=is_mnist)
    path = tmp_path_factory.mktemp("refusing") / "refusing.npz"
    save_weights(path, net, meta={"name": "refusing", "calibration": calibration.to_meta()})
    return net, calibration, path


def _scribbles(n, seed):
    """n dense scribbles (a pen wandering 60 steps at random), dark ink on white paper, as on the canvas."""
    rng = np.random.default_rng(seed)
    canvases = strokes.render(*_wandering(n, rng), n, rng)
    return 255 - canvases


def _wandering(n, rng):
    pieces = [shapes.densify(np.cumsum(rng.normal(0, 1, (60, 2)), axis=0), 0.1) for _ in range(n)]
    owner = np.concatenate([np.full(len(p) - 1, i) for i, p in enumerate(pieces)])
    return (np.concatenate([p[:-1] for p in pieces]).astype(np.float32),
            np.concatenate([p[1:] for p in pieces]).astype(np.float32), owner)


def test_scribbles_are_refused_and_mnist_digits_are_not(refusing):
    from model.data.preprocess import to_mnist

    net, calibration, _ = refusing
    x = np.stack([to_mnist(c) for c in _scribbles(SCRIBBLES, 7)])[:, None]
    scribbles = calibration.refused(logits_of(net, x)).mean()
    images, labels = load_mnist("test")
    digits = calibration.refused(logits_of(net, to_float(images[:1000]))).mean()
    # A small MLP trained for seconds refuses about half the scribbles (the bundled CNNs far more)
    # and few digits; without outlier exposure both would be refused about equally rarely.
    assert scribbles >= 0.4 and digits <= 0.05 and scribbles >= 8 * digits, (scribbles, digits)


def test_predict_gives_the_reason_there_is_no_digit(refusing, tmp_path, capsys):
    from model.data.preprocess import to_mnist

    net, calibration, path = refusing
    # A scribble this small network refuses (it refuses about half): the command line must say so too.
    drawings = [np.asarray(Image.fromarray(d).resize((280, 280))) for d in _scribbles(10, 3)]
    refused = calibration.refused(logits_of(net, np.stack([to_mnist(d) for d in drawings])[:, None]))
    scribble = tmp_path / "scribble.png"
    Image.fromarray(drawings[np.flatnonzero(refused)[0]]).save(scribble)
    blank = tmp_path / "blank.png"
    Image.new("L", (280, 280), 255).save(blank)
    digit = tmp_path / "digit.png"
    Image.fromarray(255 - load_mnist("test")[0][0]).resize((280, 280)).save(digit)
    assert main(["predict", str(path), str(scribble), str(blank), str(digit)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[0]["digit"] is None and records[0]["reason"] == "not a digit"
    assert len(records[0]["probabilities"]) == 10 and abs(sum(records[0]["probabilities"]) - 1) < 1e-4
    assert records[1]["digit"] is None and records[1]["reason"] == "empty"
    assert records[2]["digit"] == load_mnist("test")[1][0] and records[2]["reason"] is None


def test_info_says_whether_a_file_can_refuse(refusing, tiny_net, tmp_path, capsys):
    _, _, path = refusing
    old = save_weights(tmp_path / "old.npz", tiny_net, meta={"name": "before calibration existed"})
    assert load_weights(old).meta.get("calibration") is None  # an older file still loads
    assert main(["info", str(old)]) == 0
    assert "cannot refuse" in capsys.readouterr().out
    assert main(["info", str(path)]) == 0
    assert "can refuse" in capsys.readouterr().out


def test_temperature_and_threshold_round_trip_through_a_file(tiny_net, tmp_path):
    calibration = Calibration(1.7321, 0.4142, fitted_on="a test", score_temperature=1.25)
    path = save_weights(tmp_path / "c.npz", tiny_net, meta={"calibration": calibration.to_meta()})
    assert Calibration.from_meta(load_weights(path).meta) == calibration


@pytest.mark.parametrize("bad", [{"temperature": "hot"}, {"temperature": -1}, {"temperature": 1.0, "reject": 0.5},
                                 {"reject": {"score": "energy", "threshold": 0.5}},
                                 {"reject": {"score": "max_probability", "threshold": 2}}, "calibrated"])
def test_bad_calibration_metadata_is_one_line(tiny_net, tmp_path, bad):
    path = save_weights(tmp_path / "bad.npz", tiny_net, meta={"calibration": bad})
    with pytest.raises(WeightFileError) as info:
        load_weights(path)
    assert "calibration" in str(info.value) and "\n" not in str(info.value)


def test_fitting_a_temperature_repairs_an_over_confident_network(tiny_net):
    over = tiny_net.copy()
    last = over.layers[-1]
    for p in last.params().values():
        p.data *= 6  # the same answers, far surer of them
    _, _, x_val, y_val = training_split()
    logits = logits_of(over, x_val)
    before = expected_calibration_error(Calibration().probabilities(logits), y_val)
    temperature = fit_temperature(logits, y_val)
    after = expected_calibration_error(Calibration(temperature).probabilities(logits), y_val)
    assert temperature > 2 and after < before / 2
