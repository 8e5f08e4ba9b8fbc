"""One hidden layer's activations as a strip of thin bars; hovering a bar tells its unit and value."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

BAR = QColor("#2f6fdf")
NEGATIVE = QColor("#d9534f")
AXIS = QColor("#c9ced6")
STRIP_LINES = 3.5  # the bars' height, in text lines


class BarStrip(QWidget):
    """values (F,) as F bars side by side, scaled to the largest magnitude; negative ones hang below."""

    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = ""
        self._values = np.zeros(0, np.float32)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_values(self, title: str, values: np.ndarray) -> None:
        self.title, self._values = title, np.asarray(values, dtype=np.float32).reshape(-1)
        self.update()

    def values(self) -> np.ndarray:
        return self._values.copy()

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 24, round(line * (1.5 + STRIP_LINES)))

    def _plot_rect(self) -> QRectF:
        line = self.fontMetrics().height()
        return QRectF(0, line * 1.5, self.width(), self.height() - line * 1.5)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        line = self.fontMetrics().height()
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        peak = float(np.abs(self._values).max()) if self._values.size else 0.0
        painter.drawText(QRectF(0, 0, self.width(), line * 1.3), Qt.AlignmentFlag.AlignVCenter,
                         self.tr("{title} · largest {peak}").format(title=self.title, peak=f"{peak:.3g}")
                         if self._values.size else self.title)
        plot = self._plot_rect()
        signed = bool((self._values < 0).any())
        zero = plot.center().y() if signed else plot.bottom()
        painter.setPen(AXIS)
        painter.drawLine(QPointF(plot.left(), zero), QPointF(plot.right(), zero))
        if not self._values.size or peak == 0:
            return
        step = plot.width() / len(self._values)
        reach = (zero - plot.top()) / peak
        painter.setPen(Qt.PenStyle.NoPen)
        width = max(step * 0.8, 1.0)
        lefts, tops = plot.left() + step * np.arange(len(self._values)), zero - np.maximum(self._values, 0) * reach
        heights = np.abs(self._values) * reach
        for colour, chosen in ((BAR, self._values > 0), (NEGATIVE, self._values < 0)):
            painter.setBrush(colour)  # one call per colour: a strip has up to a thousand bars
            painter.drawRects([QRectF(x, y, width, h) for x, y, h in
                               zip(lefts[chosen].tolist(), tops[chosen].tolist(), heights[chosen].tolist())])

    def describe_at(self, pos: QPointF) -> str | None:
        plot = self._plot_rect()
        if not self._values.size or not plot.contains(pos):
            return None
        unit = min(len(self._values) - 1, int((pos.x() - plot.left()) / plot.width() * len(self._values)))
        return self.tr("{title} · unit {unit} = {value}").format(title=self.title, unit=unit,
                                                                  value=f"{self._values[unit]:.3g}")

    def mouseMoveEvent(self, event) -> None:
        text = self.describe_at(event.position())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
            self.hovered.emit(text)
