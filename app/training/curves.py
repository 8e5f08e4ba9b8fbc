"""Live training curves: loss (per batch, smoothed, and per epoch) and accuracy per epoch.

Built as in matplotlib's "Embedding in Qt" example: one Figure on a
FigureCanvasQTAgg, lines created once, then their data updated. Records only
append to lists; a timer redraws at most REDRAWS_PER_S times a second, so a
fast run does not spend its time drawing.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from app import plot_text
from model.atomic import atomic_write

REDRAWS_PER_S = 2
# Constrained layout costs more than the drawing itself: live redraws keep the last
# layout and only every RELAYOUT_EVERY-th one (and resizes, clear, finish) recomputes it.
RELAYOUT_EVERY = 10
# Debiased exponential moving average, as TensorBoard smooths its scalars.
EMA_WEIGHT = 0.9
TRAIN_COLOR, VAL_COLOR = "tab:blue", "tab:orange"


class TrainingCurves(QWidget):
    """Two plots side by side; x is in epochs, fractional for batches."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.figure = Figure(figsize=(8, 3.4), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        self._make_axes()
        self._draws = 0
        self.canvas.mpl_connect("resize_event", lambda event: self.figure.set_layout_engine("constrained"))
        self._timer = QTimer(self, interval=1000 // REDRAWS_PER_S)
        self._timer.timeout.connect(self._redraw_if_dirty)
        self.clear()

    def _make_axes(self) -> None:
        self.loss_ax, self.acc_ax = self.figure.subplots(1, 2)
        translate = plot_text.translate  # plot text in the window's language, English if no CJK font is installed
        ax = self.loss_ax
        ax.set_title(translate("TrainingCurves", "Loss"))
        ax.set_xlabel(translate("TrainingCurves", "epoch"))
        ax.set_ylabel(translate("TrainingCurves", "cross-entropy"))
        self.raw_line, = ax.plot([], [], color=TRAIN_COLOR, alpha=0.2, linewidth=0.8,
                                 label=translate("TrainingCurves", "train (batch)"))
        self.smooth_line, = ax.plot([], [], color=TRAIN_COLOR, linewidth=1.5,
                                    label=translate("TrainingCurves", "train (smoothed)"))
        self.train_loss_line, = ax.plot([], [], "s--", color="navy", markersize=5, linewidth=1,
                                        label=translate("TrainingCurves", "train (epoch mean)"))
        self.val_loss_line, = ax.plot([], [], "o-", color=VAL_COLOR, markersize=4,
                                      label=translate("TrainingCurves", "validation"))
        ax.legend(loc="best", fontsize="small")
        ax.grid(alpha=0.3)
        ax = self.acc_ax
        ax.set_title(translate("TrainingCurves", "Accuracy"))
        ax.set_xlabel(translate("TrainingCurves", "epoch"))
        ax.set_ylabel(translate("TrainingCurves", "accuracy (%)"))
        self.train_acc_line, = ax.plot([], [], "o-", color=TRAIN_COLOR, markersize=4,
                                       label=translate("TrainingCurves", "train"))
        self.val_acc_line, = ax.plot([], [], "o-", color=VAL_COLOR, markersize=4,
                                     label=translate("TrainingCurves", "validation"))
        ax.legend(loc="best", fontsize="small")
        ax.grid(alpha=0.3)

    def clear(self, epochs: int = 1) -> None:
        """Forget every point; the x axes span 0..epochs so the curves grow into a fixed frame."""
        self._epochs = max(int(epochs), 1)
        self._ema = 0.0
        self.batch_x, self.batch_loss, self.batch_smooth = [], [], []
        self.epoch_x, self.train_loss, self.val_loss = [], [], []
        self.train_acc, self.val_acc = [], []
        self._dirty = True
        self.redraw(relayout=True)

    def start(self) -> None:
        self._timer.start()

    def finish(self) -> None:
        self._timer.stop()
        self.redraw(relayout=True)

    def add_batch(self, x: float, loss: float) -> None:
        self._ema = EMA_WEIGHT * self._ema + (1 - EMA_WEIGHT) * loss
        debias = 1 - EMA_WEIGHT ** (len(self.batch_loss) + 1)
        self.batch_x.append(x)
        self.batch_loss.append(loss)
        self.batch_smooth.append(self._ema / debias)
        self._dirty = True

    def add_epoch(self, epoch: float, loss, acc, val_loss, val_acc) -> None:
        """One point per epoch; None (no validation set) leaves a gap."""
        nan = float("nan")
        self.epoch_x.append(epoch)
        self.train_loss.append(nan if loss is None else loss)
        self.val_loss.append(nan if val_loss is None else val_loss)
        self.train_acc.append(nan if acc is None else 100 * acc)
        self.val_acc.append(nan if val_acc is None else 100 * val_acc)
        self._dirty = True

    def _redraw_if_dirty(self) -> None:
        # A hidden figure (the user is on another tab) waits: drawing it would take the
        # GUI thread's time, and the training thread's, for nothing. showEvent catches up.
        if self._dirty and self.isVisible():
            self.redraw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._redraw_if_dirty()

    def redraw(self, relayout: bool = False) -> None:
        self.raw_line.set_data(self.batch_x, self.batch_loss)
        self.smooth_line.set_data(self.batch_x, self.batch_smooth)
        self.train_loss_line.set_data(self.epoch_x, self.train_loss)
        self.val_loss_line.set_data(self.epoch_x, self.val_loss)
        self.train_acc_line.set_data(self.epoch_x, self.train_acc)
        self.val_acc_line.set_data(self.epoch_x, self.val_acc)
        right = max([self._epochs, *self.batch_x, *self.epoch_x])
        for ax in (self.loss_ax, self.acc_ax):
            ax.relim()
            ax.autoscale(axis="y")  # set_ylim below turns autoscaling off: turn it back on
            ax.set_xlim(0, right * 1.05)  # room for the last epoch's markers
        if not self.batch_x and not self.epoch_x:
            self.loss_ax.set_ylim(0, 2.5)  # an empty frame around where a 10-class loss starts, ln 10
        self._limit_accuracy_axis()
        self._dirty = False
        self._draws += 1
        relayout = relayout or self._draws % RELAYOUT_EVERY == 0
        self.figure.set_layout_engine("constrained" if relayout else "none")
        self.canvas.draw_idle()

    def _limit_accuracy_axis(self) -> None:
        # Accuracy lives in 0..100; leave room above the best point without going past 100.
        low, high = self.acc_ax.get_ylim()
        if any(a == a for a in self.train_acc + self.val_acc):  # some point that is not NaN
            self.acc_ax.set_ylim(max(low, 0), min(max(high, low + 1), 100.5))
        else:
            self.acc_ax.set_ylim(0, 100.5)

    def save_png(self, path: str) -> None:
        self.redraw(relayout=True)
        with atomic_write(path) as f:
            self.figure.savefig(f, format="png", dpi=150)
