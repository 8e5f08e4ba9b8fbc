"""The main window: builds the widgets, the menus and the toolbar, and connects signals.

The canvas hands out arrays, `app.predictor` classifies them, the panel shows
the result; networks live in `app.networks`, settings in `app.settings`.
"""
from __future__ import annotations

import time
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import my_digits, screen_fit
from app.canvas import Canvas
from app.evaluate_dialog import EvaluateDialog
from app.experiments_view import ExperimentsView
from app.inside.view import InsideView
from app.networks import BUNDLED_DIR, NetworkList
from app.prediction_panel import PredictionPanel
from app.predictor import predict
from app.settings import Settings, file_name_for, with_default_suffix
from app.training.panel import TrainingPanel
from app.watch.wiring import attach as attach_watch
from app.window_actions import Commands, WindowActions
from model.weights import save_weights

FIRST_RUN_SHARE = 0.85  # of the screen, before a size has been remembered
PREDICT_INTERVAL_MS = 40  # at most one prediction per 40 ms while the pen moves
STYLE = """
QFrame#card { background: white; border: 1px solid #dde1e7; border-radius: 10px; }
QLabel#hint { color: #6b7380; }
QToolBar { spacing: 6px; border: none; }
QStatusBar QLabel { padding: 0 0.6em; }
"""


