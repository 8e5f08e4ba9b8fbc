"""Ten softmax probabilities as horizontal bars, painted by hand (quicker than a plot)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from model.constants import N_CLASSES as CLASSES

ACCENT = QColor("#2f6fdf")
TRACK = QColor("#e9ecf1")
BAR = QColor("#9aa5b5")
MUTED_TEXT = "#6b7380"


class ProbabilityBars(QWidget):
    """One row per digit: the digit, a bar as long as its probability, the percentage.

    The winning row is drawn in the accent colour; with no probabilities the
    rows are empty tracks; when the network refuses the drawing, every row is grey.
    Clicking a row emits row_clicked(digit).
    """

    row_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._probabilities = np.zeros(CLASSES)
        self._winner: int | None = None
        self._muted = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def probabilities(self) -> np.ndarray:
        return self._probabilities.copy()

    def is_muted(self) -> bool:
        """True while the bars are grey because the network refused the drawing."""
        return self._muted

    def set_probabilities(self, probabilities: np.ndarray | None, muted: bool = False) -> None:
        """probabilities: (10,) summing to 1, or None to empty the chart; muted: all grey (no digit won)."""
        self._muted = muted
        if probabilities is None:
            self._probabilities, self._winner = np.zeros(CLASSES), None
        else:
            self._probabilities = np.asarray(probabilities, dtype=float).reshape(CLASSES).copy()
            self._winner = int(self._probabilities.argmax())
        self.update()

    def _row_height(self) -> int:
        return round(self.fontMetrics().height() * 1.45)

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("0") * 30, self._row_height() * CLASSES)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("0") * 16, self._row_height() * CLASSES)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        label_w = metrics.horizontalAdvance("0") * 2
        pct_w = metrics.horizontalAdvance("100.0%") + metrics.horizontalAdvance("0")
        row_h = self.height() / CLASSES
        bar_h = max(4.0, min(row_h * 0.5, metrics.height() * 0.7))
        track_x, track_w = label_w, max(1.0, self.width() - label_w - pct_w)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        if self._muted:
            text = QColor(MUTED_TEXT)
        for digit, p in enumerate(self._probabilities):
            top = digit * row_h
            win = digit == self._winner and not self._muted
            bold = painter.font()
            bold.setBold(win)
            painter.setFont(bold)
            painter.setPen(ACCENT if win else text)
            painter.drawText(QRectF(0, top, label_w, row_h), Qt.AlignmentFlag.AlignVCenter, str(digit))
            track = QRectF(track_x, top + (row_h - bar_h) / 2, track_w, bar_h)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK)
            painter.drawRoundedRect(track, bar_h / 2, bar_h / 2)
            if p >= 0.005:  # smaller than a rounded dot: leave the track empty
                painter.setBrush(ACCENT if win else BAR)
                filled = QRectF(track.x(), track.y(), max(bar_h, track_w * float(p)), bar_h)
                painter.drawRoundedRect(filled, bar_h / 2, bar_h / 2)
            painter.setPen(ACCENT if win else text)
            label = f"{100 * p:.1f}%" if self._winner is not None else ""
            painter.drawText(QRectF(track_x + track_w, top, pct_w, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.height() > 0:
            self.row_clicked.emit(min(CLASSES - 1, max(0, int(event.position().y() * CLASSES / self.height()))))
        super().mousePressEvent(event)
