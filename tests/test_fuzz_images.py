"""Property: every image file, damaged or crafted, gives one JSON line or one error line, and never
takes down the window's drawing."""

from __future__ import annotations

import json

import pytest
from fuzz_check import assert_clean, run_cli
from fuzz_images import image_files, png_bomb
from fuzz_weights import base_file
from hypothesis import given
from hypothesis import strategies as st

from app.canvas import Canvas
from model.data.preprocess import ImageError, load_image


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-images")


@pytest.fixture(scope="module")
def weights(workdir):
    path = workdir / "net.npz"
    path.write_bytes(base_file(str(workdir)))
    return str(path)


def test_a_decompression_bomb_fails_before_decoding(workdir):
    path = workdir / "bomb.png"
    path.write_bytes(png_bomb())
    with pytest.raises(ImageError, match="100000000 pixels"):
        load_image(path)


@given(data=st.data())
def test_every_image_file_gives_one_line_in_predict(workdir, weights, data):
    path = workdir / "image"
    path.write_bytes(data.draw(image_files()))
    code = assert_clean(["predict", weights, str(path)], "predict")
    # explain stops at --out naming a file, after reading the image.
    assert_clean(["explain", weights, str(path), "--out", weights], "explain")
    if code == 0:
        _, out, _ = run_cli(["predict", weights, str(path)])
        assert json.loads(out)["file"] == str(path)


def test_every_image_file_dropped_on_the_canvas_keeps_the_drawing_or_replaces_it(workdir, qtbot):
    canvas = Canvas()
    qtbot.addWidget(canvas)
    rejected = []
    canvas.image_rejected.connect(rejected.append)

    @given(data=st.data())
    def drop_one(data):
        path = workdir / "dropped"
        path.write_bytes(data.draw(image_files()))
        before, shown = canvas.to_array(), len(rejected)
        if not canvas.load_file(str(path)):
            assert len(rejected) == shown + 1 and "\n" not in rejected[-1]
            assert (canvas.to_array() == before).all()

    drop_one()
