"""Run the engine's training generator for the window: in a child process (the program's way) or in a QThread.

A QObject worker lives in a QThread either way. TrainingWorker runs the
generator in that thread; ProcessTrainingWorker starts a child process
(model.train_process) that trains with its own GIL and the BLAS threads the
command line has (or one, when that is faster: app.blas_threads), and only
relays its messages: the window's drawing keeps its one BLAS thread and
training runs at least as fast as on the command line. The thread is for stand-ins that cannot cross to a process.

Either way the records reach the GUI thread in bundles (model.train_process.Outbox:
at most ten a second, and at each epoch's end and pause), one signal each: a fast
network makes a hundred records a second or more, and every queued signal wakes
the GUI thread, whose time on two cores is taken from the training's.

The worker owns the network it trains (the panel hands it a fresh or copied
one) and the data it loads; while it runs, the GUI thread only receives
copies of the progress records through queued signals. At the end it hands
the network itself over (from a child, loaded with the child's final
weights): the runner passes it on only once the worker's thread has ended,
so the two threads never share it. Pause and stop are plain flags
(model.train_process.Controls), so the GUI thread sets them directly while
the worker is busy and the paused trainer sleeps instead of spinning.
"""

from __future__ import annotations

import copy
import threading
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from app.blas_threads import thread_chooser, training_setup
from app.crash_report import log_exception, log_traceback, logged_note
from app.thread_runner import ThreadRunner
from app.watch.snapshots import Snapshot, SnapshotClock, take_snapshot
from model.data.mnist import training_split
from model.train_process import Controls, Outbox, TrainingProcess, stop_check


def usable_result(done) -> bool:
    """Whether a finished run left a network worth offering: not diverged, at least one step."""
    return done is not None and done.reason != "diverged" and (done.step or 0) > 0


class _Worker(QObject):
    """What both workers share: their signals, pause and stop, and the hand-over of the network."""

    progress = Signal(object)          # a bundle: a list of copies of "batch"/"epoch" records, in order
    finished = Signal(object, object)  # the "done" record, the trained network handed over (None if unusable)
    failed = Signal(str)               # one-line message
    snapshot = Signal(object)          # about twice a second, a Snapshot: copies of the weights

    def __init__(self, net, config, data_fn: Callable, train_fn: Callable, controls: Controls):
        super().__init__()
        self._net = net
        self._config = config
        self._data_fn = data_fn
        self._train_fn = train_fn
        self._controls = controls

    # Called from the GUI thread.
    def pause(self) -> None:
        self._controls.pause()

    def resume(self) -> None:
        self._controls.resume()

    def stop(self) -> None:
        self._controls.stop()

    def is_waiting(self) -> bool:
        """True while the trainer sleeps in a pause (for the panel's status and for tests)."""
        return self._controls.is_waiting()

    def watch(self, watched: bool) -> None:
        """Whether anyone shows the weights now: snapshots are taken only then."""
        self._controls.watch(watched)

    def _hand_over(self, done) -> None:
        net, self._net = self._net, None  # handed over: this worker never touches it again
        self.finished.emit(done, net if usable_result(done) else None)


class TrainingWorker(_Worker):
    """Trains one network in whatever thread it lives in; create one per run.

    data_fn() -> (x, y, x_val, y_val) runs in the worker thread, so loading
    MNIST never freezes the window. train_fn is model.train.train or a fake.
    """

    def __init__(self, net, config, data_fn: Callable, train_fn: Callable):
        super().__init__(net, config, data_fn, train_fn, Controls(threading))
        self._clock = SnapshotClock()

    @Slot()
    def run(self) -> None:
        outbox = Outbox(_Relay(self.progress))
        try:
            x, y, x_val, y_val = self._data_fn()
            done = None
            # The trainer polls should_stop() before every batch: pauses happen there, where
            # it takes them off the run's clock (ETA, elapsed, history).
            records = self._train_fn(self._net, x, y, self._config, x_val=x_val, y_val=y_val,
                                     should_stop=stop_check(self._controls, outbox))
            for record in records:
                if record.kind == "done":
                    done = copy.deepcopy(record)
                else:
                    outbox.record(copy.deepcopy(record))
                    if self._controls.is_watched() and self._clock.due():  # between steps: the weights are whole
                        outbox.flush()  # the records it follows first, as the process's outbox sends them
                        self.snapshot.emit(take_snapshot(self._net, record.step))
            outbox.flush()
        except Exception as exc:  # a crash in the engine must not take the window down
            outbox.flush()  # what was trained is shown before the failure
            details = logged_note(log_exception(exc))
            text = self.tr("Training failed: {0}: {1}").format(type(exc).__name__, first_line(str(exc)))
            self.failed.emit(text + details)
            return
        if done is None:
            self.failed.emit(self.tr("Training ended without a final report."))
            return
        self._hand_over(done)


