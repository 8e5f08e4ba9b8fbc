"""The canvas evaluation sets: deterministic, balanced, and every image a digit."""

import numpy as np
import pytest

from model.data.canvas_set import CANVAS, FONT_FILES, FONTS_DIR, _glyph, canvas_fonts, canvas_mnist, canvas_set
from model.data.preprocess import to_mnist

N = 200
MAKERS = {"mnist": canvas_mnist, "fonts": canvas_fonts}


@pytest.fixture(scope="module", params=sorted(MAKERS))
def drawn(request):
    make = MAKERS[request.param]
    return make, make(N, seed=7)


def test_shapes_and_types(drawn):
    _, (images, labels) = drawn
    assert images.shape == (N, CANVAS, CANVAS) and images.dtype == np.uint8
    assert labels.shape == (N,) and labels.dtype == np.uint8


def test_same_seed_same_images_other_seed_other_images(drawn):
    make, (images, labels) = drawn
    again, again_labels = make(N, seed=7)
    other, _ = make(20, seed=8)
    assert np.array_equal(images, again) and np.array_equal(labels, again_labels)
    assert not np.array_equal(images[:20], other)


def test_labels_are_balanced(drawn):
    _, (_, labels) = drawn
    assert np.bincount(labels, minlength=10).tolist() == [N // 10] * 10


def test_both_polarities_and_off_centre(drawn):
    _, (images, _) = drawn
    dark_paper = np.median(images[:, 0, :], axis=1) < 128
    assert 0.3 < dark_paper.mean() < 0.7
    ink = np.where(dark_paper[:, None, None], images, 255 - images).astype(np.float64)
    rows, cols = np.indices((CANVAS, CANVAS))
    mass = ink.sum(axis=(1, 2))
    com_y = (ink * rows).sum(axis=(1, 2)) / mass
    com_x = (ink * cols).sum(axis=(1, 2)) / mass
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


def test_canvas_set_holds_both():
    sets = canvas_set(n_each=10, seed=1)
    assert sorted(sets) == ["fonts", "mnist"]
    assert all(images.shape == (10, CANVAS, CANVAS) for images, _ in sets.values())
