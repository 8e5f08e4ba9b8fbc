"""`python -m model finetune` as a user meets it: before/after, a new file that says where it came from, one-line errors."""

from __future__ import annotations

import numpy as np
import pytest

from model.cli.main import main
from model.my_digits import LABELS_FILE, MyDigits
from model.weights import load_weights
from tools.handwriting_style import draw

# The bundled mlp: the command is the same for every network, and the mlp fine-tunes in a second, not six.
BASE = "assets/weights/mlp.npz"


@pytest.fixture(scope="module")
def digits_dir(tmp_path_factory):
    """Three drawings of each digit in the tool's hand-made style."""
    store = MyDigits(tmp_path_factory.mktemp("mine") / "digits")
    rng = np.random.default_rng(0)
    for _ in range(3):
        for digit in range(10):
            store.add(draw(digit, rng), digit)
    return store.folder


@pytest.mark.slow
def test_finetune_writes_a_new_file_that_records_its_origin(digits_dir, tmp_path, capsys):
    out = tmp_path / "mine.npz"
    assert main(["finetune", "mlp", str(digits_dir), "--out", str(out), "--epochs", "2"]) == 0
    err = capsys.readouterr().err
    assert "warning: few samples" in err  # 3 of each is below a handful
    assert "your held-out digits:" in err and "MNIST test:" in err
    meta = load_weights(out).meta
    assert meta["finetune"]["samples"] == 30 and meta["finetune"]["held_out"] == 10
    assert meta["finetune"]["base"].endswith("mlp.npz") and meta["training"]["config"]["epochs"] == 2
    assert meta["test_accuracy"] > 0.98  # MNIST is not forgotten


def one_line_error(capsys, argv) -> str:
    assert main(argv) != 0
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in lines[0]
    return lines[0]


def test_user_mistakes_get_one_line_and_touch_nothing(digits_dir, tmp_path, capsys):
    base_copy = tmp_path / "base.npz"
    base_copy.write_bytes(open(BASE, "rb").read())
    before = base_copy.read_bytes()
    assert "is the input network" in one_line_error(capsys, ["finetune", str(base_copy), str(digits_dir),
                                                              "--out", str(base_copy)])
    assert "not a bundled network" in one_line_error(capsys, ["finetune", "nonet", str(digits_dir),
                                                              "--out", str(tmp_path / "a.npz")])
    assert "no such folder" in one_line_error(capsys, ["finetune", BASE, str(tmp_path / "nope"),
                                                       "--out", str(tmp_path / "a.npz")])
    assert "does not exist" in one_line_error(capsys, ["finetune", BASE, str(digits_dir),
                                                       "--out", str(tmp_path / "no" / "a.npz")])
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / LABELS_FILE).write_text("file,label\nx.png,7\n")
    assert "x.png: listed in labels.csv but missing" in one_line_error(
        capsys, ["finetune", BASE, str(bad), "--out", str(tmp_path / "a.npz")])
    with pytest.raises(SystemExit) as usage:
        main(["finetune", BASE, str(digits_dir), "--out", str(tmp_path / "a.npz"), "--epochs", "0"])
    assert usage.value.code != 0 and len(capsys.readouterr().err.strip().splitlines()) == 1
    assert base_copy.read_bytes() == before and not (tmp_path / "a.npz").exists()
