"""Small screens: the toolbar keeps the picker and the actions, and a saved geometry fits the screen."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton

from app.screen_fit import clamped

REPO = Path(__file__).resolve().parent.parent
TITLE_BAR = 40  # px: the offscreen platform draws none; a desktop's is about this tall
SCREEN_1024X700 = {"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1024, "height": 700,
                                "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


def test_picker_and_actions_stay_on_the_toolbar_however_narrow(make_window, weights_dir):
    window = make_window(weights_dir)
    bar = window.findChild(QToolBar, "tools")
    overflow = next(b for b in bar.findChildren(QToolButton) if b.objectName() == "qt_toolbar_ext_button")
    for size in (QSize(1024, 700), QSize(800, 600), QSize(300, 300)):  # the last: as narrow as it goes
        window.resize(size)
        QApplication.processEvents()
        assert not overflow.isVisible(), f"items behind the toolbar's » at {window.size()}"
        assert window.actions.selector.isVisible() and window.actions.selector.width() >= 60
        for action in (window.actions.evaluate, window.actions.pen, window.actions.clear):
            assert bar.widgetForAction(action).isVisible(), action.text()
        assert window.height() <= 700


# 4/3: a desktop font a third larger than Qt's default; dpr 2: 200% scaling (a 2048x1400 panel shown as 1024x700).
# One process a screen: the font scales of a screen share it.
@pytest.mark.parametrize(("dpr", "font_scales"), [(1, (1.0, 4 / 3)), (2, (1.0,))])
def test_on_a_1024x700_screen_a_geometry_saved_on_a_larger_one_is_clamped(tmp_path, dpr, font_scales):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{**SCREEN_1024X700["screens"][0], "dpr": dpr}]}))
    env = {"QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(REPO), "PATH": "",
           "HOME": str(tmp_path)}
    probe = subprocess.run([sys.executable, str(REPO / "tests" / "small_screen_probe.py"), str(tmp_path / "settings"),
                            ",".join(map(repr, font_scales))], capture_output=True, text=True, env=env, timeout=120)
    assert probe.returncode == 0, probe.stderr
    seen = [json.loads(line) for line in probe.stdout.splitlines()]
    assert [s["font_scale"] for s in seen] == list(font_scales)
    for s in seen:
        assert s["screen"] == [1024, 700]
        assert not s["overflow"] and s["picker"] and s["evaluate"], s
        if s["font_scale"] == 1.0:  # larger fonts make the Draw tab's panel taller than 700 px
            assert s["inside"], s


@pytest.mark.parametrize(("rect", "expected"), [
    (QRect(300, 200, 2400, 1600), QRect(0, 0, 1024, 700)),      # larger than the screen: shrunk
    (QRect(900, 650, 700, 600), QRect(324, 100, 700, 600)),     # hanging off the corner: moved in
    (QRect(-50, 40, 700, 600), QRect(0, 40, 700, 600)),
    (QRect(10, 20, 700, 600), QRect(10, 20, 700, 600)),         # inside: untouched
    (QRect(0, 0, 300, 200), QRect(0, 0, 680, 580)),             # never below the minimum
])
def test_clamped_keeps_the_window_inside_the_screen(rect, expected):
    assert clamped(rect, QRect(0, 0, 1024, 700), QSize(680, 580)) == expected


def cut_off_cells(table) -> list[str]:
    """Texts of the cells (and headers) wider than their column, or outside the visible viewport."""
    metrics, viewport = table.fontMetrics(), table.viewport().rect()
    cut = []
    for col in range(table.columnCount()):
        header = table.horizontalHeaderItem(col).text()
        if metrics.horizontalAdvance(header) > table.columnWidth(col):
            cut.append(header)
        for row in range(table.rowCount()):
            item = table.item(row, col)
            cell = table.visualItemRect(item)
            if metrics.horizontalAdvance(item.text()) > cell.width() or not viewport.contains(cell):
                cut.append(item.text())
    return cut


def test_the_evaluate_dialog_shows_every_figure_without_scrolling(qtbot, tiny_net):
    from app.evaluate_dialog import EvaluateDialog

    # All 10,000 test images: four-digit counts on the diagonal, as in the real run (three digits hid this bug).
    dialog = EvaluateDialog(tiny_net, "tiny", drawings=12)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.drawings_evaluated, timeout=120_000):
        pass
    assert np.diag(dialog.result.confusion_matrix).max() >= 1000
    for page, table in enumerate((dialog.table, dialog.scores)):
        dialog.pages.setCurrentIndex(page)
        QApplication.processEvents()
        assert table.isVisible()
        assert not table.horizontalScrollBar().isVisible() and not table.verticalScrollBar().isVisible()
        assert cut_off_cells(table) == []
    assert dialog.screen().availableGeometry().contains(dialog.frameGeometry())
    # It sizes itself to fit a 1024x700 screen, title bar included.
    assert dialog.width() <= 1024 and dialog.height() <= 700 - TITLE_BAR
