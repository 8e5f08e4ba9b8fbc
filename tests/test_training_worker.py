"""The training thread on its own, with scripted generators: pause, stop, failure, copies, shutdown."""

import numpy as np
import pytest

from app.training.worker import TrainingRunner, usable_result
from model.presets import build_preset
from model.train import Progress

TIMEOUT_MS = 10_000


def no_data():
    return None, None, None, None


def record(kind, step, reason=None):
    return Progress(kind, 1, 1, step, 1000, step, 1000, loss=1.0, reason=reason)


def endless(net, x, y, config, *, x_val=None, y_val=None, should_stop=None):
    """Steps forever, as a long run would, until should_stop() says so."""
    step = 0
    while not should_stop():
        step += 1
        net.layers[-1].bias.data += 1  # the worker's own copy changes as it trains
        yield record("batch", step)
    yield record("done", step, reason="stopped")


@pytest.fixture
def runner(qtbot):
    r = TrainingRunner()
    yield r
    r.shutdown()


def start_and_wait_for_progress(qtbot, runner, net, train_fn=endless):
    with qtbot.waitSignal(runner.progress, timeout=TIMEOUT_MS):
        runner.start(net, None, no_data, train_fn)


def test_pause_blocks_the_worker_and_stop_wakes_it(qtbot, runner):
    start_and_wait_for_progress(qtbot, runner, build_preset("mlp"))
    runner.pause()
    qtbot.waitUntil(runner.is_paused_waiting, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS) as blocker:
        runner.stop()
    done, net = blocker.args
    assert done.reason == "stopped" and net is not None
    assert not runner.is_running()


def test_resume_lets_the_worker_go_on(qtbot, runner):
    start_and_wait_for_progress(qtbot, runner, build_preset("mlp"))
    runner.pause()
    qtbot.waitUntil(runner.is_paused_waiting, timeout=TIMEOUT_MS)
    runner.resume()
    qtbot.waitUntil(lambda: not runner.is_paused_waiting(), timeout=TIMEOUT_MS)
    with qtbot.waitSignal(runner.progress, timeout=TIMEOUT_MS):
        pass  # progress flows again


def test_the_trained_network_is_handed_over_only_once_its_thread_has_ended(qtbot, runner):
    net = build_preset("mlp")
    bias = net.layers[-1].bias.data.copy()
    start_and_wait_for_progress(qtbot, runner, net)
    received = []
    runner.finished.connect(lambda done, trained: received.append((trained, runner.is_running())))
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS):
        runner.stop()
    (trained, worker_running), = received
    assert trained is net and not np.array_equal(trained.layers[-1].bias.data, bias)  # trained, not copied
    assert not worker_running  # the worker's thread had ended: the two threads never share it


def test_an_engine_error_becomes_one_line_and_frees_the_runner(qtbot, runner, error_log):
    def broken(*args, **kwargs):
        raise ValueError("images must be float32\nsecond line")

    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS) as blocker:
        runner.start(build_preset("mlp"), None, no_data, broken)
    # The traceback goes to the error log, which the line names.
    assert blocker.args[0] == f"Training failed: ValueError: images must be float32 (details in {error_log})"
    assert "second line" in error_log.read_text()
    assert not runner.is_running()


def test_shutdown_stops_a_paused_run_and_is_idempotent(qtbot, runner):
    start_and_wait_for_progress(qtbot, runner, build_preset("mlp"))
    thread = runner._thread
    runner.pause()
    qtbot.waitUntil(runner.is_paused_waiting, timeout=TIMEOUT_MS)
    runner.shutdown()
    assert thread.isFinished() and not runner.is_running()
    runner.shutdown()


def test_one_run_at_a_time(qtbot, runner):
    start_and_wait_for_progress(qtbot, runner, build_preset("mlp"))
    with pytest.raises(RuntimeError):
        runner.start(build_preset("mlp"), None, no_data, endless)


def test_only_runs_with_good_steps_are_offered():
    assert usable_result(record("done", 3, reason="finished"))
    assert usable_result(record("done", 3, reason="stopped"))
    assert not usable_result(record("done", 0, reason="stopped"))
    assert not usable_result(record("done", 3, reason="diverged"))
