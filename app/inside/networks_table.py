"""Every loaded network's reading of the drawing, side by side: digit, confidence, top 3."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from model.explain import top_k

COLUMNS = (QT_TRANSLATE_NOOP("NetworksTable", "Network"), QT_TRANSLATE_NOOP("NetworksTable", "Reads"),
           QT_TRANSLATE_NOOP("NetworksTable", "Confidence"), QT_TRANSLATE_NOOP("NetworksTable", "Top 3"))


class NetworksTable(QTableWidget):
    """One row per network; the current one in bold. Rows are (name, probabilities or None, current)."""

    def __init__(self, parent=None):
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels([QCoreApplication.translate("NetworksTable", c) for c in COLUMNS])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(self.focusPolicy().NoFocus)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_rows(self, rows: list[tuple[str, np.ndarray | None, bool]]) -> None:
        """Rewrite the cells' text in place: new items would relayout the table on every stroke."""
        if self.rowCount() != len(rows):
            self.setRowCount(len(rows))
        for r, (name, probabilities, current) in enumerate(rows):
            if probabilities is None:
                cells = (name, "–", "", "")
            else:
                best = top_k(probabilities, 3)
                cells = (name, str(best[0][0]), f"{100 * best[0][1]:.1f}%",
                         " · ".join(f"{d} {100 * p:.0f}%" for d, p in best))
            for c, text in enumerate(cells):
                self._set_cell(r, c, text, current)

    def _set_cell(self, row: int, column: int, text: str, bold: bool) -> None:
        item = self.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.setItem(row, column, item)
        if item.text() != text:
            item.setText(text)
            item.setToolTip(text)
        if item.font().bold() != bold:
            font = QFont(self.font())
            font.setBold(bold)
            item.setFont(font)

    def readings(self) -> list[tuple[str, str]]:
        """(network, digit read) per row, as shown."""
        return [(self.item(r, 0).text(), self.item(r, 1).text()) for r in range(self.rowCount())]