class ProcessTrainingWorker(_Worker):
    """Trains one network in a child process and relays what it reports; create one per run.

    data_fn and train_fn run in the child, so they must be picklable (module-level
    functions). The records, snapshots and weights that arrive are the child's
    copies: nothing is shared with it.
    """

    def __init__(self, net, config, data_fn: Callable, train_fn: Callable):
        super().__init__(net, config, data_fn, train_fn, Controls())

    @Slot()
    def run(self) -> None:
        try:
            child = TrainingProcess(self._net, self._config, self._data_fn, self._train_fn, controls=self._controls,
                                    snapshot_due=SnapshotClock().due, setup=training_setup(),
                                    on_record=thread_chooser().observe)
        except Exception as exc:  # a stand-in that cannot be pickled, no process left to start
            self._fail(type(exc).__name__, str(exc), log_exception(exc))
            return
        spec, shape = self._net.spec(), tuple(self._net.input_shape)
        for kind, *content in child.messages():
            if kind == "records":
                self.progress.emit(content[0])
            elif kind == "snapshot":
                self.snapshot.emit(Snapshot(content[0], spec, shape, content[1]))
            elif kind == "done":
                self._net.load_state_dict(content[1])
                self._hand_over(content[0])
            elif kind == "error":
                self._fail(*content[:2], log_traceback(content[2]))
            elif kind == "no_report":
                self.failed.emit(QCoreApplication.translate("TrainingWorker", "Training ended without a final report."))
            else:  # "died"
                self.failed.emit(QCoreApplication.translate(
                    "TrainingWorker", "Training failed: its process ended unexpectedly (exit code {0}).").format(*content))

    def _fail(self, name: str, text: str, logged) -> None:
        # The thread worker's words and context, so that one translation serves both.
        line = QCoreApplication.translate("TrainingWorker", "Training failed: {0}: {1}").format(name, first_line(text))
        self.failed.emit(line + logged_note(logged))


class _Relay:
    """An Outbox's way out in a worker thread: each bundle of records is one emit of `signal`."""

    def __init__(self, signal):
        self._signal = signal

    def put(self, message: tuple) -> None:
        self._signal.emit(message[1])  # ("records", [...]): the only message an Outbox sends here


def first_line(text: str) -> str:
    """The message's first line that says something (some start with a newline, as multiprocessing's do)."""
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


class TrainingRunner(ThreadRunner):
    """Starts one worker at a time in its own QThread and forwards its signals to the GUI thread."""

    progress = Signal(object)
    finished = Signal(object, object)
    failed = Signal(str)
    snapshot = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._watched = True

    def start(self, net, config, data_fn: Callable, train_fn: Callable, separate_process: bool = False) -> None:
        """Train `net` (now the worker's) in a child process, or in a thread of this one."""
        if self.is_running():
            raise RuntimeError("a training run is already in progress")
        worker = (ProcessTrainingWorker if separate_process else TrainingWorker)(net, config, data_fn, train_fn)
        worker.watch(self._watched)
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

    def watch(self, watched: bool) -> None:
        """Whether anyone shows the run's weights (snapshots) now; kept for the next run too."""
        self._watched = watched
        if self._worker is not None:
            self._worker.watch(watched)

    def is_paused_waiting(self) -> bool:
        return self._worker is not None and self._worker.is_waiting()


# (x, y, x_val, y_val): MNIST's training split as network input; TrainConfig.max_train picks the
# subset to train on. The engine's own function, so a child process needs nothing of app/ to load it.
mnist_data = training_split
