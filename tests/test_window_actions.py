"""The window's actions as an object of their own: built from explicit collaborators, kept in step with them."""
import numpy as np
import pytest
from PySide6.QtWidgets import QMainWindow, QWidget

from app.canvas import Canvas
from app.networks import NetworkList
from app.settings import Settings
from app.window_actions import Commands, WindowActions


@pytest.fixture
def parts(qtbot, settings_dir):
    window, page, canvas = QMainWindow(), QWidget(), Canvas()
    qtbot.addWidget(window)
    window.setCentralWidget(page)
    calls = []
    commands = Commands(*(lambda *args, name=name: calls.append((name, *args)) for name in
                          ("open_weights", "open_file", "save_weights", "export_canvas", "evaluate", "quit")))
    networks, settings = NetworkList(), Settings()
    actions = WindowActions(window, page, canvas, networks, settings, commands)
    return actions, canvas, networks, settings, calls


def test_actions_run_the_commands_they_were_given(parts):
    actions, _, _, settings, calls = parts
    for action in (actions.open, actions.save, actions.export, actions.evaluate, actions.quit):
        action.trigger()
    settings.add_recent_file("/tmp/a.npz")
    actions.refresh_recent()
    actions.recent_menu.actions()[0].trigger()
    # No network yet: Save and Evaluate are disabled and do nothing.
    assert [c[0] for c in calls] == ["open_weights", "export_canvas", "quit", "open_file"]
    assert calls[-1][1].endswith("a.npz")


def test_the_selector_and_edit_actions_follow_the_list_and_the_canvas(parts, tiny_net):
    actions, canvas, networks, _, _ = parts
    assert not actions.selector.isEnabled() and not actions.evaluate.isEnabled()
    networks.select(networks.add(tiny_net.copy(), {"name": "a", "test_accuracy": 0.5}))
    assert actions.selector.isEnabled() and actions.evaluate.isEnabled() and actions.save.isEnabled()
    assert actions.selector.currentText().startswith("a ·")
    assert not actions.undo.isEnabled()
    canvas.draw_stroke([(100, 100), (180, 180)])
    assert actions.undo.isEnabled() and actions.clear.isEnabled()


def test_the_brush_box_says_what_its_number_measures(qtbot, parts):
    """The number is a share of the canvas side, so it matches the stroke at any window size."""
    actions, canvas, *_ = parts
    canvas.resize(700, 700)  # the canvas shown 2.5 times larger than its 280 units
    canvas.show()
    qtbot.waitExposed(canvas)
    actions.brush.setValue(20)
    assert "px" not in actions.brush.text()
    number, denominator = (float(part) for part in actions.brush.text().split("/"))
    canvas.draw_stroke([(140, 40), (140, 240)])
    row = canvas.to_array()[canvas.to_array().shape[0] // 2]
    stroke = np.count_nonzero(row < 128)
    assert stroke / len(row) == pytest.approx(number / denominator, abs=2 / len(row))
