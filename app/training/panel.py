"""The Train tab: a form, Train/Continue/Pause/Stop, live curves, progress, and what to do with the result.

The panel builds the network to train (a fresh preset, or the copy of the
current one that current_network() returns) and hands it to a TrainingRunner,
which trains it in its own thread. The network in use is never touched.

Ownership: the worker owns the network while it trains and hands it back when
its thread has ended (no copy). The panel keeps that result for Save; Use
emits a copy (network_trained), which the window then owns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from app.settings import file_name_for, with_default_suffix
from app.training import config_errors
from app.training.curves import TrainingCurves
from app.training.form import CURRENT, TrainingForm
from app.training.result import (
    clock,
    continued_source,
    cut_short_epoch_row,
    describe_result,
    result_meta,
    stats_text,
)
from app.training.status_line import StatusLine
from app.training.worker import TrainingRunner, mnist_data
from model.constants import TRAIN_IMAGES
from model.history import epoch_row, write_history_csv
from model.network import Sequential
from model.presets import build_preset
from model.rate_clock import RateClock
from model.train import TrainConfig, train
from model.weights import save_weights

ERROR_STYLE = "color: #b00020;"
POINTS_PER_EPOCH = 200  # batch records asked of the trainer: a smooth curve, few signals
TRAIN_IN_PROCESS = True  # runs train in a child process (a thread: the tests' default, see tests/conftest.py)
STATUS_PER_S = 10  # the bar and the status line change at most 10 times a second; the curve gets every point
RESULT_STYLE = "QFrame#result { background: #e8f3e8; border: 1px solid #9c9; border-radius: 4px; }"


class TrainingPanel(QWidget):
    """Train a new network or fine-tune a copy of the current one, watching its curves live."""

    network_trained = Signal(object, dict)  # (a trained Sequential the receiver owns, meta) once accepted
    run_started = Signal()
    run_finished = Signal(object)           # the engine's "done" record, or None after a failure

    def __init__(self, current_network: Callable[[], tuple[Sequential, dict] | None], parent=None,
                 data_fn: Callable = mnist_data, train_fn: Callable = train, separate_process: bool | None = None):
        super().__init__(parent)
        self._current_network = current_network
        self._data_fn, self._train_fn = data_fn, train_fn
        # A child process trains as fast as the command line (app.training.worker); a thread
        # only for stand-ins of data_fn and train_fn that cannot be sent to a process.
        self.separate_process = TRAIN_IN_PROCESS if separate_process is None else separate_process
        self.runner = TrainingRunner(self)
        self.runner.progress.connect(self.show_progress)
        self.runner.finished.connect(self._on_finished)
        self.runner.failed.connect(self._on_failed)
        self.history: list[dict] = []  # one row per epoch, and one for an epoch a stop cut short
        self._last_batch = None  # the latest "batch" record: what a stop mid-epoch leaves of that epoch
        self._status_clock = RateClock(STATUS_PER_S)  # when the bar and status line may change again
        self.result_net: Sequential | None = None
        self.result_meta: dict = {}
        self._build()
        self._set_running(False)

    # ----- layout
    def _build(self) -> None:
        self.form = TrainingForm()
        self.train_button = QPushButton(self.tr("Train from scratch"), clicked=self.train_from_scratch)
        self.continue_button = QPushButton(self.tr("Continue training current"), clicked=self.continue_training)
        self.continue_button.setToolTip(self.tr("Fine-tune a copy of the network in use; the original stays as it is"))
        self.pause_button = QPushButton(self.tr("Pause"), checkable=True, toggled=self.set_paused)
        self.stop_button = QPushButton(self.tr("Stop"), clicked=self.stop)
        left = QVBoxLayout()
        left.addWidget(self.form)
        left.addLayout(_row(self.train_button, self.continue_button))
        left.addLayout(_row(self.pause_button, self.stop_button))
        left.addStretch(1)

        self.curves = TrainingCurves()
        self.progress_bar = QProgressBar(textVisible=True)
        # Wraps rather than widening the window or being cut off mid-word; changes without a new layout.
        self.stats_label = StatusLine(self.tr("Choose a network and press Train."))
        self.message_label = QLabel(wordWrap=True, styleSheet=ERROR_STYLE)
        self.message_label.hide()
        self.png_button = QPushButton(self.tr("Export curves (PNG)…"), clicked=self.export_png)
        self.csv_button = QPushButton(self.tr("Export history (CSV)…"), clicked=self.export_csv)
        right = QVBoxLayout()
        right.addWidget(self.curves, 1)
        right.addWidget(self.progress_bar)
        right.addWidget(self.stats_label)
        right.addLayout(_row(None, self.png_button, self.csv_button))
        right.addWidget(self.message_label)
        right.addWidget(self._result_bar())

        layout = QHBoxLayout(self)
        layout.addLayout(left, 0)
        layout.addLayout(right, 1)

    def _result_bar(self) -> QFrame:
        self.result_bar = QFrame(objectName="result", styleSheet=RESULT_STYLE)
        self.result_label = QLabel(wordWrap=True)
        self.use_button = QPushButton(self.tr("Use this network"), clicked=self.use_result)
        self.save_button = QPushButton(self.tr("Save…"), clicked=self.save_result)
        self.discard_button = QPushButton(self.tr("Discard"), clicked=self.discard_result)
        bar = QHBoxLayout(self.result_bar)
        bar.addWidget(self.result_label, 1)
        for button in (self.use_button, self.save_button, self.discard_button):
            bar.addWidget(button)
        self.result_bar.hide()
        return self.result_bar

    # ----- starting and controlling a run
    def train_from_scratch(self) -> bool:
        """Build the chosen architecture with fresh weights and train it. False if nothing started."""
        return self._start(from_current=False)

    def continue_training(self) -> bool:
        """Train a copy of the current network further. False if nothing started."""
        return self._start(from_current=True)

    def _start(self, from_current: bool) -> bool:
        if self.runner.is_running():
            return False
        try:
            request = self.form.read()
            config = TrainConfig(**request.config, reports_per_epoch=POINTS_PER_EPOCH)
            config.validate(TRAIN_IMAGES)
            net, source = self._network_to_train(request, from_current)
        except (ValueError, KeyError) as exc:  # ConfigError and SpecError are ValueErrors
            self.show_message(config_errors.translated(exc))
            return False
        self.show_run_starting(config, source)
        self.runner.start(net, config, self._data_fn, self._train_fn, separate_process=self.separate_process)
        self.run_started.emit()
        return True

    def _network_to_train(self, request, from_current: bool) -> tuple[Sequential, dict]:
        """The network the worker will own, and where it came from (for the result's meta).

        current_network() returns a copy that is ours: it is trained as it is, or only its spec is read.
        """
        current = self._current_network() if (from_current or request.preset == CURRENT) else None
        if (from_current or request.preset == CURRENT) and current is None:
            raise ValueError(self.tr("There is no current network yet: train one from scratch first."))
        rng = np.random.default_rng(request.config["seed"])
        if from_current:
            net, meta = current
            return net, continued_source(meta)
        if request.preset == CURRENT:
            net, meta = current
            fresh = Sequential.from_spec(net.spec(), rng=rng, input_shape=net.input_shape)
            return fresh, {"from": "scratch", "base": meta.get("name"), "preset": meta.get("preset")}
        net = build_preset(request.preset, rng=rng, **request.net_options)
        return net, {"from": "scratch", "preset": request.preset, "options": request.net_options}

    def show_run_starting(self, config, source: dict) -> None:
        """Clear the last run's curves and result and show a run of `config` about to start."""
        self._run = {"config": config, "source": source}
        self.history, self._last_batch = [], None
        self.result_net, self.result_meta = None, {}
        self.result_bar.hide()
        self.show_message("")
        self.progress_bar.setRange(0, 0)  # busy until the first record (MNIST loads first)
        self.progress_bar.setValue(0)
        self.stats_label.setText(self.tr("Loading MNIST…"))
        self.curves.clear(config.epochs)
        self.curves.start()
        self._set_running(True)

    def set_paused(self, paused: bool) -> None:
        if not self.runner.is_running():
            return
        if paused:
            self.runner.pause()
            self.stats_label.setText(self.tr("Paused. {0}").format(self.stats_label.text()))
        else:
            self.runner.resume()
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))

    def stop(self) -> None:
        self.runner.stop()
        self.stats_label.setText(self.tr("Stopping after this batch…"))

    def shutdown(self) -> None:
        """Stop a run and wait for its thread; for the main window's closeEvent. Safe to call twice."""
        was_running = self.runner.is_running()
        self.runner.shutdown()
        self.curves.finish()
        if was_running:
            self._set_running(False)
            self.stats_label.setText(self.tr("Training stopped."))

    def is_running(self) -> bool:
        return self.runner.is_running()

    def _set_running(self, running: bool) -> None:
        for widget in (self.form, self.train_button, self.continue_button):
            widget.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        if not running:
            self.pause_button.blockSignals(True)
            self.pause_button.setChecked(False)
            self.pause_button.setText(self.tr("Pause"))
            self.pause_button.blockSignals(False)
        # Anything drawn can be exported, a run stopped before its first epoch included.
        self.png_button.setEnabled(bool(self.history) or self._last_batch is not None)
        self.csv_button.setEnabled(bool(self.history))

    # ----- what the worker reports (GUI thread)
    def show_progress(self, records: list) -> None:
        """Add a bundle of "batch" and "epoch" records to the curves; the progress bar and the
        status line show its last, at most STATUS_PER_S times a second and at each epoch's end."""
        epoch_ended = False
        for record in records:
            per_epoch = max(record.batches_per_epoch, 1)
            if record.kind == "batch":
                self.curves.add_batch(record.step / per_epoch, record.interval_loss)
                self._last_batch = record
            elif record.kind == "epoch":
                self.curves.add_epoch(record.step / per_epoch, record.loss, record.acc, record.val_loss,
                                      record.val_acc)
                self.history.append(epoch_row(record))
                epoch_ended = True
        last = records[-1]
        if epoch_ended:
            self.csv_button.setEnabled(True)
            self.png_button.setEnabled(True)
            self._status_clock.restart()
        elif not self._status_clock.due() and last.batch < last.batches_per_epoch:
            return  # bundles come at each epoch's end too: a fast network with small epochs sends dozens a second
        self._show_status(last)  # an epoch's last batch stays shown while it validates

    def _show_status(self, record) -> None:
        """The progress bar and the status line at `record`."""
        self.progress_bar.setRange(0, max(record.total_steps, 1))
        self.progress_bar.setValue(record.step)
        self.progress_bar.setFormat(self.tr("%p%  ·  ETA {0}").format(clock(record.eta)) if record.eta else "%p%")
        if not self.pause_button.isChecked():
            self.stats_label.setText(stats_text(record))

    def _on_finished(self, done, net) -> None:
        self.curves.finish()
        if (row := cut_short_epoch_row(self._last_batch)) is not None:
            self.history.append(row)
        self._set_running(False)
        self.progress_bar.setRange(0, max(done.total_steps, 1))
        self.progress_bar.setFormat("%p%")
        if done.reason == "finished":
            self.progress_bar.setValue(self.progress_bar.maximum())
        text = describe_result(done)
        if net is None:  # diverged, or stopped before the first step: nothing worth offering
            self.stats_label.setText(self.tr("No new network; the one in use is unchanged."))
            self.show_message(text)
        else:
            self.stats_label.setText(text)
            self.result_net = net
            self.result_meta = result_meta(net, done, self._run["config"], self._run["source"], self.history)
            self.result_label.setText(self.tr("<b>{0}</b> is ready: use it to read your digits, or save it.").format(
                self.result_meta["name"]))
            self.use_button.setEnabled(True)
            self.result_bar.show()
        self.run_finished.emit(done)

    def _on_failed(self, message: str) -> None:
        self.curves.finish()
        self._set_running(False)
        self.progress_bar.setRange(0, 1)
        # The message below says what failed; this line stays true whatever message replaces it.
        self.stats_label.setText(self.tr("No new network; the one in use is unchanged."))
        self.show_message(message)
        self.run_finished.emit(None)

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # ----- the result
    def use_result(self) -> None:
        if self.result_net is not None:
            self.network_trained.emit(self.result_net.copy(), dict(self.result_meta))
            self.result_label.setText(self.tr("<b>{0}</b> is now the network in use.").format(self.result_meta["name"]))
            self.use_button.setEnabled(False)

    def save_result(self) -> str | None:
        if self.result_net is None:
            return None
        suggested = file_name_for(self.result_meta["name"], ".npz")
        path = self.ask_save_path(self.tr("Save weights"), self.tr("DigitLab weights (*.npz)"), suggested)
        if path:
            try:
                save_weights(path, self.result_net, meta=self.result_meta)
            except (OSError, ValueError) as exc:
                self.show_message(self.tr("Could not save {0}: {1}").format(path, exc))
                return None
            self.stats_label.setText(self.tr("Saved {0}").format(path))
        return path or None

    def discard_result(self) -> None:
        self.result_net, self.result_meta = None, {}
        self.result_bar.hide()

    def export_png(self) -> str | None:
        path = self.ask_save_path(self.tr("Export curves"), self.tr("PNG image (*.png)"), "training-curves.png")
        return self._export(path, self.curves.save_png)

    def export_csv(self) -> str | None:
        path = self.ask_save_path(self.tr("Export history"), self.tr("CSV table (*.csv)"), "training-history.csv")
        return self._export(path, lambda p: write_history_csv(p, self.history))

    def _export(self, path: str, write) -> str | None:
        """Write with `write(path)`; a path that can't be written gets one line, not a crash."""
        if not path:
            return None
        try:
            write(path)
        except OSError as exc:
            self.show_message(self.tr("Could not write {0}: {1}").format(path, exc.strerror or exc))
            return None
        self.show_message("")
        return path

    def ask_save_path(self, caption: str, file_filter: str, suggested: str) -> str:
        """The file the user picks, or "" if cancelled (tests replace this method)."""
        path, _ = QFileDialog.getSaveFileName(self, caption, suggested, file_filter)
        return with_default_suffix(path, Path(suggested).suffix)


def _row(*widgets) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        if widget is None:
            row.addStretch(1)
        else:
            row.addWidget(widget)
    return row
