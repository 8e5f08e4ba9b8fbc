"""A training step's work spread over the cores, with the BLAS held at one thread meanwhile.

OpenBLAS parallelises inside one matrix product; a training step is mostly
products too small for that to pay (Winograd's per-tile-position products)
and element-wise passes that NumPy runs on one core. Here the layers split
such work into tasks (blocks of images, spans of a flat buffer) and run them
on a few persistent threads: NumPy releases the GIL in its ufuncs, copies and
products, so the tasks run at once, each product on one BLAS thread.

One setting, one home: the workers are as many as the BLAS threads NumPy's
BLAS is set to (OPENBLAS_NUM_THREADS, threadpoolctl, the window's training
process choosing by timing), never more than the usable cores. With one,
every task runs in the calling thread, in order, with no pool, as before.

Results never depend on the number of workers: the layers cut their work
into tasks by size, never by the worker count, run() returns the tasks'
results (partial sums) in task order, whichever thread computed them, and
ordered_sum() adds them in that order once all are done. Each task runs its
products on one BLAS thread either way.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, nullcontext
from typing import Callable, Iterator

import numpy as np

# Bytes an element-wise task covers, about: small enough to stay in a core's cache across
# the task's passes, large enough that a task's Python overhead (~10 us) is lost in it.
TASK_BYTES = 512 * 2**10
# Arrays below this many bytes are not worth waking a thread for.
SERIAL_BYTES = 256 * 2**10
# A run's tasks are a multiple of this many, of about equal size, where the work allows: 2 or 4
# threads then finish together (13 tasks on 2 threads left one thread idle for a task's time).
TASK_MULTIPLE = 4

# Products are cut into this many (when large enough): enough for a few cores to share.
PRODUCT_PIECES = 4
PRODUCT_MIN_FLOPS = 2**20  # multiply-adds a piece takes at least

_local = threading.local()  # .inside: this thread runs tasks already (nested calls run serially)
_lock = threading.Lock()
_pool: ThreadPoolExecutor | None = None
_blas = None  # threadpoolctl's controllers of NumPy's BLAS, found on first use
_forced: int | None = None
_held = 0  # callers inside a one-BLAS-thread section
_saved: list[int] = []  # the BLAS threads to restore when the last of them leaves


def usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


CORES = usable_cores()


def _blas_controllers() -> list:
    global _blas
    if _blas is None:
        from threadpoolctl import ThreadpoolController

        _blas = ThreadpoolController().select(user_api="blas").lib_controllers
    return _blas


def workers() -> int:
    """Threads a run() uses now: the BLAS threads NumPy is set to, at most the usable cores."""
    if _forced is not None:
        return _forced
    if CORES < 2 or getattr(_local, "inside", False):
        return 1
    if getattr(_local, "step_width", None):
        return _local.step_width
    threads = [lib.num_threads for lib in _blas_controllers()]
    return max(1, min(CORES, *threads)) if threads else 1


@contextmanager
def forced(count: int | None) -> Iterator[None]:
    """Tests: run() uses `count` workers whatever the BLAS setting (None: back to the setting)."""
    global _forced
    before, _forced = _forced, count
    try:
        yield
    finally:
        _forced = before


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """NumPy's BLAS at one thread while any caller's tasks run; the setting comes back after the last."""
    global _held, _saved
    with _lock:
        if _held == 0:
            _saved = [lib.num_threads for lib in _blas_controllers()]
            for lib in _blas_controllers():
                lib.set_num_threads(1)
        _held += 1
    try:
        yield
    finally:
        with _lock:
            _held -= 1
            if _held == 0:
                for lib, threads in zip(_blas_controllers(), _saved):
                    lib.set_num_threads(threads)


@contextmanager
def step(hold: bool = True) -> Iterator[None]:
    """Around a training step: the workers fixed at workers(), and with more than one, NumPy's
    BLAS at one thread throughout (the layers' products run as tasks). Between two parts of a
    step OpenBLAS's own threads would wake for a product and then spin for a while, taking the
    core from the pool's thread (measured: a third more CPU time per step).
    hold=False: products keep the BLAS's own threads (a network of products only, the MLP:
    its ~0.3 ms products ran slower as pieces on the pool, whose threads wake slower); the rest of
    such a step then runs in this thread, as OpenBLAS's threads spin between its products on the
    core a pool thread would need (Adam over the pool: 1.05 ms a step, instead of 0.61 alone)."""
    if getattr(_local, "step_width", None):
        yield
        return
    width = workers() if hold else 1
    with _one_blas_thread() if width > 1 else nullcontext():
        _local.step_width = width
        try:
            yield
        finally:
            _local.step_width = None


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=max(1, CORES - 1), thread_name_prefix="digitlab-parallel")
        return _pool


class _Run:
    """One run()'s tasks: handed out in order to whichever thread asks, each result kept at its task's index."""

    def __init__(self, count: int, work: Callable):
        self.count, self.work = count, work
        self.results: list = [None] * count
        self.error: BaseException | None = None
        self._next, self._done = 0, 0
        self._cond = threading.Condition()

    def take(self) -> int | None:
        with self._cond:
            if self._next >= self.count:
                return None
            self._next += 1
            return self._next - 1

    def do(self, k: int, slot: int) -> None:
        """Task k on worker `slot`."""
        try:
            if self.error is None:
                self.results[k] = self.work(k, slot)
        except BaseException as exc:  # re-raised in the caller
            self.error = self.error or exc
        with self._cond:
            self._done += 1
            self._cond.notify_all()

    def serve(self, slot: int) -> None:
        """Take tasks until none is left (a thread of the pool, or the caller itself)."""
        inside, _local.inside = getattr(_local, "inside", False), True
        try:
            while (k := self.take()) is not None:
                self.do(k, slot)
        finally:
            _local.inside = inside

    def wait(self) -> None:
        with self._cond:
            while self._done < self.count:
                self._cond.wait()


def run(count: int, work: Callable[[int, int], object]) -> list:
    """[work(k, slot) for k in range(count)], spread over workers() threads; the results in order of k.

    slot (0 <= slot < workers()) names the thread a task runs on, for per-thread scratch
    arrays; tasks on one slot never overlap. The caller serves tasks too, and waits for
    all of them, never for a thread of the pool: a pool busy with another caller's run
    (the window predicting while a run trains in a thread) delays nobody's run for good.
    """
    width = min(workers(), count) if count > 1 else 1
    if width < 2:
        return [work(k, 0) for k in range(count)]
    job = _Run(count, work)
    with _one_blas_thread():
        pool = _executor()
        for slot in range(1, width):
            pool.submit(job.serve, slot)
        job.serve(0)
        job.wait()
    if job.error is not None:
        raise job.error
    return job.results


def matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b (2-D), cut into PRODUCT_PIECES products along a's rows or b's columns, whichever
    are more; never along the summed axis, so every element is the one product's (on one
    BLAS thread, OpenBLAS gives each element the same sum whatever rows or columns it computes)."""
    if a.shape[0] * b.shape[1] * a.shape[1] < 2 * PRODUCT_MIN_FLOPS:  # one piece: straight to NumPy
        return np.matmul(a, b)  # (per-sample SGD makes ~10^5 such calls)
    return matmuls([(a, b)])[0]


