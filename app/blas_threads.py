"""One BLAS thread for the window, whenever NumPy was imported.

Drawing is predicted on the GUI thread while a training run may use the
cores; OpenBLAS's pool then spins and waits. Measured on two cores while the
cnn trained: a prediction took 100 ms (max 560) with the default threads,
12 ms (max 28) with one; training itself was faster too.

A training run started from the window trains in a child process
(model.train_process): training_setup() gives it the threads the command line
would have, so it trains as fast, while the window keeps its one thread; then
thread_chooser() switches it to one thread whenever that trains faster (a busy
machine, model.thread_choice), unless the user set the threads.

Environment variables only work before NumPy loads its BLAS; threadpoolctl
changes the pool of a library already loaded, so the import order stops
mattering. OPENBLAS_NUM_THREADS (or OMP_/MKL_NUM_THREADS) set by the user wins.
"""
from __future__ import annotations

import os
from functools import partial

from threadpoolctl import threadpool_limits

from model.thread_choice import ThreadChooser

ENV_NAMES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
DEFAULT_THREADS = 1
TRAINING_NICENESS = 5  # a third of the window's share of a busy core; nothing lost on an idle one


def users_setting() -> int | None:
    """The threads the user asked for in the environment, if they did."""
    for name in ENV_NAMES:
        value = os.environ.get(name, "")
        if value.isdigit() and int(value) > 0:
            return int(value)
    return None


USERS_SETTING = users_setting()  # read at import, before limit_blas_threads() sets the variables itself


def blas_threads_wanted() -> int:
    """The user's own setting if they made one, else one thread."""
    return users_setting() or DEFAULT_THREADS


def training_threads() -> int:
    """A training process's threads: the user's setting, else one per core, as OpenBLAS picks by default."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return USERS_SETTING or cores or DEFAULT_THREADS


def start_training_process(threads: int, niceness: int) -> None:
    """In a training process, first: its BLAS threads, and a lower priority than the window's, so that
    a stroke's prediction gets a core at once (only what competes for the cores is slowed)."""
    if hasattr(os, "nice"):
        os.nice(niceness)
    threadpool_limits(limits=threads, user_api="blas")


def training_setup() -> partial:
    """What a training process calls first (picklable): start_training_process with training_threads()."""
    return partial(start_training_process, training_threads(), TRAINING_NICENESS)


def limit_blas_threads() -> int:
    """Set every loaded BLAS library (and any loaded later by a child process) to the wanted threads."""
    threads = blas_threads_wanted()
    for name in ENV_NAMES:  # for child processes, and a BLAS not loaded yet
        os.environ.setdefault(name, str(threads))
    threadpool_limits(limits=threads, user_api="blas")  # kept: not used as a context manager
    return threads


def set_blas_threads(threads: int) -> None:
    """Set every loaded BLAS library to `threads` (in whatever process calls it)."""
    threadpool_limits(limits=threads, user_api="blas")


def thread_chooser() -> ThreadChooser:
    """For a training process: training_threads() or one, whichever trains faster; only the user's setting if made.

    One thread is tried first: on a busy machine the other is given up after a step or two
    (model.thread_choice.GIVE_UP), and on an idle one either order costs the same second."""
    threads = training_threads()
    return ThreadChooser((threads,) if USERS_SETTING else (DEFAULT_THREADS, threads), set_blas_threads)
