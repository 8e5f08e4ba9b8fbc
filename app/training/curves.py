"""Live training curves: loss (per batch, smoothed, and per epoch) and accuracy per epoch.

Built as in matplotlib's "Embedding in Qt" example: one Figure on a
FigureCanvasQTAgg, lines created once, then their data updated. Records only
append to lists; a timer redraws at most REDRAWS_PER_S times a second, so a
fast run does not spend its time drawing. A live redraw blits, as in
matplotlib's "Faster rendering by using blitting": the frame (axes, ticks,
text, legends) is drawn once and kept as pixels, and each redraw pastes it
back and draws only the lines on it (a few ms instead of 70+, most of it text).
The frame is drawn again only when the axes' limits change, and these grow
in steps with room to spare (sticky_range), so that happens a few times a run.
"""

from __future__ import annotations

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from app import plot_text
from app.training.axis_range import Extent, sticky_range
from model.atomic import atomic_write

REDRAWS_PER_S = 2
EMPTY_LOSS_RANGE = (0.0, 2.5)  # an empty frame around where a 10-class loss starts, ln 10
ACCURACY_TOP = 100.5  # accuracy lives in 0..100: room for a point at 100
# Debiased exponential moving average, as TensorBoard smooths its scalars.
EMA_WEIGHT = 0.9
TRAIN_COLOR, VAL_COLOR = "tab:blue", "tab:orange"
# Where matplotlib puts a title with nothing above the axes; given, it skips measuring every
# tick label again to place it at each draw (a sixth of a redrawn frame).
TITLE_Y = 1.0


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
        self._frame = None  # (figure bounds, the frame's pixels without the lines), from the last full draw
        self._legend_pixels = []  # the legends' pixels, from the last full draw
        self.canvas.mpl_connect("draw_event", self._keep_frame)
        # Constrained layout costs as much as the drawing itself: a frame drawn because the limits
        # moved keeps the last layout; clear, finish, export and resizes lay it out anew.
        self.canvas.mpl_connect("resize_event", lambda event: self.figure.set_layout_engine("constrained"))
        self._timer = QTimer(self, interval=1000 // REDRAWS_PER_S)
        self._timer.timeout.connect(self._redraw_if_dirty)
        self.clear()

    def _make_axes(self) -> None:
        self.loss_ax, self.acc_ax = self.figure.subplots(1, 2)
        translate = plot_text.translate  # plot text in the window's language, English if no CJK font is installed
        ax = self.loss_ax
        ax.set_title(translate("TrainingCurves", "Loss"), y=TITLE_Y)
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
        ax.set_title(translate("TrainingCurves", "Accuracy"), y=TITLE_Y)
        ax.set_xlabel(translate("TrainingCurves", "epoch"))
        ax.set_ylabel(translate("TrainingCurves", "accuracy (%)"))
        self.train_acc_line, = ax.plot([], [], "o-", color=TRAIN_COLOR, markersize=4,
                                       label=translate("TrainingCurves", "train"))
        self.val_acc_line, = ax.plot([], [], "o-", color=VAL_COLOR, markersize=4,
                                     label=translate("TrainingCurves", "validation"))
        ax.legend(loc="best", fontsize="small")
        ax.grid(alpha=0.3)
        self.lines = (self.raw_line, self.smooth_line, self.train_loss_line, self.val_loss_line,
                      self.train_acc_line, self.val_acc_line)
        # Left out of full draws on screen (not of saved PNGs): blitted on the frame. The legends
        # too, so that their kept pixels go over the lines, as in a full draw.
        self.legends = (self.loss_ax.get_legend(), self.acc_ax.get_legend())
        for artist in (*self.lines, *self.legends):
            artist.set_animated(True)

    def clear(self, epochs: int = 1) -> None:
        """Forget every point; the x axes span 0..epochs so the curves grow into a fixed frame."""
        self._epochs = max(int(epochs), 1)
        self._ema = 0.0
        self.batch_x, self.batch_loss, self.batch_smooth = [], [], []
        self.epoch_x, self.train_loss, self.val_loss = [], [], []
        self.train_acc, self.val_acc = [], []
        self._loss_extent, self._acc_extent = Extent(), Extent()
        self._loss_shown = self._acc_shown = False  # whether the y limits already fit data (else they are reset)
        self._dirty = True
        self.redraw(full=True)

    def start(self) -> None:
        self._timer.start()

    def finish(self) -> None:
        self._timer.stop()
        self.redraw(full=True)

    def add_batch(self, x: float, loss: float) -> None:
        self._ema = EMA_WEIGHT * self._ema + (1 - EMA_WEIGHT) * loss
        debias = 1 - EMA_WEIGHT ** (len(self.batch_loss) + 1)
        self.batch_x.append(x)
        self.batch_loss.append(loss)
        self.batch_smooth.append(self._ema / debias)
        self._loss_extent.add(loss, self.batch_smooth[-1])
        self._dirty = True

    def add_epoch(self, epoch: float, loss, acc, val_loss, val_acc) -> None:
        """One point per epoch; None (no validation set) leaves a gap."""
        nan = float("nan")
        self.epoch_x.append(epoch)
        self.train_loss.append(nan if loss is None else loss)
        self.val_loss.append(nan if val_loss is None else val_loss)
        self.train_acc.append(nan if acc is None else 100 * acc)
        self.val_acc.append(nan if val_acc is None else 100 * val_acc)
        self._loss_extent.add(loss, val_loss)
        self._acc_extent.add(self.train_acc[-1], self.val_acc[-1])
        self._dirty = True

    def _redraw_if_dirty(self) -> None:
        # A hidden figure (the user is on another tab) waits: drawing it would take the
        # GUI thread's time, and the training thread's, for nothing. showEvent catches up.
        if self._dirty and self.isVisible():
            self.redraw()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._redraw_if_dirty()

    def redraw(self, full: bool = False) -> None:
        """Show the data: the lines blitted on the kept frame, or everything drawn anew (layout
        included) when asked (`full`), when the limits changed or when there is no frame of this size.
        Hidden (another tab, or the window not yet shown), it only notes what to draw: showEvent draws it."""
        self.raw_line.set_data(self.batch_x, self.batch_loss)
        self.smooth_line.set_data(self.batch_x, self.batch_smooth)
        self.train_loss_line.set_data(self.epoch_x, self.train_loss)
        self.val_loss_line.set_data(self.epoch_x, self.val_loss)
        self.train_acc_line.set_data(self.epoch_x, self.train_acc)
        self.val_acc_line.set_data(self.epoch_x, self.val_acc)
        moved = self._update_limits()
        if full:
            self.figure.set_layout_engine("constrained")
        if not self.isVisible():  # a full draw is 100-250 ms of the GUI thread, for nobody to see
            if full or moved:
                self._frame = None
            self._dirty = True
            return
        self._dirty = False
        if full or moved or self._frame is None or self._frame[0] != self.figure.bbox.bounds:
            self.canvas.draw_idle()  # then _keep_frame keeps the new frame and draws the lines on it
            return
        self.canvas.restore_region(self._frame[1])
        self._draw_lines()
        self.canvas.blit(self.figure.bbox)

    def _update_limits(self) -> bool:
        """Set the axes' limits for the data; True if any changed."""
        right = max([self._epochs, *self.batch_x[-1:], *self.epoch_x[-1:]]) * 1.05  # room for the last markers
        loss = sticky_range(self._loss_frame(), self._loss_extent, floor=0.0)
        acc = sticky_range(self.acc_ax.get_ylim() if self._acc_shown else None, self._acc_extent,
                           ceiling=ACCURACY_TOP)
        self._loss_shown, self._acc_shown = loss is not None, acc is not None
        wanted = ((self.loss_ax.set_xlim, self.loss_ax.get_xlim(), (0.0, right)),
                  (self.acc_ax.set_xlim, self.acc_ax.get_xlim(), (0.0, right)),
                  (self.loss_ax.set_ylim, self.loss_ax.get_ylim(), loss or EMPTY_LOSS_RANGE),
                  (self.acc_ax.set_ylim, self.acc_ax.get_ylim(), (max(acc[0], 0.0), acc[1]) if acc else (0.0, ACCURACY_TOP)))
        moved = False
        for set_limits, now, limits in wanted:
            if tuple(now) != tuple(limits):
                set_limits(*limits)
                moved = True
        return moved

    def _loss_frame(self) -> tuple[float, float] | None:
        """The loss limits the data must fit: those shown, or the empty frame while the first points
        fill at least half of it (a run from scratch starts near ln 10), so that its first point
        costs no frame drawn anew; else None: limits from the data alone (a fine-tuned network's small loss)."""
        if self._loss_shown:
            return self.loss_ax.get_ylim()
        high = self._loss_extent.high
        return EMPTY_LOSS_RANGE if high is not None and EMPTY_LOSS_RANGE[1] / 2 <= high <= EMPTY_LOSS_RANGE[1] else None

    def _keep_frame(self, event) -> None:
        # After every full draw on screen: keep its pixels (the lines are left out, being animated), draw the lines.
        if self.canvas.is_saving():
            return
        self._frame = (self.figure.bbox.bounds, self.canvas.copy_from_bbox(self.figure.bbox))
        # The legends' pixels are kept too: drawing them anew (text, the best place) cost ~40 ms a redraw.
        self._legend_pixels = []
        for legend in self.legends:
            legend.axes.draw_artist(legend)
            self._legend_pixels.append(self.canvas.copy_from_bbox(legend.get_window_extent().padded(2)))
        self._draw_lines()
        self.figure.set_layout_engine("none")  # laid out: the next frames keep this layout

    def _draw_lines(self) -> None:
        """The lines, then the legends pasted over them, where the last full draw placed them."""
        for line in self.lines:
            line.axes.draw_artist(line)
        for pixels in self._legend_pixels:
            self.canvas.restore_region(pixels)

    def save_png(self, path: str) -> None:
        self.redraw(full=True)
        with atomic_write(path) as f:
            self.figure.savefig(f, format="png", dpi=150)
        self._frame = None  # the canvas drew at the file's resolution: the next redraw draws the frame anew
