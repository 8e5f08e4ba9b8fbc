"""Run one QObject worker at a time in its own QThread, and end that thread cleanly.

The base of the training, experiment and evaluation runners. A runner lives
in the GUI thread; its worker is moved into a fresh QThread whose start calls
the worker's run(). The worker's signals reach the runner through queued
connections (so their receivers must be the runner's signals or methods: a
lambda has no thread and would run in the worker's), and the runner's own
signals are emitted in the GUI thread, the only one that touches widgets.

Ending a run: shutdown() sets the worker's stop flag, then waits for its
run() to return, however long its current step takes. A QThread is never
dropped while it may still run.
"""

from __future__ import annotations

import sys
from typing import Callable, Iterable

from PySide6.QtCore import QObject, QThread

# A join waits for the worker's run() to return however long it takes (a
# thread dropped while it runs would crash the program); past this long it
# says on stderr what it is waiting for, then goes on waiting.
STILL_WAITING_MS = 30_000


class ThreadRunner(QObject):
    """Owns one worker and its QThread from start to join; subclasses add the signals and controls.

    A subclass declares the signals it reports (finished, failed, cancelled),
    builds its worker and calls _start(), handing each of the worker's end
    signals to the matching _on_* method below: the thread is joined before
    the report is passed on, so whoever receives it finds the runner idle.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._worker: QObject | None = None
        self._thread: QThread | None = None
        self._stop_worker: Callable[[], None] | None = None
        self._worker_signals: tuple = ()

    def is_running(self) -> bool:
        return self._thread is not None

    def _start(self, worker: QObject, thread_name: str, *, stop: Callable[[], None],
               forward: Iterable = (), ends: Iterable = ()) -> None:
        """Run worker.run() in a new QThread named `thread_name`.

        stop: asks the worker to stop soon (called by shutdown()).
        forward: (worker signal, runner signal) pairs passed straight on.
        ends: (worker signal, runner method) pairs for the reports that end the run.
        """
        thread = QThread()
        thread.setObjectName(thread_name)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        # Queued: the runner lives in the GUI thread, so these run there.
        pairs = [*forward, *ends]
        for signal, receiver in pairs:
            signal.connect(receiver)
        self._worker_signals = tuple(signal for signal, _ in pairs)
        self._worker, self._thread, self._stop_worker = worker, thread, stop
        thread.start()

    def shutdown(self) -> None:
        """Stop the run and wait for its thread to end; safe when idle and when called twice."""
        if self._thread is None:
            return
        for signal in self._worker_signals:
            signal.disconnect()
        self._stop_worker()
        self._join()

    def _join(self) -> None:
        # The worker has been asked to stop (or has reported its end): end the thread's
        # event loop once run() returns, and wait for that. The worker checks its stop
        # flag between steps, so this is one step's wait, never forgotten.
        thread = self._thread
        thread.quit()
        while not thread.wait(STILL_WAITING_MS):
            print(f"DigitLab: waiting for the {thread.objectName()} thread to finish its step…", file=sys.stderr)
        self._worker = self._thread = self._stop_worker = None
        self._worker_signals = ()

    def _end(self, signal, *args) -> None:
        """The worker reported its end: join its thread, then emit `signal` with the report.

        A report still queued after shutdown() finds no thread and is dropped.
        """
        if self._thread is not None:
            self._join()
            signal.emit(*args)

    # Methods, not lambdas: a lambda has no thread, so Qt would call it in the worker's.
    def _on_finished(self, *report) -> None:
        self._end(self.finished, *report)

    def _on_failed(self, message: str) -> None:
        self._end(self.failed, message)

    def _on_cancelled(self) -> None:
        self._end(self.cancelled)
