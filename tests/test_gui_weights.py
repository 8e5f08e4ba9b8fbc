"""Opening and saving weight files from the window: good files load, bad ones change nothing."""
import io
import json
import shutil
import zipfile

import numpy as np
import pytest
from helpers import ONE_STROKE

from model.network import Sequential
from model.weights import load_weights, save_weights


def state(window):
    """What a user would see change: the network list, the current one, the prediction."""
    return ([e.name for e in window.networks.entries()], window.networks.current_index(),
            window.name_label.text(), window.panel.bars.probabilities().tolist())


def test_opening_a_weight_file_selects_it(make_window, weights_dir, tiny_net, tmp_path, qtbot, messages):
    window = make_window(weights_dir)
    with qtbot.waitSignal(window.prediction_updated):
        window.canvas.draw_stroke(ONE_STROKE)
    path = tmp_path / "other.npz"
    save_weights(path, tiny_net, meta={"name": "other", "test_accuracy": 0.9})
    with qtbot.waitSignal(window.prediction_updated):
        assert window.open_weights(path)
    assert messages == []
    assert window.name_label.text() == "other" and "90.00%" in window.accuracy_label.text()
    assert window.panel.shown_digit() == 1
    recent = [a.text() for a in window.actions.recent_menu.actions()]
    assert recent == ["other.npz"]
    assert window.open_weights(path)  # the same file again replaces its entry, no duplicate
    assert [e.name for e in window.networks.entries()] == ["mlp", "other"]


def _foreign_npz(path):
    np.savez(path, weights=np.zeros((3, 3)))


def _not_a_zip(path):
    path.write_bytes(b"\x00garbage" * 50)


def _truncated(path, good):
    path.write_bytes(good.read_bytes()[:300])


def _wrong_shape(path, good):
    """A valid archive whose first weight matrix has the wrong shape for its own architecture."""
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        names = src.namelist()
        target = next(n for n in names if n.startswith("param/") and "weight" in n)
        for name in names:
            data = src.read(name)
            if name == target:
                buffer = io.BytesIO()
                np.save(buffer, np.zeros((5, 5), np.float32))
                data = buffer.getvalue()
            dst.writestr(name, data)


def _five_classes(path):
    """A sound file, but of a network with 5 outputs: not a digit reader."""
    net = Sequential.from_spec([{"type": "Flatten"}, {"type": "Linear", "in_features": 784, "out_features": 5}])
    save_weights(path, net)


def _pickled(path):
    np.savez(path, **{"__meta__": np.array([{"evil": 1}], dtype=object)})


@pytest.mark.parametrize("make_bad", ["text", "foreign", "not_a_zip", "truncated", "wrong_shape", "pickled",
                                      "five_classes", "missing"])
def test_a_bad_weight_file_shows_one_message_and_changes_nothing(
        make_bad, make_window, weights_dir, tmp_path, qtbot, messages):
    window = make_window(weights_dir)
    with qtbot.waitSignal(window.prediction_updated):
        window.canvas.draw_stroke(ONE_STROKE)
    before = state(window)
    good, bad = weights_dir / "mlp.npz", tmp_path / f"{make_bad}.npz"
    {"text": lambda: bad.write_text(json.dumps({"not": "weights"})),
     "foreign": lambda: _foreign_npz(bad),
     "not_a_zip": lambda: _not_a_zip(bad),
     "truncated": lambda: _truncated(bad, good),
     "wrong_shape": lambda: _wrong_shape(bad, good),
     "pickled": lambda: _pickled(bad),
     "five_classes": lambda: _five_classes(bad),
     "missing": lambda: None}[make_bad]()
    assert not window.open_weights(bad)
    assert len(messages) == 1
    kind, title, text = messages[0]
    assert kind == "warning" and title == "Cannot open weights"
    assert bad.name in text and "\n" not in text
    assert state(window) == before
    assert window.settings.recent_files() == []


def test_saving_writes_a_file_that_loads_back_the_same(make_window, weights_dir, tmp_path, qtbot, messages):
    window = make_window(weights_dir)
    path = tmp_path / "saved.npz"
    assert window.save_weights(path)
    assert messages == []
    ckpt = load_weights(path)
    x = np.random.default_rng(0).random((4, 1, 28, 28), dtype=np.float32)
    np.testing.assert_allclose(ckpt.net.predict_proba(x), window.networks.current().net.predict_proba(x),
                               rtol=1e-6)
    assert ckpt.meta["name"] == "mlp" and ckpt.meta["test_accuracy"] == 0.92
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["saved.npz"]  # no temporary left


