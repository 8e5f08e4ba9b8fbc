"""Weights crossing threads for the training card: how often, what the GUI's copy computes, and NaNs."""

import numpy as np

from app.watch.snapshots import LiveNetwork, SnapshotClock, take_snapshot
from app.watch.trace import DrawingTrace
from model.presets import build_preset


def test_the_clock_allows_two_snapshots_a_second_and_the_first_at_once():
    now = [100.0]
    clock = SnapshotClock(2, now=lambda: now[0])
    due = []
    for _ in range(40):  # records every 0.05 s for 2 s
        due.append(clock.due())
        now[0] += 0.05
    assert due[0] and sum(due) == 4


def test_the_live_copy_answers_as_the_network_it_was_copied_from(tiny_net):
    image = np.random.default_rng(0).random((28, 28), dtype=np.float32)
    live = LiveNetwork()
    assert live.probabilities(image) is None  # nothing to show before the first snapshot
    live.load(take_snapshot(tiny_net, 5))
    np.testing.assert_allclose(live.probabilities(image), tiny_net.predict_proba(image[None, None])[0], rtol=1e-6)
    cnn = build_preset("small-cnn", rng=np.random.default_rng(1))
    live.load(take_snapshot(cnn, 7))  # another architecture: rebuilt, not refused
    np.testing.assert_allclose(live.probabilities(image), cnn.predict_proba(image[None, None])[0], rtol=1e-5)
    assert live.step == 7


def test_a_snapshot_with_nan_weights_shows_nothing_rather_than_nan_bars(tiny_net):
    snapshot = take_snapshot(tiny_net, 1)
    for array in snapshot.state.values():
        array[...] = np.nan
    live = LiveNetwork()
    live.load(snapshot)
    assert live.probabilities(np.ones((28, 28), np.float32)) is None


def test_the_trace_follows_the_label_once_set_and_keeps_its_points():
    trace = DrawingTrace()
    trace.fallback = 3
    for step, p3 in ((10, 0.2), (20, 0.6), (20, 0.7), (30, 0.9)):
        p = np.full(10, (1 - p3) / 9)
        p[3] = p3
        trace.add(step, p)
    steps, values = trace.series()
    assert steps.tolist() == [10, 20, 30] and np.allclose(values, [0.2, 0.7, 0.9])  # same step: replaced
    trace.label = 8
    assert trace.digit() == 8 and np.allclose(trace.series()[1], [0.8 / 9, 0.3 / 9, 0.1 / 9])
