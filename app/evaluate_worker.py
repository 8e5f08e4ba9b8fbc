"""The Evaluate dialog's work, in a QThread: MNIST test first, then the drawn (canvas-style) parts.

Everything is model/'s: `evaluate_mnist_test` and `mnist_test_trust` as
`evaluate` prints them, then `canvas_report` as `evaluate --canvas N` prints
it. The worker owns the network it is given; it sends each result as soon as
it has it, and checks its stop flag between images and drawings.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot

from app.thread_runner import ThreadRunner
from model.calibration import Calibration
from model.canvas_report import canvas_report
from model.constants import MNIST_TEST_RECORDS
from model.data.canvas_bundle import is_bundled
from model.evaluation import evaluate_mnist_test
from model.trust import mnist_test_trust

MNIST_STEPS_WITH_DRAWINGS = 500  # MNIST test takes about as long as drawing 250 digits: its share of the bar


def mnist_steps(limit: int | None, drawings: int) -> int:
    """MNIST test's share of the progress bar: one step an image, or a fixed share before drawings made now.

    The bundled drawings (model.data.canvas_bundle) are only read: MNIST test keeps a step an image then.
    """
    images = min(limit or MNIST_TEST_RECORDS, MNIST_TEST_RECORDS)
    return min(images, MNIST_STEPS_WITH_DRAWINGS) if drawings and not is_bundled(drawings) else images


def steps(limit: int | None, drawings: int, parts: int) -> int:
    """The progress bar's length: MNIST test's share, then each drawing counted drawn and read."""
    return mnist_steps(limit, drawings if parts else 0) + 2 * drawings * parts


class EvaluateWorker(QObject):
    """Runs model/'s scoring in whatever thread it lives in; owns `net`."""

    progress = Signal(int)        # steps done (see `steps`)
    tested = Signal(object)       # (Report, trust dict) on MNIST test
    part = Signal(str, object)    # a drawn part's name and scores (model.canvas_report.part_report)
    finished = Signal()
    cancelled = Signal()
    failed = Signal(str)          # one-line message

    def __init__(self, net, limit: int | None, calibration: Calibration, drawings: int, parts: tuple[str, ...]):
        super().__init__()
        self._net, self._limit, self._calibration = net, limit, calibration
        self._drawings, self._parts = drawings, parts
        self._stop = threading.Event()

    def stop(self) -> None:
        """Ask the scoring to stop at its next image or drawing (called from the GUI thread)."""
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            done = self._run()
        except (ValueError, OSError, MemoryError) as exc:
            self.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
        else:
            (self.finished if done and not self._stop.is_set() else self.cancelled).emit()

    def _run(self) -> bool:
        """True when everything was scored, False when stopped."""
        share = mnist_steps(self._limit, self._drawings if self._parts else 0)
        report = evaluate_mnist_test(self._net, self._limit, should_stop=self._stop.is_set,
                                     progress=lambda done, total: self.progress.emit(done * share // total))
        if report is None or self._stop.is_set():
            return False
        # The calibrated answers, for refusals and the reliability diagram (a second, quick pass).
        self.tested.emit((report, mnist_test_trust(self._net, self._calibration, self._limit)))
        if not self._drawings or not self._parts:
            return True
        parts = canvas_report(self._net, self._drawings, parts=self._parts, calibration=self._calibration,
                              progress=lambda done, _total: self.progress.emit(share + done),
                              should_stop=self._stop.is_set, on_part=self.part.emit)
        return parts is not None


class EvaluateRunner(ThreadRunner):
    """One evaluation in its own QThread; its end reaches the GUI thread once the thread is joined."""

    progress = Signal(int)
    tested = Signal(object)
    part = Signal(str, object)
    finished = Signal()
    cancelled = Signal()
    failed = Signal(str)

    def start(self, net, limit: int | None, calibration: Calibration, drawings: int, parts: tuple[str, ...]) -> None:
        worker = EvaluateWorker(net, limit, calibration, drawings, parts)
        self._start(worker, "digitlab-evaluation", stop=worker.stop,
                    forward=[(worker.progress, self.progress), (worker.tested, self.tested),
                             (worker.part, self.part)],
                    ends=[(worker.finished, self._on_finished), (worker.cancelled, self._on_cancelled),
                          (worker.failed, self._on_failed)])

    def stop(self) -> None:
        """Stop soon, keeping what was reported; the end comes as `cancelled`."""
        if self._stop_worker is not None:
            self._stop_worker()
