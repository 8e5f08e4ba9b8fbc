"""Run the engine's training generator in a QThread: a QObject worker, its thread, pause and stop.

The worker owns the network it trains (the panel hands it a fresh or copied
one) and the data it loads; while it runs, the GUI thread only receives
copies of the progress records through queued signals. At the end it hands
the network itself over: the runner passes it on only once the worker's
thread has ended, so the two threads never share it. Pause and stop are plain flags behind a threading.Condition,
so the GUI thread sets them directly while the worker is busy and the paused
worker sleeps instead of spinning.
"""

from __future__ import annotations

import copy
import threading
from typing import Callable

from PySide6.QtCore import QObject, Signal, Slot

from app.crash_report import log_exception, logged_note
from app.thread_runner import ThreadRunner
from app.watch.snapshots import SnapshotClock, take_snapshot
from model.data.mnist import training_split


def usable_result(done) -> bool:
    """Whether a finished run left a network worth offering: not diverged, at least one step."""
    return done is not None and done.reason != "diverged" and (done.step or 0) > 0


class TrainingWorker(QObject):
    """Trains one network in whatever thread it lives in; create one per run.

    data_fn() -> (x, y, x_val, y_val) runs in the worker thread, so loading
    MNIST never freezes the window. train_fn is model.train.train or a fake.
    """

    progress = Signal(object)          # a copy of each "batch"/"epoch" record
    finished = Signal(object, object)  # the "done" record, the trained network handed over (None if unusable)
    failed = Signal(str)               # one-line message
    snapshot = Signal(object)          # about twice a second, a Snapshot: copies of the weights

    def __init__(self, net, config, data_fn: Callable, train_fn: Callable):
        super().__init__()
        self._net = net
        self._config = config
        self._data_fn = data_fn
        self._train_fn = train_fn
        self._cond = threading.Condition()
        self._paused = False
        self._stopped = False
        self._waiting = False
        self._clock = SnapshotClock()

    # Called from the GUI thread.
    def pause(self) -> None:
        with self._cond:
            self._paused = True

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._cond.notify_all()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._paused = False
            self._cond.notify_all()

    def is_waiting(self) -> bool:
        """True while the worker sleeps in a pause (for the panel's status and for tests)."""
        with self._cond:
            return self._waiting

    # Called from the worker thread, between steps.
    def should_stop(self) -> bool:
        """Block while paused (no busy wait), then report whether to stop."""
        with self._cond:
            self._waiting = self._paused and not self._stopped
            self._cond.wait_for(lambda: not self._paused or self._stopped)
            self._waiting = False
            return self._stopped

    @Slot()
    def run(self) -> None:
        try:
            x, y, x_val, y_val = self._data_fn()
            done = None
            records = self._train_fn(self._net, x, y, self._config, x_val=x_val, y_val=y_val,
                                     should_stop=self.should_stop)
            # The trainer polls should_stop() before every batch: pauses happen there, where
            # it takes them off the run's clock (ETA, elapsed, history).
            for record in records:
                if record.kind == "done":
                    done = copy.deepcopy(record)
                else:
                    self.progress.emit(copy.deepcopy(record))
                    if self._clock.due():  # between steps, so the weights are whole
                        self.snapshot.emit(take_snapshot(self._net, record.step))
        except Exception as exc:  # a crash in the engine must not take the window down
            details = logged_note(log_exception(exc))
            text = self.tr("Training failed: {0}: {1}").format(type(exc).__name__, exc)
            self.failed.emit(text.splitlines()[0] + details)
            return
        if done is None:
            self.failed.emit(self.tr("Training ended without a final report."))
            return
        net, self._net = self._net, None  # handed over: this worker never touches it again
        self.finished.emit(done, net if usable_result(done) else None)


class TrainingRunner(ThreadRunner):
    """Starts one worker at a time in its own QThread and forwards its signals to the GUI thread."""

    progress = Signal(object)
    finished = Signal(object, object)
    failed = Signal(str)
    snapshot = Signal(object)

    def start(self, net, config, data_fn: Callable, train_fn: Callable) -> None:
        if self.is_running():
            raise RuntimeError("a training run is already in progress")
        worker = TrainingWorker(net, config, data_fn, train_fn)
        self._start(worker, "digitlab-training", stop=worker.stop,
                    forward=[(worker.progress, self.progress), (worker.snapshot, self.snapshot)],
                    ends=[(worker.finished, self._on_finished), (worker.failed, self._on_failed)])

    def pause(self) -> None:
        if self._worker is not None:
            self._worker.pause()

    def resume(self) -> None:
        if self._worker is not None:
            self._worker.resume()

    def stop(self) -> None:
        if self._worker is not None:
            self._worker.stop()

    def is_paused_waiting(self) -> bool:
        return self._worker is not None and self._worker.is_waiting()


def mnist_data():
    """(x, y, x_val, y_val): MNIST's training split (model.data.mnist.training_split), as network input.

    Runs in the worker thread; TrainConfig.max_train picks the subset to train on.
    """
    return training_split()
