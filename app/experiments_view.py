"""The Experiments tab: pick a course experiment, run it in the background, look at its plots and table."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.data_folder import data_folder
from app.experiments_worker import ExperimentRunner
from model.experiments import EXPERIMENTS, run_experiment

PROGRESS_STEPS = 1000
SPLIT_SIZES = [230, 570]  # list and controls above, results below
QUICK_TIP = ("Quick: a few seconds on a few hundred images, to see what the experiment does.\n"
             "Unticked: the full experiment, a few seconds (toy-digits, xor) to about 15 minutes.")


def default_results_dir() -> Path:
    """Where the window writes experiment results: the user's own data folder for
    DigitLab, whatever directory the program was started from."""
    return data_folder() / "results"


class ScaledImage(QLabel):
    """A PNG shown at the width of its scroll area (never larger than the file)."""

    def __init__(self, path: Path, parent=None):
        super().__init__(parent)
        self.path = Path(path)
        self.original = QPixmap(str(path))
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setToolTip(str(path))

    def fit_width(self, width: int) -> None:
        if self.original.isNull():
            self.setText(f"Cannot read {self.path.name}")
            return
        # Scale to device pixels, so the plot stays sharp on a 200% screen.
        ratio = self.devicePixelRatioF()
        pixels = max(1, min(round(width * ratio), self.original.width()))
        pixmap = self.original.scaledToWidth(pixels, Qt.TransformationMode.SmoothTransformation)
        pixmap.setDevicePixelRatio(ratio)
        self.setPixmap(pixmap)


class PlotScroll(QScrollArea):
    """A scroll area that rescales its image whenever it is resized."""

    def __init__(self, image: ScaledImage, parent=None):
        super().__init__(parent)
        self.image = image
        self.setWidget(image)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        # Leave room for the vertical scroll bar even before a tall image makes it appear.
        room = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width()
        self.image.fit_width(room)


def table_widget(csv_path: Path) -> QTableWidget:
    """A read-only QTableWidget holding the CSV file's header and rows."""
    with open(csv_path, newline="") as f:
        header, *rows = list(csv.reader(f))
    table = QTableWidget(len(rows), len(header))
    table.setHorizontalHeaderLabels(header)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class ExperimentsView(QWidget):
    """Experiment list, Quick, Run and Cancel, a progress bar, and the last run's plots, table and summary."""

    finished = Signal(object)  # the Result, after its plots are shown
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, results_dir: Path | str | None = None, run_fn=run_experiment, parent=None):
        super().__init__(parent)
        self.results_dir = Path(results_dir) if results_dir is not None else default_results_dir()
        self._run_fn, self._shown = run_fn, None  # _shown: the Result whose plots are in the tabs
        self.runner = ExperimentRunner(self)
        self._build()
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.cancelled.connect(self._on_cancelled)
        self.runner.failed.connect(self._on_failed)
        self._set_running(False)

    def _build(self) -> None:
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["Experiment", "What it shows"])
        self.list.setRootIsDecorated(False)
        for name, (description, _) in EXPERIMENTS.items():
            QTreeWidgetItem(self.list, [name, description])
        self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemDoubleClicked.connect(lambda *_: self.run())
        self.quick = QCheckBox("Quick")
        self.quick.setToolTip(QUICK_TIP)
        self.run_button, self.cancel_button = QPushButton("Run"), QPushButton("Cancel")
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.folder_button = QPushButton("Open folder", enabled=False, clicked=self.open_folder)
        self.folder_button.setToolTip("Open the folder holding the shown results' PNG, Markdown and CSV files")
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.status = QLabel("Choose an experiment and press Run.")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        controls = QHBoxLayout()
        for widget in (self.quick, self.run_button, self.cancel_button):
            controls.addWidget(widget)
        controls.addWidget(self.progress, 1)
        controls.addWidget(self.folder_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.list)
        top_layout.addLayout(controls)
        top_layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes(SPLIT_SIZES)
        QVBoxLayout(self).addWidget(splitter)

    def selected(self) -> str:
        item = self.list.currentItem()
        return item.text(0) if item is not None else next(iter(EXPERIMENTS))

    def select(self, name: str) -> None:
        self.list.setCurrentItem(self.list.findItems(name, Qt.MatchFlag.MatchExactly, 0)[0])

    def run(self) -> None:
        """Start the selected experiment in the background (ignored while one runs)."""
        if self.runner.is_running():
            return
        name = self.selected()
        self.progress.setValue(0)
        self.status.setText(f"Running {name}{' (quick)' if self.quick.isChecked() else ''}...")
        self._set_running(True)
        self.runner.start(name, self.results_dir / name, self.quick.isChecked(), run_fn=self._run_fn)

    def cancel(self) -> None:
        if self.runner.is_running():
            self.status.setText("Cancelling...")
            self.runner.cancel()

    def shutdown(self) -> None:
        """Cancel any run and wait for its thread; for the main window's closeEvent."""
        self.runner.shutdown()

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.list.setEnabled(not running)
        self.quick.setEnabled(not running)

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(round(fraction * PROGRESS_STEPS))
        if message:
            self.status.setText(f"{self.selected()}: {message}")

    def _on_finished(self, result) -> None:
        self._set_running(False)
        self.progress.setValue(PROGRESS_STEPS)
        self.show_result(result)
        self.status.setText(f"{result.name} done; results in {result.out_dir.resolve()}")
        self.finished.emit(result)

    def open_folder(self) -> bool:
        """Show the results' folder in the file manager; without one, say where the folder is."""
        if self._shown is None:
            return False
        folder = self._shown.out_dir.resolve()
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return True
        self.status.setText(f"No file manager to open it with: the results are in {folder}")
        return False

    def _on_cancelled(self) -> None:
        self._set_running(False)
        self.progress.setValue(0)
        shown = f" Below: the last finished run, {self._shown.name}." if self._shown is not None else ""
        self.status.setText(f"Cancelled.{shown}")
        self.cancelled.emit()

    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        self.status.setText(message)
        self.failed.emit(message)

    def show_result(self, result) -> None:
        """Replace the tabs with the result's plots, tables and summary."""
        self.tabs.clear()
        self._shown = result
        self.folder_button.setEnabled(True)
        for path in result.plots:
            self.tabs.addTab(PlotScroll(ScaledImage(path)), Path(path).stem.replace("_", " "))
        for table in result.tables:
            self.tabs.addTab(table_widget(table.csv_path), f"Table: {Path(table.csv_path).stem.replace('_', ' ')}")
        summary = QTextBrowser()
        summary.setPlainText(f"{result.summary}\n\nFiles: {result.out_dir.resolve()}")
        self.tabs.addTab(summary, "Summary")
