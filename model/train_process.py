"""A training run in a child process: the engine's generator with its own interpreter and BLAS threads.

The window trains here so that a run is as fast as on the command line. In
a thread of the window, training shares the window's GIL (every curve drawn
or prediction made holds it) and the one BLAS thread the window keeps for
drawing; a child started with "spawn" has neither limit, and the window's
drawing keeps its own thread. "spawn", not "fork": a forked copy of a
process running Qt threads can inherit their locks held.

The child rebuilds the network from its spec and weights, loads the data
with data_fn(), runs train_fn(...) (model.train.train or a stand-in) and
sends, in order, on one queue:
  ("records", [Progress, ...])    every "batch" and "epoch" record, in bundles: at most
                                  BUNDLES_PER_S a second, before any other message, and
                                  at each epoch's end and pause;
  ("snapshot", step, state dict)  whenever snapshot_due() says so, between steps, while
                                  the parent watches (Controls.watch);
then exactly one of
  ("done", Progress, state dict)  the "done" record and the weights the run ends with;
  ("error", name, text, traceback) an exception: its type's name, its text, its traceback;
  ("no_report",)                  train_fn ended without a "done" record.
The parent's messages() hands the bundles on as they come, so that the window
too handles one message where there were dozens of records (and wakes its
GUI thread once).
Bundles, because a fast network makes hundreds of records a second, and each
message costs both processes a thread's wake-up and the child its GIL (the
queue's feeder thread pickles it): the mlp lost 4-5% of its run to that.
Everything handed to the child (data_fn, train_fn, setup, snapshot_due, on_record)
must be picklable: module-level functions, or objects of module-level classes.
"""
from __future__ import annotations

import multiprocessing
import queue
import time
import traceback
from dataclasses import dataclass
from typing import Callable, Iterator

import numpy as np

from model.network import Sequential
from model.rate_clock import RateClock

SPAWN = multiprocessing.get_context("spawn")
POLL_S = 0.25  # how often a parent waiting for messages checks that the child still lives
BUNDLES_PER_S = 10  # the child's record messages a second, at most (each carries all records since the last)
PARENT_CHECK_S = 1.0  # how often the child checks that the window still lives (a system call: not every step)
LAST = ("done", "error", "no_report", "died")


@dataclass(frozen=True)
class Job:
    """All a child needs to train, picklable: the network as spec and weights, the run's settings."""

    spec: list[dict]
    input_shape: tuple[int, ...]
    dtype: str
    state: dict[str, np.ndarray]
    config: object  # a TrainConfig, or whatever train_fn takes
    data_fn: Callable  # () -> (x, y, x_val, y_val), called in the child
    train_fn: Callable  # model.train.train's signature
    snapshot_due: Callable[[], bool] | None = None  # asked after every record; None: no snapshots
    setup: Callable[[], object] | None = None  # called first in the child (e.g. its BLAS threads)
    on_record: Callable[[object], None] | None = None  # sees every record first (e.g. a ThreadChooser's observe)


class Controls:
    """Pause, resume and stop, set by the parent and polled by the child between steps (no busy wait);
    and whether anyone looks at the weights now (snapshots are taken only then).

    context: where the events come from: SPAWN for a child process, the threading module for a thread.
    """

    def __init__(self, context=SPAWN):
        self._go, self._stop, self._waiting = context.Event(), context.Event(), context.Event()
        self._watched = context.Event()
        self._go.set()
        self._watched.set()

    def watch(self, watched: bool) -> None:
        """Whether snapshots are wanted: nobody looking, the run takes none (the cnn's cost a
        copy, a pickle and an unpickle of 13 MB each, twice a second)."""
        if watched:
            self._watched.set()
        else:
            self._watched.clear()

    def is_watched(self) -> bool:
        return self._watched.is_set()

    def pause(self) -> None:
        self._go.clear()

    def resume(self) -> None:
        self._go.set()

    def stop(self) -> None:
        self._stop.set()
        self._go.set()  # a paused child wakes to stop

    def is_waiting(self) -> bool:
        """True while the child sleeps in a pause."""
        return self._waiting.is_set()

    def is_paused(self) -> bool:
        """True from pause() to resume() or stop(): the child sleeps at its next check."""
        return not self._go.is_set()

    def should_stop(self) -> bool:
        """In the child, between steps: sleep while paused, then say whether to stop."""
        if not self._go.is_set():
            self._waiting.set()
            self._go.wait()
            self._waiting.clear()
        return self._stop.is_set()


