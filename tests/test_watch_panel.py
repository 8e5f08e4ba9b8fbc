"""The Draw tab's training card, driven as a user would: draw, train from the Train tab, watch beside the canvas.

Runs are real (MNIST, the engine's trainer, the worker thread) but tiny, as in
test_training_panel. Snapshots are taken at every record here (the program
takes about two a second), so a run of a second still shows many.
"""

from functools import partial

import numpy as np
import pytest
from PySide6.QtCore import Qt
from stand_ins import small_data

from app import main_window
from app.training import TrainingPanel
from app.training.worker import TrainingRunner
from app.watch import snapshots
from app.watch.compact_curve import LOSS_COLOR
from model.presets import build_preset
from model.train import Progress
from tests.test_training_panel import LONG, QUICK, RUN_TIMEOUT_MS

ONE = [[(140, 40), (140, 240)]]  # a vertical bar: the tiny network calls it a 1


@pytest.fixture
def window(make_window, weights_dir, monkeypatch):
    """The main window with its Train tab on small data and the training card on the Draw tab."""
    monkeypatch.setattr(snapshots, "SNAPSHOTS_PER_S", 1e9)
    monkeypatch.setattr(main_window, "TrainingPanel", partial(TrainingPanel, data_fn=small_data))
    win = make_window(weights_dir)
    win.add_default_panels()  # the tabs and the card, wired as the program does
    win.tabs.setCurrentIndex(0)
    win.training.form.set_values(**QUICK)
    yield win
    win.training.shutdown()


def draw_one(window):
    for stroke in ONE:
        window.canvas.draw_stroke(stroke)


