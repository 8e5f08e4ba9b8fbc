"""A training run in a child process (model.train_process), without Qt: messages, controls, failures.

The stand-ins for data_fn and train_fn come from tests/stand_ins.py, which a child imports cheaply.
"""
import os
import queue
import threading
import time

import numpy as np
import pytest
from stand_ins import broken, dies, endless, every_time, no_data, record, silent, tiny_data

from model.presets import build_preset
from model.train import TrainConfig, train
from model.train_process import Controls, Outbox, TrainingProcess, every

TINY = TrainConfig(epochs=2, batch_size=32, log_every=1, seed=0)


@pytest.fixture
def started():
    runs = []

    def start(*args, **kwargs):
        runs.append(TrainingProcess(*args, **kwargs))
        return runs[-1]

    yield start
    for run in runs:
        run.close()


def test_a_real_run_reports_records_snapshots_and_ends_with_the_trained_weights(started):
    net = build_preset("mlp", rng=np.random.default_rng(0))
    before = net.state_dict()
    run = started(net, TINY, tiny_data, train, snapshot_due=every_time)
    messages = list(run.messages())
    kinds = [m[0] for m in messages]
    records = [r for m in messages if m[0] == "records" for r in m[1]]  # handed on in the child's bundles
    assert [r.kind for r in records] == ["batch", "batch", "epoch"] * 2  # two batches and one epoch record per epoch
    assert [r.step for r in records] == [1, 2, 2, 3, 4, 4]
    assert kinds.count("snapshot") == len(records) and kinds[-1] == "done"
    done, state = messages[-1][1:]
    assert done.reason == "finished" and done.step == 4 and len(done.history["val_acc"]) == 2
    assert state.keys() == before.keys() and any(not np.array_equal(state[k], before[k]) for k in before)
    assert all(np.array_equal(v, before[k]) for k, v in net.state_dict().items())  # the child trained a copy


WAIT_S = 60


def test_nobody_watching_no_snapshots_and_one_at_the_next_step_once_someone_looks(started):
    controls = Controls()
    controls.watch(False)  # the card hidden: the Train tab shown
    run = started(build_preset("mlp"), None, no_data, endless, controls=controls, snapshot_due=every_time)
    received = read_in_a_thread(run)
    kinds = [received.get(timeout=WAIT_S)[0] for _ in range(3)]
    assert kinds == ["records"] * 3
    controls.watch(True)
    deadline = time.monotonic() + WAIT_S
    while received.get(timeout=WAIT_S)[0] != "snapshot":
        assert time.monotonic() < deadline, "no snapshot once watched"
    controls.stop()
    assert the_rest(received)[-1][0] == "done"


def read_in_a_thread(run) -> queue.Queue:
    """The run's messages, then None, read by a thread: the test waits on them with a deadline and
    never blocks for good on a child that sleeps in a pause with nothing left to send."""
    received = queue.Queue()

    def read() -> None:
        for message in run.messages():
            received.put(message)
        received.put(None)

    threading.Thread(target=read, daemon=True).start()
    return received


def pause_and_drain(run, received: queue.Queue) -> None:
    """Pause, wait until the child sleeps, and take the records it sent before the pause took hold."""
    run.controls.pause()
    deadline = time.monotonic() + WAIT_S
    while not run.controls.is_waiting():
        assert time.monotonic() < deadline, "the child never paused"
        time.sleep(0.01)
    try:
        while True:  # the child sends what waits before it sleeps; its queue's thread may still be writing
            assert received.get(timeout=0.5)[0] == "records"
    except queue.Empty:
        pass


def the_rest(received: queue.Queue) -> list:
    rest = []
    while (message := received.get(timeout=WAIT_S)) is not None:
        rest.append(message)
    return rest


def test_pause_sleeps_resume_goes_on_and_stop_ends_the_run(started):
    run = started(build_preset("mlp"), None, no_data, endless)
    received = read_in_a_thread(run)
    assert received.get(timeout=WAIT_S)[0] == "records"
    pause_and_drain(run, received)
    run.controls.resume()
    assert received.get(timeout=WAIT_S)[0] == "records"  # going on
    run.controls.stop()
    last = the_rest(received)[-1]
    assert last[0] == "done" and last[1].reason == "stopped"
    assert last[1].message != f"pid {os.getpid()}"  # trained in another process


def test_stop_wakes_a_paused_child(started):
    run = started(build_preset("mlp"), None, no_data, endless)
    received = read_in_a_thread(run)
    assert received.get(timeout=WAIT_S)[0] == "records"
    pause_and_drain(run, received)
    run.controls.stop()
    assert the_rest(received)[-1][0] == "done"


def test_an_exception_comes_back_as_one_line_and_its_traceback(started):
    run = started(build_preset("mlp"), None, no_data, broken)
    (kind, name, text, details), = list(run.messages())
    assert kind == "error" and (name, text) == ("ValueError", "images must be float32\nsecond line")
    assert "second line" in details and "Traceback" in details


def test_a_trainer_without_a_final_report_and_a_child_that_dies_are_told_apart(started):
    assert [m[0] for m in started(build_preset("mlp"), None, no_data, silent).messages()] == ["records", "no_report"]
    assert list(started(build_preset("mlp"), None, no_data, dies).messages()) == [("died", 3)]


def test_close_stops_a_running_child_and_waits_for_it(started):
    run = started(build_preset("mlp"), None, no_data, endless)
    next(run.messages())
    run.close()
    assert not run._process.is_alive()


ORPHAN = """
import os
from model.presets import build_preset
from model.train_process import Controls, Outbox, TrainingProcess, every
from tests.stand_ins import endless, no_data
run = TrainingProcess(build_preset("mlp"), None, no_data, endless)
next(run.messages())
print(run._process.pid, flush=True)
os._exit(0)
"""


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="watches the child through /proc")
def test_a_child_whose_window_was_killed_stops():
    import subprocess
    import sys
    import time

    out = subprocess.run([sys.executable, "-c", ORPHAN], stdout=subprocess.PIPE, text=True, timeout=120, check=True)
    pid = int(out.stdout.split()[-1])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and os.path.exists(f"/proc/{pid}") and "Z" not in _state(pid):
        time.sleep(0.2)
    assert not os.path.exists(f"/proc/{pid}") or "Z" in _state(pid)


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


class Sent(list):
    put = list.append


def test_records_go_in_bundles_in_order_and_nothing_waits_behind_other_messages():
    now = [0.0]
    out = Sent()
    outbox = Outbox(out, per_second=10, now=lambda: now[0])
    outbox.record(record("batch", 1))  # the first goes at once
    for step in (2, 3, 4, 5):
        now[0] += 0.03
        outbox.record(record("batch", step))
    assert [m[0] for m in out] == ["records", "records"]  # held up to 0.09 s, sent at 0.12 s
    assert out[1][1] == [record("batch", step) for step in (2, 3, 4, 5)]
    now[0] += 0.01
    outbox.record(record("batch", 6))
    outbox.put(("snapshot", 6, {}))
    assert out[2] == ("records", [record("batch", 6)]) and out[3][0] == "snapshot"
    outbox.record(record("batch", 1000))  # the epoch's last batch: validation comes next, it goes at once
    assert out[-1] == ("records", [record("batch", 1000)])


def test_a_check_made_every_so_often_repeats_its_last_answer_in_between():
    now, calls = [0.0], []
    alive = every(1.0, lambda: calls.append(now[0]) or len(calls) < 2, now=lambda: now[0])
    assert alive() and alive() and calls == [0.0]
    now[0] = 1.5
    assert not alive() and not alive() and calls == [0.0, 1.5]
