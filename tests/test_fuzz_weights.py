"""Property: every damaged or hostile weight file ends in one clean line, in every command and in the window."""

from __future__ import annotations

import numpy as np
import pytest
from fuzz_check import assert_clean
from fuzz_weights import Original, base_file, damaged_weight_files
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from model.paths import WEIGHTS_DIR
from model.weights import WeightFileError, load_weights


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-weights")
    image = np.full((28, 28), 255, np.uint8)
    image[6:22, 12:16] = 0  # a "1"
    Image.fromarray(image).save(folder / "one.png")
    return folder


@pytest.fixture(scope="module")
def good(workdir):
    return base_file(str(workdir))


def write(workdir, data: bytes):
    path = workdir / "damaged.npz"
    path.write_bytes(data)
    return path


def test_the_base_file_loads_and_predicts(workdir, good):
    path = write(workdir, good)
    assert load_weights(path).meta["name"] == "fuzz base"
    assert assert_clean(["predict", str(path), str(workdir / "one.png")], "predict") == 0


@given(data=st.data())
def test_damaged_weight_files_end_in_one_line_in_every_command(workdir, good, data):
    path = str(write(workdir, data.draw(damaged_weight_files(good))))
    try:
        load_weights(path)
        loads = True
    except WeightFileError as exc:
        assert "\n" not in str(exc)
        loads = False
    assert assert_clean(["info", path], "info") == (0 if loads else 1)
    assert_clean(["predict", path, str(workdir / "one.png")], "predict")
    assert_clean(["evaluate", path], "evaluate")
    # explain stops at --out naming a file, after loading the network and reading the image.
    assert_clean(["explain", path, str(workdir / "one.png"), "--out", str(workdir / "one.png")], "explain")
    # A file that loads stops at the missing output folder, before any training.
    assert assert_clean(["train", "--resume", path, "--out", str(workdir / "no-such-folder" / "x.npz")],
                        "train") == 1


def test_damaged_weight_files_in_the_window_show_one_message(workdir, good, make_window, messages):
    window = make_window(workdir / "no-bundled-networks")
    assert window.open_weights(write(workdir, good))

    @given(data=st.data())
    @settings(max_examples=max(1, settings().max_examples // 2))
    def open_one(data):
        before, shown = window.networks.current(), len(messages)
        path = write(workdir, data.draw(damaged_weight_files(good)))
        if window.open_weights(path):
            assert window.networks.current().path == path
        else:
            assert window.networks.current() is before
            assert len(messages) == shown + 1 and "\n" not in messages[-1][2]

    open_one()


BUNDLED = WEIGHTS_DIR / "small-cnn.npz"
# The randomised run: 240 damaged copies of a bundled file, in the thorough profile; a few in CI.
BUNDLED_COPIES = {"thorough": 240}.get(settings.get_current_profile_name(), 4)


@pytest.mark.skipif(not BUNDLED.exists(), reason="the bundled small-cnn.npz is not in this checkout")
def test_damaged_copies_of_a_bundled_file_end_in_one_line(workdir):
    original = Original(BUNDLED.read_bytes())
    image = str(workdir / "one.png")

    @given(data=st.data())
    @settings(max_examples=BUNDLED_COPIES)
    def check(data):
        path = str(write(workdir, data.draw(damaged_weight_files(original))))
        assert_clean(["info", path], "info")
        assert_clean(["predict", path, image], "predict")

    check()
