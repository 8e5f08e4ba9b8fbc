"""The bundled canvas-style set (model/data/canvas_bundle.py): what the drawing code draws now, and read instead of drawn."""
import json

import numpy as np
import pytest

import model.canvas_report
from model.canvas_report import canvas_report, part_report
from model.data.canvas_bundle import (
    BUNDLE,
    BUNDLED_N,
    BUNDLED_SEED,
    COMMAND,
    bundled_part,
    prepare_part,
    write_bundle,
)
from model.data.canvas_set import PARTS
from model.evaluation import read_prepared

SAMPLE = 25  # drawings of each part redrawn: every kind of drawing, a second's work


@pytest.mark.parametrize("part", PARTS)
def test_the_bundle_holds_what_the_drawing_code_draws_now(part):
    bundled = bundled_part(part, BUNDLED_N, BUNDLED_SEED)
    assert bundled is not None, f"{BUNDLE} is missing or unreadable: run `{COMMAND}`"
    now = prepare_part(part, BUNDLED_N, BUNDLED_SEED, first=SAMPLE)
    stale = f"the bundled {part} drawings are not what the code draws now: run `{COMMAND}` and commit the file"
    assert bundled.labels.dtype == now.labels.dtype and np.array_equal(bundled.labels[:SAMPLE], now.labels), stale
    assert np.array_equal(bundled.found[:SAMPLE], now.found), stale
    assert bundled.inputs.dtype == now.inputs.dtype and np.array_equal(bundled.inputs[:SAMPLE], now.inputs), stale


def test_first_draws_the_whole_sets_first_drawings():
    whole = prepare_part("nondigits", 30, 4)
    first = prepare_part("nondigits", 30, 4, first=12)
    assert np.array_equal(first.inputs, whole.inputs[:12]) and np.array_equal(first.labels, whole.labels[:12])


def test_the_standard_set_is_read_from_the_bundle_and_any_other_is_drawn(tiny_net, monkeypatch):
    drawn = []
    draw = model.canvas_report.canvas_set
    monkeypatch.setattr(model.canvas_report, "canvas_set", lambda n, *args, **kw: drawn.append(n) or draw(n, *args, **kw))
    report = canvas_report(tiny_net, BUNDLED_N, parts=("fonts",))
    assert drawn == []  # seconds, not the minutes of drawing 1,000
    fonts = bundled_part("fonts", BUNDLED_N, BUNDLED_SEED)
    assert report["fonts"] == part_report(*read_prepared(tiny_net, fonts.inputs, fonts.found), fonts.labels)
    assert report["fonts"]["n"] == BUNDLED_N
    canvas_report(tiny_net, 12, parts=("fonts",))
    assert canvas_report(tiny_net, BUNDLED_N, seed=1, parts=("fonts",), should_stop=lambda: True) is None
    assert drawn == [12, BUNDLED_N]  # another size, another seed: drawn (the second stopped at its first drawing)


def test_a_bundle_of_another_set_or_a_damaged_one_is_not_read(tmp_path):
    path = tmp_path / "canvas_set.npz"
    write_bundle(path, n=4, seed=BUNDLED_SEED)
    with np.load(path, allow_pickle=False) as small:
        assert json.loads(str(small["meta"]))["command"] == COMMAND
        assert small["strokes/inputs"].shape == (4, 28, 28) and small["strokes/labels"].tolist() == \
            prepare_part("strokes", 4, BUNDLED_SEED).labels.tolist()
    assert bundled_part("strokes", BUNDLED_N, BUNDLED_SEED, path) is None  # 4 drawings are not the standard 1,000
    damaged = tmp_path / "damaged.npz"
    damaged.write_bytes(BUNDLE.read_bytes()[: BUNDLE.stat().st_size // 2])
    assert bundled_part("strokes", BUNDLED_N, BUNDLED_SEED, damaged) is None  # the program draws them instead
    assert bundled_part("strokes", BUNDLED_N, BUNDLED_SEED, tmp_path / "missing.npz") is None
