"""The canvas evaluation sets: deterministic, balanced, and every image a digit (or, for "nondigits", none)."""

import numpy as np
import pytest

from model.data.canvas_nondigits import LETTERS
from model.data.canvas_set import CANVAS, FONT_FILES, FONTS_DIR, _glyph, canvas_fonts, canvas_mnist, canvas_set
from model.data.canvas_strokes import canvas_nondigits, canvas_strokes, draw_nondigits, draw_strokes
from model.data.preprocess import to_mnist

N = 200
SAME_SEED_N = 20  # enough to see a drawing change, and cheap to draw again
MAKERS = {"mnist": canvas_mnist, "fonts": canvas_fonts, "strokes": canvas_strokes}


@pytest.fixture(scope="module", params=sorted(MAKERS))
def drawn(request):
    make = MAKERS[request.param]
    return make, make(N, seed=7)


def test_shapes_and_types(drawn):
    _, (images, labels) = drawn
    assert images.shape == (N, CANVAS, CANVAS) and images.dtype == np.uint8
    assert labels.shape == (N,) and labels.dtype == np.uint8


def test_same_seed_same_images_other_seed_other_images(drawn):
    make, _ = drawn
    first, first_labels = make(SAME_SEED_N, seed=1)
    again, again_labels = make(SAME_SEED_N, seed=1)
    other, _ = make(SAME_SEED_N, seed=2)
    assert np.array_equal(first, again) and np.array_equal(first_labels, again_labels)
    assert not np.array_equal(first, other)


def test_labels_are_balanced(drawn):
    _, (_, labels) = drawn
    assert np.bincount(labels, minlength=10).tolist() == [N // 10] * 10


def test_both_polarities_and_off_centre(drawn):
    _, (images, _) = drawn
    dark_paper = np.median(images[:, 0, :], axis=1) < 128
    assert 0.3 < dark_paper.mean() < 0.7
    ink = np.where(dark_paper[:, None, None], images, 255 - images)
    by_row, by_col = ink.sum(axis=2, dtype=np.float64), ink.sum(axis=1, dtype=np.float64)  # (N, CANVAS) each
    mass = by_row.sum(axis=1)
    com_y = by_row @ np.arange(CANVAS) / mass  # centre of mass from the ink's row and column profiles
    com_x = by_col @ np.arange(CANVAS) / mass
    off = np.hypot(com_y - CANVAS / 2, com_x - CANVAS / 2)
    assert np.median(off) > 20  # a person rarely draws dead centre


def test_to_mnist_finds_a_digit_in_every_image(drawn):
    _, (images, _) = drawn
    missing = [i for i, image in enumerate(images) if to_mnist(image) is None]
    assert missing == []


def test_every_font_is_bundled_listed_with_its_licence_and_has_all_digits():
    readme = (FONTS_DIR / "README.md").read_text()
    assert len(list(FONTS_DIR.glob("*.LICENSE.txt"))) >= 9
    for font_file in FONT_FILES:
        assert (FONTS_DIR / font_file).is_file() and font_file in readme
        for digit in range(10):
            glyph = _glyph(font_file, digit)
            assert glyph.shape[0] > 40 and glyph.max() > 0.9, (font_file, digit)


def test_canvas_set_holds_every_part_and_the_first_two_as_before():
    sets = canvas_set(n_each=10, seed=1)
    assert list(sets) == ["mnist", "fonts", "strokes", "nondigits"]
    assert all(images.shape == (10, CANVAS, CANVAS) for images, _ in sets.values())
    assert np.array_equal(sets["mnist"][0], canvas_mnist(10, 1)[0])
    assert np.array_equal(sets["fonts"][0], canvas_fonts(10, 1)[0])
    assert (sets["nondigits"][1] == -1).all()


def _ink_heights(images):
    dark_paper = np.median(images[:, 0, :], axis=1) < 128
    ink = np.where(dark_paper[:, None, None], images, 255 - images) > 128
    rows = ink.any(axis=2)
    return np.array([np.ptp(np.flatnonzero(r)) + 1 for r in rows])


@pytest.fixture(scope="module")
def strokes():
    return draw_strokes(100, seed=3)


def test_strokes_span_the_promised_sizes_pens_and_sources(strokes):
    images, _, records = strokes
    pens = np.array([r["pen"] for r in records])
    heights = _ink_heights(images)
    assert 4 <= pens.min() < 8 and 22 < pens.max() <= 30
    # Target heights run from 15% to 90% of the canvas (ink adds the pen's width).
    assert heights.min() < 0.25 * CANVAS and heights.max() > 0.8 * CANVAS and heights.max() <= CANVAS
    sources = [r["source"] for r in records]
    assert 0.3 < sources.count("template") / len(sources) < 0.7


def test_nondigits_are_letters_shapes_and_scribbles_and_no_digit_like_letter():
    images, records = draw_nondigits(90, seed=2)
    kinds = [r["kind"] for r in records]
    letters = [k for k in kinds if k.startswith("letter")]
    assert len(letters) == 30 and {"star", "zigzag", "tangle", "hatching"} <= set(kinds)
    assert not set(LETTERS) & set("OoIlLSsZzBGqgbTYJDU"), "a letter that reads as a digit is no non-digit"
    again, labels = canvas_nondigits(SAME_SEED_N, seed=2)
    assert np.array_equal(draw_nondigits(SAME_SEED_N, seed=2)[0], again)
    assert labels.dtype == np.int8 and (labels == -1).all()
    # Each is a drawing, not an empty canvas: the odd tiny blob drawn with a fat pen may pass for a dot.
    assert sum(to_mnist(image) is None for image in images) <= 3


def test_the_bundled_cnn_reads_stroke_digits(strokes):
    from model.evaluation import read
    from model.paths import WEIGHTS_DIR
    from model.weights import load_digit_reader

    images, labels, _ = strokes
    digits, _ = read(load_digit_reader(WEIGHTS_DIR / "cnn.npz"), images)
    assert (digits == labels).mean() >= 0.8  # it reads about 95%: a floor, not a target
