"""Weight files: exact round trips, atomic saves, and a clear error for every kind of bad file."""

import json
import os

import numpy as np
import pytest
from helpers import train_step

from model import presets, weights
from model.network import Sequential
from model.optim import make_optimizer
from model.weights import FORMAT_VERSION, WeightFileError, build_meta, load_weights, save_weights

SPEC = [{"type": "Normalize", "mean": 0.1307, "std": 0.3081}, {"type": "Flatten"},
        {"type": "Linear", "in_features": 784, "out_features": 16, "init": "he"}, {"type": "ReLU"},
        {"type": "Linear", "in_features": 16, "out_features": 10, "init": "xavier"}]


@pytest.fixture
def net():
    return Sequential.from_spec(SPEC, np.random.default_rng(7))


@pytest.fixture
def images():
    return np.random.default_rng(8).random((20, 1, 28, 28), dtype=np.float32)


def train_steps(net, opt, images, steps):
    labels = np.arange(len(images)) % 10
    for _ in range(steps):
        train_step(net, images, labels, opt)


def test_round_trip_gives_bit_identical_probabilities(tmp_path, net, images):
    path = save_weights(tmp_path / "mlp.npz", net, meta={"name": "tiny mlp", "test_accuracy": np.float64(0.5)})
    ckpt = load_weights(path)
    assert ckpt.net.spec() == net.spec()
    assert ckpt.net is not net
    np.testing.assert_array_equal(ckpt.net.predict_proba(images), net.predict_proba(images))
    assert ckpt.meta["name"] == "tiny mlp" and ckpt.meta["test_accuracy"] == 0.5
    assert ckpt.meta["format_version"] == FORMAT_VERSION
    assert ckpt.meta["input"] == {"shape": [1, 28, 28], "range": [0, 1],
                                  "normalisation": {"mean": 0.1307, "std": 0.3081}}
    assert ckpt.optimizer_state is None


@pytest.mark.slow
def test_every_preset_round_trips_with_its_buffers(tmp_path, images):
    from model.train import TrainConfig, train

    with_buffers = 0
    for name in presets.PRESETS:
        net = presets.build_preset(name, np.random.default_rng(0))
        with_buffers += bool(net.buffers())
        config = TrainConfig(epochs=1, batch_size=10, optimizer="momentum")
        opt = config.make_optimizer(net)
        list(train(net, images, np.arange(len(images)) % 10, config, optimizer=opt))  # moves batch-norm statistics
        ckpt = load_weights(save_weights(tmp_path / f"{name}.npz", net, optimizer=opt))
        assert ckpt.net.spec() == net.spec() and ckpt.optimizer_name == "momentum"
        for key, value in net.state_dict().items():
            np.testing.assert_array_equal(ckpt.net.state_dict()[key], value)
        np.testing.assert_array_equal(ckpt.net.predict_proba(images), net.predict_proba(images))
    assert with_buffers, "no preset has batch-norm buffers to round-trip"


def test_a_loaded_network_drops_out_the_same_units_as_the_one_saved(tmp_path, images):
    """Loading builds the network without random weights (they are read from the file); the
    dropout masks a loaded network draws must still be those of a network started afresh."""
    spec = presets.preset_spec("mlp", dropout=0.5)
    fresh = Sequential.from_spec(spec)
    save_weights(tmp_path / "fresh.npz", fresh)
    loaded = load_weights(tmp_path / "fresh.npz").net
    again = Sequential.from_spec(spec)
    for _ in range(3):
        np.testing.assert_array_equal(loaded.forward(images, train=True), again.forward(images, train=True))


def test_optimizer_state_resumes_training_exactly(tmp_path, net, images):
    opt = make_optimizer("adam", net.params(), lr=1e-3, weight_decay=1e-4)
    train_steps(net, opt, images, 2)
    save_weights(tmp_path / "run.npz", net, optimizer=opt)
    train_steps(net, opt, images, 2)

    ckpt = load_weights(tmp_path / "run.npz")
    assert ckpt.optimizer_name == "adam"
    assert ckpt.meta["optimizer"]["hyperparams"]["weight_decay"] == 1e-4
    resumed = ckpt.make_optimizer()
    train_steps(ckpt.net, resumed, images, 2)
    for name, value in net.state_dict().items():
        np.testing.assert_array_equal(ckpt.net.state_dict()[name], value)


def test_checkpoint_without_optimizer_cannot_resume(tmp_path, net):
    ckpt = load_weights(save_weights(tmp_path / "w.npz", net))
    assert weights.optimizer_from_checkpoint(ckpt) is None
    with pytest.raises(WeightFileError, match="no optimizer state"):
        ckpt.make_optimizer()


def test_failed_save_leaves_old_file_and_no_temp_file(tmp_path, net, monkeypatch):
    path = save_weights(tmp_path / "keep.npz", net)
    before = path.read_bytes()

    def half_written(f, **arrays):
        f.write(b"PK\x03\x04 partial")
        raise OSError("disk full")

    monkeypatch.setattr(weights.np, "savez", half_written)
    with pytest.raises(WeightFileError, match="disk full"):
        save_weights(path, net)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["keep.npz"]


def test_refuses_to_save_nan_weights(tmp_path, net):
    net.params()["2.weight"].data[0, 0] = np.nan
    with pytest.raises(WeightFileError, match="NaN"):
        save_weights(tmp_path / "nan.npz", net)
    assert not (tmp_path / "nan.npz").exists()


