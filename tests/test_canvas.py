"""The drawing canvas, driven through its public drawing methods (and once with the mouse)."""
import numpy as np
import pytest
from helpers import show_widget
from PIL import Image
from PySide6.QtCore import QPoint, Qt

from app.canvas import DEFAULT_BRUSH, Canvas

VERTICAL = [(140, 40), (140, 240)]


@pytest.fixture
def canvas(qtbot):
    return show_widget(qtbot, Canvas(), 300, 300)


def ink(canvas) -> int:
    return int((canvas.to_array() < 128).sum())


def test_a_new_canvas_is_white_and_empty(canvas):
    array = canvas.to_array()
    assert array.dtype == np.uint8 and array.ndim == 2 and array.shape[0] == array.shape[1]
    assert canvas.is_empty() and array.min() == 255


def test_a_stroke_leaves_round_black_ink_and_signals(canvas, qtbot):
    with qtbot.waitSignal(canvas.stroke_finished):
        canvas.draw_stroke(VERTICAL)
    array = canvas.to_array()
    side = array.shape[0]
    assert not canvas.is_empty()
    assert array[side // 2, side // 2] == 0  # ink along the stroke
    assert array[side // 2, side // 10] == 255  # paper beside it
    # Round caps: the ink reaches past the end points by about half the brush.
    top = np.flatnonzero((array < 128).any(axis=1))[0] / side * 280
    assert top == pytest.approx(40 - DEFAULT_BRUSH / 2, abs=2)


def test_a_wider_brush_lays_more_ink(canvas):
    canvas.set_brush_width(10)
    canvas.draw_stroke(VERTICAL)
    thin = ink(canvas)
    canvas.clear()
    canvas.set_brush_width(30)
    canvas.draw_stroke(VERTICAL)
    assert ink(canvas) > 2.5 * thin


def test_undo_redo_and_a_new_stroke_forgets_redo(canvas):
    canvas.draw_stroke(VERTICAL)
    one = canvas.to_array()
    canvas.draw_stroke([(60, 140), (220, 140)])
    two = canvas.to_array()
    canvas.undo()
    assert np.array_equal(canvas.to_array(), one)
    canvas.redo()
    assert np.array_equal(canvas.to_array(), two)
    canvas.undo()
    canvas.undo()
    assert canvas.is_empty() and not canvas.can_undo()
    canvas.redo()
    canvas.draw_stroke([(30, 30), (60, 60)])
    assert not canvas.can_redo()


def test_clear_empties_and_can_be_undone(canvas):
    canvas.draw_stroke(VERTICAL)
    drawn = canvas.to_array()
    canvas.clear()
    assert canvas.is_empty()
    canvas.undo()
    assert np.array_equal(canvas.to_array(), drawn)


@pytest.mark.parametrize("size", [300, 437, 611])
def test_erasing_a_stroke_along_its_own_path_leaves_no_trace(canvas, qtbot, size):
    # The ink's anti-aliased fringe must go too: a faint outline left behind
    # would still be read as a digit.
    canvas.resize(size, size)
    qtbot.waitUntil(lambda: abs(canvas.to_array().shape[0] - (size - 2)) <= 1)
    slanted = [(90, 50), (150, 120), (200, 230)]
    canvas.draw_stroke(slanted)
    canvas.draw_stroke(slanted, erase=True)
    assert canvas.to_array().min() == 255


def test_eraser_removes_ink(canvas):
    canvas.draw_stroke(VERTICAL, width=16)
    canvas.draw_stroke(VERTICAL, width=30, erase=True)
    assert canvas.is_empty()
    canvas.draw_stroke(VERTICAL, width=16)
    canvas.set_eraser(True)
    canvas.draw_stroke([(140, 40), (140, 140)], width=30)
    remaining = canvas.to_array()
    side = remaining.shape[0]
    assert remaining[side // 4, side // 2] == 255 and remaining[3 * side // 4, side // 2] == 0


def test_drawing_with_the_mouse(canvas, qtbot):
    with qtbot.waitSignal(canvas.changed):
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(150, 50))
    for y in range(60, 260, 20):
        qtbot.mouseMove(canvas, QPoint(150, y))
    with qtbot.waitSignal(canvas.stroke_finished):
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(150, 250))
    assert not canvas.is_empty() and canvas.can_undo()
    canvas.undo()
    assert canvas.is_empty()


def test_the_drawing_survives_a_resize(canvas, qtbot):
    canvas.draw_stroke(VERTICAL)
    canvas.resize(500, 500)
    qtbot.waitUntil(lambda: canvas.to_array().shape[0] > 400)
    array = canvas.to_array()
    assert array[array.shape[0] // 2, array.shape[1] // 2] == 0


def test_load_image_from_an_array_and_a_file(canvas, tmp_path):
    digit = np.full((100, 60), 255, np.uint8)
    digit[10:90, 25:35] = 0
    canvas.load_image(digit)
    assert not canvas.is_empty()
    path = tmp_path / "digit.png"
    Image.fromarray(255 - digit).save(path)  # light ink on dark paper also loads
    canvas.clear()
    assert canvas.load_file(str(path))
    assert not canvas.is_empty()


def bar_picture(mode: str) -> Image.Image:
    """A vertical bar, as four kinds of picture a user might drop."""
    ink = np.zeros((100, 60), bool)
    ink[10:90, 25:35] = True
    if mode == "dark on light":
        return Image.fromarray(np.where(ink, 0, 255).astype(np.uint8))
    if mode == "light on dark":
        return Image.fromarray(np.where(ink, 255, 0).astype(np.uint8))
    rgba = np.zeros((100, 60, 4), np.uint8)  # a stroke on a transparent layer
    rgba[ink] = (255, 255, 255, 255) if mode == "white on transparent" else (0, 0, 0, 255)
    return Image.fromarray(rgba, "RGBA")


@pytest.mark.parametrize("mode", ["dark on light", "light on dark", "white on transparent", "black on transparent"])
def test_a_loaded_picture_shows_as_black_ink_on_white_paper(canvas, mode):
    canvas.load_image(bar_picture(mode))
    array = canvas.to_array()
    side = array.shape[0]
    assert array[side // 2, side // 2] < 64  # the bar, in dark ink
    assert array[side // 2, side // 10] == 255 and array[2, 2] == 255  # white paper beside and around it
    # Drawing over it still shows: black ink on what is now white paper.
    canvas.draw_stroke([(30, 30), (30, 60)])
    assert canvas.to_array()[int(45 * side / 280), int(30 * side / 280)] == 0


def test_a_bad_file_is_rejected_and_the_drawing_kept(canvas, qtbot, tmp_path):
    canvas.draw_stroke(VERTICAL)
    before = canvas.to_array()
    bad = tmp_path / "notes.png"
    bad.write_text("not an image")
    with qtbot.waitSignal(canvas.image_rejected) as blocker:
        assert not canvas.load_file(str(bad))
    assert "notes.png" in blocker.args[0] and "\n" not in blocker.args[0]
    assert np.array_equal(canvas.to_array(), before)


def drop(canvas, path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    canvas.dropEvent(event)


def test_dropping_an_image_file_loads_it_and_undo_brings_the_drawing_back(canvas, qtbot, tmp_path):
    canvas.draw_stroke(VERTICAL)
    drawn = canvas.to_array()
    digit = np.full((50, 50), 255, np.uint8)
    digit[5:45, 5:15] = 0  # a bar on the left: not where the drawn stroke is
    Image.fromarray(digit).save(tmp_path / "bar.png")
    with qtbot.waitSignal(canvas.stroke_finished):
        drop(canvas, tmp_path / "bar.png")
    array = canvas.to_array()
    side = array.shape[0]
    assert array[side // 2, side // 5] == 0 and array[side // 2, side // 2] == 255
    canvas.undo()
    assert np.array_equal(canvas.to_array(), drawn)


def test_dropping_a_bad_file_keeps_the_drawing(canvas, qtbot, tmp_path):
    canvas.draw_stroke(VERTICAL)
    drawn = canvas.to_array()
    (tmp_path / "weights.npz").write_bytes(b"PK\x03\x04 not really")
    with qtbot.waitSignal(canvas.image_rejected):
        drop(canvas, tmp_path / "weights.npz")
    assert np.array_equal(canvas.to_array(), drawn)


def test_the_right_button_erases(canvas, qtbot):
    canvas.draw_stroke(VERTICAL, width=16)
    canvas.set_brush_width(40)
    qtbot.mousePress(canvas, Qt.MouseButton.RightButton, pos=QPoint(150, 20))
    for y in range(30, 290, 10):
        qtbot.mouseMove(canvas, QPoint(150, y))
    with qtbot.waitSignal(canvas.stroke_finished):
        qtbot.mouseRelease(canvas, Qt.MouseButton.RightButton, pos=QPoint(150, 280))
    assert canvas.is_empty()


def test_the_pointer_is_a_ring_as_wide_as_the_brush(canvas):
    scale = canvas.to_array().shape[0] / 280
    for width in (10, 40):
        canvas.set_brush_width(width)
        ring = canvas.cursor().pixmap()
        assert ring.width() / ring.devicePixelRatio() == pytest.approx(width * scale + 4, abs=1.5)


def test_the_array_is_the_grey_qt_would_convert_the_drawing_to(canvas):
    from PySide6.QtGui import QImage

    rng = np.random.default_rng(0)
    canvas.load_image(Image.fromarray(rng.integers(0, 256, (90, 70), dtype=np.uint8)))  # every shade of grey
    canvas.draw_stroke([(20, 20), (250, 200), (40, 260)], width=9)
    canvas.draw_stroke([(150, 10), (150, 270)], width=30, erase=True)
    canvas.draw_stroke([(5, 140), (275, 150)], width=2.5)  # thin: mostly anti-aliased edge
    grey = canvas._image.convertToFormat(QImage.Format.Format_Grayscale8)
    h, w, stride = grey.height(), grey.width(), grey.bytesPerLine()
    expected = np.frombuffer(grey.constBits(), np.uint8, count=h * stride).reshape(h, stride)[:, :w]
    array = canvas.to_array()
    assert array.dtype == np.uint8 and len(np.unique(array)) > 100
    np.testing.assert_array_equal(array, expected)
