"""The Experiments tab: pick a course experiment, run it in the background, look at its plots and table."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl, Signal
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
from model.text import translate

PROGRESS_STEPS = 1000
RESULTS_SHARE = 570  # the results' part of the splitter, against the list's own height above
QUICK_TIP = QT_TRANSLATE_NOOP("ExperimentsView", "Quick: a few seconds on a few hundred images, to see what the "
                              "experiment does.\nUnticked: the full experiment, a few seconds (toy-digits, xor) to "
                              "about 15 minutes.")
NAME_ROLE = Qt.ItemDataRole.UserRole  # the experiment's name (the list shows its translation)
# The experiments' plot and table files, named as their tabs are ("error_curves.png": "error curves")
FILE_TITLES = (
    QT_TRANSLATE_NOOP("Experiments", "curves"), QT_TRANSLATE_NOOP("Experiments", "curves mlp"),
    QT_TRANSLATE_NOOP("Experiments", "curves small-cnn"), QT_TRANSLATE_NOOP("Experiments", "error curves"),
    QT_TRANSLATE_NOOP("Experiments", "outputs"), QT_TRANSLATE_NOOP("Experiments", "gradient norms"),
    QT_TRANSLATE_NOOP("Experiments", "gradient profile"), QT_TRANSLATE_NOOP("Experiments", "loss curves"),
    QT_TRANSLATE_NOOP("Experiments", "mlp vs cnn"), QT_TRANSLATE_NOOP("Experiments", "mnist 012"),
    QT_TRANSLATE_NOOP("Experiments", "results"), QT_TRANSLATE_NOOP("Experiments", "gradients"),
    QT_TRANSLATE_NOOP("Experiments", "seeds"),
)


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
            self.setText(self.tr("Cannot read {file}").format(file=self.path.name))
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
        self.list.setHeaderLabels([self.tr("Experiment"), self.tr("What it shows")])
        self.list.setRootIsDecorated(False)
        for name, (description, _) in EXPERIMENTS.items():
            item = QTreeWidgetItem(self.list, [translate("Experiments", name), translate("Experiments", description)])
            item.setData(0, NAME_ROLE, name)
        self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemDoubleClicked.connect(lambda *_: self.run())
        self.quick = QCheckBox(self.tr("Quick"))
        self.quick.setToolTip(QCoreApplication.translate("ExperimentsView", QUICK_TIP))
        self.run_button, self.cancel_button = QPushButton(self.tr("Run")), QPushButton(self.tr("Cancel"))
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.folder_button = QPushButton(self.tr("Open folder"), enabled=False, clicked=self.open_folder)
        self.folder_button.setToolTip(self.tr("Open the folder holding the shown results' PNG, Markdown and CSV "
                                              "files"))
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.status = QLabel(self.tr("Choose an experiment and press Run."))
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
        splitter.setSizes([self._list_and_controls_height(top), RESULTS_SHARE])
        QVBoxLayout(self).addWidget(splitter)

    def _list_and_controls_height(self, top: QWidget) -> int:
        """Room for every experiment's row (rows are taller in some languages) and the controls under it."""
        rows = sum(self.list.sizeHintForRow(i) for i in range(self.list.topLevelItemCount()))
        list_height = rows + self.list.header().sizeHint().height() + 2 * self.list.frameWidth()
        return list_height + top.sizeHint().height() - self.list.sizeHint().height()

    def selected(self) -> str:
        item = self.list.currentItem()
        return item.data(0, NAME_ROLE) if item is not None else next(iter(EXPERIMENTS))

    def select(self, name: str) -> None:
        rows = [self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())]
        self.list.setCurrentItem(next(item for item in rows if item.data(0, NAME_ROLE) == name))

    def run(self) -> None:
        """Start the selected experiment in the background (ignored while one runs)."""
        if self.runner.is_running():
            return
        name = self.selected()
        self.progress.setValue(0)
        shown = translate("Experiments", name)
        self.status.setText(self.tr("Running {name} (quick)...").format(name=shown) if self.quick.isChecked()
                            else self.tr("Running {name}...").format(name=shown))
        self._set_running(True)
        self.runner.start(name, self.results_dir / name, self.quick.isChecked(), run_fn=self._run_fn)

    def cancel(self) -> None:
        if self.runner.is_running():
            self.status.setText(self.tr("Cancelling..."))
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
            self.status.setText(self.tr("{name}: {message}").format(name=translate("Experiments", self.selected()),
                                                                    message=message))

    def _on_finished(self, result) -> None:
        self._set_running(False)
        self.progress.setValue(PROGRESS_STEPS)
        self.show_result(result)
        self.status.setText(self.tr("{name} done; results in {folder}").format(
            name=translate("Experiments", result.name), folder=result.out_dir.resolve()))
        self.finished.emit(result)

    def open_folder(self) -> bool:
        """Show the results' folder in the file manager; without one, say where the folder is."""
        if self._shown is None:
            return False
        folder = self._shown.out_dir.resolve()
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return True
        self.status.setText(self.tr("No file manager to open it with: the results are in {folder}").format(
            folder=folder))
        return False

    def _on_cancelled(self) -> None:
        self._set_running(False)
        self.progress.setValue(0)
        if self._shown is None:
            self.status.setText(self.tr("Cancelled."))
        else:
            self.status.setText(self.tr("Cancelled. Below: the last finished run, {name}.").format(
                name=translate("Experiments", self._shown.name)))
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
            self.tabs.addTab(PlotScroll(ScaledImage(path)), _file_title(path))
        for table in result.tables:
            self.tabs.addTab(table_widget(table.csv_path),
                             self.tr("Table: {name}").format(name=_file_title(table.csv_path)))
        summary = QTextBrowser()
        summary.setPlainText(result.summary + "\n\n" + self.tr("Files: {folder}").format(
            folder=result.out_dir.resolve()))
        self.tabs.addTab(summary, self.tr("Summary"))


def _file_title(path) -> str:
    """A plot's or table's tab title from its file name ("error_curves.png": "error curves"), translated."""
    return translate("Experiments", Path(path).stem.replace("_", " "))