class MainWindow(QMainWindow):
    """DigitLab's window: a Draw tab (canvas and prediction), then a tab per panel (training...)."""

    prediction_updated = Signal()  # after every refresh of the prediction panel

    def __init__(self, settings: Settings | None = None, weights_dir: Path = BUNDLED_DIR):
        super().__init__()
        self.setWindowTitle("DigitLab")
        self.setStyleSheet(STYLE)
        self.settings = settings if settings is not None else Settings()
        self.networks = NetworkList(self)
        self.canvas = Canvas()
        self.panel = PredictionPanel()
        self.last_latency: float | None = None  # seconds from a finished edit to an updated panel
        self.last_prediction = None  # the Prediction on display, for the training card
        self._evaluations: list[EvaluateDialog] = []
        self._panels: list[QWidget] = []  # the tabs after Draw
        self._timer = QTimer(self, singleShot=True, interval=PREDICT_INTERVAL_MS, timeout=self.update_prediction)
        self._build_centre()
        self.actions = WindowActions(self, self.draw_page, self.canvas, self.networks, self.settings, Commands(
            open_weights=self.ask_open_weights, open_file=self.open_weights, save_weights=self.ask_save_weights,
            export_canvas=self.ask_export_canvas, evaluate=self.evaluate, quit=self.close))
        self._connect()
        problems = self.networks.load_bundled(weights_dir)
        self._restore()
        if problems:  # a damaged bundled file is skipped, not fatal
            self.statusBar().showMessage(self.tr("Skipped {0}").format(problems[0]), 15000)
        if self.settings.problem:  # already replaced by the defaults
            self.statusBar().showMessage(self.settings.problem, 15000)
        self.canvas.setFocus()  # keyboard shortcuts go to the drawing, not the brush box

    # --- building -------------------------------------------------------------
    def _build_centre(self) -> None:
        hint = QLabel(self.tr("Left button draws · right button erases · Esc clears · "
                              "drop an image file to classify it"),
                      objectName="hint", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        left = self.draw_column = QVBoxLayout()  # My digits' practice bar goes above the canvas
        left.addWidget(self.canvas, 1)
        left.addWidget(hint)
        card = QFrame(objectName="card")
        QVBoxLayout(card).addWidget(self.panel)
        margin = self.fontMetrics().height()
        centre = QWidget()
        row = QHBoxLayout(centre)
        row.setContentsMargins(margin, margin, margin, margin)
        row.setSpacing(margin)
        row.addLayout(left, 1)
        row.addWidget(card, 0)
        self.tabs = QTabWidget(documentMode=True)
        self.tabs.addTab(centre, self.tr("Draw"))
        self.draw_page = centre
        self.setCentralWidget(self.tabs)
        self.name_label, self.accuracy_label, self.time_label = QLabel(), QLabel(), QLabel()
        for label in (self.name_label, self.accuracy_label, self.time_label):
            self.statusBar().addPermanentWidget(label)

    def add_panel(self, title: str, widget: QWidget) -> None:
        """Add a panel (training, experiments...) as a tab of its own beside Draw.

        These panels are wide (forms beside live plots), so each gets the whole window.
        """
        self.tabs.addTab(widget, title)
        self._panels.append(widget)

    def _connect(self) -> None:
        self.canvas.changed.connect(self._on_canvas_changed)
        self.canvas.stroke_finished.connect(self._on_stroke_finished)
        self.canvas.image_rejected.connect(lambda msg: self.statusBar().showMessage(msg, 8000))
        self.networks.current_changed.connect(self._on_network_changed)
        self.tabs.currentChanged.connect(lambda i: self.canvas.setFocus() if i == 0 else None)

    # --- prediction --------------------------------------------------------
    def _on_canvas_changed(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def _on_stroke_finished(self) -> None:
        self._timer.stop()
        self.update_prediction()

    def update_prediction(self) -> None:
        """Classify the drawing with the current network and show the result."""
        entry = self.networks.current()
        self.last_prediction = None
        if entry is None:
            self.panel.show_no_network()
        else:
            start = time.perf_counter()
            result = predict(entry.net, self.canvas.to_array(), entry.calibration)
            self.panel.show_prediction(result)
            self.last_prediction = result
            self.last_latency = time.perf_counter() - start
            # An empty canvas was not classified, so there is no time to show.
            self.time_label.setText(self.tr("inference {0:.1f} ms").format(1000 * result.seconds)
                                    if result is not None else "")
        self.prediction_updated.emit()

    def _on_network_changed(self, entry) -> None:
        self.name_label.setText(entry.name if entry else self.tr("no network"))
        acc = entry.test_accuracy if entry else None
        self.accuracy_label.setText("" if acc is None else self.tr("test accuracy {0:.2f}%").format(100 * acc))
        self.time_label.setText("")
        if entry is not None and entry.path is not None:
            self.settings.set_last_network(entry.path)
        self.update_prediction()

    # --- networks, files ---------------------------------------------------
    def add_network(self, net, meta: dict, path: str | Path | None = None) -> None:
        """Add a network (e.g. one just trained) to the selector and make it current.

        The window owns `net` from now on: pass one nobody else holds (a copy if need be).
        """
        self.networks.select(self.networks.add(net, meta, path, "trained" if path is None else "file"))

    def current_network(self):
        """(a copy of the current network, its meta), or None: for "continue training".

        The copy is the caller's own, to train in another thread; this is the one copy made.
        """
        entry = self.networks.current()
        return None if entry is None else (entry.net.copy(), dict(entry.meta))

    def open_weights(self, path: str | Path) -> bool:
        """Load a weight file and select it; a bad file shows one message and changes nothing."""
        try:
            index = self.networks.open_file(path)
        except ValueError as exc:
            QMessageBox.warning(self, self.tr("Cannot open weights"), str(exc))
            if not Path(path).exists():  # a recent file since moved or deleted: drop it from the menu
                self.settings.remove_recent_file(path)
                self.actions.refresh_recent()
            return False
        self.networks.select(index)
        self._remember_file(path)
        self.statusBar().showMessage(self.tr("Opened {0} from {1}").format(self.networks.current().name, path), 5000)
        return True

    def save_weights(self, path: str | Path) -> bool:
        """Save the current network to `path` (atomically); shows one message on failure."""
        entry, index = self.networks.current(), self.networks.current_index()
        if entry is None:
            QMessageBox.warning(self, self.tr("Nothing to save"), self.tr("No network is loaded."))
            return False
        try:
            # The network's own name: the selector's " (2)" only tells apart two of the same name.
            save_weights(path, entry.net, meta={**entry.meta, "name": entry.meta.get("name") or entry.name})
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot save weights"), str(exc).splitlines()[0])
            return False
        self.networks.mark_saved(index, path)
        self.settings.set_last_network(path)
        self._remember_file(path)
        self.statusBar().showMessage(self.tr("Saved {0} to {1}").format(entry.name, path), 5000)
        return True

    def export_canvas(self, path: str | Path) -> bool:
        try:
            Image.fromarray(self.canvas.to_array()).save(path)
        except (ValueError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Cannot export the drawing"), str(exc).splitlines()[0])
            return False
        return True

    def evaluate(self) -> EvaluateDialog | None:
        """Score the current network on MNIST test in the background, in a dialog."""
        entry = self.networks.current()
        if entry is None:
            QMessageBox.information(self, self.tr("Evaluate"),
                                    self.tr("No network loaded — train one or open a weight file."))
            return None
        dialog = EvaluateDialog(entry.net.copy(), entry.name, self, calibration=entry.calibration)  # the thread's own copy
        self._evaluations.append(dialog)
        dialog.finished.connect(lambda: self._evaluations.remove(dialog))
        dialog.show()
        return dialog

    def _remember_file(self, path: str | Path) -> None:
        self.settings.add_recent_file(path)
        self.actions.refresh_recent()

    # --- dialogs (thin wrappers around the methods above) -------------------
    def ask_open_weights(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open weights"), self._start_dir(), weight_filter())
        if path:
            self.open_weights(path)

    def ask_save_weights(self) -> None:
        entry = self.networks.current()
        if entry is None:
            QMessageBox.warning(self, self.tr("Nothing to save"), self.tr("No network is loaded."))
            return
        default = str(Path(self._start_dir()) / file_name_for(entry.meta.get("name") or entry.name, ".npz"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save weights as"), default, weight_filter())
        path = with_default_suffix(path, ".npz")
        if path:
            self.save_weights(path)

    def ask_export_canvas(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export drawing"), "digit.png",
                                              self.tr("PNG image (*.png)"))
        path = with_default_suffix(path, ".png")
        if path:
            self.export_canvas(path)

    def _start_dir(self) -> str:
        recent = self.settings.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    # --- settings --------------------------------------------------------------
    def _restore(self) -> None:
        self.canvas.set_brush_width(self.settings.brush_width(self.canvas.brush_width()))
        self.actions.refresh_brush()
        self.actions.refresh_recent()
        if self.settings.geometry() is not None:
            self.restoreGeometry(self.settings.geometry())
        elif self.screen() is not None:
            self.resize(self.screen().availableGeometry().size() * FIRST_RUN_SHARE)
        screen_fit.fit_to_screen(self, self.findChild(QToolBar, "tools"), self.actions.selector)
        self._select_startup_network(self.settings.last_network())
        if self.networks.current() is None:
            self._on_network_changed(None)

    def add_default_panels(self) -> None:
        """Add the Train, Experiments and Inside tabs and reopen the tab last shown."""
        self.training = TrainingPanel(self.current_network)
        self.training.network_trained.connect(self._use_trained)
        self.add_panel(self.tr("Train"), self.training)
        self.watch = attach_watch(self, self.training)
        self.experiments = ExperimentsView()
        self.add_panel(self.tr("Experiments"), self.experiments)
        self.inside = InsideView(self.networks, self.canvas)
        self.inside.addActions(self.draw_page.actions())  # Esc, Ctrl+Z... where the canvas is shown
        self.add_panel(self.tr("Inside"), self.inside)
        self.my_digits = my_digits.install(self)
        self.tabs.setCurrentIndex(min(self.settings.tab(), self.tabs.count() - 1))

    def _use_trained(self, net, meta: dict) -> None:
        """A run the user accepted: select it and go back to drawing to try it."""
        self.add_network(net, meta)
        self.tabs.setCurrentIndex(0)

    def _select_startup_network(self, last: str) -> None:
        index = self.networks.index_of(last) if last else None
        if index is None and last and Path(last).is_file():
            try:
                index = self.networks.open_file(last)
            except ValueError as exc:
                self.statusBar().showMessage(str(exc), 8000)
        if index is None and self.networks.entries():
            index = 0
        self.networks.select(index)

    def save_settings(self) -> None:
        self.settings.set_brush_width(self.canvas.brush_width())
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_tab(self.tabs.currentIndex())
        self.settings.sync()

    def closeEvent(self, event) -> None:
        for dialog in list(self._evaluations):
            dialog.close()
        for panel in self._panels:
            shutdown = getattr(panel, "shutdown", None)  # panels with a worker thread stop it here
            if shutdown is not None:
                shutdown()
        self.save_settings()
        super().closeEvent(event)


def weight_filter() -> str:
    """The file dialogs' filter for weight files, in the window's language."""
    return QCoreApplication.translate("MainWindow", "DigitLab weights (*.npz);;All files (*)")
