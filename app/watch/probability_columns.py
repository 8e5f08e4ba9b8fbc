"""Ten probabilities under two networks side by side: the one in use and the one in training."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.probability_bars import ACCENT, BAR, CLASSES, TRACK

FOLLOWED = QColor("#eef3fc")  # behind the row of the digit the sparkline follows
MUTED = QColor("#6b7380")
TITLES = (QT_TRANSLATE_NOOP("ProbabilityColumns", "in use"), QT_TRANSLATE_NOOP("ProbabilityColumns", "in training"))


class ProbabilityColumns(QWidget):
    """One row per digit, a column of bars per network; each column's winner in the accent colour."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._columns: list[np.ndarray | None] = [None, None]
        self._titles = [QCoreApplication.translate("ProbabilityColumns", t) for t in TITLES]
        self._followed: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_column(self, index: int, probabilities: np.ndarray | None, title: str | None = None) -> None:
        """index 0: the network in use, 1: the network in training; None empties the column."""
        p = None if probabilities is None else np.asarray(probabilities, dtype=float).reshape(CLASSES).copy()
        self._columns[index] = p
        self._titles[index] = title or QCoreApplication.translate("ProbabilityColumns", TITLES[index])
        self.update()

    def column(self, index: int) -> np.ndarray | None:
        p = self._columns[index]
        return None if p is None else p.copy()

    def title(self, index: int) -> str:
        return self._titles[index]

    def set_followed(self, digit: int | None) -> None:
        """Mark the row of the digit the sparkline follows."""
        self._followed = digit
        self.update()

    def _row_height(self) -> int:
        return round(self.fontMetrics().height() * 1.25)

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("0") * 30, self._row_height() * (CLASSES + 1))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("0") * 20, self._row_height() * (CLASSES + 1))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        label_w = metrics.horizontalAdvance("0") * 2
        gap = metrics.horizontalAdvance("0")
        row_h = self.height() / (CLASSES + 1)
        col_w = (self.width() - label_w - gap) / 2
        text = self.palette().color(QPalette.ColorRole.WindowText)
        for index, title in enumerate(self._titles):
            painter.setPen(MUTED)
            left = label_w + index * (col_w + gap)
            painter.drawText(QRectF(left, 0, col_w, row_h), Qt.AlignmentFlag.AlignVCenter, title)
        for digit in range(CLASSES):
            top = (digit + 1) * row_h
            if digit == self._followed:
                painter.fillRect(QRectF(0, top, self.width(), row_h), FOLLOWED)
            painter.setPen(text)
            painter.drawText(QRectF(0, top, label_w, row_h), Qt.AlignmentFlag.AlignVCenter, str(digit))
            for index, p in enumerate(self._columns):
                self._bar(painter, QRectF(label_w + index * (col_w + gap), top, col_w, row_h), p, digit, text)

    def _bar(self, painter, cell: QRectF, p, digit: int, text: QColor) -> None:
        metrics = self.fontMetrics()
        pct_w = metrics.horizontalAdvance("100%") + metrics.horizontalAdvance("0") // 2
        bar_h = max(3.0, min(cell.height() * 0.45, metrics.height() * 0.55))
        track = QRectF(cell.left(), cell.top() + (cell.height() - bar_h) / 2, max(1.0, cell.width() - pct_w), bar_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(track, bar_h / 2, bar_h / 2)
        if p is None:
            return
        win = digit == int(p.argmax())
        value = float(p[digit])
        if value >= 0.005:
            painter.setBrush(ACCENT if win else BAR)
            painter.drawRoundedRect(QRectF(track.x(), track.y(), max(bar_h, track.width() * value), bar_h),
                                    bar_h / 2, bar_h / 2)
        painter.setPen(ACCENT if win else text)
        label = f"{100 * value:.0f}%" if value >= 0.005 else "0%"
        painter.drawText(QRectF(track.right(), cell.top(), pct_w, cell.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)