def write_npz(path, net, meta_changes=None, arrays_changes=None, drop=()):
    """A file as save_weights writes it, with some meta fields and arrays changed or dropped."""
    meta = {**build_meta(net), **(meta_changes or {})}
    arrays = {"param/" + n: p.data for n, p in net.params().items()}
    arrays["__meta__"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    arrays.update(arrays_changes or {})
    for key in drop:
        del arrays[key]
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    return path


W = "param/2.weight"
MISFIT = [SPEC[1], {**SPEC[2], "in_features": 100}]


def put(path, data):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("kind, make, words", [
    ("missing array", lambda p, n: write_npz(p, n, drop=[W]), "missing arrays.*2.weight"),
    ("extra array", lambda p, n: write_npz(p, n, arrays_changes={"param/9.weight": np.zeros(3, np.float32)}),
     "does not have.*9.weight"),
    ("wrong shape", lambda p, n: write_npz(p, n, arrays_changes={W: np.zeros((784, 15), np.float32)}), "shape"),
    ("wrong dtype", lambda p, n: write_npz(p, n, arrays_changes={W: np.zeros((784, 16), np.int32)}), "int32"),
    ("nan weights", lambda p, n: write_npz(p, n, arrays_changes={W: np.full((784, 16), np.nan, np.float32)}),
     "NaN"),
    ("inf weights", lambda p, n: write_npz(p, n, arrays_changes={"param/4.bias": np.full(10, np.inf, np.float32)}),
     "infinite"),
    ("unknown layer", lambda p, n: write_npz(p, n, meta_changes={"architecture": SPEC + [{"type": "Capsule"}]}),
     "unknown layer type 'Capsule'"),
    ("layers that don't fit", lambda p, n: write_npz(p, n, meta_changes={"architecture": MISFIT}), "bad architecture"),
    ("architecture not a list", lambda p, n: write_npz(p, n, meta_changes={"architecture": "mlp"}),
     "bad architecture"),
    ("newer format", lambda p, n: write_npz(p, n, meta_changes={"format_version": FORMAT_VERSION + 1}),
     "newer DigitLab"),
    ("no format version", lambda p, n: write_npz(p, n, meta_changes={"format_version": None}), "format_version"),
    ("no metadata", lambda p, n: write_npz(p, n, drop=["__meta__"]), "__meta__"),
    ("metadata not json", lambda p, n: write_npz(p, n, arrays_changes={"__meta__": np.frombuffer(b"{oops", np.uint8)}),
     "JSON"),
    ("bad optimizer state", lambda p, n: write_npz(
        p, n, meta_changes={"optimizer": {"name": "adam", "hyperparams": {"lr": 1e-3}}},
        arrays_changes={"optim/step": np.array(1)}), "optimizer state"),
    ("zero std", lambda p, n: write_npz(p, n, meta_changes={"architecture": [{**SPEC[0], "std": 0}] + SPEC[1:]}),
     "std"),
    ("nan mean", lambda p, n: write_npz(p, n, meta_changes={"architecture": [{**SPEC[0], "mean": float("nan")}]
                                                            + SPEC[1:]}), "holds NaN, which is not a number"),
    ("optimizer not an object", lambda p, n: write_npz(p, n, meta_changes={"optimizer": "adam"}), "'optimizer'"),
    ("name not text", lambda p, n: write_npz(p, n, meta_changes={"name": ["a"]}), "'name' must be text"),
    ("accuracy not a number", lambda p, n: write_npz(p, n, meta_changes={"test_accuracy": "high"}),
     "'test_accuracy' must be a number"),
    ("accuracy over 1", lambda p, n: write_npz(p, n, meta_changes={"test_accuracy": 99.4}), r"in \[0, 1\]"),
    ("thousands of missing arrays", lambda p, n: write_npz(p, n, meta_changes={"architecture": SPEC + [
        {"type": "Linear", "in_features": 10, "out_features": 10}, {"type": "ReLU"}] * 1500}), "and 2995 more"),
    ("not a zip", lambda p, n: put(p, b"these are not weights\n"), "not an .npz"),
    ("empty file", lambda p, n: put(p, b""), "not an .npz"),
    ("truncated", lambda p, n: put(p, save_weights(p, n).read_bytes()[:5000]), "truncated"),
])
def test_every_bad_file_kind_raises_one_clear_line(tmp_path, net, kind, make, words):
    path = make(tmp_path / "bad.npz", net)
    with pytest.raises(WeightFileError, match=words) as info:
        load_weights(path)
    message = str(info.value)
    assert str(path) in message and "\n" not in message and len(message) < 400


def test_missing_file(tmp_path):
    with pytest.raises(WeightFileError, match="not found"):
        load_weights(tmp_path / "nowhere.npz")


class Payload:
    """Unpickling this creates a directory: the proof that code ran."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.mkdir, (self.marker,))


@pytest.mark.parametrize("container", ["npz", "npy"])
def test_pickled_object_arrays_are_never_unpickled(tmp_path, net, container):
    marker = tmp_path / "code_ran"
    evil = np.array([Payload(marker)], dtype=object)
    path = tmp_path / f"evil.{container}"
    if container == "npz":
        write_npz(path, net, arrays_changes={W: evil})
    else:
        np.save(path, evil, allow_pickle=True)
    with pytest.raises(WeightFileError, match="pickle|not an .npz"):
        load_weights(path)
    assert not marker.exists()


def test_saved_file_gets_ordinary_permissions(tmp_path, net):
    # A temporary file is private; the finished weight file must be readable like any file the user saves.
    path = save_weights(tmp_path / "shared.npz", net)
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
