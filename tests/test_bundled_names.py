"""Bundled networks by name on the command line, and assets found from any folder."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from model.bundled import bundled_names, resolve_weights
from model.cli.main import main
from model.paths import ASSETS_DIR, WEIGHTS_DIR
from model.weights import WeightFileError

REPO = Path(__file__).resolve().parent.parent


def test_names_stand_for_the_bundled_files_and_files_still_win(tmp_path, monkeypatch):
    assert bundled_names() == ["cnn", "mlp", "small-cnn"]
    assert resolve_weights("small-cnn") == WEIGHTS_DIR / "small-cnn.npz"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cnn").write_bytes(b"a file of the user's named cnn")
    assert resolve_weights("cnn") == Path("cnn")


def test_unknown_name_is_one_line_listing_the_names(capsys):
    with pytest.raises(WeightFileError, match=r"bundled: cnn, mlp, small-cnn\)$"):
        resolve_weights("small_cnn")
    assert main(["evaluate", "no-such-net"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no-such-net" in err and "cnn, mlp, small-cnn" in err


def test_info_and_predict_take_a_bundled_name(capsys, tmp_path):
    from PIL import Image, ImageDraw

    assert main(["info", "mlp"]) == 0
    assert capsys.readouterr().out.startswith("mlp: MLP 784-256-256-10")
    image = Image.new("L", (280, 280), 255)
    ImageDraw.Draw(image).line([(140, 40), (140, 240)], fill=0, width=24)
    image.save(tmp_path / "one.png")
    assert main(["predict", "small-cnn", str(tmp_path / "one.png")]) == 0
    assert json.loads(capsys.readouterr().out)["digit"] == 1


def test_assets_are_found_from_another_folder(tmp_path):
    code = "from model.paths import ASSETS_DIR; from model.data.mnist import load_mnist; " \
           "print(ASSETS_DIR); print(len(load_mnist('test')[0]))"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            env={"PYTHONPATH": str(REPO), "PATH": ""}, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(ASSETS_DIR), "10000"]
    assert (ASSETS_DIR / "weights" / "small-cnn.npz").is_file() and (ASSETS_DIR / "fonts").is_dir()
    assert (ASSETS_DIR / "canvas" / "canvas_set.npz").is_file()  # the drawn set `evaluate --canvas 1000` reads
