"""The main window's menus, toolbar and the small functions that keep them in step.

Kept apart from `app.main_window` so the window itself reads as layout and wiring.
"""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QSizePolicy, QSpinBox, QToolBar, QWidget

from app.canvas import MAX_BRUSH, MIN_BRUSH

ABOUT = ("<h3>DigitLab</h3><p>Draw a digit and a neural network written from scratch in NumPy "
         "tells what it is. Train, save, load and look inside the network.</p>")


SELECTOR_CHARS = 32

def build(window) -> SimpleNamespace:
    """Create every action, menu and toolbar widget of `window`; returns them by name."""
    a = SimpleNamespace()
    canvas = window.canvas

    def action(text, slot, shortcut=None, tip=None, checkable=False):
        act = QAction(text, window, checkable=checkable)
        if shortcut is not None:
            act.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        act.setStatusTip(tip or "")
        act.triggered.connect(slot)
        return act

    a.open = action("&Open weights…", window.ask_open_weights, QKeySequence.StandardKey.Open)
    a.save = action("&Save weights as…", window.ask_save_weights, QKeySequence("Ctrl+S"))
    a.export = action("&Export drawing…", window.ask_export_canvas, tip="Save the canvas as a PNG")
    a.quit = action("&Quit", window.close, QKeySequence.StandardKey.Quit)
    a.undo = action("&Undo", canvas.undo, QKeySequence.StandardKey.Undo)
    a.redo = action("&Redo", canvas.redo, [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    a.clear = action("&Clear", canvas.clear, QKeySequence("Esc"))
    a.pen = action("&Pen", lambda: canvas.set_eraser(False), QKeySequence("P"), checkable=True)
    a.eraser = action("&Eraser", lambda: canvas.set_eraser(True), QKeySequence("E"), checkable=True)
    a.evaluate = action("E&valuate on MNIST test…", window.evaluate, tip="Accuracy and confusion matrix")
    a.about = action("&About DigitLab", lambda: QMessageBox.about(window, "About DigitLab", ABOUT))
    tools = QActionGroup(window, exclusive=True)
    tools.addAction(a.pen)
    tools.addAction(a.eraser)
    a.pen.setChecked(True)
    a.network_group = QActionGroup(window, exclusive=True)
    # Drawing keys (Esc, P, E, Ctrl+Z...) act on the Draw tab only, not while typing in a panel.
    for act in (a.undo, a.redo, a.clear, a.pen, a.eraser):
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    window.draw_page.addActions([a.undo, a.redo, a.clear, a.pen, a.eraser])
    _build_menus(window, a)
    _build_toolbar(window, a)
    return a


def _build_menus(window, a: SimpleNamespace) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.open, a.save])
    a.recent_menu = file_menu.addMenu("Open &recent")
    file_menu.addSeparator()
    file_menu.addActions([a.export])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([a.undo, a.redo, a.clear])
    edit_menu.addSeparator()
    edit_menu.addActions([a.pen, a.eraser])
    a.network_menu = bar.addMenu("&Network")
    bar.addMenu("&Help").addAction(a.about)


def _build_toolbar(window, a: SimpleNamespace) -> None:
    bar = QToolBar("Tools", window, objectName="tools", movable=False)
    window.addToolBar(bar)
    bar.addActions([a.pen, a.eraser])
    bar.addSeparator()
    bar.addWidget(QLabel(" Brush "))
    a.brush = QSpinBox(minimum=int(MIN_BRUSH), maximum=int(MAX_BRUSH), suffix=" px")
    a.brush.setToolTip("Brush width, in pixels of a 280 × 280 canvas")
    a.brush.valueChanged.connect(window.canvas.set_brush_width)
    bar.addWidget(a.brush)
    bar.addSeparator()
    bar.addActions([a.undo, a.redo, a.clear])
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    bar.addWidget(QLabel("Network "))
    # Wide enough for the usual names; a longer one is elided rather than pushing the toolbar over.
    a.selector = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon,
                           minimumContentsLength=SELECTOR_CHARS)
    a.selector.setToolTip("The network that reads your drawing")
    a.selector.activated.connect(window.networks.select)
    bar.addWidget(a.selector)
    bar.addAction(a.evaluate)
    a.evaluate.setIconText("Evaluate…")
    refresh_edit_actions(window, a)


def refresh_networks(window) -> None:
    """Rebuild the selector and the Network menu from the network list."""
    a, networks = window.actions, window.networks
    entries, current = networks.entries(), networks.current_index()
    a.selector.blockSignals(True)
    a.selector.clear()
    a.selector.addItems([e.label() for e in entries] or ["no network loaded"])
    a.selector.setEnabled(bool(entries))
    a.selector.setCurrentIndex(current if current is not None else 0)
    a.selector.blockSignals(False)
    a.network_menu.clear()
    for action in a.network_group.actions():
        a.network_group.removeAction(action)
    for i, entry in enumerate(entries):
        act = a.network_menu.addAction(entry.label())
        act.setCheckable(True)
        act.setChecked(i == current)
        act.setStatusTip(str(entry.path) if entry.path else "trained in this session, not saved yet")
        act.triggered.connect(lambda _=False, i=i: networks.select(i))
        a.network_group.addAction(act)
    if entries:
        a.network_menu.addSeparator()
    a.network_menu.addAction(a.evaluate)
    a.evaluate.setEnabled(current is not None)
    a.save.setEnabled(current is not None)


def refresh_recent(window) -> None:
    a = window.actions
    a.recent_menu.clear()
    files = window.settings.recent_files()
    for path in files:
        act = a.recent_menu.addAction(Path(path).name)
        act.setStatusTip(path)
        act.triggered.connect(lambda _=False, p=path: window.open_weights(p))
    a.recent_menu.setEnabled(bool(files))


def refresh_edit_actions(window, a: SimpleNamespace | None = None) -> None:
    a = a or window.actions
    a.undo.setEnabled(window.canvas.can_undo())
    a.redo.setEnabled(window.canvas.can_redo())
    a.clear.setEnabled(not window.canvas.is_empty())


def refresh_brush(window) -> None:
    window.actions.brush.setValue(round(window.canvas.brush_width()))