class TrainingProcess:
    """The parent's handle on one run in a child process: start it, control it, read its messages."""

    def __init__(self, net: Sequential, config, data_fn: Callable, train_fn: Callable, *,
                 controls: Controls | None = None, snapshot_due: Callable[[], bool] | None = None,
                 setup: Callable[[], object] | None = None, on_record: Callable[[object], None] | None = None):
        job = Job(net.spec(), tuple(net.input_shape), np.dtype(net.dtype).name, net.state_dict(), config,
                  data_fn, train_fn, snapshot_due, setup, on_record)
        self.controls = controls or Controls()
        self._queue = SPAWN.Queue()
        # Daemonic: if the window's process ends abruptly, its training ends with it.
        self._process = SPAWN.Process(target=run_job, args=(job, self._queue, self.controls),
                                      name="digitlab-training", daemon=True)
        self._ended = False
        self._process.start()

    def messages(self) -> Iterator[tuple]:
        """The child's messages as they come, ending with its last one; then the child has ended.

        If the child dies without a last word (killed, out of memory), the last is ("died", exit code).
        """
        while not self._ended:
            try:
                message = self._queue.get(timeout=POLL_S)
            except queue.Empty:
                if self._process.is_alive():
                    continue
                try:  # it may have said its last word just before it ended
                    message = self._queue.get(timeout=POLL_S)
                except queue.Empty:
                    message = ("died", self._process.exitcode)
            if message[0] in LAST:
                self._ended = True
                self._process.join()  # the child ends right after its last word
                self._queue.close()
            yield message

    def close(self) -> None:
        """Stop the child if it still runs and wait for it to end, reading (and dropping) what it still sends."""
        if not self._ended:
            self.controls.stop()
            for _ in self.messages():
                pass


class Outbox:
    """The child's side of the queue: records wait to go in bundles; any other message sends them first.

    An epoch's last records go at once: validation or the end may take a while after them.
    """

    def __init__(self, out, per_second: float = BUNDLES_PER_S, now=time.monotonic):
        self._out, self._clock = out, RateClock(per_second, now)
        self._records: list = []

    def record(self, record) -> None:
        self._records.append(record)
        epoch_ends = record.kind != "batch" or record.batch == record.batches_per_epoch
        if self._clock.due() or epoch_ends:
            self.flush()

    def flush(self) -> None:
        """Send the records waiting, if any; the next bundle goes one interval later at the earliest."""
        if self._records:
            self._out.put(("records", self._records))
            self._records = []
            self._clock.restart()

    def put(self, message: tuple) -> None:
        self.flush()
        self._out.put(message)


def every(seconds: float, check: Callable[[], bool], now=time.monotonic) -> Callable[[], bool]:
    """check(), called at most once every `seconds`; its last answer in between."""
    clock, answer = RateClock(1.0 / seconds, now), True

    def throttled() -> bool:
        nonlocal answer
        if clock.due():
            answer = check()
        return answer

    return throttled


def stop_check(controls: Controls, outbox: Outbox, alive: Callable[[], bool] = lambda: True) -> Callable[[], bool]:
    """The trainer's should_stop: sleeps through a pause, the records waiting sent first (the
    window shows where the run paused); True to stop, or when alive() says the window is gone."""

    def should_stop() -> bool:
        if controls.is_paused():
            outbox.flush()
        return controls.should_stop() or not alive()

    return should_stop


def run_job(job: Job, out, controls: Controls) -> None:
    """The child's side: train and report on `out` (see the module's docstring); never raises."""
    parent = multiprocessing.parent_process()
    window_alive = parent.is_alive if parent is not None else (lambda: True)
    outbox = Outbox(out)
    # A window killed outright leaves no one to read: stop rather than train on for nobody.
    should_stop = stop_check(controls, outbox, every(PARENT_CHECK_S, window_alive))
    try:
        if job.setup is not None:
            job.setup()
        net = Sequential.from_spec(job.spec, input_shape=job.input_shape)
        net.astype(np.dtype(job.dtype))
        net.load_state_dict(job.state)
        x, y, x_val, y_val = job.data_fn()
        records = job.train_fn(net, x, y, job.config, x_val=x_val, y_val=y_val, should_stop=should_stop)
        for record in records:
            if record.kind == "done":
                outbox.put(("done", record, net.state_dict()))
                return
            if job.on_record is not None:
                job.on_record(record)
            outbox.record(record)
            # Between steps: the weights are whole. Asked only while watched, so that a snapshot
            # is due at once when someone starts to look.
            if job.snapshot_due is not None and controls.is_watched() and job.snapshot_due():
                outbox.put(("snapshot", record.step, net.state_dict()))
        outbox.put(("no_report",))
    except Exception as exc:  # the parent turns it into one line; the child must not die silently
        outbox.put(("error", type(exc).__name__, str(exc), traceback.format_exc()))
    finally:
        if not window_alive():
            out.cancel_join_thread()  # end now, without waiting to send what nobody will read
