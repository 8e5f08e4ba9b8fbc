"""Stand-ins for a run's data_fn and train_fn that a child training process can import cheaply.

A child (model.train_process) finds these by module name when it unpickles
its job. From a test module it would import pytest, Qt and matplotlib first,
about a second of every child's start; from here, only NumPy and the engine.
"""

import os

import numpy as np

from model.data.mnist import load_mnist, to_float, train_val_split
from model.train import Progress


def no_data():
    return None, None, None, None


def tiny_data():
    rng = np.random.default_rng(0)
    x, y = rng.random((64, 1, 28, 28), dtype=np.float32), rng.integers(0, 10, 64)
    return x, y, x[:32], y[:32]


def small_data():
    """The Train tab's real split, with a smaller validation set so each epoch ends quickly."""
    images, labels = load_mnist("train")
    x, y, x_val, y_val = train_val_split(images, labels, val_size=5000, seed=0)
    return to_float(x[:2000]), y[:2000], to_float(x_val[:1000]), y_val[:1000]


def record(kind, step, **fields):
    return Progress(kind, 1, 1, step, 1000, step, 1000, loss=1.0, **fields)


def endless(net, x, y, config, *, x_val=None, y_val=None, should_stop=None):
    """Steps until should_stop() says so, changing the network it trains; says in its last record where it ran."""
    step = 0
    while not should_stop():
        step += 1
        net.layers[-1].bias.data += 1  # the run's own copy changes as it trains
        yield record("batch", step)
    yield record("done", step, reason="stopped", message=f"pid {os.getpid()}")


def broken(*args, **kwargs):
    raise ValueError("images must be float32\nsecond line")


def broken_after_a_blank_line(*args, **kwargs):
    raise RuntimeError("\n        the line that says what went wrong\n        more")


def silent(*args, **kwargs):
    yield record("batch", 1)


def dies(*args, **kwargs):
    os._exit(3)


def every_time():
    return True


def reports_where(net, x, y, config, *, x_val=None, y_val=None, should_stop=None):
    """A one-step run whose message says which process trained, with how many BLAS threads, at what niceness."""
    from threadpoolctl import threadpool_info

    threads = max(info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas")
    yield Progress("batch", 1, 1, 1, 1, 1, 1, loss=1.0, acc=0.5, interval_loss=1.0)
    yield Progress("done", 1, 1, 1, 1, 1, 1, loss=1.0, acc=0.5, reason="finished", history={},
                   message=f"{os.getpid()} {threads} {os.nice(0)}")
