"""Score a network on MNIST test and on drawings as people draw them, in a worker thread, and show the results.

The scoring is model/'s (app/evaluate_worker.py): MNIST test as `evaluate`
prints it, then the drawn parts (redrawn, fonts, strokes, not digits) as
`evaluate --canvas N` prints them. The dialog shows each result as it comes:
MNIST test's confusion matrix, every set's scores side by side (accuracy, per
digit, refusals, ECE) and a reliability diagram of the chosen set. Drawing
the parts takes a while: Stop keeps what is done; closing stops and waits.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import evaluate_tables as tables
from app import plot_text, screen_fit
from app.evaluate_worker import EvaluateRunner, steps
from app.reliability_plot import ReliabilityPlot
from model.calibration import Calibration
from model.canvas_report import DEFAULT_N_EACH
from model.constants import MNIST_TEST_RECORDS as TEST_IMAGES
from model.data.canvas_bundle import is_bundled
from model.data.canvas_set import PARTS


class EvaluateDialog(QDialog):
    """Non-modal: starts evaluating at once; the window stays usable meanwhile."""

    evaluated = Signal(object)  # the MNIST test Report
    drawings_evaluated = Signal()  # every drawn part is scored

    def __init__(self, net, name: str, parent=None, limit: int | None = None,
                 calibration: Calibration | None = None, drawings: int = DEFAULT_N_EACH,
                 parts: tuple[str, ...] = PARTS):
        """`net` becomes the evaluation's own: pass a copy of a network that is in use.

        drawings: how many of each drawn part to make and read (0: MNIST test only).
        """
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evaluate {0}").format(name))
        self.calibration = calibration or Calibration()
        self.result = None  # the MNIST test Report, once there is one
        self.trust = None  # MNIST test's calibrated answers (model.trust), once there are some
        self.parts: dict[str, dict] = {}  # drawn part -> model.canvas_report scores, as they come
        self._part_order = parts if drawings else ()
        count = min(limit or TEST_IMAGES, TEST_IMAGES)
        self.summary = QLabel(self.tr("Evaluating {0} on {1} MNIST test images…").format(name, f"{count:,}"),
                              wordWrap=True)
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.4)
        self.summary.setFont(big)
        self.drawings = drawings
        self.status = QLabel(self._drawings_note(), wordWrap=True)
        self.progress = QProgressBar(maximum=steps(limit, drawings, len(self._part_order)))
        self.stop_button = QPushButton(self.tr("Stop"), clicked=self.stop)
        self.stop_button.setToolTip(self.tr("Stop drawing; the sets already scored stay shown"))
        self.table = tables.matrix_table()
        self.scores = tables.scores_table(self._part_order)
        self.reliability = ReliabilityPlot(self)
        self.reliability_set = QComboBox()
        self.reliability_set.currentIndexChanged.connect(self._show_reliability)
        self._reliabilities: list[tuple[dict, float | None]] = []
        self._build_layout()
        self.runner = EvaluateRunner(self)
        self.runner.progress.connect(self.progress.setValue)
        self.runner.tested.connect(self._show_mnist)
        self.runner.part.connect(self._show_part)
        self.runner.finished.connect(self._finished)
        self.runner.cancelled.connect(self._stopped)
        self.runner.failed.connect(self._show_failure)
        self.runner.start(net, limit, self.calibration, drawings, self._part_order)

    def _drawings_note(self) -> str:
        """How many drawings of each kind, and the command that scores the same ones."""
        if not self._part_order:
            return ""
        if is_bundled(self.drawings):
            return self.tr("Then the {0} standard drawings of each kind, drawn once and bundled with DigitLab, read as "
                           "the window reads a drawing (as python -m model evaluate --canvas {1}).").format(
                f"{self.drawings:,}", self.drawings)
        return self.tr("Then {0} drawings of each kind, made and read as the window reads a drawing "
                       "(as python -m model evaluate --canvas {1}); this takes a minute or two.").format(
            f"{self.drawings:,}", self.drawings)

    def _say_drawing(self, index: int) -> None:
        if is_bundled(self.drawings):  # drawn when DigitLab was built: only read now
            text = self.tr("Reading the standard drawings: {0} ({1} of {2}), {3} each…")
        else:
            text = self.tr("Drawing and reading: {0} ({1} of {2}), {3} drawings each…")
        self.status.setText(text.format(tables.part_names()[self._part_order[index]], index + 1,
                                        len(self._part_order), f"{self.drawings:,}"))

    def _build_layout(self) -> None:
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.stop_button)
        pages = QTabWidget()
        pages.addTab(_page(self.table, self.tr(
            "Rows are the true digit, columns the prediction; the last column is the accuracy on each digit.")),
            self.tr("MNIST test: confusion matrix"))
        pages.addTab(_page(self.scores, self.tr(
            "Drawings as people draw them: MNIST digits redrawn large and thick, digits in fonts, pen strokes, "
            "and drawings that are no digit. A refused digit counts as wrong; ECE is that of the answers given.")),
            self.tr("All sets"))
        pages.setCurrentIndex(1 if self._part_order else 0)
        self.pages = pages
        plot = QVBoxLayout()
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Reliability on")))
        picker.addWidget(self.reliability_set, 1)
        plot.addLayout(picker)
        plot.addWidget(self.reliability, 1)
        plot.addWidget(QLabel(self.tr("How often the network is right at each confidence it shows "
                                      "(on the diagonal: the confidence can be trusted)."), wordWrap=True))
        side_by_side = QHBoxLayout()
        side_by_side.addWidget(pages, 3)
        side_by_side.addLayout(plot, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addLayout(running)
        layout.addLayout(side_by_side, 1)
        layout.addWidget(QDialogButtonBox(QDialogButtonBox.StandardButton.Close, rejected=self.reject))

    def is_running(self) -> bool:
        return self.runner.is_running()

    def stop(self) -> None:
        """Stop the drawing (or the MNIST test scoring); what is shown stays."""
        self.runner.stop()
        self.stop_button.setEnabled(False)

    def _show_mnist(self, result) -> None:
        """result: (the Report, `model.trust.trust` of the calibrated answers)."""
        report, self.trust = result
        self.result = report
        refused = (self.tr("cannot refuse (no threshold in this file)") if not self.calibration.can_refuse else
                   self.tr("{0} refused ({1})").format(f"{round(self.trust['refused'] * report.images):,}",
                                                      f"{self.trust['refused']:.2%}"))
        self.summary.setText(self.tr("MNIST test accuracy <b>{0}</b> · {1} mistakes · {2}").format(
            f"{100 * report.accuracy:.2f}%", f"{report.mistakes:,}", refused))
        # float: a digit with no images has accuracy None today, NaN in a NumPy report; both become NaN.
        tables.fill_matrix(self.table, np.asarray(report.confusion_matrix),
                           np.array(report.per_class_accuracy, dtype=float))
        tables.fill_mnist_column(self.scores, report, self.trust, self.calibration.can_refuse)
        self._add_reliability(self.tr("MNIST test"), plot_text.translate("EvaluateDialog", "MNIST test"),
                              self.trust["reliability"], self.trust["ece"])
        if self._part_order:
            self._say_drawing(0)
        self._fit()
        self.evaluated.emit(report)

    def _show_part(self, name: str, scores: dict) -> None:
        self.parts[name] = scores
        index = self._part_order.index(name)
        tables.fill_part_column(self.scores, 1 + index, scores, self.calibration.can_refuse)
        if "accuracy" in scores:
            self._add_reliability(tables.part_names()[name], tables.part_names(plot_text.translate)[name],
                                  scores["reliability"], scores["ece"])
        if index + 1 < len(self._part_order):
            self._say_drawing(index + 1)
        self._fit()

    def _add_reliability(self, label: str, title: str, reliability: dict, ece: float | None) -> None:
        """label for the picker; title for the plot (English where no CJK font can draw it)."""
        self._reliabilities.append((reliability, ece, title))
        self.reliability_set.addItem(label)  # the first one added is shown at once

    def _show_reliability(self, index: int) -> None:
        if index >= 0:
            self.reliability.show_reliability(*self._reliabilities[index])

    def _finished(self) -> None:
        self._done(self.tr("Every set is scored: {0} drawings of each kind, as python -m model evaluate "
                           "--canvas {1}.").format(f"{self.drawings:,}", self.drawings) if self._part_order else "")
        self.drawings_evaluated.emit()

    def _stopped(self) -> None:
        if self.result is None:
            self.summary.setText(self.tr("Stopped before MNIST test was scored."))
        self._done(self.tr("Stopped: the sets not scored show “…”."))

    def _show_failure(self, message: str) -> None:
        failure = self.tr("Evaluation failed: {0}").format(message)
        if self.result is None:
            self.summary.setText(failure)
        self._done(failure)

    def _done(self, status: str) -> None:
        self.progress.hide()
        self.stop_button.hide()
        self.status.setText(status)
        self.status.setVisible(bool(status))

    def _fit(self) -> None:
        """The tables may not shrink, the plot may: a cut-off column hides a figure."""
        tables.needs_full_width(self.table)
        tables.needs_full_width(self.scores)
        screen_fit.fit_to_contents(self)

    def done(self, code: int) -> None:
        """Closing asks the worker to stop and waits for its thread, so nothing outlives the dialog."""
        self.runner.shutdown()
        super().done(code)


def _page(table, note: str) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(table, 1)
    layout.addWidget(QLabel(note, wordWrap=True))
    return page
