"""A sparkline: the probability of one digit over the run's steps (0..1 high, 0..total steps wide)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.probability_bars import ACCENT

BASELINE, HALF = QColor("#c9ced6"), QColor("#eef0f3")


class Sparkline(QWidget):
    """Draws (steps, values) with values in 0..1; the last point gets a dot."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._steps, self._values = np.zeros(0), np.zeros(0)
        self._total = 1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_data(self, steps: np.ndarray, values: np.ndarray, total_steps: int) -> None:
        self._steps, self._values = np.asarray(steps, float), np.asarray(values, float)
        self._total = max(int(total_steps), 1)
        self.update()

    def values(self) -> np.ndarray:
        return self._values.copy()

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 16, round(em * 2.6))

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().height() * 6, self.sizeHint().height())

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_w = self.fontMetrics().horizontalAdvance("100%") + 6  # the last value, right of the line
        box = QRectF(3, 3, self.width() - 6 - text_w, self.height() - 6)
        painter.setPen(QPen(HALF, 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()))
        painter.setPen(QPen(BASELINE, 1))
        painter.drawLine(box.bottomLeft(), box.bottomRight())
        if not len(self._steps):
            return
        xs = box.left() + box.width() * np.clip(self._steps / self._total, 0, 1)
        ys = box.bottom() - box.height() * np.clip(self._values, 0, 1)
        painter.setPen(QPen(ACCENT, 1.6))
        painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in zip(xs, ys)]))
        painter.setBrush(ACCENT)
        painter.drawEllipse(QPointF(xs[-1], ys[-1]), 2.5, 2.5)
        painter.drawText(QRectF(box.right(), 0, text_w, self.height()),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, f"{100 * self._values[-1]:.0f}%")
