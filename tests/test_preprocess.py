"""to_mnist: any picture of a digit -> a 28x28 MNIST-style input, or None."""

import numpy as np
import pytest
from helpers import centre_of_mass
from PIL import Image

from model.data.mnist import load_mnist
from model.data.preprocess import ImageError, load_image, on_paper, to_mnist

CANVAS = 280


def _canvas(index: int) -> np.ndarray:
    """MNIST test digit `index` drawn as dark ink on white paper, 280x280 uint8."""
    digit = load_mnist("test")[0][index]
    big = Image.fromarray(digit).resize((CANVAS, CANVAS), Image.Resampling.BICUBIC)
    return 255 - np.asarray(big)


def _ink_box_sides(image, level=0.05):
    rows = np.flatnonzero((image > level).any(axis=1))
    cols = np.flatnonzero((image > level).any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def test_upscaled_mnist_digit_comes_back_close_to_the_original():
    digits = load_mnist("test")[0]
    diffs, corrs = [], []
    for i in range(40):
        out = to_mnist(_canvas(i))
        original = digits[i] / np.float32(255)
        diffs.append(np.abs(out - original).mean())
        corrs.append(np.corrcoef(out.ravel(), original.ravel())[0, 1])
    # Strokes are 2-3 px wide, so a one-pixel misplacement would halve the correlation.
    assert np.mean(corrs) > 0.93 and min(corrs) > 0.6
    assert np.mean(diffs) < 0.04


def test_output_is_the_network_input_convention():
    out = to_mnist(_canvas(0))
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert out.min() == 0.0 and out.max() == pytest.approx(1.0)


@pytest.mark.parametrize("index", range(8))
def test_output_is_centred_and_fits_a_20_pixel_box(index):
    out = to_mnist(_canvas(index))
    com_y, com_x = centre_of_mass(out)
    assert abs(com_y - 14) <= 0.5 and abs(com_x - 14) <= 0.5
    assert max(_ink_box_sides(out)) in (19, 20)


def test_position_and_size_on_the_canvas_do_not_matter():
    digit = 255 - load_mnist("test")[0][3]
    small = Image.fromarray(digit).resize((84, 84), Image.Resampling.BICUBIC)
    corner, middle = (np.full((CANVAS, CANVAS), 255, np.uint8) for _ in range(2))
    corner[10:94, 180:264] = np.asarray(small)
    middle[98:182, 98:182] = np.asarray(small)
    assert np.allclose(to_mnist(corner), to_mnist(middle), atol=1e-5)


def test_a_narrow_digit_keeps_its_aspect_ratio():
    paper = np.zeros((CANVAS, CANVAS), np.uint8)
    paper[40:240, 130:150] = 255  # a bar ten times taller than wide
    height, width = _ink_box_sides(to_mnist(paper))
    assert height == 20 and 2 <= width <= 3


def test_polarity_does_not_matter():
    dark_on_light = _canvas(1)
    light_on_dark = 255 - dark_on_light
    assert np.allclose(to_mnist(dark_on_light), to_mnist(light_on_dark), atol=1e-5)


@pytest.mark.parametrize("ink_colour", [0, 255])
def test_rgba_with_transparent_background(ink_colour):
    ink = 255 - _canvas(2)
    rgba = np.zeros((CANVAS, CANVAS, 4), np.uint8)
    rgba[..., :3] = ink_colour
    rgba[..., 3] = ink  # strokes opaque, paper fully transparent
    expected = to_mnist(ink)
    assert np.allclose(to_mnist(rgba), expected, atol=1e-5)
    assert np.allclose(to_mnist(Image.fromarray(rgba, "RGBA")), expected, atol=1e-5)


@pytest.mark.parametrize("make", [
    lambda ink: 255 - ink,  # dark on light
    lambda ink: ink,  # light on dark
    lambda ink: np.dstack([np.full_like(ink, 255)] * 3 + [ink]),  # white strokes on a transparent layer
    lambda ink: np.dstack([np.zeros_like(ink)] * 3 + [ink]),  # black strokes on a transparent layer
], ids=["dark-on-light", "light-on-dark", "white-on-transparent", "black-on-transparent"])
def test_on_paper_gives_dark_ink_on_white_and_the_same_digit(make):
    ink = 255 - _canvas(3)
    picture = make(ink)
    paper = on_paper(picture)
    assert paper.dtype == np.uint8 and paper.shape == ink.shape
    assert paper[0, 0] == 255 and paper[ink > 200].mean() < 40
    assert np.allclose(to_mnist(paper), to_mnist(picture), atol=0.1)  # float rounding moves the odd edge pixel


@pytest.mark.parametrize("mode", ["L", "RGB", "LA", "P", "I", "F", "1"])
def test_every_pillow_mode_gives_the_same_digit(mode):
    image = Image.fromarray(_canvas(4))
    expected = to_mnist(image)
    out = to_mnist(image.convert(mode))
    # "1" and "P" lose grey levels, so only the shape must survive.
    assert np.corrcoef(out.ravel(), expected.ravel())[0, 1] > (0.9 if mode in "1P" else 0.999)


def test_rgb_array_matches_grey():
    grey = _canvas(5)
    rgb = np.repeat(grey[:, :, None], 3, axis=2)
    assert np.allclose(to_mnist(rgb), to_mnist(grey), atol=1e-5)


def test_float_array_in_unit_range():
    grey = _canvas(6)
    assert np.allclose(to_mnist(grey / 255.0), to_mnist(grey), atol=1e-5)


@pytest.mark.parametrize(
    "make",
    [
        lambda: np.full((CANVAS, CANVAS), 255, np.uint8),  # blank paper
        lambda: np.zeros((CANVAS, CANVAS), np.uint8),  # blank, dark
        lambda: np.zeros((CANVAS, CANVAS, 4), np.uint8),  # fully transparent
    ],
)
def test_blank_image_is_no_digit(make):
    assert to_mnist(make()) is None


def test_one_pixel_speck_is_no_digit():
    paper = np.full((CANVAS, CANVAS), 255, np.uint8)
    paper[100, 100] = 0
    assert to_mnist(paper) is None
    small = np.zeros((28, 28), np.uint8)
    small[5, 5] = 255
    assert to_mnist(small) is None


def test_a_dot_of_the_pen_is_no_digit():
    rows, cols = np.indices((CANVAS, CANVAS))
    dot = np.where((rows - 90) ** 2 + (cols - 200) ** 2 <= 10**2, 0, 255).astype(np.uint8)
    assert to_mnist(dot) is None


def test_faint_ink_is_no_digit():
    faint = 255 - _canvas(0) // 20  # the digit at 5% contrast
    assert to_mnist(faint) is None


def test_wrong_array_shape_is_refused():
    with pytest.raises(ValueError):
        to_mnist(np.zeros((4, 28, 28)))


def test_load_image_reads_a_png(tmp_path):
    path = tmp_path / "digit.png"
    Image.fromarray(_canvas(7)).save(path)
    image = load_image(path)
    assert image.size == (CANVAS, CANVAS) and to_mnist(image) is not None


@pytest.mark.parametrize("content", [b"", b"hello, not a picture", b"\x89PNG\r\n\x1a\n broken"])
def test_non_image_file_raises_image_error(tmp_path, content):
    path = tmp_path / "notes.png"
    path.write_bytes(content)
    with pytest.raises(ImageError, match="notes.png") as info:
        load_image(path)
    assert "\n" not in str(info.value)


def test_missing_file_raises_image_error(tmp_path):
    with pytest.raises(ImageError, match="not found"):
        load_image(tmp_path / "nothing.png")


def _pen_digit(digit: int, height: float, pen: float, side: int = CANVAS) -> np.ndarray:
    """A template digit drawn with a round pen, `height` px tall, dark on white paper (side, side) uint8."""
    from model.data.canvas_pen import pen_ink
    from model.data.canvas_templates import DIGITS

    strokes = [s * height + 20 for s in DIGITS[digit][0]()]
    ink = pen_ink(strokes, pen)
    paper = np.full((side, side), 255, np.uint8)
    paper[:CANVAS, :CANVAS] = 255 - np.rint(ink * 255).astype(np.uint8)
    return paper


def _width_in_field(out):
    from model.data.stroke_width import stroke_width

    return stroke_width(out >= 0.2)


@pytest.mark.parametrize("height, pen", [(60, 22), (65, 4), (230, 3)], ids=["small-thick", "small-thin", "large-thin"])
def test_strokes_come_out_about_as_wide_as_mnist_whatever_the_brush(height, pen):
    from model.data.stroke_width import MNIST_WIDTH_HIGH, MNIST_WIDTH_LOW

    widths = [_width_in_field(to_mnist(_pen_digit(d, height, pen))) for d in range(10)]
    # Untouched, they come out about 6.4, 1.9 and 1.3 px wide.
    assert MNIST_WIDTH_LOW - 0.15 <= np.median(widths) <= MNIST_WIDTH_HIGH + 0.5, widths


@pytest.mark.parametrize("name", ["mlp", "small-cnn", "cnn"])
def test_small_thick_and_thin_digits_read_as_the_large_one(name):
    from model.paths import WEIGHTS_DIR
    from model.weights import load_digit_reader

    net = load_digit_reader(WEIGHTS_DIR / f"{name}.npz").net
    def read(height, pen):
        return net.predict(np.stack([to_mnist(_pen_digit(d, height, pen)) for d in range(10)])[:, None])

    large = read(200, 16)
    assert (large == np.arange(10)).sum() >= 9
    for height, pen in [(60, 22), (65, 4), (230, 3)]:
        assert (read(height, pen) == large).sum() >= 9, (height, pen)  # a floor for the bundled files


@pytest.mark.parametrize("side", [CANVAS, 3 * CANVAS])
def test_a_small_thin_digit_is_a_digit_on_any_size_of_picture(side):
    assert to_mnist(_pen_digit(4, 65, 4, side)) is not None


@pytest.mark.parametrize("radius", [4, 15, 30])
def test_a_click_of_any_brush_is_no_digit(radius):
    rows, cols = np.indices((CANVAS, CANVAS))
    dot = np.where((rows - 120) ** 2 + (cols - 140) ** 2 <= radius**2, 0, 255).astype(np.uint8)
    assert to_mnist(dot) is None


def test_a_small_speck_is_no_digit():
    paper = np.full((CANVAS, CANVAS), 255, np.uint8)
    paper[100:103, 60:66] = 0
    assert to_mnist(paper) is None


def test_stroke_width_counts_edges_and_filters_as_with_a_padded_frame():
    from model.data import stroke_width as sw

    rng = np.random.default_rng(0)
    for shape in [(1, 1), (1, 7), (6, 1), (9, 13), (40, 31)]:
        mask = rng.random(shape) < 0.5
        mask.flat[0] = True  # some ink
        p = np.pad(mask, 1)  # the frame around the picture counts as no ink
        edges = np.count_nonzero(p[1:] != p[:-1]) + np.count_nonzero(p[:, 1:] != p[:, :-1])
        assert sw._width(mask) == 2.0 * np.count_nonzero(mask) / (edges * sw.PI_4)
        ink = rng.random(shape, dtype=np.float32)
        for radius, reduce in [(1, np.maximum), (2, np.minimum), (3, np.add)]:
            frame = np.pad(ink, radius)
            windows = np.lib.stride_tricks.sliding_window_view(frame, (2 * radius + 1,) * 2)
            expected = reduce.reduce(windows.reshape(*shape, -1), axis=-1)
            assert np.allclose(sw._filter(ink, radius, reduce), expected, rtol=0, atol=1e-5 if reduce is np.add else 0)
