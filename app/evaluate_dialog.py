"""Score a network on the MNIST test set in a worker thread and show the results.

The worker gets its own copy of the network and sends back plain copies of
the numbers; the dialog shows accuracy, per-class accuracy and the 10x10
confusion matrix as a shaded table.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from model.constants import N_CLASSES as CLASSES
from model.data.mnist import load_mnist, to_float
from model.evaluation import confusion_matrix, per_class_accuracy

CHUNK = 1000  # images per forward pass between progress reports
SHADE = QColor("#2f6fdf")


class EvaluateWorker(QObject):
    """Runs in a QThread: predicts MNIST test in chunks, reporting progress."""

    progress = Signal(int)  # images done
    done = Signal(dict)  # accuracy, per_class_accuracy (10,), confusion_matrix (10, 10): copies
    failed = Signal(str)

    def __init__(self, net, limit: int | None = None):
        super().__init__()
        self._net, self._limit = net, limit
        self._cancelled = False

    def cancel(self) -> None:
        self._cancelled = True  # read between chunks; a plain bool is enough across threads here

    @Slot()
    def run(self) -> None:
        try:
            images, labels = load_mnist("test")
            images, labels = images[:self._limit], labels[:self._limit].astype(np.int64)
            predicted = []
            for start in range(0, len(images), CHUNK):
                if self._cancelled:
                    return
                predicted.append(self._net.predict(to_float(images[start:start + CHUNK])))
                self.progress.emit(start + len(predicted[-1]))
            cm = confusion_matrix(labels, np.concatenate(predicted))
            self.done.emit({"accuracy": float(np.trace(cm) / cm.sum()),
                            "per_class_accuracy": per_class_accuracy(cm).copy(),
                            "confusion_matrix": cm.copy()})
        except (ValueError, OSError, MemoryError) as exc:
            self.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


class EvaluateDialog(QDialog):
    """Non-modal: starts evaluating at once; the window stays usable meanwhile."""

    evaluated = Signal(dict)

    def __init__(self, net, name: str, parent=None, limit: int | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Evaluate {name} on MNIST test")
        self.result: dict | None = None
        self.summary = QLabel(f"Evaluating {name} on the 10,000 MNIST test images…", wordWrap=True)
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.4)
        self.summary.setFont(big)
        self.progress = QProgressBar(maximum=limit or 10_000)
        self.table = _matrix_table()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, rejected=self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(QLabel("Confusion matrix: rows are the true digit, columns the prediction; "
                                "the last column is the accuracy on each digit.", wordWrap=True))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self._start(net, limit)

    def _start(self, net, limit) -> None:
        self._thread = QThread(self)
        self._worker = EvaluateWorker(net, limit)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress.setValue)
        self._worker.done.connect(self._show_result)
        self._worker.failed.connect(self._show_failure)
        for signal in (self._worker.done, self._worker.failed):
            signal.connect(self._thread.quit)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def _show_result(self, result: dict) -> None:
        self.result = result
        self.progress.hide()
        errors = int(result["confusion_matrix"].sum() - np.trace(result["confusion_matrix"]))
        self.summary.setText(f"Test accuracy <b>{100 * result['accuracy']:.2f}%</b> · {errors} mistakes")
        _fill_table(self.table, result["confusion_matrix"], result["per_class_accuracy"])
        self.evaluated.emit(result)

    def _show_failure(self, message: str) -> None:
        self.progress.hide()
        self.summary.setText(f"Evaluation failed: {message}")

    def done(self, code: int) -> None:
        """Closing stops the worker and waits for its thread, so nothing outlives the dialog."""
        self._worker.cancel()
        self._thread.quit()
        self._thread.wait()
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
