"""Pausing in the window leaves the pause out of ETA, elapsed, the history's times and "finished in N s".

The trainer's clock is replaced by one that moves only when the test says, so
a pause of 1000 s takes no real time. (tests/test_train.py checks the trainer
on its own; this checks the window's worker pauses where the trainer's clock stops.)
"""
import numpy as np
import pytest

import model.train
from app.training.worker import TrainingRunner
from model.presets import build_preset
from model.train import TrainConfig, train

PAUSE_S = 1000.0
TIMEOUT_MS = 20_000


@pytest.fixture
def clock(monkeypatch):
    now = [0.0]
    monkeypatch.setattr(model.train, "clock", lambda: now[0])
    return now


def test_pausing_in_the_window_leaves_the_pause_out(qtbot, clock):
    rng = np.random.default_rng(0)
    x, y = rng.random((64, 1, 28, 28), dtype=np.float32), rng.integers(0, 10, 64)
    runner = TrainingRunner()
    config = TrainConfig(epochs=1000, batch_size=64, log_every=1)
    with qtbot.waitSignal(runner.progress, timeout=TIMEOUT_MS):
        runner.start(build_preset("mlp"), config, lambda: (x, y, x, y), train)
    runner.pause()
    qtbot.waitUntil(runner.is_paused_waiting, timeout=TIMEOUT_MS)
    clock[0] += PAUSE_S  # the user stays away a while
    runner.resume()
    with qtbot.waitSignal(runner.progress, timeout=TIMEOUT_MS) as after:
        pass
    with qtbot.waitSignal(runner.finished, timeout=TIMEOUT_MS) as finished:
        runner.stop()
    done = finished.args[0]
    assert after.args[0][0].elapsed < 1 and after.args[0][0].eta < 1
    assert done.elapsed < 1 and max(done.history["elapsed"]) < 1 and " in 0 s" in done.message
    runner.shutdown()
