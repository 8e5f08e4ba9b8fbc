"""The Evaluate dialog's two tables: MNIST test's confusion matrix, and every set's scores side by side.

The scores table has one column per set (MNIST test, then the drawn parts) and
rows for the count, accuracy, refusals, ECE and each digit's accuracy. Numbers
are shown as `evaluate` prints them. Texts go through Qt's translation
("EvaluateDialog" context).
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from model.constants import N_CLASSES as CLASSES

SHADE = QColor("#2f6fdf")
DASH = "—"
translate = QCoreApplication.translate  # called with literal texts, so lupdate finds them
ROW_COUNT, ROW_CORRECT, ROW_REFUSED, ROW_ECE, ROW_DIGITS = 0, 1, 2, 3, 4


def part_names(translate=translate) -> dict[str, str]:
    """model.data.canvas_set's part names -> what the dialog calls them (translate: plot_text's for plot titles)."""
    return {"mnist": translate("EvaluateDialog", "Redrawn"), "fonts": translate("EvaluateDialog", "Fonts"),
            "strokes": translate("EvaluateDialog", "Strokes"), "nondigits": translate("EvaluateDialog", "Not digits")}


def _readonly(table: QTableWidget) -> QTableWidget:
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
    return table


def matrix_table() -> QTableWidget:
    table = QTableWidget(CLASSES, CLASSES + 1)
    table.setHorizontalHeaderLabels([str(d) for d in range(CLASSES)] + [translate("EvaluateDialog", "acc.")])
    table.setVerticalHeaderLabels([str(d) for d in range(CLASSES)])
    return _readonly(table)


def fill_matrix(table: QTableWidget, cm: np.ndarray, per_class: np.ndarray) -> None:
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
        table.setItem(row, CLASSES, _cell(_percent(per_class[row], 1)))


def scores_table(parts: tuple[str, ...]) -> QTableWidget:
    """Empty scores table: a column for MNIST test and one per drawn part."""
    names = part_names()
    table = QTableWidget(ROW_DIGITS + CLASSES, 1 + len(parts))
    table.setHorizontalHeaderLabels([translate("EvaluateDialog", "MNIST test")] + [names[p] for p in parts])
    table.setVerticalHeaderLabels([translate("EvaluateDialog", "images"), translate("EvaluateDialog", "correct"),
                                   translate("EvaluateDialog", "refused"), translate("EvaluateDialog", "ECE")]
                                  + [translate("EvaluateDialog", "digit {0}").format(d) for d in range(CLASSES)])
    for col in range(table.columnCount()):
        for row in range(table.rowCount()):
            table.setItem(row, col, _cell("…" if col else ""))
    return _readonly(table)


def fill_mnist_column(table: QTableWidget, report, trust: dict, can_refuse: bool) -> None:
    """Column 0 from model.evaluation's Report and model.trust's `trust` on MNIST test."""
    _fill_column(table, 0, report.images, report.accuracy, trust["refused"] if can_refuse else None,
                 trust["ece"], report.per_class_accuracy, decimals=2)


def fill_part_column(table: QTableWidget, col: int, scores: dict, can_refuse: bool) -> None:
    """Column `col` from model.canvas_report's `part_report` scores."""
    _fill_column(table, col, scores["n"], scores.get("accuracy"), scores["rejected"] if can_refuse else None,
                 scores.get("ece"), scores.get("per_digit"), decimals=1)


def _fill_column(table, col, n, accuracy, refused, ece, per_digit, decimals: int) -> None:
    """refused: the share refused, or None for a network that cannot refuse. Decimals as `evaluate` prints them."""
    refused_text = (translate("EvaluateDialog", "cannot refuse") if refused is None
                    else f"{round(refused * n):,} ({_percent(refused, decimals)})")
    texts = [f"{n:,}", _percent(accuracy, decimals), refused_text, _percent(ece, 2)]
    texts += [_percent(a, 1) for a in (per_digit if per_digit is not None else [None] * CLASSES)]
    for row, text in enumerate(texts):
        table.setItem(row, col, _cell(text))


def _percent(value, decimals: int) -> str:
    """"99.35%"; a dash for a figure that does not apply (None or NaN)."""
    if value is None or not np.isfinite(value):
        return DASH
    return f"{100 * value:.{decimals}f}%"


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def needs_full_width(table: QTableWidget) -> None:
    """A table may not shrink below its contents: a cut-off column hides a figure."""
    table.setMinimumWidth(table.sizeHint().width())
