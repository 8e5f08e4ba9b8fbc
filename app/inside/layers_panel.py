"""Every layer of the current network for the current drawing, top to bottom.

CNN: the first convolution's filters, then the feature maps of each conv and
pool block after its activation. MLP: the first hidden layer's weights as
28x28 templates, the most active for this drawing first. Both: a bar strip
per hidden layer. The engine's `model.explain` says what is what.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.inside.bar_strip import BarStrip
from app.inside.tile_grid import TileGrid
from model import explain

EMPTY = QT_TRANSLATE_NOOP("LayersPanel", "Draw a digit to see what each layer makes of it.")


class LayersPanel(QWidget):
    """Rebuilt when the network changes (set_network), refreshed for each drawing (show_views)."""

    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self.note = QLabel(QCoreApplication.translate("LayersPanel", EMPTY), wordWrap=True)
        outer.addWidget(self.note)
        self._layout = QVBoxLayout()  # the network's own widgets, rebuilt with it
        self._layout.setSpacing(self.fontMetrics().height())
        outer.addLayout(self._layout)
        outer.addStretch(1)
        self._widgets: list[QWidget] = []
        self.weights_grid: TileGrid | None = None  # filters (CNN) or templates (MLP)
        self._templates: np.ndarray | None = None
        self._net = None

    def set_network(self, net) -> None:
        """Build one widget per block of `net` (None: nothing to show)."""
        for widget in self._widgets:
            self._layout.removeWidget(widget)
            widget.hide()  # deleted later, but never painted again
            widget.deleteLater()
        self._widgets, self.weights_grid, self._net = [], None, net
        if net is None:
            return
        filters, self._templates = explain.first_filters(net), explain.templates(net)
        if filters is not None or self._templates is not None:
            self.weights_grid = TileGrid(signed=True, max_columns=8 if filters is not None else 4)
            self._add(self.weights_grid)
        if filters is not None:
            self.weights_grid.set_tiles(self.tr("conv 1: its {n} filters (weights)").format(n=len(filters)),
                                        filters, [self.tr("filter {k}").format(k=k) for k in range(len(filters))])
        views, _ = explain.layer_views(net, np.zeros(net.input_shape[-2:], np.float32))
        for view in views:
            self._add(TileGrid(max_columns=8) if view.is_maps else BarStrip())

    def _add(self, widget: QWidget) -> None:
        widget.hovered.connect(self.hovered)
        self._layout.addWidget(widget)
        self._widgets.append(widget)

    def grids(self) -> list[QWidget]:
        """The feature-map grids and bar strips, in network order (the weights grid not included)."""
        return [w for w in self._widgets if w is not self.weights_grid]

    def show_views(self, views: list[explain.LayerView] | None) -> None:
        """Each block's output for the drawing; None for an empty canvas."""
        self.note.setVisible(views is None)
        for widget in self._widgets:
            widget.setVisible(views is not None or widget is self.weights_grid and self._templates is None)
        if views is None:
            return
        for widget, view in zip(self.grids(), views):
            if view.is_maps:
                c, h, w = view.values.shape
                widget.set_tiles(self.tr("{layer}: {c} maps {h}x{w}, after the activation").format(
                    layer=view.title, c=c, h=h, w=w), view.values)
            else:
                widget.set_values(self.tr("{layer}: {n} units").format(layer=view.title, n=len(view.values)),
                                  view.values)
        if self._templates is not None:
            self._show_templates(views[0].values)

    def _show_templates(self, hidden: np.ndarray) -> None:
        order = explain.most_active([explain.LayerView("hidden 1", 0, hidden)])
        self.weights_grid.set_tiles(
            self.tr("hidden 1: weights of its {n} most active units").format(n=len(order)),
            self._templates[order],
            [self.tr("unit {u} (activation {a}), weight").format(u=u, a=f"{hidden[u]:.3g}") for u in order],
            [f"#{u}: {hidden[u]:.1f}" for u in order])
