"""The drawing canvas: white paper, black ink, painted into a QImage (Qt's Scribble example).

Coordinates: every public method speaks in *canvas units*, a 280 x 280 square
whatever the widget's size on screen (0, 0 is the top-left corner). The
drawing is kept as a list of edits (strokes, a loaded picture, a clear), so
undo and redo replay them, and a resize or a move to a 200% screen re-renders
them crisply at the new size instead of stretching pixels.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QImage, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from model.data.preprocess import load_image as read_image
from model.data.preprocess import on_paper

SIDE = 280.0  # the logical canvas, in canvas units
DEFAULT_BRUSH = 22.0  # on 280 units: after the 20-in-28 preprocessing, MNIST-like strokes
MIN_BRUSH, MAX_BRUSH = 4.0, 48.0
PAPER = QColor("white")
INK = QColor("black")
FRAME = QColor("#c9ced6")


@dataclass(frozen=True)
class Stroke:
    points: tuple[tuple[float, float], ...]
    width: float
    erase: bool


@dataclass(frozen=True)
class Picture:
    image: QImage  # greyscale, drawn to fit the paper


class Clear:
    """An edit that wipes the paper (kept so that clear can be undone)."""


class Canvas(QWidget):
    """A square sheet to draw one digit on with the mouse, a pen tablet or code.

    Left button draws, right button (or the eraser tool) erases.
    `changed` fires while the drawing changes (often: throttle it);
    `stroke_finished` fires once an edit is complete: a stroke ends, or
    undo, redo, clear or a loaded image changes the drawing.
    """

    changed = Signal()
    stroke_finished = Signal()
    image_rejected = Signal(str)  # a one-line reason a dropped file was not loaded

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Drawing canvas"))
        self._edits: list[Stroke | Picture | Clear] = []
        self._redo: list[Stroke | Picture | Clear] = []
        self._brush = DEFAULT_BRUSH
        self._erasing = False
        self._live: list[tuple[float, float]] | None = None  # the stroke under the pointer
        self._live_erase = False
        self._live_button = Qt.MouseButton.NoButton
        self._image = QImage()
        self._render()

    # --- public drawing API -------------------------------------------------
    def brush_width(self) -> float:
        return self._brush

    def set_brush_width(self, width: float) -> None:
        """Brush diameter in canvas units (of 280), clamped to a sensible range."""
        self._brush = float(min(max(width, MIN_BRUSH), MAX_BRUSH))
        self._update_cursor()

    def eraser(self) -> bool:
        return self._erasing

    def set_eraser(self, on: bool) -> None:
        """Make the left button erase (True) or draw (False)."""
        self._erasing = bool(on)

    def draw_stroke(self, points, width: float | None = None, erase: bool | None = None) -> None:
        """Draw one stroke through `points` [(x, y), ...] in canvas units (0..280).

        width and erase default to the current brush width and tool.
        """
        pts = tuple((float(x), float(y)) for x, y in points)
        if not pts:
            return
        width = self._brush if width is None else float(width)
        self._commit(Stroke(pts, width, self._erasing if erase is None else bool(erase)))

    def clear(self) -> None:
        if not self.is_empty():
            self._commit(Clear())

    def undo(self) -> None:
        if self._edits:
            self._redo.append(self._edits.pop())
            self._settle()

    def redo(self) -> None:
        if self._redo:
            self._edits.append(self._redo.pop())
            self._settle()

    def can_undo(self) -> bool:
        return bool(self._edits)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def load_image(self, source: str | Path | np.ndarray | Image.Image) -> None:
        """Replace the drawing with a picture (undoable); ImageError for a bad file."""
        picture = read_image(source) if isinstance(source, (str, Path)) else source
        # Shown as ink on white paper whatever its polarity, so strokes drawn over it show.
        self._commit(Picture(_to_qimage(on_paper(picture))))

    def to_array(self) -> np.ndarray:
        """The drawing as uint8 (H, W), 255 = paper, 0 = ink, at its on-screen pixel size.

        Ink, paper and dropped pictures are all grey, so every pixel of the RGB32 image has
        R = G = B: its green byte is its grey (Qt's conversion to Grayscale8 gives the same bytes
        and took 1.5-10 ms of the GUI thread, three times a stroke; this takes 0.2 ms)."""
        h, w, stride = self._image.height(), self._image.width(), self._image.bytesPerLine()
        rows = np.frombuffer(self._image.constBits(), dtype=np.uint32, count=h * stride // 4)
        return ((rows.reshape(h, stride // 4)[:, :w] >> 8) & 0xFF).astype(np.uint8)

    def is_empty(self) -> bool:
        return bool(self.to_array().min() >= 255)

    # --- rendering ------------------------------------------------------------
    def _commit(self, edit) -> None:
        self._edits.append(edit)
        self._redo.clear()
        self._settle()

    def _settle(self) -> None:
        self._render()
        self.update()
        self.changed.emit()
        self.stroke_finished.emit()

    def _paper_rect(self) -> QRectF:
        """The largest centred square that fits the widget, in widget pixels."""
        side = max(1.0, min(self.width(), self.height()) - 2.0)
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _scale(self) -> float:
        """Widget pixels per canvas unit."""
        return self._paper_rect().width() / SIDE

    def _render(self) -> None:
        """Replay the edits since the last clear into an image of the paper's device pixels."""
        ratio = self.devicePixelRatioF()
        px = max(1, round(self._paper_rect().width() * ratio))
        self._image = QImage(px, px, QImage.Format.Format_RGB32)
        self._image.fill(PAPER)
        start = max((i + 1 for i, e in enumerate(self._edits) if isinstance(e, Clear)), default=0)
        painter = self._painter()
        for edit in self._edits[start:]:
            if isinstance(edit, Stroke):
                self._paint_stroke(painter, edit.points, edit.width, edit.erase)
            elif isinstance(edit, Picture):
                painter.fillRect(QRectF(0, 0, SIDE, SIDE), PAPER)
                size = QSize(edit.image.width(), edit.image.height()).scaled(
                    QSize(int(SIDE), int(SIDE)), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRectF((SIDE - size.width()) / 2, (SIDE - size.height()) / 2, size.width(), size.height())
                painter.drawImage(target, edit.image)
        if self._live:
            self._paint_stroke(painter, self._live, self._brush, self._live_erase)
        painter.end()

    def _painter(self) -> QPainter:
        """A painter on the backing image that draws in canvas units."""
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.scale(self._image.width() / SIDE, self._image.height() / SIDE)
        return painter

    @staticmethod
    def _paint_stroke(painter: QPainter, points, width: float, erase: bool) -> None:
        if erase:
            # One device pixel wider on each side than the brush: covers the ink's
            # anti-aliased fringe, which would otherwise stay as a faint outline.
            width += 2 * SIDE / painter.device().width()
        pen = QPen(PAPER if erase else INK, width, Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        if len(points) == 1:
            painter.drawPoint(QPointF(*points[0]))
            return
        path = QPainterPath(QPointF(*points[0]))
        for x, y in points[1:]:
            path.lineTo(x, y)
        painter.drawPath(path)

    # --- Qt event handlers ------------------------------------------------------
    def sizeHint(self) -> QSize:
        side = self.fontMetrics().height() * 24  # ~ 420 px at 100%, follows the font's scale
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = self.fontMetrics().height() * 16  # docked panels may squeeze it, but not below this
        return QSize(side, side)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        paper = self._paper_rect()
        painter.drawImage(paper, self._image)
        painter.setPen(QPen(FRAME, 1))
        painter.drawRect(paper.adjusted(-0.5, -0.5, 0.5, 0.5))

    def resizeEvent(self, event) -> None:
        self._render()
        self._update_cursor()
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() == event.Type.DevicePixelRatioChange:
            self._render()  # moved to a screen with another scale: redraw crisply
            self._update_cursor()
        super().changeEvent(event)

    def mousePressEvent(self, event) -> None:
        buttons = Qt.MouseButton.LeftButton | Qt.MouseButton.RightButton
        if event.button() & buttons and self._live is None:
            self._live_erase = self._erasing or event.button() == Qt.MouseButton.RightButton
            self._live_button = event.button()
            self._live = [self._to_canvas(event.position())]
            self._paint_live(self._live[-1:])

    def mouseMoveEvent(self, event) -> None:
        if self._live is not None:
            self._live.append(self._to_canvas(event.position()))
            self._paint_live(self._live[-2:])

    def mouseReleaseEvent(self, event) -> None:
        if self._live is not None and event.button() == self._live_button:
            points, self._live = self._live, None
            self._edits.append(Stroke(tuple(points), self._brush, self._live_erase))
            self._redo.clear()
            self.stroke_finished.emit()

    def _update_cursor(self) -> None:
        """A ring as wide as the brush, so one sees what a stroke will cover."""
        diameter = self._brush * self._scale()
        side, ratio = int(diameter) + 4, self.devicePixelRatioF()
        ring = QPixmap(round(side * ratio), round(side * ratio))
        ring.setDevicePixelRatio(ratio)
        ring.fill(Qt.GlobalColor.transparent)
        painter = QPainter(ring)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for colour, inset in ((QColor(0, 0, 0, 170), 1.5), (QColor(255, 255, 255, 200), 2.5)):
            painter.setPen(QPen(colour, 1))  # dark and light rings: visible on paper and on ink
            painter.drawEllipse(QRectF(inset, inset, side - 2 * inset, side - 2 * inset))
        painter.end()
        self.setCursor(QCursor(ring, side // 2, side // 2))

    def _to_canvas(self, pos: QPointF) -> tuple[float, float]:
        paper = self._paper_rect()
        return ((pos.x() - paper.x()) / self._scale(), (pos.y() - paper.y()) / self._scale())

    def _paint_live(self, segment) -> None:
        """Paint the newest piece of the live stroke and repaint only around it."""
        painter = self._painter()
        self._paint_stroke(painter, segment, self._brush, self._live_erase)
        painter.end()
        xs, ys = [p[0] for p in segment], [p[1] for p in segment]
        pad = self._brush / 2 + 2
        box = QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad)
        scale, paper = self._scale(), self._paper_rect()
        dirty = QRectF(paper.x() + box.x() * scale, paper.y() + box.y() * scale,
                       box.width() * scale, box.height() * scale)
        self.update(dirty.toAlignedRect().adjusted(-1, -1, 1, 1) & QRect(0, 0, self.width(), self.height()))
        self.changed.emit()

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.load_file(urls[0].toLocalFile())

    def load_file(self, path: str) -> bool:
        """Load a picture file as the drawing; on failure keep the drawing and emit image_rejected."""
        try:
            self.load_image(path)
        except ValueError as exc:
            self.image_rejected.emit(str(exc).splitlines()[0])
            return False
        return True


def _to_qimage(grey: np.ndarray) -> QImage:
    """uint8 (H, W) -> a greyscale QImage owning a copy of the pixels."""
    grey = np.ascontiguousarray(grey)
    h, w = grey.shape
    return QImage(grey.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
