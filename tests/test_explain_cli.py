"""`python -m model explain`: the files it writes, its summary, and one-line errors."""

from __future__ import annotations

import numpy as np
import pytest
from helpers import run_cli
from PIL import Image

from model import explain_plots
from model.cli.main import main
from model.data.mnist import load_mnist
from model.data.preprocess import load_image, to_mnist
from model.weights import save_weights


@pytest.fixture
def weights(tmp_path, tiny_net):
    path = tmp_path / "tiny.npz"
    save_weights(path, tiny_net, meta={"name": "tiny"})
    return path


@pytest.fixture
def seven(tmp_path):
    """The first MNIST test digit (a 7), large and dark on white, as a user would save it."""
    images, labels = load_mnist("test")
    assert labels[0] == 7
    path = tmp_path / "seven.png"
    Image.fromarray(255 - images[0]).resize((280, 280), Image.BILINEAR).save(path)
    return path


def test_explain_writes_pictures_arrays_and_a_summary(weights, seven, tmp_path, capsys, tiny_net):
    out = tmp_path / "out"
    assert main(["explain", str(weights), str(seven), "--out", str(out)]) == 0
    summary = capsys.readouterr().out
    assert summary.startswith("read 7 with") and "gradient × input for 7" in summary
    assert sorted(p.name for p in out.iterdir()) == [
        "input.npy", "layers.png", "saliency.npy", "saliency.png", "templates.png"]
    seen, evidence = np.load(out / "input.npy"), np.load(out / "saliency.npy")
    assert seen.shape == evidence.shape == (28, 28) and seen.dtype == evidence.dtype == np.float32
    assert np.array_equal(seen, to_mnist(load_image(seven)))
    assert tiny_net.predict(seen[None, None])[0] == 7
    assert not evidence[seen == 0].any() and evidence.max() > 0  # gradient × input: only where the ink is
    for name in ("layers.png", "templates.png", "saliency.png"):
        assert Image.open(out / name).size[0] > 400


def test_explain_asks_for_any_digit_and_the_plain_gradient(weights, seven, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(explain_plots, "LAYOUT", None)  # its pictures are not looked at (the test above does)
    out = tmp_path / "why-not-1"
    assert main(["explain", str(weights), str(seven), "--out", str(out), "--digit", "1",
                 "--method", "gradient"]) == 0
    assert "gradient of the class score for 1" in capsys.readouterr().out
    seen, evidence = np.load(out / "input.npy"), np.load(out / "saliency.npy")
    assert evidence[seen == 0].any()  # the plain gradient also says where ink is missing


@pytest.mark.parametrize("case", ["missing weights", "image not found", "not an image", "blank image",
                                  "out is a file", "digit out of range", "no out"])
def test_explain_mistakes_give_one_line(case, weights, seven, tmp_path, capsys):
    blank, text, a_file = tmp_path / "blank.png", tmp_path / "notes.png", tmp_path / "file"
    Image.new("L", (100, 100), 255).save(blank)
    text.write_text("not a picture")
    a_file.write_text("x")
    args = {
        "missing weights": [str(tmp_path / "nope.npz"), str(seven), "--out", str(tmp_path / "o")],
        "image not found": [str(weights), str(tmp_path / "nope.png"), "--out", str(tmp_path / "o")],
        "not an image": [str(weights), str(text), "--out", str(tmp_path / "o")],
        "blank image": [str(weights), str(blank), "--out", str(tmp_path / "o")],
        "out is a file": [str(weights), str(seven), "--out", str(a_file)],
        "digit out of range": [str(weights), str(seven), "--out", str(tmp_path / "o"), "--digit", "12"],
        "no out": [str(weights), str(seven)],
    }[case]
    result = run_cli(capsys, "explain", *args)
    assert result.returncode != 0 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "error" in lines[0] and "Traceback" not in result.stderr, result.stderr
    if case == "blank image":
        assert "no digit" in lines[0] and not (tmp_path / "o").exists()
