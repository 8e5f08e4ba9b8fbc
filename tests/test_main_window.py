"""The main window as a user meets it: draw, see the prediction, pick networks, come back later."""

import numpy as np
import pytest
from helpers import ONE_STROKE, ZERO_STROKE, draw_and_wait
from PySide6.QtCore import QPoint, Qt

from app.main_window import MainWindow
from app.networks import BUNDLED_DIR
from app.prediction_panel import DRAW_PROMPT, NO_NETWORK


@pytest.mark.parametrize("points, digit", [(ONE_STROKE, 1), (ZERO_STROKE, 0)], ids=["one", "zero"])
def test_a_drawn_digit_is_recognised(make_window, weights_dir, qtbot, points, digit):
    window = make_window(weights_dir)
    draw_and_wait(window, qtbot, points)
    assert window.panel.shown_digit() == digit
    assert window.panel.bars.probabilities().argmax() == digit
    assert window.panel.preview.has_image()
    assert "ms" in window.time_label.text()


def test_an_empty_canvas_shows_no_prediction(make_window, weights_dir, qtbot):
    window = make_window(weights_dir)
    assert window.panel.shown_digit() is None
    assert window.panel.confidence_label.text() == DRAW_PROMPT
    draw_and_wait(window, qtbot, ONE_STROKE)
    with qtbot.waitSignal(window.prediction_updated):
        window.actions.clear.trigger()
    assert window.canvas.is_empty()
    assert window.time_label.text() == ""
    assert window.panel.shown_digit() is None and not window.panel.preview.has_image()
    assert not window.panel.bars.probabilities().any()


def test_undo_and_redo_actions_update_the_prediction(make_window, weights_dir, qtbot):
    window = make_window(weights_dir)
    draw_and_wait(window, qtbot, ONE_STROKE)
    assert window.actions.undo.isEnabled() and not window.actions.redo.isEnabled()
    with qtbot.waitSignal(window.prediction_updated):
        window.actions.undo.trigger()
    assert window.panel.shown_digit() is None and window.actions.redo.isEnabled()
    with qtbot.waitSignal(window.prediction_updated):
        window.actions.redo.trigger()
    assert window.panel.shown_digit() == 1


def test_the_prediction_follows_the_pen_while_drawing(make_window, weights_dir, qtbot):
    window = make_window(weights_dir)
    canvas = window.canvas
    top = canvas.mapTo(window, QPoint(canvas.width() // 2, canvas.height() // 5))
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=canvas.mapFrom(window, top))
    with qtbot.waitSignal(window.prediction_updated, timeout=2000):
        for step in range(1, 12):
            qtbot.mouseMove(canvas, canvas.mapFrom(window, top + QPoint(0, step * canvas.height() // 20)))
    assert window.panel.shown_digit() == 1  # before the button is released
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton)


def test_without_a_network_the_window_says_so(make_window, tmp_path, qtbot, messages):
    window = make_window(tmp_path / "no-weights-here")
    assert window.panel.confidence_label.text() == NO_NETWORK
    draw_and_wait(window, qtbot, ONE_STROKE)
    assert window.panel.shown_digit() is None
    assert window.panel.confidence_label.text() == NO_NETWORK
    assert not window.actions.evaluate.isEnabled() and not window.actions.save.isEnabled()
    assert window.name_label.text() == "no network"


def test_a_trained_network_joins_the_selector(make_window, weights_dir, tiny_net, qtbot):
    window = make_window(weights_dir)
    draw_and_wait(window, qtbot, ONE_STROKE)
    with qtbot.waitSignal(window.prediction_updated):
        window.add_network(tiny_net, {"name": "my run", "test_accuracy": 0.5})
    assert window.actions.selector.currentText() == "my run · test 50.0%"
    assert window.name_label.text() == "my run" and "50.00%" in window.accuracy_label.text()
    checked = [a.text() for a in window.actions.network_group.actions() if a.isChecked()]
    assert checked == ["my run · test 50.0%"]
    with qtbot.waitSignal(window.prediction_updated):
        window.actions.selector.activated.emit(0)
    assert window.name_label.text() == "mlp"


def test_settings_survive_a_restart(make_window, weights_dir, tmp_path, tiny_net, qtbot):
    window = make_window(weights_dir)
    window.actions.brush.setValue(31)
    window.resize(760, 560)  # within the offscreen screen (800 x 600), which clamps restored geometry
    saved = tmp_path / "mine.npz"
    window.add_network(tiny_net, {"name": "mine"})
    assert window.save_weights(saved)
    window.close()

    again = MainWindow(weights_dir=weights_dir)
    qtbot.addWidget(again)
    assert again.canvas.brush_width() == 31 and again.actions.brush.value() == 31
    assert again.networks.current().name == "mine"
    assert again.networks.current().path == saved
    assert again.settings.recent_files()[0] == str(saved.resolve())
    assert (again.width(), again.height()) == (760, 560)


def test_every_bundled_network_reads_a_drawing(qtbot, settings_dir):
    # How fast is measured by `python -m tools.latency`, not asserted here: this machine is shared.
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(900, 650)
    window.show()
    for index, entry in enumerate(window.networks.entries()):
        window.networks.select(index)
        window.canvas.clear()
        draw_and_wait(window, qtbot, ONE_STROKE)
        assert window.panel.shown_digit() == 1, entry.name
    assert len(window.networks.entries()) == len(list(BUNDLED_DIR.glob("*.npz"))) == 3


def test_a_network_accepted_in_the_train_tab_is_used_for_drawing(make_window, weights_dir, tiny_net, qtbot):
    window = make_window(weights_dir)
    window.add_default_panels()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["Draw", "Train", "Experiments", "Inside", "My digits"]
    window.tabs.setCurrentIndex(1)
    assert window.current_network()[1]["name"] == "mlp"  # what "continue training" starts from
    window.training.network_trained.emit(tiny_net, {"name": "fresh", "test_accuracy": 0.93})
    assert window.tabs.currentIndex() == 0 and window.name_label.text() == "fresh"
    assert window.actions.selector.currentText() == "fresh · test 93.0%"
    window.tabs.setCurrentIndex(1)
    window.close()

    again = make_window(weights_dir)
    again.add_default_panels()
    assert again.tabs.currentIndex() == 1  # reopens on the tab last shown


def test_export_saves_the_drawing_as_a_png(make_window, weights_dir, tmp_path, qtbot, messages):
    from PIL import Image

    window = make_window(weights_dir)
    draw_and_wait(window, qtbot, ONE_STROKE)
    path = tmp_path / "digit.png"
    assert window.export_canvas(path) and messages == []
    assert np.array_equal(np.asarray(Image.open(path)), window.canvas.to_array())


def test_escape_clears_the_drawing_on_the_draw_tab_only(make_window, weights_dir, qtbot):
    window = make_window(weights_dir)
    window.add_default_panels()
    window.tabs.setCurrentIndex(0)
    draw_and_wait(window, qtbot, ONE_STROKE)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    window.canvas.setFocus()
    with qtbot.waitSignal(window.prediction_updated):
        qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.is_empty()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.canvas.is_empty()
    window.tabs.setCurrentIndex(1)
    window.training.setFocus()
    qtbot.keyClick(window.training, Qt.Key.Key_Escape)
    assert not window.canvas.is_empty()
    window.tabs.setCurrentIndex(0)
    with qtbot.waitSignal(window.prediction_updated):
        qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.canvas.is_empty() and window.panel.shown_digit() is None
