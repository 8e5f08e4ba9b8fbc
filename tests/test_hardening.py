"""Absurd options are refused at once; nothing is left half-written by a crash, a Ctrl-C or a damaged file."""

from __future__ import annotations

import io
import json
import signal
import zipfile

import numpy as np
import pytest

from model import experiments
from model.cli import experiment as experiment_command
from model.cli.main import main
from model.cli.train import stop_on_ctrl_c
from model.network import Sequential
from model.weights import WeightFileError, load_weights, save_weights

SPEC = [{"type": "Flatten"}, {"type": "Linear", "in_features": 784, "out_features": 10}]


@pytest.mark.parametrize("argv", [
    ["bench", "--seconds", "inf"], ["bench", "--seconds", "nan"], ["bench", "--seconds", "1e9"],
    ["bench", "--batch-size", "0"], ["bench", "--batch-size", "10000000"],
    ["evaluate", "x.npz", "--canvas", "1e9"], ["evaluate", "x.npz", "--canvas", "1000000000"],
    ["evaluate", "x.npz", "--canvas", "-1"],
    ["train", "--epochs", "0"], ["train", "--epochs", "1000000"], ["train", "--batch-size", "1e30"],
    ["train", "--lr", "0"], ["train", "--lr", "inf"], ["train", "--lr", "nan"], ["train", "--weight-decay", "-1"],
    ["train", "--dropout", "1"], ["train", "--train-size", "0"], ["train", "--val-size", "60000"],
    ["train", "--patience", "0"], ["train", "--seed", "-1"], ["train", "--seed", "99999999999999999999"],
    ["experiment", "xor", "--seed", "-5"],
])
def test_an_absurd_option_is_refused_in_one_line_before_any_work(argv, capsys):
    with pytest.raises(SystemExit) as exited:
        main(argv)
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert len(err.splitlines()) == 1 and argv[-2] in err and "(see --help)" in err


def test_ctrl_c_in_train_prints_its_note_on_stderr(capsys):
    with stop_on_ctrl_c() as should_stop:
        signal.getsignal(signal.SIGINT)(signal.SIGINT, None)
        assert should_stop()
    out, err = capsys.readouterr()
    assert "Stopping after this batch" in err and out == ""


def interrupted_run(out_dir, quick, seed, report):
    (out_dir / "half.csv").write_text("epoch,loss\n1,")
    raise KeyboardInterrupt


def test_an_interrupted_experiment_leaves_no_results_folder(monkeypatch, tmp_path):
    monkeypatch.setitem(experiments.EXPERIMENTS, "interrupted", ("", interrupted_run))
    with pytest.raises(KeyboardInterrupt):
        experiments.run_experiment("interrupted", tmp_path / "results" / "interrupted")
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_experiment_keeps_an_existing_folder_and_its_results(monkeypatch, tmp_path):
    monkeypatch.setitem(experiments.EXPERIMENTS, "interrupted", ("", interrupted_run))
    (tmp_path / "earlier.md").write_text("last week's results")
    with pytest.raises(KeyboardInterrupt):
        experiments.run_experiment("interrupted", tmp_path)
    assert (tmp_path / "earlier.md").read_text() == "last week's results"


