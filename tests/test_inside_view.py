"""The Inside tab as a user meets it: it follows the drawing, explains any class, compares every network,
and its mistakes gallery fills in the background and puts a digit on the canvas."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF

from app.inside.bar_strip import BarStrip
from app.inside.tile_grid import TileGrid
from model.data.mnist import load_mnist
from model.data.preprocess import to_mnist
from model.network import Sequential

ONE = [(150, 40), (140, 240)]
ZERO = [(140 + 60 * np.cos(a), 140 + 95 * np.sin(a)) for a in np.linspace(0, 2 * np.pi, 48)]
CNN = [
    {"type": "Normalize"},
    {"type": "Conv2d", "in_channels": 1, "out_channels": 4, "kernel_size": 3, "padding": 1},
    {"type": "ReLU"},
    {"type": "MaxPool2d", "kernel_size": 2},
    {"type": "Flatten"},
    {"type": "Linear", "in_features": 4 * 14 * 14, "out_features": 10},
]


@pytest.fixture
def inside(make_window, weights_dir, qtbot):
    """The window with its tabs, showing the Inside tab."""
    window = make_window(weights_dir)
    window.add_default_panels()
    with qtbot.waitSignal(window.inside.updated):
        window.tabs.setCurrentWidget(window.inside)
    return window


def draw(window, qtbot, points):
    with qtbot.waitSignal(window.inside.updated, timeout=3000):
        window.canvas.draw_stroke(points)


def test_the_inside_tab_follows_the_drawing(inside, qtbot):
    view = inside.inside
    assert view.isAncestorOf(inside.canvas)  # one draws right here
    assert view.layers.note.isVisible() and "Draw a digit" in view.reading.text()
    draw(inside, qtbot, ONE)
    assert "reads <b>1</b>" in view.reading.text()
    strip = view.layers.grids()[0]
    assert isinstance(strip, BarStrip) and strip.values().shape == (64,) and strip.values().any()
    one_bars = strip.values()
    assert strip.describe_at(QPointF(1, strip.height() - 2)) == f"hidden 1: 64 units · unit 0 = {one_bars[0]:.3g}"
    template = view.layers.weights_grid.describe_at(QPointF(2, view.fontMetrics().height() * 1.5 + 2))
    assert template.startswith("hidden 1: weights of its 16 most active units · unit ") and "(activation " in template
    assert view.layers.weights_grid.isVisible()  # the MLP's templates, most active first
    assert view.layers.weights_grid.title.startswith("hidden 1: weights of its 16 most active")
    assert view.table.readings() == [("mlp", "1")]
    inside.canvas.clear()
    draw(inside, qtbot, ZERO)
    assert "reads <b>0</b>" in view.reading.text() and view.table.readings() == [("mlp", "0")]
    assert not np.allclose(strip.values(), one_bars)
    with qtbot.waitSignal(view.updated):
        inside.canvas.clear()
    assert view.layers.note.isVisible() and view.table.readings() == [("mlp", "–")]


def test_the_canvas_goes_back_to_the_draw_tab(inside, qtbot):
    draw(inside, qtbot, ONE)
    inside.tabs.setCurrentIndex(0)
    assert inside.draw_page.isAncestorOf(inside.canvas) and inside.canvas.isVisible()
    assert inside.panel.shown_digit() == 1
    with qtbot.waitSignal(inside.inside.updated):
        inside.tabs.setCurrentWidget(inside.inside)
    assert inside.inside.isAncestorOf(inside.canvas)


def test_why_not_another_digit(inside, qtbot):
    view = inside.inside
    draw(inside, qtbot, ONE)
    assert "for 1." in view.saliency.legend.text() and "gradient × input" in view.saliency.legend.text()
    with qtbot.waitSignal(view.updated):
        view.saliency.pick(7, "gradient")
    assert "for 7." in view.saliency.legend.text()
    assert "gradient of the class score" in view.saliency.legend.text()
    assert "where more ink would raise" in view.saliency.legend.text()


def test_a_cnn_shows_its_filters_and_feature_maps_and_hover_names_them(inside, qtbot):
    draw(inside, qtbot, ONE)
    view = inside.inside
    with qtbot.waitSignal(view.updated):
        inside.add_network(Sequential.from_spec(CNN, rng=np.random.default_rng(0)), {"name": "little cnn"})
        assert "<b>little cnn</b> reads" in view.reading.text()  # at once, not on the pen's timer
    conv, pool = view.layers.grids()
    assert isinstance(conv, TileGrid) and conv.title.startswith("conv 1: 4 maps 28x28")
    assert pool.title.startswith("pool 1: 4 maps 14x14")
    assert view.layers.weights_grid.title == "conv 1: its 4 filters (weights)"
    low, high = conv.value_range()
    assert low >= 0 and high > low  # after the ReLU, one scale for the layer
    text = conv.describe_at(QPointF(2, conv.fontMetrics().height() * 1.5 + 2))
    assert text.startswith("conv 1: 4 maps 28x28") and "map 0 · (row 0, col 0) = " in text
    assert conv.describe_at(QPointF(conv.width() - 1, 1)) is None
    assert [name for name, _ in view.table.readings()] == ["mlp", "little cnn"]
    with qtbot.waitSignal(view.updated):
        inside.networks.select(0)  # back to the MLP: its templates only, no map of the CNN left over
    assert [w for w in view.layers.findChildren(TileGrid) if w.isVisibleTo(view)] == [view.layers.weights_grid]
    assert "<b>mlp</b> reads" in view.reading.text()


def test_the_mistakes_gallery_fills_and_a_click_puts_the_digit_on_the_canvas(inside, qtbot, tiny_net):
    view = inside.inside
    with qtbot.waitSignal(view.gallery.ready, timeout=60_000):
        view.pages.setCurrentWidget(view.gallery)
    mistakes = view.gallery.mistakes
    images, labels = load_mnist("test")
    read = tiny_net.predict(images.astype(np.float32)[:, None] / 255)
    assert mistakes.total == int((read != labels).sum()) > 0
    assert view.gallery.list.count() == len(mistakes.labels) > 0
    assert np.all(mistakes.labels != mistakes.read) and np.all(np.diff(mistakes.confidence) <= 0)
    assert view.gallery.list.item(0).text().startswith(f"{mistakes.labels[0]} → {mistakes.read[0]}")
    with qtbot.waitSignal(view.updated, timeout=3000):
        view.gallery.click(0)
    original = to_mnist(images[mistakes.indices[0]])
    drawn = to_mnist(inside.canvas.to_array())
    assert np.corrcoef(original.ravel(), drawn.ravel())[0, 1] > 0.9
    assert f"reads <b>{mistakes.read[0]}</b>" in view.reading.text()


def test_closing_the_window_stops_a_search(inside, qtbot):
    view = inside.inside
    view.pages.setCurrentWidget(view.gallery)
    assert view.gallery.is_searching()
    inside.close()
    assert not view.gallery.is_searching()
