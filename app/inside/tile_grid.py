"""A grid of small images on one colour scale, with a colour bar: feature maps, filters, templates.

Painted by hand from NumPy arrays (quicker than a plot); hovering a tile
tells its layer, index and value in a tool tip and the `hovered` signal.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.inside.colours import MAPS_CMAP, SIGNED_CMAP, colour_lut, rgb_image, signed_range, to_rgb, value_range

GAP_PX = 3  # between tiles, in logical pixels
MAX_TILE_LINES = 5  # a tile is at most this many text lines high...
MIN_TILE_LINES = 2.2  # ...and at least this many
BAR_STOPS = 8  # colour stops of the colour bar's gradient
FRAME = QColor("#c9ced6")


class TileGrid(QWidget):
    """Tiles (K, H, W) in rows, all on the scale of the whole set, titled and with a colour bar.

    signed: a scale symmetric about zero (weights); else from the smallest to the largest value.
    """

    hovered = Signal(str)

    def __init__(self, signed: bool = False, max_columns: int = 8, parent: QWidget | None = None):
        super().__init__(parent)
        self.signed, self.max_columns = signed, max_columns
        self.title = ""
        self._tiles = np.zeros((0, 1, 1), np.float32)
        self._names: list[str] = []
        self._captions: list[str] = []
        self._images = []
        self._range = (0.0, 1.0)
        self._grid_cache: tuple = (None, None)
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_tiles(self, title: str, tiles: np.ndarray, names: list[str] | None = None,
                  captions: list[str] | None = None) -> None:
        """tiles: (K, H, W); names: what hovering calls each tile ("map 3"); captions: written under each."""
        tiles = np.asarray(tiles, dtype=np.float32)
        relayout = len(tiles) != len(self._tiles) or bool(captions) != bool(self._captions)
        self.title, self._tiles = title, tiles
        self._names = names or [self.tr("map {k}").format(k=k) for k in range(len(tiles))]
        self._captions = captions or []
        self._range = signed_range(tiles) if self.signed else value_range(tiles) if tiles.size else (0.0, 1.0)
        rgb = to_rgb(tiles, *self._range, SIGNED_CMAP if self.signed else MAPS_CMAP) if tiles.size else []
        self._images = [rgb_image(tile) for tile in rgb]
        if relayout:
            self.updateGeometry()
        self.update()

    def value_range(self) -> tuple[float, float]:
        return self._range

    # --- geometry ------------------------------------------------------------
    def _line(self) -> int:
        return self.fontMetrics().height()

    def _bar_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("-0.00e+00") + self._line()

    def _grid(self, width: int) -> tuple[int, float]:
        """(columns, tile side) for a widget `width` wide (asked often by layouts: remembered)."""
        key = (width, len(self._tiles), self._line())
        if self._grid_cache[0] != key:
            self._grid_cache = (key, self._compute_grid(width))
        return self._grid_cache[1]

    def _compute_grid(self, width: int) -> tuple[int, float]:
        count = max(1, len(self._tiles))
        room = max(1, width - self._bar_width())
        columns = min(count, self.max_columns, max(1, int(room // (MIN_TILE_LINES * self._line() + GAP_PX))))
        side = min((room - GAP_PX * (columns - 1)) / columns, MAX_TILE_LINES * self._line())
        return columns, max(1.0, side)

    def _cell_height(self, side: float) -> float:
        return side + GAP_PX + (self._line() if self._captions else 0)

    def heightForWidth(self, width: int) -> int:
        columns, side = self._grid(width)
        rows = -(-max(1, len(self._tiles)) // columns)
        return int(self._line() * 1.5 + rows * self._cell_height(side))

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        width = self._line() * 24
        return QSize(width, self.heightForWidth(width))

    def _tile_rect(self, k: int, columns: int, side: float) -> QRectF:
        row, col = divmod(k, columns)
        return QRectF(col * (side + GAP_PX), self._line() * 1.5 + row * self._cell_height(side), side, side)

    # --- painting and hovering ------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), self._line() * 1.3), Qt.AlignmentFlag.AlignVCenter, self.title)
        columns, side = self._grid(self.width())
        for k, image in enumerate(self._images):
            rect = self._tile_rect(k, columns, side)
            painter.drawImage(rect, image)  # no smoothing: each input pixel stays a crisp square
            painter.setPen(FRAME)  # pale tiles (filters near zero) would run into each other
            painter.drawRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5))
            painter.setPen(text)
            if k < len(self._captions):
                caption = QRectF(rect.x(), rect.bottom(), rect.width(), self._line())
                painter.drawText(caption, Qt.AlignmentFlag.AlignCenter, self._captions[k])
        if self._images:
            rows = -(-len(self._images) // columns)
            height = min(rows * self._cell_height(side) - GAP_PX, self.height() - self._line() * 1.5)
            self._paint_colour_bar(painter, columns * (side + GAP_PX) + GAP_PX, height)

    def _paint_colour_bar(self, painter: QPainter, x: float, height: float) -> None:
        """A vertical strip of the colour map, high at the top, with its two ends written beside it."""
        top, width = self._line() * 1.5, self._line() * 0.7
        gradient = QLinearGradient(QPointF(0, top + height), QPointF(0, top))
        colours = colour_lut(SIGNED_CMAP if self.signed else MAPS_CMAP)
        for i in range(BAR_STOPS + 1):
            r, g, b = colours[round(i / BAR_STOPS * (len(colours) - 1))]
            gradient.setColorAt(i / BAR_STOPS, f"#{r:02x}{g:02x}{b:02x}")
        painter.fillRect(QRectF(x, top, width, height), gradient)
        low, high = self._range
        label = QRectF(x + width + 3, top, self._bar_width(), self._line())
        painter.drawText(label, Qt.AlignmentFlag.AlignLeft, f"{high:.3g}")
        painter.drawText(label.translated(0, height - self._line()), Qt.AlignmentFlag.AlignLeft, f"{low:.3g}")

    def describe_at(self, pos: QPointF) -> str | None:
        """"conv 1 · map 3 · (row 5, col 9) = 0.82" for the tile pixel at `pos`, None off the tiles."""
        columns, side = self._grid(self.width())
        for k in range(len(self._tiles)):
            rect = self._tile_rect(k, columns, side)
            if rect.contains(pos):
                h, w = self._tiles.shape[1:]
                r = min(h - 1, int((pos.y() - rect.y()) / side * h))
                c = min(w - 1, int((pos.x() - rect.x()) / side * w))
                return self.tr("{title} · {name} · (row {r}, col {c}) = {value}").format(
                    title=self.title, name=self._names[k], r=r, c=c, value=f"{self._tiles[k, r, c]:.3g}")
        return None

    def mouseMoveEvent(self, event) -> None:
        text = self.describe_at(event.position())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
            self.hovered.emit(text)
        else:
            QToolTip.hideText()
