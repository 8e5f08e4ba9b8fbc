"""The shared worker-thread runner: shutdown asks the worker to stop, then waits as long as it takes."""
import threading
import time

from PySide6.QtCore import QObject, Signal, Slot

import app.thread_runner as thread_runner
from app.thread_runner import ThreadRunner

SLOW_STEP_S = 0.5  # a worker step that outlasts the runner's patience below


class SlowWorker(QObject):
    """Finishes its current step (longer than STILL_WAITING_MS) before it looks at the stop flag."""

    finished = Signal()

    def __init__(self):
        super().__init__()
        self.started, self.stop_flag, self.returned = threading.Event(), threading.Event(), threading.Event()

    def stop(self):
        self.stop_flag.set()

    @Slot()
    def run(self):
        self.started.set()
        while not self.stop_flag.is_set():
            time.sleep(0.01)
        time.sleep(SLOW_STEP_S)  # the step in progress when stop was asked
        self.returned.set()
        self.finished.emit()


class Runner(ThreadRunner):
    finished = Signal()

    def start(self, worker):
        self._start(worker, "test-slow", stop=worker.stop, ends=[(worker.finished, self._on_finished)])

    def _on_finished(self):
        self._end(self.finished)


def test_shutdown_waits_for_a_slow_worker_instead_of_dropping_its_thread(qtbot, monkeypatch, capfd):
    monkeypatch.setattr(thread_runner, "STILL_WAITING_MS", 50)
    runner, worker = Runner(), SlowWorker()
    runner.start(worker)
    thread = runner._thread
    assert worker.started.wait(5)
    runner.shutdown()
    assert worker.stop_flag.is_set()  # asked to stop first
    assert worker.returned.is_set() and thread.isFinished()  # and waited for, past the 50 ms
    assert not runner.is_running()
    assert "waiting for the test-slow thread" in capfd.readouterr().err
    runner.shutdown()  # idle: nothing to do
