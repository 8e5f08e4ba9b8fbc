"""Run one course experiment in a QThread: a QObject worker, its thread, and Cancel.

The experiment writes its files itself; the GUI thread receives only the
Result (paths, numbers and tables, made fresh by the run) and progress
messages, through queued signals.
"""

from __future__ import annotations

import threading
import traceback
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from model.experiments import Cancelled, run_experiment

# How long shutdown() waits for a cancelled experiment to reach its next check.
SHUTDOWN_WAIT_MS = 30_000


class ExperimentWorker(QObject):
    """Runs `run_fn(name, out_dir, quick=, seed=, progress=, should_stop=)` in whatever thread it lives in."""

    progress = Signal(float, str)
    finished = Signal(object)  # the Result
    cancelled = Signal()
    failed = Signal(str)       # one-line message

    def __init__(self, name: str, out_dir: Path, quick: bool, seed: int, run_fn: Callable = run_experiment):
        super().__init__()
        self._args = (name, out_dir, quick, seed)
        self._run_fn = run_fn
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the run to stop at its next progress check (called from the GUI thread)."""
        self._stop.set()

    @Slot()
    def run(self) -> None:
        name, out_dir, quick, seed = self._args
        try:
            result = self._run_fn(name, out_dir, quick=quick, seed=seed, progress=self.progress.emit,
                                  should_stop=self._stop.is_set)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # a crash in an experiment must not take the window down
            traceback.print_exc()
            self.failed.emit(f"{name} failed: {type(exc).__name__}: {exc}".splitlines()[0])
        else:
            self.finished.emit(result)


class ExperimentRunner(QObject):
    """Starts one experiment at a time in its own QThread and forwards its signals to the GUI thread."""

    progress = Signal(float, str)
    finished = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._worker: ExperimentWorker | None = None
        self._thread: QThread | None = None

    def is_running(self) -> bool:
        return self._thread is not None

    def start(self, name: str, out_dir: Path, quick: bool, seed: int = 0, run_fn: Callable = run_experiment) -> None:
        if self.is_running():
            raise RuntimeError("an experiment is already running")
        worker = ExperimentWorker(name, out_dir, quick, seed, run_fn)
        thread = QThread()
        thread.setObjectName("digitlab-experiment")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # Queued: these run in the GUI thread, where the runner lives.
        worker.progress.connect(self.progress)
        for signal, slot in ((worker.finished, self._on_finished), (worker.cancelled, self._on_cancelled),
                             (worker.failed, self._on_failed)):
            signal.connect(slot)
        self._worker, self._thread = worker, thread
        thread.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def shutdown(self) -> None:
        """Cancel the run and wait for its thread to end; safe when idle and when called twice."""
        if self._thread is None:
            return
        for signal in (self._worker.progress, self._worker.finished, self._worker.cancelled, self._worker.failed):
            signal.disconnect()
        self._worker.cancel()
        self._join()

    def _join(self) -> None:
        thread = self._thread
        thread.quit()
        thread.wait(SHUTDOWN_WAIT_MS)
        self._worker = self._thread = None

    # A report still queued after shutdown() finds no thread and is dropped.
    def _on_finished(self, result) -> None:
        if self._thread is not None:
            self._join()
            self.finished.emit(result)

    def _on_cancelled(self) -> None:
        if self._thread is not None:
            self._join()
            self.cancelled.emit()

    def _on_failed(self, message: str) -> None:
        if self._thread is not None:
            self._join()
            self.failed.emit(message)
