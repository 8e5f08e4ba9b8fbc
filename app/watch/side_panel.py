"""The Draw tab's training card: a run's compact curve, its controls, and your drawing under it.

While a run trains it shows the epoch and progress, Pause/Stop (the Train
tab's own controls, mirrored), the compact curve, the drawing's ten
probabilities under the network in use and under the network in training,
and a sparkline of the followed digit's probability over the run. After the
run it keeps the last curve and trace until the next run starts. It stays
hidden until the first run, and the user can hide it until the next.

Weights arrive as Snapshots (app.watch.snapshots) from the training worker,
asked for only while the card is visible (TrainingRunner.watch): a hidden
card, on another tab, costs training nothing. Shown again, it gets the
weights of the run's next step.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout

from app.prediction_panel import _caption
from app.training.result import describe_result
from app.watch.compact_curve import CompactCurve
from app.watch.probability_columns import ProbabilityColumns
from app.watch.snapshots import LiveNetwork, Snapshot
from app.watch.sparkline import Sparkline
from app.watch.text_line import TextLine
from app.watch.trace import DrawingTrace

ERROR_STYLE = "color: #b00020;"
CARD_WIDTH_EM = 17
# The curve and progress follow the run this many times a second, as often as the weights come
# (fewer wake-ups of the GUI thread: on a busy machine each one can hold the training thread up).
REDRAWS_PER_S = 2


class WatchPanel(QFrame):
    """Follows one TrainingPanel's runs; fed the drawing by the window through show_drawing()."""

    refreshed = Signal()  # after the in-training column changed (a snapshot, a drawing, the end of a run)

    def __init__(self, training, parent=None):
        """training: the Train tab's TrainingPanel (its curves, runner, pause and stop)."""
        super().__init__(parent, objectName="card")
        self.training = training
        self.live = LiveNetwork()
        self.trace = DrawingTrace()
        self._image: np.ndarray | None = None
        self._pending: Snapshot | None = None
        self._record = self._shown = None  # the last progress record, and the last one shown
        self._live_title = self.tr("in training")
        self._total_steps = 1
        self._build()
        self._timer = QTimer(self, interval=1000 // REDRAWS_PER_S, timeout=self._tick)
        training.run_started.connect(self._on_run_started)
        training.runner.progress.connect(self._on_progress)
        training.runner.snapshot.connect(self.show_snapshot)
        training.run_finished.connect(self._on_run_finished)
        training.pause_button.toggled.connect(self._mirror_pause)
        self.hide()

    def _build(self) -> None:
        em = self.fontMetrics().height()
        self.setFixedWidth(em * CARD_WIDTH_EM)
        self.hide_button = QPushButton(self.tr("Hide"), flat=True, clicked=self.hide)
        self.hide_button.setToolTip(self.tr("Hide until the next run; the Train tab has everything"))
        # Live text goes in widgets that repaint alone (see app.watch.text_line); the
        # wrapping label appears once, with how the run ended.
        self.epoch_line = TextLine()
        self.progress_bar = QProgressBar(textVisible=False, maximumHeight=round(em * 0.5))
        self.status_label = QLabel(wordWrap=True)
        self.status_label.hide()
        self.pause_button = QPushButton(self.tr("Pause"), checkable=True, toggled=self._pause_toggled)
        self.stop_button = QPushButton(self.tr("Stop"), clicked=self.training.stop)
        self.curve = CompactCurve(self.training.curves)
        self.columns = ProbabilityColumns()
        self.columns.setAccessibleName(self.tr("Probability of each digit under the network in use and in training"))
        self.spark_label = QLabel()
        self.sparkline = Sparkline()
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(_caption(self.tr("Training")), 1)
        head.addWidget(self.hide_button)
        layout.addLayout(head)
        layout.addWidget(self.epoch_line)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.stop_button)
        layout.addLayout(buttons)
        layout.addWidget(self.curve, 1)
        layout.addSpacing(em // 2)
        layout.addWidget(_caption(self.tr("Your drawing")))
        layout.addWidget(self.columns)
        layout.addWidget(self.spark_label)
        layout.addWidget(self.sparkline)
        self._set_running(False)

    # ----- the label the sparkline follows
    @property
    def label(self) -> int | None:
        """The digit the user says this drawing is (a correction), or None to follow the network in use."""
        return self.trace.label

    @label.setter
    def label(self, digit: int | None) -> None:
        self.trace.label = digit
        self._show_trace()

    # ----- the run
    def _on_run_started(self) -> None:
        self.live.clear()
        self._live_title = self.tr("in training")
        self._pending, self._record, self._shown, self._total_steps = None, None, None, 1
        self.trace.clear()
        self.columns.set_column(1, None)
        self.status_label.hide()
        self.epoch_line.setText(self.tr("Loading MNIST…"))
        self.progress_bar.setRange(0, 0)  # busy until the first record (MNIST loads first)
        self.curve.set_epochs(1)
        self._set_running(True)
        self._show_trace()
        self.show()
        self.training.runner.watch(self.isVisible())  # started from the Train tab: no showEvent yet
        self._timer.start()

    def _on_progress(self, records: list) -> None:
        self._record = records[-1]  # shown by the timer: records can come faster than anyone reads
        self._total_steps = max(self._record.total_steps, 1)

    def _tick(self) -> None:
        record = self._record
        if record is None or record is self._shown or not self.isVisible():
            return
        self._shown = record
        self.curve.set_epochs(record.epochs)  # also repaints the curve
        if self.progress_bar.maximum() != self._total_steps:
            self.progress_bar.setRange(0, self._total_steps)
        self.progress_bar.setValue(record.step)
        self._show_status()

    def _show_status(self) -> None:
        record = self._record
        if record is None:
            return
        paused = self.tr("Paused · ") if self.pause_button.isChecked() else ""
        self.epoch_line.setText(paused + _where(record))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """New weights from the worker: run them on the drawing now if the card is seen, else later."""
        self._pending = snapshot
        if self.isVisible():
            self._apply_pending()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.training.runner.watch(True)
        if self._pending is not None:
            self._apply_pending()
        elif self.live.is_ready():
            self._refresh_live()
        self._tick()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.training.runner.watch(False)

    def _apply_pending(self) -> None:
        if self._pending is not None:
            self.live.load(self._pending)
            self._pending = None
            self._refresh_live()

    def _on_run_finished(self, done) -> None:
        self._timer.stop()
        self._tick()
        self._set_running(False)
        if done is None:  # failed: the Train tab has the message too
            self._show_end(self.training.message_label.text() or self.tr("Training failed."), error=True)
            self.progress_bar.setRange(0, 1)
            self.epoch_line.setText(self.tr("Failed"))
        else:
            self._show_end(describe_result(done), error=done.reason == "diverged")
            self.progress_bar.setRange(0, max(done.total_steps, 1))
            self.progress_bar.setValue(done.step)
            self.epoch_line.setText(_where(done))
        if done is not None and self.training.result_net is not None:
            # The run's own network (best epoch restored, if asked): the last column matches it exactly.
            self._pending = None
            self.live.load_network(self.training.result_net, done.step)
            self._live_title = self.tr("trained")
            self._refresh_live()
        elif self.live.is_ready():
            self._live_title = self.tr("last snapshot")  # diverged or stopped at once: no network was kept
            self._refresh_live()
        self.curve.update()

    def _show_end(self, text: str, error: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(ERROR_STYLE if error else "")
        self.status_label.show()

    # ----- controls, mirrored with the Train tab's
    def _pause_toggled(self, paused: bool) -> None:
        self.training.pause_button.setChecked(paused)

    def _mirror_pause(self, paused: bool) -> None:
        self.pause_button.blockSignals(True)
        self.pause_button.setChecked(paused)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.pause_button.blockSignals(False)
        self._show_status()

    def _set_running(self, running: bool) -> None:
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        if not running:
            self._mirror_pause(False)

    # ----- the drawing
    def show_drawing(self, image: np.ndarray | None, in_use: np.ndarray | None) -> None:
        """The drawing as the network sees it ((28, 28), None when empty) and its probabilities under
        the network in use (None without one). A different drawing starts a new trace."""
        if image is None or self._image is None or not np.array_equal(image, self._image):
            self.trace.clear()
        self._image = None if image is None else np.array(image, copy=True)
        self.columns.set_column(0, in_use)
        self.trace.fallback = None if in_use is None else int(np.argmax(in_use))
        if self.isVisible():  # else showEvent catches up
            self._refresh_live()

    def _refresh_live(self) -> None:
        p = self.live.probabilities(self._image) if self._image is not None else None
        self.columns.set_column(1, p, self._live_title)
        if p is not None:
            self.trace.add(self.live.step or 0, p)
        self._show_trace()
        self.refreshed.emit()

    def _show_trace(self) -> None:
        digit = self.trace.digit()
        steps, values = self.trace.series()
        self.sparkline.set_data(steps, values, self._total_steps)
        self.columns.set_followed(digit)
        text = self.tr("Draw a digit to watch it being learned") if digit is None \
            else self.tr("Your {digit}, step by step").format(digit=digit)
        if self.spark_label.text() != text:  # see _build: a label's new text repaints the window
            self.spark_label.setText(text)



def _where(record) -> str:
    """Where a run is, from a progress record: "Epoch 2/5  ·  38%" (whole percent down, as QProgressBar's)."""
    return QCoreApplication.translate("WatchPanel", "Epoch {epoch}/{epochs}  ·  {percent}%").format(
        epoch=record.epoch, epochs=record.epochs, percent=100 * record.step // max(record.total_steps, 1))
