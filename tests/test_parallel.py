"""A training step spread over threads (model.parallel) gives the one-thread step's numbers exactly.

The layers cut their work by size, never by the thread count, so with tiny
tasks and blocks (every image its own task) two workers must reproduce one
worker bit for bit, and both must still equal the plain references.
"""

import threading

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from model import parallel
from model.layers import BatchNorm1d, BatchNorm2d, Conv2d, MaxPool2d, ReLU, reference, winograd
from model.losses import SoftmaxCrossEntropy
from model.optim import make_optimizer
from model.presets import build_preset
from model.step import train_step


@pytest.fixture
def tiny_tasks(monkeypatch):
    """Tasks of a few hundred bytes and one-image Winograd blocks: every path runs in many pieces."""
    monkeypatch.setattr(parallel, "TASK_BYTES", 512)
    monkeypatch.setattr(parallel, "SERIAL_BYTES", 0)
    monkeypatch.setattr(winograd, "BLOCK_BYTES", 1)


def both_ways(fn):
    """fn() with one worker and with two (one BLAS thread, as inside a task, for both)."""
    with threadpool_limits(1, user_api="blas"):
        with parallel.forced(1):
            one = fn()
        with parallel.forced(2):
            two = fn()
    return one, two


def assert_same(one, two):
    assert len(one) == len(two)
    for a, b in zip(one, two):
        assert a.dtype == b.dtype and np.array_equal(a, b)


def layer_pass(make, x, seed=0):
    """Forward (train) and backward of a fresh layer: output, dx and every gradient."""
    layer = make()
    y = layer.forward(x, train=True)
    dout = np.random.default_rng(seed).standard_normal(y.shape).astype(x.dtype)
    dx = layer.backward(dout)
    return [y, dx, *(p.grad.copy() for p in layer.params().values())]


LAYERS = {
    "conv 1 channel 5x5 (taps)": (lambda: Conv2d(1, 6, 5, padding=2, rng=np.random.default_rng(1)), (7, 1, 11, 9)),
    "conv 3x3 (Winograd)": (lambda: Conv2d(4, 6, 3, padding=1, rng=np.random.default_rng(2)), (7, 4, 9, 10)),
    "conv 5x5 (Winograd)": (lambda: Conv2d(3, 5, 5, padding=2, rng=np.random.default_rng(3)), (6, 3, 7, 8)),
    "batch norm 2d": (lambda: BatchNorm2d(5), (7, 5, 6, 8)),
    "batch norm 1d": (lambda: BatchNorm1d(40), (300, 40)),
    "relu": (ReLU, (7, 5, 6, 8)),
    "max pool 2x2": (lambda: MaxPool2d(2), (7, 5, 9, 8)),
}


@pytest.mark.parametrize("name", LAYERS)
def test_two_workers_give_one_workers_numbers(name, tiny_tasks):
    make, shape = LAYERS[name]
    x = np.random.default_rng(5).standard_normal(shape).astype(np.float32)
    assert_same(*both_ways(lambda: layer_pass(make, x)))


@pytest.mark.parametrize("kernel, padding", [(3, 1), (5, 2), (5, 0)])
def test_split_convolution_equals_the_reference(kernel, padding, tiny_tasks):
    conv = Conv2d(3, 4, kernel, padding=padding, rng=np.random.default_rng(kernel))
    x = np.random.default_rng(6).standard_normal((5, 3, 8, 7)).astype(np.float32)
    with parallel.forced(2):
        y = conv.forward(x, train=True)
        dout = np.random.default_rng(7).standard_normal(y.shape).astype(np.float32)
        dx = conv.backward(dout)
    w64, x64 = conv.weight.data.astype(np.float64), x.astype(np.float64)
    expected = reference.conv_forward(x64, w64, conv.bias.data.astype(np.float64), 1, padding)
    edx, edw, edb = reference.conv_backward(dout.astype(np.float64), x64, w64, 1, padding)
    for actual, wanted in [(y, expected), (dx, edx), (conv.weight.grad, edw), (conv.bias.grad, edb)]:
        np.testing.assert_allclose(actual, wanted, rtol=1e-4, atol=1e-4 * max(1.0, np.abs(wanted).max()))


