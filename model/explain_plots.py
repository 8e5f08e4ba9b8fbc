"""The Inside view's pictures as PNG files, for `python -m model explain`.

matplotlib is imported inside the functions (model/ stays light to import);
every file is written atomically.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model import explain
from model.atomic import atomic_write
from model.text import translate

DPI = 110
# The window's Inside tab uses the same colour maps.
MAPS_CMAP = "viridis"  # activations: one sequential scale per layer
SIGNED_CMAP = "RdBu_r"  # signed weights and evidence: red for, blue against, white zero
PANEL_INCHES = 4.0
BARS_INCHES, TITLE_INCHES = 2.2, 0.5
MAP_COLUMNS = 16  # maps per row in layers.png
LAYOUT = "constrained"  # room for titles and colour bars: about 40% of a picture's time


def _figure(width: float, height: float):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI, layout=LAYOUT)
    FigureCanvasAgg(fig)
    return fig


def _save(fig, path: Path) -> Path:
    with atomic_write(path) as f:
        fig.savefig(f, format="png")
    return path


def _panel_height(view: explain.LayerView) -> float:
    """Inches for one layer: its grid's rows at the figure's width, or a bar chart."""
    if not view.is_maps:
        return BARS_INCHES
    rows, columns = explain.grid_shape(len(view.values), MAP_COLUMNS)
    return TITLE_INCHES + 0.85 * PANEL_INCHES * 2 * rows / columns


def save_layers(path: Path, views: list[explain.LayerView]) -> Path:
    """Feature maps of each conv and pool block as a grid with its colour bar; hidden layers as bars."""
    heights = [_panel_height(view) for view in views]
    fig = _figure(PANEL_INCHES * 2, sum(heights))
    grid = fig.add_gridspec(len(views), 1, height_ratios=heights)
    for i, view in enumerate(views):
        ax = fig.add_subplot(grid[i])
        if view.is_maps:
            _, columns = explain.grid_shape(len(view.values), MAP_COLUMNS)
            image = ax.imshow(explain.mosaic(view.values, columns), cmap=MAPS_CMAP,
                              vmin=float(view.values.min()), vmax=float(view.values.max()), interpolation="nearest")
            ax.set_axis_off()
            fig.colorbar(image, ax=ax, shrink=0.9)
            ax.set_title(translate("ExplainPlots", "{layer}: {n} maps {h}x{w}").format(
                layer=view.title, n=len(view.values), h=view.values.shape[1], w=view.values.shape[2]))
        else:
            ax.bar(np.arange(len(view.values)), view.values, width=1.0, color="#2f6fdf")
            ax.set_xlim(-0.5, len(view.values) - 0.5)
            ax.set_title(translate("ExplainPlots", "{layer}: {n} units").format(layer=view.title, n=len(view.values)))
            ax.set_xlabel(translate("ExplainPlots", "unit"))
            ax.set_ylabel(translate("ExplainPlots", "activation"))
    return _save(fig, path)


def save_weights_grid(path: Path, weights: np.ndarray, title: str, labels: list[str] | None = None) -> Path:
    """Filters or templates (K, H, W) as small signed images on one shared scale."""
    rows, columns = explain.grid_shape(len(weights), 8)
    fig = _figure(PANEL_INCHES * 2, PANEL_INCHES * 2 * rows / columns + 0.8)
    limit = explain.signed_limit(weights)
    axes = fig.subplots(rows, columns, squeeze=False)
    for k, ax in enumerate(axes.flat):
        ax.set_axis_off()
        if k < len(weights):
            image = ax.imshow(weights[k], cmap=SIGNED_CMAP, vmin=-limit, vmax=limit, interpolation="nearest")
            ax.set_title(labels[k] if labels else str(k), fontsize=8)
    fig.colorbar(image, ax=axes, shrink=0.8, label=translate("ExplainPlots", "weight"))
    fig.suptitle(title)
    return _save(fig, path)


def save_saliency(path: Path, image: np.ndarray, evidence: np.ndarray, title: str) -> Path:
    """The input beside the signed evidence overlaid on it: red raises the class score, blue lowers it."""
    fig = _figure(PANEL_INCHES * 2, PANEL_INCHES)
    left, right = fig.subplots(1, 2)
    left.imshow(image, cmap="gray_r", vmin=0, vmax=1, interpolation="nearest")
    left.set_title(translate("ExplainPlots", "what the network saw (28x28)"))
    right.imshow(image, cmap="gray_r", vmin=0, vmax=1, interpolation="nearest", alpha=0.35)
    limit = explain.signed_limit(evidence)
    overlay = right.imshow(evidence, cmap=SIGNED_CMAP, vmin=-limit, vmax=limit, interpolation="nearest",
                           alpha=np.clip(np.abs(evidence) / limit * 1.5, 0, 1))
    right.set_title(title, fontsize=9)
    for ax in (left, right):
        ax.set_axis_off()
    fig.colorbar(overlay, ax=right, shrink=0.9, label=translate("ExplainPlots", "evidence for (red) / against (blue)"))
    return _save(fig, path)
