"""The Train tab's live curves: every point stays in view, and a live redraw shows the new points."""
import math

import numpy as np
import pytest
from helpers import show_widget
from matplotlib.colors import to_rgb
from PIL import Image

from app.training.axis_range import Extent, sticky_range
from app.training.curves import TRAIN_COLOR, TrainingCurves


def extent(*values):
    e = Extent()
    e.add(*values)
    return e


def test_a_range_holds_its_data_and_stays_put_while_the_data_fits():
    first = sticky_range(None, extent(2.3))
    assert first[0] < 2.3 < first[1]
    grown = sticky_range(first, extent(2.3, 1.2))
    assert grown[0] < 1.2 and grown[1] == first[1]  # only the side the data left moves
    assert sticky_range(grown, extent(2.3, 1.2, 1.1)) == grown
    assert sticky_range(grown, extent(2.3, 1.2, 4.0))[1] > 4.0


def test_an_anchored_side_stays_at_its_anchor_while_the_data_is_on_its_side():
    loss = sticky_range(None, extent(2.3, math.nan, math.inf), floor=0.0)
    assert loss[0] == 0.0 and 2.3 < loss[1]
    assert sticky_range(loss, extent(2.3, 0.0), floor=0.0) == loss
    accuracy = sticky_range(None, extent(91.0, 94.0), ceiling=100.5)
    assert 85 < accuracy[0] < 91 and accuracy[1] == 100.5
    assert sticky_range(None, extent(None, math.nan)) is None


@pytest.fixture
def curves(qtbot):
    return show_widget(qtbot, TrainingCurves(), 800, 340)


def feed(curves, losses, start=0):
    for i, loss in enumerate(losses, start):
        curves.add_batch(i / 100, loss)


def train_colored(pixels: np.ndarray) -> int:
    """How many of (H, W, 3) RGB pixels have the training line's colour."""
    wanted = np.round(255 * np.array(to_rgb(TRAIN_COLOR)))
    return int((np.abs(pixels.astype(int) - wanted).sum(axis=2) < 30).sum())


def line_pixels(curves) -> int:
    """Pixels of the training line's colour on screen."""
    image = curves.canvas.grab().toImage()
    bgra = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)[:, :image.width()]
    return train_colored(bgra[..., 2::-1])  # Qt's ARGB32 is BGRA in memory


def start_a_run(curves, qtbot) -> None:
    """A run of two epochs, its first 50 batches drawn on screen."""
    curves.clear(epochs=2)
    curves.start()
    feed(curves, np.linspace(2.3, 1.0, 50))
    curves.redraw()
    qtbot.waitUntil(lambda: line_pixels(curves) > 0)


def test_points_added_during_a_run_appear_on_screen_and_inside_the_axes(curves, qtbot):
    start_a_run(curves, qtbot)
    before = line_pixels(curves)
    feed(curves, np.linspace(1.0, 0.05, 100), start=50)  # well below the first range
    curves.redraw()
    qtbot.wait(50)
    curves.redraw()  # a live redraw on the new frame
    bottom, top = curves.loss_ax.get_ylim()
    assert bottom <= min(curves.batch_loss) and max(curves.batch_loss) <= top
    assert line_pixels(curves) > before  # the longer line is drawn
    curves.finish()


def test_an_exported_png_has_the_lines(curves, tmp_path):
    curves.clear(epochs=1)
    feed(curves, np.linspace(2.3, 0.5, 80))
    curves.add_epoch(1.0, 0.6, 0.8, 0.55, 0.82)
    curves.save_png(str(tmp_path / "curves.png"))
    assert train_colored(np.asarray(Image.open(tmp_path / "curves.png").convert("RGB"))) > 100


def test_a_live_redraw_keeps_the_legend_readable(curves, qtbot):
    start_a_run(curves, qtbot)
    # An epoch line drawn straight through the legend's labels, inside the current limits,
    # so the next redraw is a live one (blitted) and the legend does not move.
    legend = curves.loss_ax.get_legend()
    labels = [text.get_window_extent() for text in legend.get_texts()]
    to_data = curves.loss_ax.transData.inverted()
    (left, y), (right, _) = to_data.transform([(labels[0].x0, labels[1].y0), (labels[0].x1, labels[1].y0)])
    for x in np.linspace(left, right, 8):
        curves.add_epoch(x, y, None, None, None)
    assert not curves._update_limits()
    curves.redraw()  # the legend may move out of the line's way, or be drawn over it
    labels = [text.get_window_extent() for text in legend.get_texts()]
    image = curves.canvas.grab().toImage()
    rgb = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)[:, :image.width(), 2::-1]
    ratio = image.devicePixelRatio()
    for box in labels:
        rows = slice(int(image.height() - box.y1 * ratio), int(image.height() - box.y0 * ratio))
        pixels = rgb[rows, int(box.x0 * ratio):int(box.x1 * ratio)].astype(int)
        navy = (np.abs(pixels - [0, 0, 128]).sum(axis=2) < 40).sum()
        assert navy == 0  # the labels are readable: no line crosses them
    curves.finish()


def test_a_hidden_figure_waits_and_is_drawn_with_its_run_when_shown(qtbot):
    from PySide6.QtWidgets import QLabel, QTabWidget

    tabs = QTabWidget()  # as in the window: the user watches the run from the Draw tab
    tabs.addTab(QLabel("draw"), "Draw")
    curves = TrainingCurves()
    tabs.addTab(curves, "Train")
    show_widget(qtbot, tabs, 800, 380)
    drawn = []
    curves.canvas.mpl_connect("draw_event", lambda event: drawn.append(event))
    curves.clear(epochs=1)
    curves.start()
    feed(curves, np.linspace(2.3, 0.5, 80))
    curves.add_epoch(1.0, 0.6, 0.8, 0.55, 0.82)
    curves.finish()
    qtbot.wait(50)
    assert drawn == []  # nobody sees it: no figure drawn on the GUI thread
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: line_pixels(curves) > 100)
    assert len(drawn) == 1


def test_a_run_from_scratch_starts_in_the_empty_frame_and_a_fine_tuned_one_gets_its_own(curves, qtbot):
    drawn = []
    curves.canvas.mpl_connect("draw_event", lambda event: drawn.append(event))
    curves.clear(epochs=2)
    curves.start()
    qtbot.waitUntil(lambda: len(drawn) == 1)
    empty = curves.loss_ax.get_ylim()
    feed(curves, [2.31, 2.28])  # about ln 10: a fresh network's first losses fit the empty frame
    curves.redraw()
    qtbot.waitUntil(lambda: line_pixels(curves) > 0)
    assert curves.loss_ax.get_ylim() == empty and len(drawn) == 1  # blitted on it, no frame drawn anew
    curves.clear(epochs=2)
    feed(curves, [0.05, 0.04])  # a fine-tuned network: the curve would lie flat on the floor of that frame
    curves.redraw()
    assert 0.05 < curves.loss_ax.get_ylim()[1] < 0.1
    curves.finish()
