"""The Train tab's curves in small: smoothed training loss over validation accuracy, painted by hand.

It keeps no data of its own: it reads the lists of the Train tab's
TrainingCurves (batch_x, batch_smooth, epoch_x, val_acc) each time it paints,
so there is one bookkeeping and two views. QPainter rather than matplotlib:
a repaint costs well under a millisecond, so it can follow a run live
without slowing it. Clicking it emits `clicked` (the window opens the Train tab).
"""
from __future__ import annotations

import math

from matplotlib.colors import to_hex
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.training.curves import TRAIN_COLOR, VAL_COLOR

LOSS_COLOR, ACC_COLOR = QColor(to_hex(TRAIN_COLOR)), QColor(to_hex(VAL_COLOR))
FRAME, GRID, MUTED = QColor("#c9ced6"), QColor("#eef0f3"), QColor("#8a919c")
MAX_EPOCH_LINES = 20  # more epochs than this: no line per epoch, it would be a grey wash


class CompactCurve(QWidget):
    """Two strips over a shared epoch axis: loss (top) and validation accuracy in % (bottom)."""

    clicked = Signal()

    def __init__(self, source, parent: QWidget | None = None):
        """source: the TrainingCurves whose lists this draws."""
        super().__init__(parent)
        self.source = source
        self._epochs = 1
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Training loss and validation accuracy; click for the full curves (Train tab)"))

    def set_epochs(self, epochs: int) -> None:
        """The x axis spans 0..epochs, so the curve grows into a fixed frame."""
        self._epochs = max(int(epochs), 1)
        self.update()

    def sizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 16, em * 7)

    def minimumSizeHint(self) -> QSize:
        em = self.fontMetrics().height()
        return QSize(em * 10, em * 5)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()

    def loss_points(self) -> list[tuple[float, float]]:
        """(epoch, smoothed loss) as drawn: about one point per pixel of width."""
        return _thin(*_finite(self.source.batch_x, self.source.batch_smooth), max(self.width(), 1))

    def accuracy_points(self) -> list[tuple[float, float]]:
        """(epoch, validation accuracy in %) as drawn."""
        return list(zip(*_finite(self.source.epoch_x, self.source.val_acc)))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        gap = self.fontMetrics().height() * 0.4
        half = (self.height() - gap) / 2
        right = max([self._epochs, *self.source.batch_x[-1:], *self.source.epoch_x[-1:]])
        loss_box = QRectF(0.5, 0.5, self.width() - 1, half - 1)
        acc_box = QRectF(0.5, half + gap + 0.5, self.width() - 1, half - 1)
        losses = self.loss_points()
        top = max(y for _, y in losses) * 1.1 if losses else 2.5
        self._strip(painter, loss_box, right, (0.0, top), losses, LOSS_COLOR, markers=False)
        self._label(painter, loss_box, self.tr("loss {value}").format(value=f"{losses[-1][1]:.3f}") if losses
                    else self.tr("loss"), LOSS_COLOR)
        accs = self.accuracy_points()
        low = min(90.0, 10 * math.floor(min(y for _, y in accs) / 10)) if accs else 0.0
        self._strip(painter, acc_box, right, (low, 100.0), accs, ACC_COLOR, markers=True)
        self._label(painter, acc_box, self.tr("validation {value}%").format(value=f"{accs[-1][1]:.1f}") if accs
                    else self.tr("validation accuracy"), ACC_COLOR)
        painter.setPen(MUTED)  # the accuracy strip's scale moves with the run: say where it starts
        painter.drawText(acc_box.adjusted(4, 2, -4, -2), Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft,
                         f"{low:.0f}–100%")

    def _strip(self, painter, box, right, y_range, pairs, color, markers) -> None:
        painter.setPen(QPen(FRAME, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        if self._epochs <= MAX_EPOCH_LINES:
            painter.setPen(QPen(GRID, 1))
            for epoch in range(1, self._epochs):
                x = box.left() + box.width() * epoch / right
                painter.drawLine(QPointF(x, box.top() + 1), QPointF(x, box.bottom() - 1))
        low, high = y_range
        span = max(high - low, 1e-9)
        points = QPolygonF([QPointF(box.left() + box.width() * x / right,
                                    box.bottom() - box.height() * (min(max(y, low), high) - low) / span)
                            for x, y in pairs])
        painter.setPen(QPen(color, 1.6))
        painter.drawPolyline(points)
        if markers:
            painter.setBrush(color)
            for point in points:
                painter.drawEllipse(point, 2.5, 2.5)

    def _label(self, painter, box, text, color) -> None:
        painter.setPen(color.darker(130))
        inner = box.adjusted(4, 2, -4, -2)
        painter.drawText(inner, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight, text)


def _finite(xs: list[float], ys: list[float]) -> tuple[list[float], list[float]]:
    """The points whose y is a number (NaN marks an epoch without validation)."""
    pairs = [(x, y) for x, y in zip(xs, ys) if math.isfinite(y)]
    return [x for x, _ in pairs], [y for _, y in pairs]


def _thin(xs: list[float], ys: list[float], pixels: int) -> list[tuple[float, float]]:
    """About one point per pixel of width, always keeping the last: a long run stays cheap to paint."""
    step = max(1, len(xs) // max(pixels, 1))
    pairs = list(zip(xs[::step], ys[::step]))
    if xs and (len(xs) - 1) % step:
        pairs.append((xs[-1], ys[-1]))
    return pairs
