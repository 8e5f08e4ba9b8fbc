"""Train with the BLAS thread count that is fastest now: try each in turn, keep the best, try again now and then.

OpenBLAS with a thread per core trains fastest on an idle machine. On a busy
one (other jobs, or the window drawing beside the run) a thread that waits
for a descheduled partner spins, and one thread trains several times faster
(measured on two shared cores at load 12: the cnn at 42 images/s with two
threads, 126 with one). The load changes while a run goes on, so the choice
is measured again every REPROBE_S seconds of the run (longer when a round of
trials took long: a slow choice's few steps must not cost much of the run).

Each round tries the choice in use first (no switch), then the others; a
trial that measures under GIVE_UP of the round's best rate ends at its first
measured record rather than after PROBE_S: on a busy machine two threads
can be 30 times slower than one (the mlp at batch 64 and load 5: 520 images/s
against 18,600), and a whole second of that costs more than the choice wins.

A ThreadChooser watches the trainer's records (model.train.Progress): a rate
is optimizer steps per second of the run's own clock (`elapsed`, which leaves pauses
out) between two "batch" records of one epoch, so validation never counts.
It changes the threads only through the set_threads(n) it is given: the
engine itself does not know which BLAS library NumPy uses.
"""
from __future__ import annotations

from typing import Callable

PROBE_S = 1.0  # run time each choice is timed for, at least
PROBE_STEPS = 1  # optimizer steps each choice is timed over, at least (after one to warm up)
REPROBE_S = 30.0  # run time between two rounds of trials, at least
REPROBE_FACTOR = 20  # ... and at least this many times the last round's length: trials cost under 5%
GIVE_UP = 0.5  # a trial this much slower than the round's best so far ends at once


class ThreadChooser:
    """Call observe(record) for every record; it switches threads through set_threads(n) between steps."""

    def __init__(self, choices: tuple[int, ...], set_threads: Callable[[int], object], *,
                 probe_s: float = PROBE_S, reprobe_s: float = REPROBE_S):
        self.choices = tuple(dict.fromkeys(choices))  # in order, no repeats
        self._set_threads = set_threads
        self._probe_s, self._reprobe_s = probe_s, reprobe_s
        self.rates: dict[int, float] = {}
        self.current: int | None = None
        self._pending: list[int] = []
        self._start = None  # (epoch, step, elapsed) where the current trial's timing began
        self._round_start = 0.0
        self._next_round = 0.0

    def observe(self, record) -> None:
        if len(self.choices) < 2 or record.kind != "batch":
            return
        if not self._pending and record.elapsed >= self._next_round:
            first = [self.current] if self.current in self.choices else []
            self._pending = first + [c for c in self.choices if c not in first]
            self.rates, self._round_start = {}, record.elapsed
            self._try(self._pending[0])
            return
        if not self._pending:
            return
        if self._start is None or self._start[0] != record.epoch:  # warm-up record, or a new epoch began
            self._start = (record.epoch, record.step, record.elapsed)
            return
        _, step, elapsed = self._start
        if record.step - step < PROBE_STEPS or record.elapsed <= elapsed:
            return
        rate = (record.step - step) / (record.elapsed - elapsed)
        if record.elapsed - elapsed >= self._probe_s or rate < GIVE_UP * max(self.rates.values(), default=0.0):
            self.rates[self._pending.pop(0)] = rate
            if self._pending:
                self._try(self._pending[0])
            else:
                self._try(max(self.rates, key=self.rates.get))
                spent = record.elapsed - self._round_start
                self._next_round = record.elapsed + max(self._reprobe_s, REPROBE_FACTOR * spent)

    def _try(self, threads: int) -> None:
        if threads != self.current:
            self._set_threads(threads)
            self.current = threads
        self._start = None  # the next record still ran partly with the old setting
