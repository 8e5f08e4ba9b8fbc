"""Start the installed window through its entry point, check it picked a bundled network, and quit.

Also checks that the compiled Chinese translation came with the package.

Run by .ci/wheel_check with the fresh venv's Python, from a folder holding no source.
Usage: python smoke_window.py VENV
"""
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import app.i18n
import app.main
import model

venv = Path(sys.argv[1]).resolve()
assert venv in Path(model.__file__).resolve().parents, f"model imported from {model.__file__}, not the venv"
assert "zh_CN" in app.i18n.available(), f"no compiled Chinese translation in {app.i18n.TRANSLATIONS_DIR}"


def inspect_and_quit() -> None:
    window = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow")
    entry = window.networks.current()
    assert window.isVisible() and entry is not None and entry.source == "bundled", "no bundled network"
    print(f"wheel check: the window opened ({window.width()}x{window.height()}) with {entry.label()}")
    window.close()


qt = app.main.make_application([sys.argv[0]])
QTimer.singleShot(0, inspect_and_quit)
sys.exit(app.main.main([sys.argv[0]]))
