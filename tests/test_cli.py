"""The command line as a user meets it: JSON lines, one-line errors, exit codes, weight files that load."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from helpers import run_cli
from PIL import Image

from model.cli.main import main
from model.data.mnist import load_mnist
from model.network import Sequential
from model.presets import build_preset
from model.weights import load_weights, save_weights


def real_cli(*args: str) -> subprocess.CompletedProcess:
    """A real `python -m model` process: for the few tests of the entry point itself."""
    return subprocess.run([sys.executable, "-m", "model", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture
def cli(capsys):
    """cli(*args) runs the command line in this process (most tests: no interpreter start-up each time)."""
    return lambda *args: run_cli(capsys, *args)


def assert_one_line_error(result) -> None:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "error" in lines[0]


@pytest.fixture(scope="module")
def weights(tmp_path_factory):
    """An MLP trained for one quick epoch by the `train` command itself."""
    out = tmp_path_factory.mktemp("weights") / "quick-mlp.npz"
    code = main(["train", "--preset", "mlp", "--epochs", "1", "--train-size", "6000", "--val-size", "1000",
                 "--out", str(out), "--name", "quick mlp"])
    assert code == 0 and out.exists()
    return out


@pytest.fixture(scope="module")
def digit_pngs(tmp_path_factory):
    """Ten MNIST test digits drawn large, dark on light, as a person would save them."""
    folder = tmp_path_factory.mktemp("digits")
    images, labels = load_mnist("test")
    paths = []
    for i in range(10):
        big = Image.fromarray(255 - images[i]).resize((280, 280), Image.BILINEAR)
        path = folder / f"digit{i}_{labels[i]}.png"
        big.save(path)
        paths.append((path, int(labels[i])))
    return paths


def test_predict_prints_one_json_line_per_image(weights, digit_pngs, cli):
    result = cli("predict", str(weights), *(str(p) for p, _ in digit_pngs))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["file"] for r in records] == [str(p) for p, _ in digit_pngs]
    for r in records:
        assert len(r["probabilities"]) == 10 and abs(sum(r["probabilities"]) - 1) < 1e-4
        assert r["digit"] == int(np.argmax(r["probabilities"])) and r["confidence"] == max(r["probabilities"])
    correct = sum(r["digit"] == label for r, (_, label) in zip(records, digit_pngs))
    assert correct >= 8


def test_predict_reports_blank_image_as_no_digit(weights, tmp_path, cli):
    blank = tmp_path / "blank.png"
    Image.new("L", (280, 280), 255).save(blank)
    result = cli("predict", str(weights), str(blank))
    assert result.returncode == 0
    assert json.loads(result.stdout)["digit"] is None


def test_predict_goes_on_past_an_unreadable_image(weights, digit_pngs, tmp_path, cli):
    bogus = tmp_path / "notes.png"
    bogus.write_text("not an image")
    result = cli("predict", str(weights), str(bogus), str(digit_pngs[0][0]))
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 1 and json.loads(result.stdout)["file"] == str(digit_pngs[0][0])
    assert_one_line_error(result)
    assert "notes.png" in result.stderr


def test_evaluate_json_reports_accuracy_and_confusion_matrix(weights, cli):
    result = cli("evaluate", str(weights), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    cm = np.array(report["confusion_matrix"])
    assert cm.shape == (10, 10) and cm.sum() == 10000
    assert report["accuracy"] == pytest.approx(np.trace(cm) / 10000)
    assert report["accuracy"] > 0.85


def test_trained_file_records_how_it_was_made(weights, cli):
    result = cli("info", str(weights), "--json")
    assert result.returncode == 0, result.stderr
    meta = json.loads(result.stdout)
    assert meta["name"] == "quick mlp"
    assert meta["training"]["config"]["epochs"] == 1
    assert 0.85 < meta["test_accuracy"] <= 1


@pytest.mark.parametrize("args", [
    ["predict", "missing.npz", "x.png"],
    ["evaluate", "tests/test_cli.py"],
    ["train", "--epochs", "0"],
    ["train", "--lr", "-1"],
    ["train", "--batch-size", "abc"],
    ["train", "--preset", "resnet"],
])
def test_user_mistakes_give_one_line_and_no_traceback(args, cli):
    assert_one_line_error(cli(*args))


@pytest.mark.parametrize("args", [
    ["train", "--preset", "mlp", "--dropout", "2"],
    ["train", "--out", "/"],
    ["train", "--out", "/no/such/folder/net.npz"],
    ["experiment", "xor", "--quick", "--seed", "-1"],
    ["experiment", "no-such-experiment"],
    ["experiment"],
    ["bench", "--preset", "mlp", "--batch-size", "0"],
    ["bench", "--seconds", "-1"],
    ["train", "--train-size", "1"],  # the default batch of 128 can't be filled
    ["train", "--patience", "1", "--val-size", "0"],
    ["train", "--out", "/dev/null"],  # a device, which a save by rename would replace
    ["bench", "--preset", "mlp", "--batch-size", "100000000"],  # far beyond memory
])
def test_more_mistakes_give_one_line_before_any_work(args, cli):
    assert_one_line_error(cli(*args))


def test_resume_continues_a_saved_network(weights, tmp_path, cli):
    resumed = tmp_path / "resumed.npz"
    result = cli("train", "--resume", str(weights), "--epochs", "1", "--train-size", "3000", "--val-size", "1000",
                 "--out", str(resumed))
    assert result.returncode == 0, result.stderr
    before = json.loads(cli("info", str(weights), "--json").stdout)
    after = json.loads(cli("info", str(resumed), "--json").stdout)
    assert after["name"] == before["name"] and after["architecture"] == before["architecture"]
    # A second epoch from where the first ended, not a fresh start.
    assert after["training"]["final"]["loss"] < before["training"]["final"]["loss"]


def test_a_diverging_run_saves_nothing_over_a_good_file(weights, tmp_path):
    out = tmp_path / "good.npz"
    out.write_bytes(weights.read_bytes())
    # A real process: NumPy's overflow warnings would reach its stderr.
    result = real_cli("train", "--preset", "mlp", "--optimizer", "sgd", "--lr", "10", "--batch-size", "16",
                 "--epochs", "1", "--train-size", "3000", "--val-size", "500", "--out", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr and "Warning" not in result.stderr
    started, error = result.stderr.strip().splitlines()  # the run's first line, then its one error
    assert started.startswith("Training mlp") and "diverged" in error and "nothing saved" in error
    assert out.read_bytes() == weights.read_bytes()


def test_python_dash_m_model_is_the_command_line(weights, digit_pngs):
    path, label = digit_pngs[1]
    result = real_cli("predict", str(weights), str(path))
    assert result.returncode == 0 and json.loads(result.stdout)["digit"] == label
    assert_one_line_error(real_cli("frobnicate"))


def test_resume_of_a_file_with_a_null_name_is_named_after_the_file(weights, tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the default output file goes to the working folder
    nameless = tmp_path / "nameless.npz"
    checkpoint = load_weights(weights)
    save_weights(nameless, checkpoint.net, meta={**checkpoint.meta, "name": None})
    result = cli("train", "--resume", str(nameless), "--epochs", "1", "--train-size", "1000", "--val-size", "0",
                 "--no-optimizer-state")
    assert result.returncode == 0, result.stderr
    assert "None" not in result.stderr and "Training nameless:" in result.stderr
    assert load_weights(nameless).meta["name"] == "nameless"
    assert not (tmp_path / "None.npz").exists()


def test_info_reads_a_file_without_a_name_or_test_accuracy(tmp_path, cli):
    path = save_weights(tmp_path / "plain.npz", build_preset("mlp"))
    result = cli("info", str(path))
    assert result.returncode == 0 and result.stderr == ""
    assert "unnamed network" in result.stdout and "None" not in result.stdout


def test_predict_and_evaluate_refuse_a_network_that_does_not_read_digits(digit_pngs, tmp_path, cli):
    five = Sequential.from_spec([{"type": "Flatten"}, {"type": "Linear", "in_features": 784, "out_features": 5}])
    path = save_weights(tmp_path / "five.npz", five)
    for result in (cli("predict", str(path), str(digit_pngs[0][0])), cli("evaluate", str(path))):
        assert_one_line_error(result)
        assert "digit reader" in result.stderr


def test_a_reader_that_leaves_early_gets_no_error_message(weights):
    """`digitlab-cli info FILE | head -1`: the closed pipe is the reader's choice, not an error to print."""
    proc = subprocess.Popen([sys.executable, "-m", "model", "info", str(weights)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # before the command writes a line
    _, stderr = proc.communicate(timeout=300)
    assert stderr == ""
    assert proc.returncode != 0  # the output was not all delivered