def test_split_max_pool_equals_the_reference(tiny_tasks):
    x = np.round(np.random.default_rng(8).standard_normal((6, 3, 9, 8)), 1).astype(np.float32)  # ties
    pool = MaxPool2d(2)
    with parallel.forced(2):
        y = pool.forward(x, train=True)
        dout = np.random.default_rng(9).standard_normal(y.shape).astype(np.float32)
        dx = pool.backward(dout)
    np.testing.assert_array_equal(y, reference.max_pool_forward(x, 2, 2))
    np.testing.assert_array_equal(dx, reference.max_pool_backward(dout, x, 2, 2))


@pytest.mark.parametrize("optimizer", ["adam", "sgd", "momentum", "rmsprop"])
def test_split_optimizer_step_equals_a_whole_buffer_step(optimizer, monkeypatch):
    def steps(task_bytes, workers):
        monkeypatch.setattr(parallel, "TASK_BYTES", task_bytes)
        monkeypatch.setattr(parallel, "SERIAL_BYTES", 0)
        net = build_preset("mlp", np.random.default_rng(1), hidden=(30,))
        opt = make_optimizer(optimizer, net.params(), lr=0.01, weight_decay=1e-3)
        rng = np.random.default_rng(2)
        with parallel.forced(workers):
            for _ in range(3):
                for p in net.params().values():
                    p.grad[...] = rng.standard_normal(p.grad.shape)
                opt.step()
        return [p.data.copy() for p in net.params().values()]

    whole = steps(2**30, 1)
    assert_same(whole, steps(256, 2))


def test_seeded_training_steps_do_not_depend_on_the_thread_count(tiny_tasks):
    """What a user sees: the same seed gives the same weights, however many cores train."""
    def run():
        net = build_preset("small-cnn", np.random.default_rng(3))
        opt, loss_fn = make_optimizer("adam", net.params(), lr=1e-3), SoftmaxCrossEntropy()
        rng = np.random.default_rng(4)
        losses = []
        for _ in range(3):
            x = rng.random((6, 1, 28, 28), dtype=np.float32)
            losses.append(train_step(net, loss_fn, opt, x, rng.integers(0, 10, 6))[0])
        return [np.array(losses), *(p.data.copy() for p in net.params().values())]

    assert_same(*both_ways(run))


def test_run_returns_results_in_task_order_and_reraises(monkeypatch):
    with parallel.forced(2):
        seen = parallel.run(50, lambda k, slot: (k, slot))
        assert [k for k, _ in seen] == list(range(50))
        assert {slot for _, slot in seen} <= {0, 1}

        def fail(k, slot):
            if k == 7:
                raise ValueError("task 7")

        with pytest.raises(ValueError, match="task 7"):
            parallel.run(20, fail)


def test_two_callers_at_once_and_nested_runs_finish():
    """A window predicting while a run trains in a thread of the same process: neither waits forever."""
    totals = {}

    def caller(name):
        parts = parallel.run(30, lambda k, slot: parallel.sum_over_spans(10, 1, lambda a, b: np.arange(a, b).sum()))
        totals[name] = sum(int(r) for r in parts)

    with parallel.forced(2):
        threads = [threading.Thread(target=caller, args=(name,)) for name in "ab"]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
    assert totals == {"a": 30 * 45, "b": 30 * 45}


@pytest.mark.skipif(parallel.CORES < 2, reason="one usable core: always one worker")
def test_workers_follow_the_blas_setting():
    with threadpool_limits(1, user_api="blas"):
        assert parallel.workers() == 1
    with threadpool_limits(2, user_api="blas"):
        assert parallel.workers() == 2
        with parallel.forced(2):
            parallel.run(4, lambda k, slot: None)  # holds the BLAS at one thread meanwhile, then puts it back
        assert parallel.workers() == 2


@pytest.mark.parametrize("total, most", [(128, 10), (128, 20), (10, 3), (7, 2), (3, 1), (5, 10), (1, 1), (0, 4)])
def test_split_covers_the_items_in_balanced_pieces(total, most):
    """13 spans on 2 threads left one idle for a span's time: the pieces come in multiples of
    TASK_MULTIPLE where there are items enough, of sizes one item apart at most, largest first."""
    pieces = parallel.split(total, most)
    sizes = [stop - start for start, stop in pieces]
    assert [i for start, stop in pieces for i in range(start, stop)] == list(range(total))
    assert all(0 < size <= most for size in sizes) and sizes == sorted(sizes, reverse=True)
    assert not sizes or sizes[0] - sizes[-1] <= 1
    if -(-total // most) > 1:
        assert len(pieces) % parallel.TASK_MULTIPLE == 0 or len(pieces) == total