def run_to_end(qtbot, window):
    with qtbot.waitSignal(window.training.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(window.training.train_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def ink_of(widget, color, tolerance=40) -> int:
    """How many pixels of `widget` are close to `color`: what a user sees drawn in it."""
    image = widget.grab().toImage()
    ptr = image.convertToFormat(image.Format.Format_RGB32).constBits()
    pixels = np.frombuffer(ptr, np.uint8).reshape(image.height(), -1)[:, :image.width() * 4]
    bgr = pixels.reshape(image.height(), image.width(), 4)[..., :3].astype(int)
    target = np.array([color.blue(), color.green(), color.red()])
    return int((np.abs(bgr - target).sum(axis=2) < tolerance).sum())


def test_card_is_hidden_until_a_run_and_a_tiny_run_fills_its_curve(qtbot, window):
    assert not window.watch.isVisible()
    draw_one(window)
    done = run_to_end(qtbot, window)
    assert done.reason == "finished"
    watch = window.watch
    assert watch.isVisible() and window.tabs.currentIndex() == 0  # the run was started from the Draw tab's window
    loss, accuracy = watch.curve.loss_points(), watch.curve.accuracy_points()
    assert len(loss) >= 16 and len(accuracy) == 2  # a point a batch (thinned to the width), one an epoch
    assert ink_of(watch.curve, LOSS_COLOR) > 50
    assert "Finished 2 epochs" in watch.status_label.text()
    assert not watch.pause_button.isEnabled() and not watch.stop_button.isEnabled()
    with qtbot.waitSignal(window.training.run_started):  # the next run starts with an empty curve
        window.training.train_from_scratch()
    assert watch.curve.loss_points() == [] and watch.columns.column(1) is None


def test_clicking_the_curve_opens_the_train_tab(qtbot, window):
    run_to_end(qtbot, window)
    qtbot.mouseClick(window.watch.curve, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.training


@pytest.mark.training_process
def test_in_training_probabilities_change_and_end_as_the_trained_networks(qtbot, window):
    draw_one(window)
    seen = []
    window.watch.refreshed.connect(lambda: seen.append(window.watch.columns.column(1)))
    runner, cut = window.training.runner, []

    def half_way(records):  # no snapshots after half the run: the end must come from the trained network
        if records[-1].step * 2 >= records[-1].total_steps and not cut:
            runner.snapshot.disconnect(window.watch.show_snapshot)
            cut.append(records[-1].step)

    runner.progress.connect(half_way)
    run_to_end(qtbot, window)
    during = [p for p in seen[:-1] if p is not None]
    assert len({p.round(4).tobytes() for p in during}) >= 3  # the bars moved as the network learned
    net = window.training.result_net
    expected = net.predict_proba(window.last_prediction.image[None, None])[0]
    np.testing.assert_allclose(window.watch.columns.column(1), expected, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(window.watch.columns.column(0), window.last_prediction.probabilities)
    assert window.watch.columns.title(1) == "trained"
    steps, values = window.watch.trace.series()
    assert len(values) >= 3 and np.all(np.diff(steps) > 0)  # the sparkline, over the run's steps
    assert window.watch.trace.digit() == window.panel.shown_digit()  # follows the network in use
    qtbot.mouseClick(window.watch.curve, Qt.MouseButton.LeftButton)  # to the Train tab, and use the network
    qtbot.mouseClick(window.training.use_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == 0  # back to drawing, where both columns now agree
    np.testing.assert_allclose(window.watch.columns.column(0), window.watch.columns.column(1), rtol=1e-5)


def test_redrawing_mid_run_starts_a_new_trace_and_a_label_can_be_set(qtbot, window):
    draw_one(window)
    window.training.form.set_values(epochs=LONG)
    window.training.train_from_scratch()
    qtbot.waitUntil(lambda: len(window.watch.trace) >= 3, timeout=RUN_TIMEOUT_MS)
    window.canvas.draw_stroke([(100, 60), (180, 60)])
    assert len(window.watch.trace) <= 1  # a fresh trace, from the current snapshot on
    qtbot.waitUntil(lambda: len(window.watch.trace) >= 2, timeout=RUN_TIMEOUT_MS)
    window.watch.label = 7  # as a correction would: the sparkline follows 7 now
    steps, values = window.watch.trace.series()
    np.testing.assert_allclose(window.watch.sparkline.values(), values)
    assert window.watch.trace.digit() == 7 and "Your 7" in window.watch.spark_label.text()
    window.training.stop()


@pytest.mark.training_process
def test_pause_and_stop_from_the_card(qtbot, window):
    window.training.form.set_values(epochs=LONG)
    watch, training = window.watch, window.training
    with qtbot.waitSignal(training.runner.progress, timeout=RUN_TIMEOUT_MS):
        training.train_from_scratch()
    qtbot.mouseClick(watch.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(training.runner.is_paused_waiting, timeout=RUN_TIMEOUT_MS)
    assert watch.pause_button.text() == "Resume" and training.pause_button.isChecked()
    qtbot.mouseClick(watch.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not training.runner.is_paused_waiting(), timeout=RUN_TIMEOUT_MS)
    assert watch.pause_button.text() == "Pause" and not training.pause_button.isChecked()
    with qtbot.waitSignal(training.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(watch.stop_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].reason == "stopped"
    assert "Stopped as asked" in watch.status_label.text() and not watch.stop_button.isEnabled()


def test_a_diverging_run_is_reported_and_leaves_no_nan_bars(qtbot, window):
    draw_one(window)
    window.training.form.set_values(optimizer="sgd", lr="10")
    done = run_to_end(qtbot, window)
    assert done.reason == "diverged"
    assert "diverged" in window.watch.status_label.text().lower()
    live = window.watch.columns.column(1)
    assert live is None or (np.isfinite(live).all() and window.watch.columns.title(1) == "last snapshot")
    assert window.watch.columns.column(0) is not None  # the network in use still reads the drawing


def broken(*args, **kwargs):
    """Module-level, so that the child process the window trains in can import it."""
    raise ValueError("images must be float32")


def test_a_failed_run_is_reported_and_the_card_is_ready_for_the_next(qtbot, window, monkeypatch):
    monkeypatch.setattr(window.training, "_train_fn", broken)
    draw_one(window)
    done = run_to_end(qtbot, window)
    assert done is None
    assert "images must be float32" in window.watch.status_label.text()
    assert window.watch.columns.column(1) is None and not window.watch.stop_button.isEnabled()
    monkeypatch.undo()
    assert run_to_end(qtbot, window).reason == "finished"


def test_snapshots_are_copies_the_worker_never_touches_again(qtbot, monkeypatch):
    monkeypatch.setattr(snapshots, "SNAPSHOTS_PER_S", 1e9)
    net = build_preset("mlp", rng=np.random.default_rng(0))
    bias = net.layers[-1].bias.data

    def steps(net, x, y, config, *, x_val=None, y_val=None, should_stop=None):
        for step in range(1, 4):
            net.layers[-1].bias.data += 1
            yield Progress("batch", 1, 1, step, 3, step, 3, loss=1.0)
        yield Progress("done", 1, 1, 3, 3, 3, 3, loss=1.0, reason="finished")

    runner = TrainingRunner()
    got = []
    runner.snapshot.connect(got.append)
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.start(net, None, lambda: (None,) * 4, steps)
    assert [s.step for s in got] == [1, 2, 3]
    assert [float(s.state["6.bias"][0] - bias[0]) for s in got] == [-2.0, -1.0, 0.0]  # each its own moment
    assert not any(np.shares_memory(a, p.data) for s in got for a in s.state.values() for p in net.params().values())
