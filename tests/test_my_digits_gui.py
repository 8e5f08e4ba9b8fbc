"""My digits in the window: keep with a key or a click, undo the keep, practise, look after the set."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from app import my_digits
from model.my_digits import LABELS_FILE, MyDigits

SEVEN = [(60, 50), (220, 50), (120, 240)]
ONE = [(150, 40), (140, 240)]


@pytest.fixture
def window(make_window, weights_dir, qtbot, tmp_path):
    window = make_window(weights_dir)
    window.my_digits = my_digits.install(window, tmp_path / "mine")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    window.canvas.setFocus()
    return window


def kept_labels(window) -> list[int]:
    """What is on disk, read afresh."""
    return [s.label for s in MyDigits(window.my_digits.keeper.store.folder).samples]


def ctrl_z(qtbot, window):
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_a_digit_key_keeps_the_drawing_and_the_status_bar_says_so(window, qtbot):
    window.canvas.draw_stroke(SEVEN)
    qtbot.keyClick(window.canvas, Qt.Key.Key_7)
    assert kept_labels(window) == [7]
    assert "Kept as 7" in window.statusBar().currentMessage()
    assert not window.canvas.is_empty()  # the drawing stays, to look at or correct


def test_clicking_a_probability_row_keeps_the_drawing_as_that_digit(window, qtbot):
    window.canvas.draw_stroke(ONE)
    bars = window.panel.bars
    row = bars.height() / 10
    qtbot.mouseClick(bars, Qt.MouseButton.LeftButton, pos=QPoint(bars.width() // 2, int(3.5 * row)))
    assert kept_labels(window) == [3]


def test_an_empty_canvas_or_a_speck_is_not_kept(window, qtbot):
    qtbot.keyClick(window.canvas, Qt.Key.Key_4)
    assert kept_labels(window) == [] and "Draw a digit first" in window.statusBar().currentMessage()
    window.canvas.draw_stroke([(100, 100), (101, 101)], width=2)
    qtbot.keyClick(window.canvas, Qt.Key.Key_4)
    assert kept_labels(window) == []


def test_ctrl_z_takes_back_the_last_keep_then_undoes_strokes(window, qtbot):
    window.canvas.draw_stroke(SEVEN)
    qtbot.keyClick(window.canvas, Qt.Key.Key_1)
    ctrl_z(qtbot, window)
    assert kept_labels(window) == [] and not window.canvas.is_empty()
    ctrl_z(qtbot, window)
    assert window.canvas.is_empty()


def test_a_stroke_after_a_keep_is_undone_before_the_keep(window, qtbot):
    window.canvas.draw_stroke(ONE)
    qtbot.keyClick(window.canvas, Qt.Key.Key_1)
    window.canvas.draw_stroke(SEVEN)
    ctrl_z(qtbot, window)
    assert kept_labels(window) == [1] and not window.canvas.is_empty()


def test_practice_asks_for_the_digit_it_has_fewest_of(window, qtbot):
    practice = window.my_digits.practice
    window.canvas.draw_stroke(ONE)
    qtbot.keyClick(window.canvas, Qt.Key.Key_0)  # one 0 already
    practice.start()
    assert practice.is_practising() and practice.prompt.text() == "Draw a 1"
    window.canvas.draw_stroke(ONE)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    assert kept_labels(window) == [0, 1] and window.canvas.is_empty()
    assert practice.prompt.text() == "Draw a 2" and "1:&nbsp;1" in practice.counts.text()
    ctrl_z(qtbot, window)  # takes the 1 back and gives the drawing back
    assert kept_labels(window) == [0] and not window.canvas.is_empty()
    assert practice.prompt.text() == "Draw a 1"  # asked again
    practice.keep_button.click()
    assert kept_labels(window) == [0, 1] and practice.prompt.text() == "Draw a 2"
    practice.stop()
    window.canvas.draw_stroke(ONE)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Return)
    assert kept_labels(window) == [0, 1]  # Enter keeps only while practising


@pytest.fixture
def view(window, qtbot):
    for points, digit in ((ONE, 1), (SEVEN, 7), (ONE, 7)):
        window.canvas.clear()
        window.canvas.draw_stroke(points)
        window.my_digits.keeper.keep(digit)
    window.tabs.setCurrentWidget(window.my_digits.view)
    return window.my_digits.view


def test_the_view_groups_samples_by_digit_and_marks_misreadings(view):
    assert [lst.count() for lst in view.lists] == [0, 1, 0, 0, 0, 0, 0, 2, 0, 0]
    captions = [view.lists[7].item(i).text() for i in range(2)]
    assert any("✗" in c for c in captions)  # a 1 kept as a 7 is misread
    assert "3 samples" in view.summary.text() and "two sevens" not in view.headers[7].text()
    assert "2 sevens" in view.headers[7].text()


def test_relabel_and_delete_change_the_set_on_disk(view, window):
    view.lists[7].item(1).setSelected(True)
    assert view.relabel_selected(1) == 1
    assert sorted(kept_labels(window)) == [1, 1, 7]
    assert view.lists[1].count() == 2
    view.lists[1].item(0).setSelected(True)
    assert view.delete_selected() == 1
    assert sorted(kept_labels(window)) == [1, 7]


def test_export_then_import_of_good_and_bad_sets(view, window, tmp_path):
    assert view.export_to(tmp_path / "mine.zip")
    assert view.import_from(tmp_path / "mine.zip")
    assert len(kept_labels(window)) == 6
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.png").write_bytes(b"not an image")
    assert not view.import_from(bad)
    assert LABELS_FILE in view.message.text() and "\n" not in view.message.text()
    (bad / LABELS_FILE).write_text("file,label\na.png,3\n")
    assert not view.import_from(bad)
    assert "a.png" in view.message.text()
    assert len(kept_labels(window)) == 6
    assert np.sum([lst.count() for lst in view.lists]) == 6


def test_finetune_in_the_train_tab_then_use_and_revert(make_window, weights_dir, qtbot, tmp_path):
    from model.finetune import FinetuneConfig
    from tools.handwriting_style import draw

    window = make_window(weights_dir)
    window.add_default_panels()
    parts = window.my_digits
    parts.keeper.store = MyDigits(tmp_path / "mine")
    rng = np.random.default_rng(0)
    for _ in range(2):
        for digit in range(10):
            parts.keeper.store.add(draw(digit, rng), digit)
    launcher = parts.finetune
    launcher.config, launcher.mnist_limit = FinetuneConfig(epochs=1, copies=2, replay=200), 500
    base = window.networks.current_index()
    with qtbot.waitSignal(window.training.run_finished, timeout=120_000):
        assert launcher.start() is None
        assert window.tabs.currentWidget() is window.training
        assert "few samples" in window.training.message_label.text()
    training = window.training
    assert training.result_bar.isVisible() and training.history  # the curves got the epoch
    assert "held-out digits" in training.result_label.text() and "MNIST test" in training.result_label.text()
    assert "few samples" in training.result_label.text()  # 2 of each digit: said, not silent
    training.use_result()
    assert window.networks.current_index() != base
    assert window.networks.current().name.endswith("+ my digits")
    assert launcher.revert() and window.networks.current_index() == base
    assert not launcher.revert() and "Nothing to revert" in window.statusBar().currentMessage()
    training.shutdown()


def test_finetune_without_samples_says_why(make_window, weights_dir, tmp_path):
    window = make_window(weights_dir)
    window.add_default_panels()
    window.my_digits.keeper.store = MyDigits(tmp_path / "empty")
    assert "Keep some digits first" in window.my_digits.finetune.start()
    assert not window.training.is_running()


def test_a_keep_made_on_the_draw_tab_is_in_the_gallery_when_it_is_opened(view, window, qtbot):
    window.tabs.setCurrentIndex(0)
    window.canvas.clear()
    window.canvas.draw_stroke(ONE)
    qtbot.keyClick(window.canvas, Qt.Key.Key_1)
    window.tabs.setCurrentWidget(view)
    assert view.lists[1].count() == 2 and "4 samples" in view.summary.text()
