"""The main window's menus, toolbar and actions, kept in step with the canvas, the networks and the recent files.

Kept apart from `app.main_window` so the window itself reads as layout and
wiring. `WindowActions` is handed everything it works with: the window it
builds menus in, the canvas, the network list, the settings, and the
commands (open, save...) its actions run.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QSpinBox,
    QToolBar,
    QWidget,
)

from app.canvas import MAX_BRUSH, MIN_BRUSH, SIDE, Canvas
from app.networks import NetworkList
from app.settings import Settings

SELECTOR_CHARS = 32
# The brush is measured on the canvas's own 280-unit side, whatever its size on screen.
BRUSH_SUFFIX = f" / {SIDE:.0f}"


@dataclass
class Commands:
    """What the window does when an action is triggered."""

    open_weights: Callable[[], None]       # ask for a weight file and open it
    open_file: Callable[[str], object]     # open this weight file (a recent one)
    save_weights: Callable[[], None]
    export_canvas: Callable[[], None]
    evaluate: Callable[[], object]
    quit: Callable[[], object]


class WindowActions(QObject):
    """Every action, menu and toolbar widget of the main window, by name, and the refreshes that follow state."""

    def __init__(self, window: QMainWindow, draw_page: QWidget, canvas: Canvas, networks: NetworkList,
                 settings: Settings, commands: Commands):
        super().__init__(window)
        self._window, self._canvas, self._networks, self._settings = window, canvas, networks, settings
        self._commands = commands
        self._build_actions(draw_page)
        self._build_menus()
        self._build_toolbar()
        networks.entries_changed.connect(self.refresh_networks)
        networks.current_changed.connect(self.refresh_networks)
        canvas.stroke_finished.connect(self.refresh_edit_actions)
        self.refresh_edit_actions()
        self.refresh_networks()

    def _action(self, text, slot, shortcut=None, tip=None, checkable=False) -> QAction:
        act = QAction(text, self._window, checkable=checkable)
        if shortcut is not None:
            act.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        act.setStatusTip(tip or "")
        act.triggered.connect(slot)
        return act

    def _build_actions(self, draw_page: QWidget) -> None:
        canvas, commands, action = self._canvas, self._commands, self._action
        self.open = action(self.tr("&Open weights…"), commands.open_weights, QKeySequence.StandardKey.Open)
        self.save = action(self.tr("&Save weights as…"), commands.save_weights, QKeySequence("Ctrl+S"))
        self.export = action(self.tr("&Export drawing…"), commands.export_canvas,
                             tip=self.tr("Save the canvas as a PNG"))
        self.quit = action(self.tr("&Quit"), commands.quit, QKeySequence.StandardKey.Quit)
        self.undo = action(self.tr("&Undo"), canvas.undo, QKeySequence.StandardKey.Undo)
        self.redo = action(self.tr("&Redo"), canvas.redo, [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.clear = action(self.tr("&Clear"), canvas.clear, QKeySequence("Esc"))
        self.pen = action(self.tr("&Pen"), lambda: canvas.set_eraser(False), QKeySequence("P"), checkable=True)
        self.eraser = action(self.tr("&Eraser"), lambda: canvas.set_eraser(True), QKeySequence("E"), checkable=True)
        self.evaluate = action(self.tr("E&valuate on MNIST test and drawings…"), commands.evaluate,
                               tip=self.tr("Accuracy and confusion matrix"))
        self.about = action(self.tr("&About DigitLab"), self._show_about)
        tools = QActionGroup(self._window, exclusive=True)
        tools.addAction(self.pen)
        tools.addAction(self.eraser)
        self.pen.setChecked(True)
        self.network_group = QActionGroup(self._window, exclusive=True)
        # Drawing keys (Esc, P, E, Ctrl+Z...) act on the Draw tab only, not while typing in a panel.
        drawing = [self.undo, self.redo, self.clear, self.pen, self.eraser]
        for act in drawing:
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        draw_page.addActions(drawing)

    def _show_about(self) -> None:
        QMessageBox.about(self._window, self.tr("About DigitLab"), self.tr(
            "<h3>DigitLab</h3><p>Draw a digit and a neural network written from scratch in NumPy "
            "tells what it is. Train, save, load and look inside the network.</p>"))

    def _build_menus(self) -> None:
        bar = self._window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.open, self.save])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        file_menu.addSeparator()
        file_menu.addActions([self.export])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo, self.clear])
        edit_menu.addSeparator()
        edit_menu.addActions([self.pen, self.eraser])
        self.network_menu = bar.addMenu(self.tr("&Network"))
        bar.addMenu(self.tr("&Help")).addAction(self.about)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Tools"), self._window, objectName="tools", movable=False)
        self._window.addToolBar(bar)
        bar.addActions([self.pen, self.eraser])
        # On the toolbar, without the menus' "(&P)" that some languages add for a mnemonic.
        for act, text in ((self.pen, self.tr("Pen")), (self.eraser, self.tr("Eraser")), (self.undo, self.tr("Undo")),
                          (self.redo, self.tr("Redo")), (self.clear, self.tr("Clear"))):
            act.setIconText(text)
        bar.addSeparator()
        bar.addWidget(QLabel(" {0} ".format(self.tr("Brush"))))
        self.brush = QSpinBox(minimum=int(MIN_BRUSH), maximum=int(MAX_BRUSH), suffix=BRUSH_SUFFIX)
        self.brush.setToolTip(self.tr("Brush width as a share of the canvas side, in {0:.0f}ths: the same stroke "
                                 "whatever the window's size (22 draws strokes as thick as MNIST's)").format(SIDE))
        self.brush.valueChanged.connect(self._canvas.set_brush_width)
        bar.addWidget(self.brush)
        bar.addSeparator()
        bar.addActions([self.undo, self.redo, self.clear])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addWidget(QLabel("{0} ".format(self.tr("Network"))))
        # Wide enough for the usual names; a longer one is elided rather than pushing the toolbar over.
        self.selector = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon,
                                  minimumContentsLength=SELECTOR_CHARS)
        self.selector.setToolTip(self.tr("The network that reads your drawing"))
        self.selector.activated.connect(self._networks.select)
        bar.addWidget(self.selector)
        bar.addAction(self.evaluate)
        self.evaluate.setIconText(self.tr("Evaluate…"))

    # --- keeping in step -----------------------------------------------------
    def refresh_networks(self, *_) -> None:
        """Rebuild the selector and the Network menu from the network list."""
        networks = self._networks
        entries, current = networks.entries(), networks.current_index()
        self.selector.blockSignals(True)
        self.selector.clear()
        self.selector.addItems([e.label() for e in entries] or [self.tr("no network loaded")])
        self.selector.setEnabled(bool(entries))
        self.selector.setCurrentIndex(current if current is not None else 0)
        self.selector.blockSignals(False)
        self.network_menu.clear()
        for action in self.network_group.actions():
            self.network_group.removeAction(action)
        for i, entry in enumerate(entries):
            act = self.network_menu.addAction(entry.label())
            act.setCheckable(True)
            act.setChecked(i == current)
            act.setStatusTip(str(entry.path) if entry.path else self.tr("trained in this session, not saved yet"))
            act.triggered.connect(lambda _=False, i=i: networks.select(i))
            self.network_group.addAction(act)
        if entries:
            self.network_menu.addSeparator()
        self.network_menu.addAction(self.evaluate)
        self.evaluate.setEnabled(current is not None)
        self.save.setEnabled(current is not None)

    def refresh_recent(self) -> None:
        self.recent_menu.clear()
        files = self._settings.recent_files()
        for path in files:
            act = self.recent_menu.addAction(Path(path).name)
            act.setStatusTip(path)
            act.triggered.connect(lambda _=False, p=path: self._commands.open_file(p))
        self.recent_menu.setEnabled(bool(files))

    def refresh_edit_actions(self) -> None:
        self.undo.setEnabled(self._canvas.can_undo())
        self.redo.setEnabled(self._canvas.can_redo())
        self.clear.setEnabled(not self._canvas.is_empty())

    def refresh_brush(self) -> None:
        self.brush.setValue(round(self._canvas.brush_width()))
