"""Score a network on the MNIST test set in a worker thread and show the results.

The scoring is model.evaluation's, run through the shared ThreadRunner: the
worker owns the network it is given and sends back the Report it made; the
dialog shows accuracy, per-class accuracy and the 10x10 confusion matrix as a
shaded table. Closing the dialog asks the worker to stop and waits for it.
"""
from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import screen_fit
from app.reliability_plot import ReliabilityPlot
from app.thread_runner import ThreadRunner
from model.calibration import Calibration
from model.constants import MNIST_TEST_RECORDS as TEST_IMAGES
from model.constants import N_CLASSES as CLASSES
from model.evaluation import evaluate_mnist_test
from model.trust import mnist_test_trust

SHADE = QColor("#2f6fdf")


class EvaluateWorker(QObject):
    """Runs model.evaluation's MNIST-test scoring in whatever thread it lives in; owns `net`."""

    progress = Signal(int)     # images done
    finished = Signal(object)  # the Report, made by this run
    cancelled = Signal()
    failed = Signal(str)       # one-line message

    def __init__(self, net, limit: int | None = None, calibration: Calibration | None = None):
        super().__init__()
        self._net, self._limit = net, limit
        self._calibration = calibration or Calibration()
        self._stop = threading.Event()

    def stop(self) -> None:
        """Ask the scoring to stop before its next batch (called from the GUI thread)."""
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            report = evaluate_mnist_test(self._net, self._limit, progress=lambda done, _total: self.progress.emit(done),
                                         should_stop=self._stop.is_set)
        except (ValueError, OSError, MemoryError) as exc:
            self.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        else:
            if report is None or self._stop.is_set():
                self.cancelled.emit()
                return
            # The calibrated answers for the reliability diagram (a second, quick pass).
            self.finished.emit((report, mnist_test_trust(self._net, self._calibration, self._limit)))


class EvaluateRunner(ThreadRunner):
    """One evaluation in its own QThread; its reports reach the GUI thread once the thread is joined."""

    progress = Signal(int)
    finished = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def start(self, net, limit: int | None = None, calibration: Calibration | None = None) -> None:
        worker = EvaluateWorker(net, limit, calibration)
        self._start(worker, "digitlab-evaluation", stop=worker.stop,
                    forward=[(worker.progress, self.progress)],
                    ends=[(worker.finished, self._on_finished), (worker.cancelled, self._on_cancelled),
                          (worker.failed, self._on_failed)])


class EvaluateDialog(QDialog):
    """Non-modal: starts evaluating at once; the window stays usable meanwhile."""

    evaluated = Signal(object)  # the Report

    def __init__(self, net, name: str, parent=None, limit: int | None = None,
                 calibration: Calibration | None = None):
        """`net` becomes the evaluation's own: pass a copy of a network that is in use."""
        super().__init__(parent)
        self.setWindowTitle(f"Evaluate {name} on MNIST test")
        self.result = None  # the Report, once there is one
        count = min(limit or TEST_IMAGES, TEST_IMAGES)
        self.summary = QLabel(f"Evaluating {name} on {count:,} MNIST test images…", wordWrap=True)
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.4)
        self.summary.setFont(big)
        self.progress = QProgressBar(maximum=count)
        self.table = _matrix_table()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, rejected=self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(QLabel("Confusion matrix: rows are the true digit, columns the prediction; "
                                "the last column is the accuracy on each digit. Reliability: how often the "
                                "network is right at each confidence it shows (on the diagonal: the "
                                "confidence can be trusted).", wordWrap=True))
        self.reliability = ReliabilityPlot(self)
        self.trust = None  # the calibrated answers' ECE and reliability bins, once there are some
        side_by_side = QHBoxLayout()
        side_by_side.addWidget(self.table, 3)
        side_by_side.addWidget(self.reliability, 2)
        layout.addLayout(side_by_side)
        layout.addWidget(buttons)
        self.runner = EvaluateRunner(self)
        self.runner.progress.connect(self.progress.setValue)
        self.runner.finished.connect(self._show_result)
        self.runner.failed.connect(self._show_failure)
        self.runner.start(net, limit, calibration)

    def is_running(self) -> bool:
        return self.runner.is_running()

    def _show_result(self, result) -> None:
        """result: (the Report, `model.trust.trust` of the calibrated answers)."""
        report, self.trust = result
        self.result = report
        self.reliability.show_reliability(self.trust["reliability"], self.trust["ece"])
        self.progress.hide()
        cm = np.asarray(report.confusion_matrix)
        errors = int(cm.sum() - np.trace(cm))
        self.summary.setText(f"Test accuracy <b>{100 * report.accuracy:.2f}%</b> · {errors} mistakes")
        # float: a digit with no images has accuracy None today, NaN in a NumPy report; both become NaN.
        _fill_table(self.table, cm, np.array(report.per_class_accuracy, dtype=float))
        # The plot may shrink, the table may not: a cut-off column hides a digit's accuracy.
        self.table.setMinimumWidth(self.table.sizeHint().width())
        screen_fit.fit_to_contents(self)  # the filled table is wider than the empty one was
        self.evaluated.emit(report)

    def _show_failure(self, message: str) -> None:
        self.progress.hide()
        self.summary.setText(f"Evaluation failed: {message}")

    def done(self, code: int) -> None:
        """Closing asks the worker to stop and waits for its thread, so nothing outlives the dialog."""
        self.runner.shutdown()
        super().done(code)


def _matrix_table() -> QTableWidget:
    table = QTableWidget(CLASSES, CLASSES + 1)
    table.setHorizontalHeaderLabels([str(d) for d in range(CLASSES)] + ["acc."])
    table.setVerticalHeaderLabels([str(d) for d in range(CLASSES)])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
    return table


def _fill_table(table: QTableWidget, cm: np.ndarray, per_class: np.ndarray) -> None:
    """Counts shaded by their share of the row: the diagonal dark, mistakes light."""
    shares = cm / np.maximum(cm.sum(axis=1, keepdims=True), 1)
    for row in range(CLASSES):
        for col in range(CLASSES):
            item = QTableWidgetItem(str(int(cm[row, col])))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            # Square root so that a handful of mistakes is still visible next to the diagonal.
            strength = float(np.sqrt(shares[row, col]))
            shade = QColor(SHADE)
            shade.setAlphaF(0.08 + 0.82 * strength if cm[row, col] else 0.0)
            item.setBackground(shade)
            item.setForeground(QColor("white" if strength > 0.6 else "black"))
            table.setItem(row, col, item)
        acc = QTableWidgetItem(f"{100 * per_class[row]:.1f}%" if np.isfinite(per_class[row]) else "—")
        acc.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, CLASSES, acc)