def matmuls(pairs: list[tuple[np.ndarray, np.ndarray]]) -> list[np.ndarray]:
    """[a @ b for (a, b) in pairs], each cut as matmul cuts it, all pieces in one run (one hand-over
    between threads for a layer's two backward products instead of two)."""
    outs, pieces = [], []
    for a, b in pairs:
        m, n = a.shape[0], b.shape[1]
        flops = m * n * a.shape[1]
        count = min(PRODUCT_PIECES, flops // PRODUCT_MIN_FLOPS, max(m, n) // 16)
        if count < 2 or (getattr(_local, "step_width", None) or 1) < 2:  # not in a held step: the BLAS's own threads
            outs.append(np.matmul(a, b))
            continue
        out = np.empty((m, n), np.result_type(a, b))
        outs.append(out)
        cuts = np.linspace(0, max(m, n), count + 1).astype(int)
        pieces += [(a, b, out, slice(cuts[k], cuts[k + 1]), m >= n) for k in range(count)]

    def task(k: int, slot: int) -> None:
        a, b, out, s, by_rows = pieces[k]
        if by_rows:
            np.matmul(a[s], b, out=out[s])
        else:
            np.matmul(a, b[:, s], out=out[:, s])

    run(len(pieces), task)
    return outs


def spans(total: int, item_bytes: int) -> list[tuple[int, int]]:
    """[start, stop) ranges covering range(total), each at most about TASK_BYTES of items of item_bytes."""
    return split(total, max(1, TASK_BYTES // max(1, item_bytes)))


def split(total: int, most: int) -> list[tuple[int, int]]:
    """[start, stop) ranges covering range(total), of at most `most` items each, as many as a multiple
    of TASK_MULTIPLE where total allows, of equal sizes up to one item; the first is the largest.
    They depend on the sizes only, never on the number of workers."""
    count = -(-total // max(1, most))
    count = min(max(total, 1), -(-count // TASK_MULTIPLE) * TASK_MULTIPLE) if count > 1 else count
    size, extra = divmod(total, max(count, 1))
    bounds = [0]
    for k in range(count):
        bounds.append(bounds[-1] + size + (k < extra))
    return list(zip(bounds[:-1], bounds[1:]))


def worth_splitting(nbytes: int) -> bool:
    """Whether element-wise work over nbytes goes to the pool (else one call, as before it existed)."""
    return nbytes >= SERIAL_BYTES and workers() > 1


def for_spans(total: int, item_bytes: int, task: Callable[[int, int], None]) -> None:
    """task(start, stop) over spans of range(total) (items of item_bytes each), spread over the
    workers; one call task(0, total) when that is small or there is one worker. Only for
    work whose result does not depend on the spans (element-wise passes, independent images)."""
    if not worth_splitting(total * item_bytes):
        task(0, total)
        return
    parts = spans(total, item_bytes)
    run(len(parts), lambda k, slot: task(*parts[k]))


def sum_over_spans(total: int, item_bytes: int, part: Callable[[int, int], object]) -> object:
    """The sum of part(start, stop) over spans of range(total), added in span order.

    The spans depend on the sizes only, so the sum is the same for any number of workers.
    part may return a tuple of arrays; then each is summed apart and a tuple comes back."""
    parts = spans(total, item_bytes)
    return ordered_sum(run(len(parts), lambda k, slot: part(*parts[k])))


def ordered_sum(results: list) -> object:
    """The sum of run()'s results (arrays, or tuples of arrays summed apart), added in task order
    once all are done: adding each as it finished would hold every thread until the task before
    its own was added."""
    if isinstance(results[0], tuple):
        return tuple(ordered_sum([r[i] for r in results]) for i in range(len(results[0])))
    total = results[0].copy()
    for part in results[1:]:
        total += part
    return total


def elementwise(fn: Callable, out: np.ndarray, *args) -> np.ndarray:
    """fn(*args, out=out) (a ufunc) by spans of the first axis; args with out's first axis
    are cut alike, others (scalars, broadcast vectors) passed whole. Returns out."""
    cut = [isinstance(a, np.ndarray) and a.ndim == out.ndim and a.shape[0] == out.shape[0] for a in args]

    def task(start: int, stop: int) -> None:
        fn(*(a[start:stop] if c else a for a, c in zip(args, cut)), out=out[start:stop])

    for_spans(len(out), out.nbytes // max(1, len(out)), task)
    return out
