"""Run the engine's training generator in a QThread: a QObject worker, its thread, pause and stop.

The worker owns the network it trains (the panel hands it a fresh or copied
one) and the data it loads; the GUI thread only ever receives copies through
queued signals. Pause and stop are plain flags behind a threading.Condition,
so the GUI thread sets them directly while the worker is busy and the paused
worker sleeps instead of spinning.
"""

from __future__ import annotations

import copy
import threading
import traceback
from typing import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from model.mnist import load_mnist, to_float, train_val_split

# How long shutdown() waits for the last batch to finish before giving up.
SHUTDOWN_WAIT_MS = 30_000


def usable_result(done) -> bool:
    """Whether a finished run left a network worth offering: not diverged, at least one step."""
    return done is not None and done.reason != "diverged" and (done.step or 0) > 0


class TrainingWorker(QObject):
    """Trains one network in whatever thread it lives in; create one per run.

    data_fn() -> (x, y, x_val, y_val) runs in the worker thread, so loading
    MNIST never freezes the window. train_fn is model.train.train or a fake.
    """

    progress = Signal(object)          # a copy of each "batch"/"epoch" record
    finished = Signal(object, object)  # the "done" record, a copy of the network (None if unusable)
    failed = Signal(str)               # one-line message

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
            for record in records:
                if record.kind == "done":
                    done = copy.deepcopy(record)
                else:
                    self.progress.emit(copy.deepcopy(record))
                    self.should_stop()  # also pause here, in case the generator checks rarely
        except Exception as exc:  # a crash in the engine must not take the window down
            traceback.print_exc()
            self.failed.emit(f"Training failed: {type(exc).__name__}: {exc}".splitlines()[0])
            return
        if done is None:
            self.failed.emit("Training ended without a final report.")
            return
        self.finished.emit(done, self._net.copy() if usable_result(done) else None)


class TrainingRunner(QObject):
    """Starts one worker at a time in its own QThread and forwards its signals to the GUI thread."""

    progress = Signal(object)
    finished = Signal(object, object)
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._worker: TrainingWorker | None = None
        self._thread: QThread | None = None

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, net, config, data_fn: Callable, train_fn: Callable) -> None:
        if self.is_running():
            raise RuntimeError("a training run is already in progress")
        worker = TrainingWorker(net, config, data_fn, train_fn)
        thread = QThread()
        thread.setObjectName("digitlab-training")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # Queued: these slots run in the GUI thread, where this runner lives.
        worker.progress.connect(self.progress)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        self._worker, self._thread = worker, thread
        thread.start()

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

    def shutdown(self) -> None:
        """Stop the run and wait for its thread to end; safe when idle and when called twice."""
        if self._thread is None:
            return
        self._worker.progress.disconnect()
        self._worker.finished.disconnect()
        self._worker.failed.disconnect()
        self._worker.stop()
        self._join()

    def _join(self) -> None:
        # The worker's run() has returned (or is about to): end the thread's event loop and wait.
        thread = self._thread
        thread.quit()
        thread.wait(SHUTDOWN_WAIT_MS)
        self._worker = self._thread = None

    # A report still queued after shutdown() finds no thread and is dropped.
    def _on_finished(self, done, net) -> None:
        if self._thread is not None:
            self._join()
            self.finished.emit(done, net)

    def _on_failed(self, message: str) -> None:
        if self._thread is not None:
            self._join()
            self.failed.emit(message)


def mnist_data():
    """(x, y, x_val, y_val): MNIST's 60,000 training images split 55,000 / 5,000, as network input.

    Runs in the worker thread; TrainConfig.max_train picks the subset to train on.
    """
    images, labels = load_mnist("train")
    x, y, x_val, y_val = train_val_split(images, labels, val_size=5000, seed=0)
    return to_float(x), y, to_float(x_val), y_val