def test_a_failed_save_keeps_the_old_file(make_window, weights_dir, tmp_path, monkeypatch, messages):
    window = make_window(weights_dir)
    path = tmp_path / "keep.npz"
    path.write_bytes(b"the old file")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", disk_full)
    assert not window.save_weights(path)
    assert path.read_bytes() == b"the old file"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["keep.npz"]
    assert len(messages) == 1 and "No space left" in messages[0][2]
    assert window.settings.recent_files() == []


def test_the_recent_files_menu_reopens_a_file(make_window, weights_dir, tiny_net, tmp_path, qtbot, messages):
    window = make_window(weights_dir)
    path = tmp_path / "again.npz"
    save_weights(path, tiny_net, meta={"name": "again"})
    assert window.open_weights(path)
    window.networks.select(0)
    assert window.name_label.text() == "mlp"
    (recent,) = window.actions.recent_menu.actions()
    assert recent.statusTip() == str(path.resolve())
    recent.trigger()
    assert window.name_label.text() == "again" and messages == []


def test_a_recent_file_that_is_gone_leaves_the_menu(make_window, weights_dir, tiny_net, tmp_path, messages):
    window = make_window(weights_dir)
    path = tmp_path / "soon-gone.npz"
    save_weights(path, tiny_net, meta={"name": "gone"})
    assert window.open_weights(path)
    path.unlink()
    (recent,) = window.actions.recent_menu.actions()
    recent.trigger()
    assert len(messages) == 1 and "soon-gone.npz" in messages[0][2]
    assert window.actions.recent_menu.actions() == [] and window.settings.recent_files() == []


def test_saving_a_bundled_network_keeps_it_bundled_and_its_own_name(make_window, weights_dir, tiny_net, tmp_path,
                                                                    messages):
    window = make_window(weights_dir)
    # Another network with the same name makes the selector call one of them "mlp (2)".
    other = tiny_net.copy()
    other.layers[-1].bias.data += 0.01
    save_weights(tmp_path / "other.npz", other, meta={"name": "mlp"})
    assert window.open_weights(tmp_path / "other.npz")
    assert [e.name for e in window.networks.entries()] == ["mlp", "mlp (2)"]
    assert window.save_weights(tmp_path / "copy.npz")
    assert load_weights(tmp_path / "copy.npz").meta["name"] == "mlp"  # not the selector's "mlp (2)"
    window.networks.select(0)
    assert window.save_weights(tmp_path / "bundled-copy.npz")
    assert window.networks.entries()[0].path == weights_dir / "mlp.npz"
    assert window.open_weights(weights_dir / "mlp.npz")  # already listed: selected, not added again
    assert len(window.networks.entries()) == 2 and messages == []


def test_a_name_typed_without_an_extension_gets_one():
    from app.settings import with_default_suffix

    assert with_default_suffix("/tmp/mine", ".npz") == "/tmp/mine.npz"
    assert with_default_suffix("/tmp/mine.npz", ".npz") == "/tmp/mine.npz"
    assert with_default_suffix("/tmp/digit.jpg", ".png") == "/tmp/digit.jpg"
    assert with_default_suffix("", ".npz") == ""  # a cancelled dialog stays cancelled


def test_a_second_clone_lists_its_bundled_network_once(make_window, weights_dir, tmp_path, messages):
    window = make_window(weights_dir)  # the first clone: remembers its own bundled file as the last network
    window.close()
    clone = tmp_path / "clone" / "assets" / "weights"
    clone.mkdir(parents=True)
    shutil.copy(weights_dir / "mlp.npz", clone / "mlp.npz")
    again = make_window(clone)  # the same settings, started from the other clone
    assert [e.name for e in again.networks.entries()] == ["mlp"]
    assert again.networks.current().path == clone / "mlp.npz" and messages == []
    # Opening the first clone's file, or a copy saved elsewhere, selects the bundled entry too.
    assert again.open_weights(weights_dir / "mlp.npz")
    assert len(again.networks.entries()) == 1 and again.networks.current().source == "bundled"
