"""What an experiment leaves behind: PNG plots, Markdown + CSV tables, a summary.

matplotlib is imported inside the drawing functions only, so that importing
the engine never pulls it in; figures go through the Agg canvas, never pyplot.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from model.atomic import atomic_write, write_text
from model.text import QT_TRANSLATE_NOOP, translate

DPI = 100
PANEL_SIZE = (5.0, 3.6)  # inches per subplot
LAYOUT = "constrained"  # matplotlib makes room for titles, tick labels and legends
SUMMARY_FILE = "summary.md"
METRICS_FILE = "metrics.json"
# Column names several tables share (translated when the table is made, like every title and label)
TRAIN_LOSS, TEST_LOSS = QT_TRANSLATE_NOOP("Experiments", "train loss"), QT_TRANSLATE_NOOP("Experiments", "test loss")
TRAIN_ACCURACY = QT_TRANSLATE_NOOP("Experiments", "train accuracy")
TEST_ACCURACY = QT_TRANSLATE_NOOP("Experiments", "test accuracy")
TRAINING_S = QT_TRANSLATE_NOOP("Experiments", "training s")
FINAL_LOSS = QT_TRANSLATE_NOOP("Experiments", "final loss")
EPOCH = QT_TRANSLATE_NOOP("Experiments", "epoch")  # the x axis of most plots


def shown(text: str) -> str:
    """`text`, marked with QT_TRANSLATE_NOOP("Experiments", ...), in the window's language (English elsewhere)."""
    return translate("Experiments", text)


@dataclass
class Series:
    """One line on a plot: y against x."""

    label: str
    y: np.ndarray | list
    x: np.ndarray | list | None = None  # 1, 2, 3, ... when None
    style: str = "-"


@dataclass
class Panel:
    """One subplot: a title, axis labels and its lines."""

    title: str
    xlabel: str
    ylabel: str
    series: list[Series]
    log_y: bool = False
    colormap: str | None = None  # colour the lines along this map (many ordered lines, e.g. layers)
    ylim: tuple[float, float] | None = None  # fixed y range, so that a flat line looks flat


@dataclass
class Table:
    """A table written as CSV (for programs) and Markdown (for people)."""

    title: str
    columns: list[str]
    rows: list[list]
    csv_path: Path | None = None
    md_path: Path | None = None

    def markdown(self) -> str:
        lines = [f"### {self.title}", "", "| " + " | ".join(self.columns) + " |",
                 "|" + "---|" * len(self.columns)]
        lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in self.rows]
        return "\n".join(lines) + "\n"


@dataclass
class Result:
    """Everything one run produced. `metrics` are the key numbers, JSON-able."""

    name: str
    out_dir: Path
    summary: str
    metrics: dict
    plots: list[Path] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def _cell(value) -> str:
    if isinstance(value, (float, np.floating)):
        return f"{value:.4g}"
    return str(value)


def plot_panels(path: Path, title: str, panels: list[Panel], ncols: int = 2) -> Path:
    """Draw `panels` side by side (ncols per row) into the PNG `path`."""
    # Imported here, not at the top: importing the engine must not load matplotlib (a slow import).
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    ncols = min(ncols, len(panels))
    nrows = -(-len(panels) // ncols)
    fig = Figure(figsize=(PANEL_SIZE[0] * ncols, PANEL_SIZE[1] * nrows + 0.6), dpi=DPI, layout=LAYOUT)
    FigureCanvasAgg(fig)
    fig.suptitle(title, fontsize=13)
    for i, panel in enumerate(panels):
        ax = fig.add_subplot(nrows, ncols, i + 1)
        cmap = matplotlib.colormaps[panel.colormap] if panel.colormap else None
        for j, s in enumerate(panel.series):
            y = np.asarray(s.y, dtype=float)
            x = np.arange(1, len(y) + 1) if s.x is None else np.asarray(s.x)
            color = {"color": cmap(j / max(len(panel.series) - 1, 1))} if cmap else {}
            ax.plot(x, y, s.style, label=s.label, **color)
        if panel.log_y:
            ax.set_yscale("log")
        if panel.ylim:
            ax.set_ylim(*panel.ylim)
        if all(s.x is None for s in panel.series):  # x counts epochs or iterations
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_title(panel.title)
        ax.set_xlabel(panel.xlabel)
        ax.set_ylabel(panel.ylabel)
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    with atomic_write(path) as f:  # a stopped run leaves no half-drawn PNG
        fig.savefig(f, format="png")
    return Path(path)


def plot_matrices(path: Path, title: str, matrices: dict[str, np.ndarray], xlabel: str, ylabel: str,
                  ticks: list[str] | None = None) -> Path:
    """Heat maps of small matrices with their values written in, one subplot each."""
    # Imported here for the reason given in plot_panels.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(4.2 * len(matrices), 4.2), dpi=DPI, layout=LAYOUT)
    FigureCanvasAgg(fig)
    fig.suptitle(title, fontsize=13)
    for i, (label, m) in enumerate(matrices.items()):
        ax = fig.add_subplot(1, len(matrices), i + 1)
        image = ax.imshow(m, vmin=0, vmax=1, cmap="viridis")
        for (r, c), v in np.ndenumerate(m):
            ax.text(c, r, f"{v:.2f}", ha="center", va="center", fontsize=7, color="w" if v < 0.5 else "k")
        if ticks:
            ax.set_xticks(range(len(ticks)), ticks)
            ax.set_yticks(range(len(ticks)), ticks)
        ax.set_title(label)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        fig.colorbar(image, ax=ax, shrink=0.8, label=translate("Experiments", "output"))
    with atomic_write(path) as f:  # a stopped run leaves no half-drawn PNG
        fig.savefig(f, format="png")
    return Path(path)


def write_table(out_dir: Path, stem: str, table: Table) -> Table:
    """Write `table` as out_dir/stem.csv and out_dir/stem.md; return it with both paths set."""
    table.csv_path, table.md_path = out_dir / f"{stem}.csv", out_dir / f"{stem}.md"
    rows = io.StringIO(newline="")
    writer = csv.writer(rows)
    writer.writerow(table.columns)
    writer.writerows([[_cell(v) for v in row] for row in table.rows])
    write_text(table.csv_path, rows.getvalue())
    write_text(table.md_path, table.markdown())
    return table


def finish(name: str, out_dir: Path, summary: str, metrics: dict, plots: list[Path], tables: list[Table]) -> Result:
    """Write the summary (with every table) and the metrics; return the Result."""
    text = f"# {name}\n\n{summary.strip()}\n\n" + "\n".join(t.markdown() for t in tables)
    write_text(out_dir / SUMMARY_FILE, text)
    write_text(out_dir / METRICS_FILE, json.dumps(_plain(metrics), indent=2) + "\n")
    return Result(name, out_dir, summary.strip(), _plain(metrics), list(plots), list(tables))


def _plain(value):
    """`value` with NumPy scalars and arrays turned into Python numbers and lists (for JSON)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, np.ndarray)):
        return [_plain(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value
