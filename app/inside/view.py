"""The Inside tab: the drawing, what each layer makes of it, which pixels decided, every network's reading,
and the current network's mistakes.

It borrows the Draw tab's canvas while it is shown, so one draws here and
watches. Everything is recomputed on the GUI thread, only while the tab is
visible: at once when a stroke ends, and on a throttled timer while the pen
moves, so a slow network is refreshed less often rather than making the pen lag.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from app.inside.canvas_slot import WidgetSlot
from app.inside.layers_panel import LayersPanel
from app.inside.mistakes_gallery import MistakesGallery
from app.inside.networks_table import NetworksTable
from app.inside.saliency_view import SaliencyView
from model import explain
from model.data.preprocess import to_mnist

MIN_INTERVAL_MS = 120  # at most ~8 refreshes a second while the pen moves...
LOAD_SHARE = 4  # ...and at least this many times the last refresh's own time apart


class InsideView(QWidget):
    """The tab, given the window's NetworkList and Canvas; shutdown() stops the mistakes search."""

    updated = Signal()  # after the pictures are refreshed (the readings come just before)

    def __init__(self, networks, canvas, parent: QWidget | None = None):
        super().__init__(parent)
        self.networks, self.canvas = networks, canvas
        self.last_seconds = 0.0  # the last refresh's time, readings and pictures
        self.image: np.ndarray | None = None  # the 28x28 the network saw
        self._built_for = None  # the network the layer widgets were built for
        self._timer = QTimer(self, singleShot=True, interval=MIN_INTERVAL_MS, timeout=self.refresh)
        self._pictures_timer = QTimer(self, singleShot=True, interval=0, timeout=self._show_pictures)
        self.readings_seconds = 0.0
        self._read: int | None = None  # the digit the current network reads
        self._build()
        canvas.changed.connect(self._schedule)
        canvas.stroke_finished.connect(self._refresh_now)
        networks.current_changed.connect(lambda _: self._refresh_now())
        networks.entries_changed.connect(self._schedule)

    def _build(self) -> None:
        line = self.fontMetrics().height()
        canvas_column = QVBoxLayout()
        self.slot = WidgetSlot(canvas_column)
        self.reading = QLabel(wordWrap=True)
        canvas_column.addWidget(self.reading)
        self.saliency = SaliencyView()
        self.table = NetworksTable()
        self.hover = QLabel(self.tr("Hover a map, filter, template or bar for its layer, index and value."),
                            wordWrap=True)
        left = QWidget()
        grid = QGridLayout(left)
        grid.addLayout(canvas_column, 0, 0)
        grid.addWidget(self.saliency, 0, 1)
        grid.addWidget(QLabel("<b>{}</b>".format(self.tr("Every network's reading of this drawing"))), 1, 0, 1, 2)
        grid.addWidget(self.table, 2, 0, 1, 2)
        grid.addWidget(self.hover, 3, 0, 1, 2)
        grid.setRowStretch(0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.layers = LayersPanel()
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.layers)
        self.gallery = MistakesGallery()
        self.pages = QTabWidget()
        self.pages.addTab(scroll, self.tr("Layers"))
        self.pages.addTab(self.gallery, self.tr("Mistakes"))
        splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setSizes([line * 32, line * 30])
        QVBoxLayout(self).addWidget(splitter)
        self.layers.hovered.connect(self.hover.setText)
        self.saliency.choice_changed.connect(self.refresh)
        self.pages.currentChanged.connect(lambda _: self._search_mistakes())
        self.gallery.chosen.connect(self._draw_mistake)

    # --- showing and hiding ---------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.slot.borrow(self.canvas)
        self.refresh()

    def hideEvent(self, event) -> None:
        if not event.spontaneous():  # a minimised window keeps the canvas here
            self.slot.give_back()
        super().hideEvent(event)

    def _schedule(self) -> None:
        if self.isVisible() and not self._timer.isActive():
            self._timer.setInterval(max(MIN_INTERVAL_MS, round(LOAD_SHARE * 1000 * self.last_seconds)))
            self._timer.start()

    def _refresh_now(self) -> None:
        """A finished edit or another network: the readings at once, like the Draw tab's bars, and
        the pictures as soon as those are painted (pen events queued meanwhile go first)."""
        if self.isVisible():
            self._timer.stop()
            self.show_readings()
            self._pictures_timer.start()

    # --- computing --------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute everything for the drawing and the current network."""
        self._pictures_timer.stop()
        self.show_readings()
        self._show_pictures()

    def show_readings(self) -> None:
        """The quick part: the 28x28 image and every network's reading of it (the tab's "bars")."""
        start = time.perf_counter()
        entry = self.networks.current()
        self.image = to_mnist(self.canvas.to_array())
        if self._built_for is not (entry.net if entry else None):
            self._built_for = entry.net if entry else None
            self.layers.set_network(self._built_for)
            self.gallery.forget()
            self._search_mistakes()
        rows, read = [], None
        for other in self.networks.entries():
            probabilities = None if self.image is None else explain.reading(other.net, self.image)
            rows.append((other.name, probabilities, other is entry))
            if other is entry and probabilities is not None:
                read = int(probabilities.argmax())
                self.reading.setText(self.tr("<b>{network}</b> reads <b>{digit}</b> ({percent}%)").format(
                    network=entry.name, digit=read, percent=f"{100 * probabilities[read]:.1f}"))
        if read is None:
            self.reading.setText(self.tr("No network loaded.") if entry is None
                                 else self.tr("Draw a digit on the canvas above."))
        self.table.set_rows(rows)
        self._read = read
        self.readings_seconds = time.perf_counter() - start

    def _show_pictures(self) -> None:
        """The heavier part: every layer's output and the saliency map, for the current network."""
        start = time.perf_counter()
        entry = self.networks.current()
        if entry is None or self._read is None:
            self.layers.show_views(None)
            self.saliency.show_evidence(None, None, None)
        else:
            views, _ = explain.layer_views(entry.net, self.image)
            self.layers.show_views(views)
            digit = self.saliency.target(self._read)
            evidence = explain.saliency(entry.net, self.image, digit, self.saliency.method())
            self.saliency.show_evidence(self.image, evidence, digit)
        self.last_seconds = self.readings_seconds + time.perf_counter() - start
        self.updated.emit()

    # --- the mistakes gallery -------------------------------------------------
    def _search_mistakes(self) -> None:
        """Start the search once the Mistakes page is open, for the network shown."""
        if self.pages.currentWidget() is not self.gallery or self.gallery.mistakes is not None \
                or self.gallery.is_searching():
            return
        entry = self.networks.current()
        self.gallery.show_network(None if entry is None else entry.net.copy(), entry.name if entry else "")

    def _draw_mistake(self, image: np.ndarray) -> None:
        self.canvas.load_image(image)

    def shutdown(self) -> None:
        self.gallery.shutdown()
