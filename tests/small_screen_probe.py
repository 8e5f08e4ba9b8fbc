"""Run by tests/test_screen_fit.py in a process whose offscreen screen is 1024x700.

For each font scale: saves a window geometry from a larger screen, opens the
window as a user would (bundled networks, all tabs) and prints what shows, as
one JSON line. Several scales share one process (its start-up is most of the
cost); the screen, and so its pixel ratio, is the process's. Usage:
python tests/small_screen_probe.py SETTINGS_DIR FONT_SCALE[,FONT_SCALE...] [SCREENSHOT_PREFIX]
"""
import json
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QToolBar, QToolButton

from app.main import make_application

app = make_application([sys.argv[0]])
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
base_point_size = app.font().pointSizeF()

from app.main_window import MainWindow  # noqa: E402  after the application exists


def probe(font_scale: float, screenshots: str | None) -> dict:
    font = app.font()
    font.setPointSizeF(base_point_size * font_scale)
    app.setFont(font)
    big = MainWindow()
    big.setGeometry(300, 200, 2400, 1600)
    big.save_settings()
    big.close()
    window = MainWindow()
    window.add_default_panels()
    window.show()
    app.processEvents()
    bar = window.findChild(QToolBar, "tools")
    overflow = next(b for b in bar.findChildren(QToolButton) if b.objectName() == "qt_toolbar_ext_button")
    frame, area = window.frameGeometry(), window.screen().availableGeometry()
    seen = {
        "font_scale": font_scale,
        "screen": [area.width(), area.height()],
        "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
        "inside": area.contains(frame),
        "overflow": overflow.isVisible(),
        "picker": window.actions.selector.isVisible() and window.actions.selector.width() >= 60,
        "evaluate": bar.widgetForAction(window.actions.evaluate).isVisible(),
    }
    if screenshots:
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            app.processEvents()
            window.grab().save(f"{screenshots}{font_scale:g}-{i}.png")
    window.close()
    return seen


for scale in sys.argv[2].split(","):
    print(json.dumps(probe(float(scale), sys.argv[3] if len(sys.argv) > 3 else None)), flush=True)
