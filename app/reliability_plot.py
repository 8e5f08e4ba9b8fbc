"""A reliability diagram: how often the network is right at each confidence it claims.

Bars are the accuracy of the predictions in each of the 15 confidence bins;
the diagonal is perfect calibration. Built with matplotlib's Figure and the
Qt canvas (never pyplot); the bars are made once and updated in place.
"""
from __future__ import annotations

import numpy as np
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure

from app import plot_text
from model.calibration import ECE_BINS

BAR_COLOUR = "#2f6fdf"
GAP_COLOUR = "#e0564f"


class ReliabilityPlot(FigureCanvasQTAgg):
    """show_reliability(reliability, ece, what): reliability as `model.calibration.reliability_diagram` gives it."""

    def __init__(self, parent=None):
        figure = Figure(figsize=(3.6, 3.2), layout="constrained")
        super().__init__(figure)
        self.setParent(parent)
        self.axes = figure.add_subplot()
        width = 1 / ECE_BINS
        centres = (np.arange(ECE_BINS) + 0.5) * width
        self.axes.plot([0, 1], [0, 1], linestyle="--", color="grey", linewidth=1,
                       label=plot_text.translate("ReliabilityPlot", "perfectly calibrated"))
        self._bars = self.axes.bar(centres, np.zeros(ECE_BINS), width=width * 0.9, color=BAR_COLOUR,
                                   label=plot_text.translate("ReliabilityPlot", "accuracy"))
        self._gaps = self.axes.bar(centres, np.zeros(ECE_BINS), width=width * 0.9, bottom=np.zeros(ECE_BINS),
                                   color=GAP_COLOUR, alpha=0.35,
                                   label=plot_text.translate("ReliabilityPlot", "gap to confidence"))
        self.axes.set(xlim=(0, 1), ylim=(0, 1), xlabel=plot_text.translate("ReliabilityPlot", "confidence"),
                      ylabel=plot_text.translate("ReliabilityPlot", "accuracy"))
        self.axes.legend(loc="upper left", fontsize="small", frameon=False)
        self._title = self.axes.set_title("", fontsize="medium")

    def show_reliability(self, reliability: dict | None, ece: float | None, what: str | None = None) -> None:
        """Update the bars: reliability {"counts", "confidence", "accuracy"} per bin, or None to clear.

        what: the set's name for the title (MNIST test if not given).
        """
        what = plot_text.translate("ReliabilityPlot", "MNIST test") if what is None else what
        empty = np.zeros(ECE_BINS)
        counts = np.asarray(reliability["counts"]) if reliability else empty
        accuracy = np.where(counts > 0, reliability["accuracy"], 0) if reliability else empty
        confidence = np.where(counts > 0, reliability["confidence"], 0) if reliability else empty
        for bar, gap, acc, conf in zip(self._bars, self._gaps, accuracy, confidence):
            bar.set_height(acc)
            gap.set_y(min(acc, conf))
            gap.set_height(abs(conf - acc))
        title = plot_text.translate("ReliabilityPlot", "{0}: ECE {1}")
        self._title.set_text(title.format(what, f"{ece:.2%}") if ece is not None else what)
        self.draw_idle()
