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
A trial also measures the process's CPU time: when its threads got less
than BUSY_SHARE of a core each, there is no idle core for more, and more
threads are not tried this round (a single cnn step at two threads took 4 s
at load 6, against 0.15 s on an idle machine).

Between rounds the chooser keeps timing the run: when its rate falls under
DROP of what the choice's trial measured (other jobs took the cores, and
threads that wait for each other spin), a new round starts at once instead
of up to REPROBE_S later.

Two rates within a trial's noise of each other (back-to-back trials of a
second each, on a shared machine) say nothing: then the chooser keeps the
most threads, the command line's own setting, and fewer threads win only
when they train FEWER_BY faster.

A ThreadChooser watches the trainer's records (model.train.Progress): a rate
is optimizer steps per second of the run's own clock (`elapsed`, which leaves pauses
out) between two "batch" records of one epoch, so validation never counts.
It changes the threads only through the set_threads(n) it is given: the
engine itself does not know which BLAS library NumPy uses.
"""
from __future__ import annotations

import time
from typing import Callable

PROBE_S = 1.0  # run time each choice is timed for, at least
PROBE_STEPS = 1  # optimizer steps each choice is timed over, at least
REPROBE_S = 30.0  # run time between two rounds of trials, at least
REPROBE_FACTOR = 20  # ... and at least this many times the last round's length: trials cost under 5%
GIVE_UP = 0.5  # a trial this much slower than the round's best so far ends at once
BUSY_SHARE = 0.8  # threads that got less than this share of a core each: more threads are not tried
DROP = 0.5  # the run's rate under this share of its choice's trial rate: trials again, at once
FEWER_BY = 1.15  # fewer threads than the most are chosen only when their trial was this much faster


class ThreadChooser:
    """Call observe(record) for every record; it switches threads through set_threads(n) between steps."""

    def __init__(self, choices: tuple[int, ...], set_threads: Callable[[int], object], *,
                 probe_s: float = PROBE_S, reprobe_s: float = REPROBE_S,
                 cpu_clock: Callable[[], float] = time.process_time, wall_clock: Callable[[], float] = time.monotonic):
        self.choices = tuple(dict.fromkeys(choices))  # in order, no repeats
        self._set_threads = set_threads
        self._cpu_clock, self._wall_clock = cpu_clock, wall_clock
        self._clocks = (0.0, 0.0)  # (CPU, wall) when the current trial began
        self._probe_s, self._reprobe_s = probe_s, reprobe_s
        self.rates: dict[int, float] = {}
        self.current: int | None = None
        self.rounds = 0  # rounds of trials begun
        self._pending: list[int] = []
        self._start = None  # (epoch, step, elapsed) where the current timing began: a trial's, or the watch's
        self._round_start = 0.0
        self._next_round = 0.0

    def observe(self, record) -> None:
        if len(self.choices) < 2 or record.kind != "batch":
            return
        if not self._pending and record.elapsed >= self._next_round:
            self._begin_round(record)
            return
        if self._start[0] != record.epoch:  # validation ran in between: time from here
            self._start = (record.epoch, record.step, record.elapsed)
            return
        rate = self._rate_since_start(record)
        if rate is None:
            return
        if self._pending:
            self._trial_timed(rate, record)
        elif rate < DROP * self.rates[self.current]:  # the load overtook the choice
            self._begin_round(record)
        else:
            self._start = (record.epoch, record.step, record.elapsed)

    def _rate_since_start(self, record) -> float | None:
        """Steps a second since the timing began, once it covers enough; a trial far slower than the
        round's best so far is timed at its first measured step."""
        _, step, elapsed = self._start
        if record.step - step < PROBE_STEPS or record.elapsed <= elapsed:
            return None
        rate = (record.step - step) / (record.elapsed - elapsed)
        hopeless = self._pending and rate < GIVE_UP * max(self.rates.values(), default=0.0)
        return rate if record.elapsed - elapsed >= self._probe_s or hopeless else None

    def _begin_round(self, record) -> None:
        first = [self.current] if self.current in self.choices else []
        self._pending = first + [c for c in self.choices if c not in first]
        self.rates, self._round_start = {}, record.elapsed
        self.rounds += 1
        self._try(self._pending[0], record)

    def _trial_timed(self, rate: float, record) -> None:
        tried = self._pending.pop(0)
        self.rates[tried] = rate
        if self._share_per_thread(tried) < BUSY_SHARE:  # no idle core for more threads
            self._pending = [c for c in self._pending if c <= tried]
        if self._pending:
            self._try(self._pending[0], record)
            return
        self._try(self._choice(), record)
        spent = record.elapsed - self._round_start
        self._next_round = record.elapsed + max(self._reprobe_s, REPROBE_FACTOR * spent)

    def _choice(self) -> int:
        """The fastest trial's threads; the most threads tried unless fewer were FEWER_BY faster."""
        most = max(self.rates)
        return max(self.rates, key=lambda t: self.rates[t] / (FEWER_BY if t < most else 1.0))

    def _try(self, threads: int, record) -> None:
        """Switch to `threads` now, between steps: the steps after `record` are timed."""
        if threads != self.current:
            self._set_threads(threads)
            self.current = threads
        self._start = (record.epoch, record.step, record.elapsed)
        self._clocks = (self._cpu_clock(), self._wall_clock())

    def _share_per_thread(self, threads: int) -> float:
        """The CPU time the process got per thread since the trial began, as a share of a core."""
        cpu, wall = self._cpu_clock() - self._clocks[0], self._wall_clock() - self._clocks[1]
        return cpu / wall / threads if wall > 0 else 1.0
