"""The training worker on its own, with scripted generators: pause, stop, failure, copies, shutdown.

Every test runs both ways: in the worker's thread, and in a child process as
the window trains (the stand-ins come from tests/stand_ins.py, which a child imports cheaply).
"""

import os

import numpy as np
import pytest
from stand_ins import broken, broken_after_a_blank_line, dies, endless, no_data, record, reports_where

from app.blas_threads import training_threads
from app.training import TrainingPanel
from app.training.worker import TrainingRunner, usable_result
from app.watch import snapshots
from model.presets import build_preset

TIMEOUT_MS = 60_000


@pytest.fixture(params=[False, True], ids=["thread", "process"])
def runner(qtbot, request):
    """A runner whose start() trains in a thread, or in a child process."""
    r = TrainingRunner()
    start = r.start
    r.start = lambda *args: start(*args, separate_process=request.param)
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
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS) as blocker:
        runner.start(build_preset("mlp"), None, no_data, broken)
    # The traceback goes to the error log, which the line names.
    assert blocker.args[0] == f"Training failed: ValueError: images must be float32 (details in {error_log})"
    assert "second line" in error_log.read_text()
    assert not runner.is_running()


def test_an_error_that_starts_with_a_blank_line_still_says_what_went_wrong(qtbot, runner, error_log):
    # multiprocessing's own errors start with a newline: the line shown must not end after the name.
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS) as blocker:
        runner.start(build_preset("mlp"), None, no_data, broken_after_a_blank_line)
    assert blocker.args[0] == ("Training failed: RuntimeError: the line that says what went wrong "
                               f"(details in {error_log})")


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


@pytest.mark.training_process
def test_the_window_trains_in_another_process_with_the_command_lines_threads_below_the_windows_priority(qtbot):
    panel = TrainingPanel(lambda: None, data_fn=no_data, train_fn=reports_where)
    qtbot.addWidget(panel)
    panel.form.set_values(preset="mlp", epochs=1)
    with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT_MS) as blocker:
        panel.train_from_scratch()
    pid, threads, niceness = map(int, blocker.args[0].message.split())
    assert pid != os.getpid() and threads == training_threads()
    assert niceness > os.nice(0)  # a stroke's prediction gets the core first
    assert panel.result_bar.isVisibleTo(panel)  # the network came back, ready to use or save


def test_snapshots_from_a_child_read_the_drawing_on_the_card(qtbot, monkeypatch):
    monkeypatch.setattr(snapshots, "SNAPSHOTS_PER_S", 1e9)
    runner = TrainingRunner()
    net = build_preset("mlp")
    bias = net.layers[-1].bias.data.copy()
    with qtbot.waitSignal(runner.snapshot, timeout=TIMEOUT_MS) as blocker:
        runner.start(net, None, no_data, endless, separate_process=True)
    runner.shutdown()
    live = snapshots.LiveNetwork()
    live.load(blocker.args[0])
    assert blocker.args[0].state["6.bias"][0] > bias[0]  # the child's trained weights
    assert live.probabilities(np.zeros((28, 28), np.float32)).sum() == pytest.approx(1.0)


def test_a_child_that_dies_is_one_clear_line(qtbot):
    runner = TrainingRunner()
    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS) as blocker:
        runner.start(build_preset("mlp"), None, no_data, dies, separate_process=True)
    assert blocker.args[0] == "Training failed: its process ended unexpectedly (exit code 3)."
    assert not runner.is_running()


def test_no_snapshots_while_nobody_watches_and_one_soon_after_someone_does(qtbot, runner, monkeypatch):
    monkeypatch.setattr(snapshots, "SNAPSHOTS_PER_S", 1e9)  # one at every step, while watched
    got, records = [], []
    runner.snapshot.connect(got.append)
    runner.progress.connect(records.extend)
    runner.watch(False)  # the card is on another tab
    start_and_wait_for_progress(qtbot, runner, build_preset("mlp"))
    qtbot.waitUntil(lambda: len(records) >= 20, timeout=TIMEOUT_MS)
    assert got == []
    with qtbot.waitSignal(runner.snapshot, timeout=TIMEOUT_MS):
        runner.watch(True)


def test_a_snapshot_arrives_after_the_records_of_the_steps_it_shows(qtbot, runner, monkeypatch):
    monkeypatch.setattr(snapshots, "SNAPSHOTS_PER_S", 20.0)  # several within a bundle's tenth of a second
    shown, behind = [], []
    runner.progress.connect(shown.extend)
    runner.snapshot.connect(lambda snap: behind.append(snap.step - (shown[-1].step if shown else 0)))
    start_and_wait_for_progress(qtbot, runner, build_preset("mlp"))
    qtbot.waitUntil(lambda: len(behind) >= 10, timeout=TIMEOUT_MS)
    runner.shutdown()
    assert behind and max(behind) <= 0


def test_records_reach_the_window_in_bundles_in_order(qtbot, runner):
    # A fast network makes hundreds of records a second: the GUI thread is woken once a bundle, not once a record.
    bundles = []
    runner.progress.connect(bundles.append)
    start_and_wait_for_progress(qtbot, runner, build_preset("mlp"))
    qtbot.waitUntil(lambda: sum(map(len, bundles)) >= 500, timeout=TIMEOUT_MS)
    runner.shutdown()
    steps = [r.step for bundle in bundles for r in bundle]
    assert steps == list(range(1, len(steps) + 1))  # every record, once, in order
    assert len(bundles) * 10 <= len(steps)
