"""Find a network's misread MNIST test digits in a QThread, through the app's ThreadRunner.

The worker reads with its own copy of the network and sends back plain copies:
the mistakes' images, true labels, readings and confidences, most confident first.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from app.thread_runner import ThreadRunner
from model import explain
from model.data.mnist import load_mnist

CHUNK = 250  # images per forward pass between stop checks: a network change waits for one chunk at most
MAX_KEPT = 300  # the most confident mistakes sent back (a weak network makes thousands)


@dataclass(frozen=True)
class Mistakes:
    images: np.ndarray  # uint8 (M, 28, 28), MNIST style: white ink on black
    labels: np.ndarray  # (M,) the true digits
    read: np.ndarray  # (M,) what the network read
    confidence: np.ndarray  # (M,) its probability for what it read
    indices: np.ndarray  # (M,) positions in MNIST test
    total: int  # all mistakes, of `tested`
    tested: int


class MistakesWorker(QObject):
    progress = Signal(int, int)  # images read, of
    finished = Signal(object)  # Mistakes
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, net):
        super().__init__()
        self._net = net
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            images, labels = load_mnist("test")
            labels = labels.astype(np.int64)
            probabilities = explain.probabilities_in_chunks(self._net, images, CHUNK, progress=self.progress.emit,
                                                            should_stop=self._stop.is_set)
            if probabilities is None:
                self.cancelled.emit()
                return
            wrong = explain.misread(probabilities, labels)
            kept = wrong[:MAX_KEPT]
            read = probabilities[kept].argmax(axis=1)
            self.finished.emit(Mistakes(images[kept].copy(), labels[kept].copy(), read,
                                        probabilities[kept, read].astype(np.float64), kept.copy(),
                                        len(wrong), len(images)))
        except (ValueError, OSError, MemoryError) as exc:
            self.failed.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


class MistakesRunner(ThreadRunner):
    """One search at a time; start() while one runs stops that one first."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def start(self, net) -> None:
        self.shutdown()
        worker = MistakesWorker(net)
        self._start(worker, "digitlab-mistakes", stop=worker.cancel,
                    forward=[(worker.progress, self.progress)],
                    ends=[(worker.finished, self._on_finished), (worker.failed, self._on_failed),
                          (worker.cancelled, self._on_cancelled)])
