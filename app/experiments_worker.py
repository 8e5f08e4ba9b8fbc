"""Run one course experiment in a QThread: a QObject worker, its thread, and Cancel.

The experiment writes its files itself; the GUI thread receives only the
Result (paths, numbers and tables, made fresh by the run) and progress
messages, through queued signals.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal, Slot

from app.crash_report import log_exception, logged_note
from app.thread_runner import ThreadRunner
from model.experiments import Cancelled, run_experiment
from model.text import translate


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
        except OSError as exc:  # the results folder can't be made or written
            where = exc.filename or out_dir
            self.failed.emit(self.tr("{name}: cannot write the results to {folder}: {error}").format(
                name=translate("Experiments", name), folder=where, error=exc.strerror or exc))
        except Exception as exc:  # a crash in an experiment must not take the window down
            details = logged_note(log_exception(exc))
            self.failed.emit(self.tr("{name} failed: {error}").format(
                name=translate("Experiments", name), error=f"{type(exc).__name__}: {exc}").splitlines()[0] + details)
        else:
            self.finished.emit(result)


class ExperimentRunner(ThreadRunner):
    """Starts one experiment at a time in its own QThread and forwards its signals to the GUI thread."""

    progress = Signal(float, str)
    finished = Signal(object)
    cancelled = Signal()
    failed = Signal(str)

    def start(self, name: str, out_dir: Path, quick: bool, seed: int = 0, run_fn: Callable = run_experiment) -> None:
        if self.is_running():
            raise RuntimeError("an experiment is already running")
        worker = ExperimentWorker(name, out_dir, quick, seed, run_fn)
        self._start(worker, "digitlab-experiment", stop=worker.cancel,
                    forward=[(worker.progress, self.progress)],
                    ends=[(worker.finished, self._on_finished), (worker.cancelled, self._on_cancelled),
                          (worker.failed, self._on_failed)])

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