def test_the_experiment_bar_shows_a_percentage_and_times_not_a_rate():
    from tqdm import tqdm

    line = tqdm.format_meter(n=500, total=experiment_command.BAR_STEPS, elapsed=26, prefix="xor",
                             bar_format=experiment_command.BAR_FORMAT)
    assert line.startswith("xor:  50%|") and "00:26 elapsed, 00:26 left" in line
    assert "‰" not in line and "/s" not in line


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), RuntimeError("the writer broke")])
def test_a_crash_while_saving_leaves_the_old_file_intact(monkeypatch, tmp_path, failure):
    old = Sequential.from_spec(SPEC, np.random.default_rng(1))
    path = save_weights(tmp_path / "net.npz", old)
    before = path.read_bytes()

    def half_a_file(f, **arrays):
        f.write(before[: len(before) // 2])  # the new file is half written when the writer fails
        raise failure

    monkeypatch.setattr("model.weights.np.savez", half_a_file)
    with pytest.raises((WeightFileError, RuntimeError)):
        save_weights(path, Sequential.from_spec(SPEC, np.random.default_rng(2)))
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["net.npz"]
    np.testing.assert_array_equal(load_weights(path).net.params()["1.weight"].data, old.params()["1.weight"].data)


def test_damaged_settings_are_replaced_by_the_defaults_with_a_message(settings_dir, make_window, tmp_path):
    from PySide6.QtCore import QSettings

    from app.settings import Settings

    store = QSettings()
    store.setValue("window/tab", "nan")
    store.setValue("canvas/brush_width", "inf")
    store.setValue("network/last_file", "kept?")
    store.sync()
    settings = Settings()
    assert "damaged" in settings.problem and settings.tab() == 0 and settings.last_network() == ""
    assert Settings().problem is None  # the defaults were written back
    store.setValue("window/tab", "nan")
    store.sync()
    window = make_window(tmp_path / "no-networks")
    assert "the defaults are used" in window.statusBar().currentMessage()


def rewrite_member(path, name, change):
    """`path` with member `name`'s bytes passed through change(bytes) -> bytes."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w") as z:
        for member, payload in entries:
            z.writestr(member, change(payload) if member == name else payload)
    return path


def test_a_member_with_a_damaged_npy_header_is_refused_not_read_as_bytes(tmp_path):
    # np.load hands such a member back as raw bytes: the AttributeError on .dtype.
    path = save_weights(tmp_path / "net.npz", Sequential.from_spec(SPEC))
    rewrite_member(path, "param/1.weight.npy", lambda b: b"\x00" + b[1:])
    with pytest.raises(WeightFileError, match=r"param/1.weight.npy is not a .npy array"):
        load_weights(path)


def test_a_header_declaring_more_than_the_member_holds_fails_before_allocating(tmp_path):
    path = save_weights(tmp_path / "net.npz", Sequential.from_spec(SPEC))
    rewrite_member(path, "param/1.weight.npy", lambda b: b.replace(b"(784, 10)", b"(784, 99999999999)"))
    with pytest.raises(WeightFileError, match="declares .* bytes .* but holds"):
        load_weights(path)


def set_layer_option(path, key, value):
    """`path` with the first Linear layer's `key` set to `value` in its metadata."""
    def change(payload):
        meta = json.loads(np.load(io.BytesIO(payload)).tobytes())
        meta["architecture"][1][key] = value
        out = io.BytesIO()
        np.save(out, np.frombuffer(json.dumps(meta).encode(), np.uint8))
        return out.getvalue()

    return rewrite_member(path, "__meta__.npy", change)


def test_a_crafted_784x200000_layer_fails_on_its_declared_size(tmp_path):
    path = set_layer_option(save_weights(tmp_path / "net.npz", Sequential.from_spec(SPEC)), "out_features", 200_000)
    with pytest.raises(WeightFileError, match="declares 157,000,000 parameters, more than"):
        load_weights(path)


def test_finite_weights_too_large_to_give_a_number_are_refused(tmp_path):
    net = Sequential.from_spec(SPEC)
    net.params()["1.weight"].data[:] = 3e38  # a flipped exponent bit
    path = save_weights(tmp_path / "net.npz", net)
    with pytest.raises(WeightFileError, match="output is not a number"):
        load_weights(path)


def test_a_layer_of_size_zero_is_one_line_not_a_division_by_zero(tmp_path):
    # Found by the thorough fuzz: He initialisation divides by the layer's fan-in.
    path = set_layer_option(save_weights(tmp_path / "net.npz", Sequential.from_spec(SPEC)), "in_features", 0)
    with pytest.raises(WeightFileError, match="bad architecture .*division by zero"):
        load_weights(path)
