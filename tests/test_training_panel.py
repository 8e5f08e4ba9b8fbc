"""The Train panel driven as a user would: fill the form, press the buttons, watch the result.

Runs are real (MNIST, the engine's trainer, a worker thread) but tiny: the
MLP on 1,000 images for one or two epochs, validated on 1,000 images.
"""

import csv
from functools import partial

import numpy as np
import pytest
from PySide6.QtCore import Qt
from stand_ins import small_data

from app import main_window
from app.training import TrainingPanel
from app.watch import snapshots
from model.data.mnist import load_mnist, to_float
from model.history import COLUMNS
from model.network import Sequential
from model.weights import load_weights

RUN_TIMEOUT_MS = 60_000
LONG = 200  # epochs for runs a test stops: they cannot end on their own first
QUICK = dict(preset="mlp", epochs=2, batch_size="64", optimizer="adam", lr="0.001", train_size=1000, seed=0)


def test_accuracy(net, n=1000):
    images, labels = load_mnist("test")
    return float((net.predict(to_float(images[:n])) == labels[:n]).mean())


test_accuracy.__test__ = False  # a helper, not a test


@pytest.fixture
def current():
    """What the main window holds as its current network: None until a test sets one."""
    return {"value": None}


def current_network(current):
    """As the main window answers it: a copy of its network, which the caller owns."""
    return None if current["value"] is None else (current["value"][0].copy(), dict(current["value"][1]))


@pytest.fixture
def panel(qtbot, current):
    widget = TrainingPanel(lambda: current_network(current), data_fn=small_data)
    qtbot.addWidget(widget)
    widget.form.set_values(**QUICK)
    yield widget
    widget.shutdown()


def run_to_end(qtbot, panel, button=None):
    with qtbot.waitSignal(panel.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(button or panel.train_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def accept(qtbot, panel):
    with qtbot.waitSignal(panel.network_trained) as blocker:
        qtbot.mouseClick(panel.use_button, Qt.MouseButton.LeftButton)
    return blocker.args


def test_train_from_scratch_draws_curves_and_gives_a_good_network(qtbot, panel):
    done = run_to_end(qtbot, panel)
    assert done.reason == "finished"
    curves = panel.curves
    assert len(curves.raw_line.get_xdata()) >= 2 * 16  # one point per batch, 16 batches an epoch
    assert len(curves.val_acc_line.get_ydata()) == 2 and len(curves.train_loss_line.get_ydata()) == 2
    assert max(curves.raw_line.get_xdata()) == pytest.approx(2.0)  # x is in epochs
    assert panel.progress_bar.value() == panel.progress_bar.maximum() > 0
    assert panel.result_bar.isVisibleTo(panel) and not panel.is_running()
    net, meta = accept(qtbot, panel)
    assert test_accuracy(net) > 0.7  # chance is 0.1
    assert meta["name"].startswith("mlp adam") and meta["architecture"] == net.spec()
    assert len(meta["history"]) == 2 and meta["training"]["reason"] == "finished"
    assert not panel.use_button.isEnabled()  # accepted once


def test_a_bundle_of_records_draws_every_point_and_shows_where_its_last_one_is(qtbot, panel):
    from model.train import Progress, TrainConfig

    def batch(step, epoch=1):
        return Progress("batch", epoch, 2, (step - 1) % 4 + 1, 4, step, 8, loss=1.0, interval_loss=2.0 - step / 10)

    panel.show_run_starting(TrainConfig(epochs=2), {"from": "scratch", "preset": "mlp"})
    epoch = Progress("epoch", 1, 2, 4, 4, 4, 8, loss=1.7, acc=0.5, val_loss=1.8, val_acc=0.4)
    panel.show_progress([batch(1), batch(2), batch(3), batch(4), epoch])
    assert panel.curves.batch_x == [0.25, 0.5, 0.75, 1.0] and panel.curves.val_acc == [40.0]
    assert len(panel.history) == 1 and panel.csv_button.isEnabled()
    assert (panel.progress_bar.value(), panel.progress_bar.maximum()) == (4, 8)
    assert "Epoch 1/2, batch 4/4" in panel.stats_label.text() and "validation 40.0%" in panel.stats_label.text()
    panel.show_progress([batch(5, epoch=2), batch(6, epoch=2)])
    assert panel.curves.batch_x[-2:] == [1.25, 1.5] and panel._last_batch.step == 6
    panel.show_progress([batch(7, epoch=2), batch(8, epoch=2)])  # soon after, but the epoch's batches are done
    assert "Epoch 2/2, batch 4/4" in panel.stats_label.text() and panel.progress_bar.value() == 8  # shown while it validates


def test_pause_then_resume_completes(qtbot, panel):
    panel.train_from_scratch()
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)  # before the run can end
    qtbot.waitUntil(panel.runner.is_paused_waiting, timeout=RUN_TIMEOUT_MS)
    assert panel.pause_button.text() == "Resume" and panel.is_running()
    assert "Paused" in panel.stats_label.text()
    with qtbot.waitSignal(panel.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].reason == "finished"
    assert panel.progress_bar.value() == panel.progress_bar.maximum()
    assert panel.pause_button.text() == "Pause" and not panel.pause_button.isEnabled()


def test_stop_ends_early_with_a_usable_network(qtbot, panel):
    panel.form.set_values(epochs=LONG)
    epochs = []
    panel.runner.progress.connect(lambda bundle: epochs.extend(r for r in bundle if r.kind == "epoch"))
    with qtbot.waitSignal(panel.run_finished, timeout=RUN_TIMEOUT_MS) as blocker:
        panel.train_from_scratch()
        qtbot.waitUntil(lambda: bool(epochs), timeout=RUN_TIMEOUT_MS)
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    done = blocker.args[0]
    assert done.reason == "stopped"
    assert panel.progress_bar.value() < panel.progress_bar.maximum()
    assert "Stopped" in panel.stats_label.text() and "is ready" in panel.result_label.text()
    net, meta = accept(qtbot, panel)
    assert test_accuracy(net) > 0.5 and meta["training"]["reason"] == "stopped"


@pytest.mark.parametrize("field, value, words", [
    ("lr", "1000", "learning rate"),
    ("batch_size", "0", "batch size"),
    ("lr", "fast", "Learning rate must be a number"),
])
def test_absurd_settings_show_a_message_and_start_nothing(qtbot, panel, field, value, words):
    panel.form.set_values(**{field: value})
    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    assert words.lower() in panel.message_label.text().lower()
    assert panel.message_label.isVisibleTo(panel)
    assert not panel.is_running() and panel.runner._thread is None
    assert panel.train_button.isEnabled()


def test_diverging_run_shows_why_and_offers_no_network(qtbot, panel):
    panel.form.set_values(optimizer="sgd", lr="10")
    trained = []
    panel.network_trained.connect(lambda net, meta: trained.append(net))
    done = run_to_end(qtbot, panel)
    assert done.reason == "diverged"
    assert "diverged" in panel.message_label.text() and "smaller learning rate" in panel.message_label.text()
    assert not panel.result_bar.isVisibleTo(panel) and panel.result_net is None
    panel.use_result()
    assert trained == []


def test_continue_training_leaves_the_current_network_untouched(qtbot, panel, current):
    panel.form.set_values(epochs=1)
    run_to_end(qtbot, panel)
    net, meta = accept(qtbot, panel)
    current["value"] = (net, meta)
    before = net.state_dict()
    done = run_to_end(qtbot, panel, panel.continue_button)
    assert done.reason == "finished"
    assert all(np.array_equal(before[k], v) for k, v in net.state_dict().items())
    tuned, tuned_meta = accept(qtbot, panel)
    assert tuned is not net and tuned.spec() == net.spec()
    assert tuned_meta["name"].startswith(meta["name"] + " + 1 epoch")
    assert test_accuracy(tuned) > 0.7


def test_continue_without_a_network_says_so(qtbot, panel):
    assert not panel.continue_training()
    assert "no current network" in panel.message_label.text()


def test_exports_and_save_write_readable_files(qtbot, panel, tmp_path, monkeypatch):
    run_to_end(qtbot, panel)
    paths = iter([tmp_path / "history.csv", tmp_path / "curves.png", tmp_path / "net.npz"])
    monkeypatch.setattr(panel, "ask_save_path", lambda *args: str(next(paths)))
    panel.csv_button.click()
    panel.png_button.click()
    panel.save_button.click()
    with open(tmp_path / "history.csv", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == COLUMNS and [r[0] for r in rows[1:]] == ["1", "2"]
    assert (tmp_path / "curves.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    saved = load_weights(tmp_path / "net.npz")
    x = to_float(load_mnist("test")[0][:50])
    assert np.allclose(saved.net.predict_proba(x), panel.result_net.predict_proba(x))
    assert saved.meta["name"] == panel.result_meta["name"]


def test_export_to_an_unwritable_place_says_so_and_keeps_the_run(qtbot, panel, tmp_path, monkeypatch):
    run_to_end(qtbot, panel)
    monkeypatch.setattr(panel, "ask_save_path", lambda *args: str(tmp_path / "no-such-folder" / "out.csv"))
    panel.csv_button.click()
    panel.png_button.click()
    assert "Could not write" in panel.message_label.text() and panel.message_label.isVisibleTo(panel)
    assert panel.result_net is not None and list(tmp_path.iterdir()) == []


def test_cancelled_dialog_writes_nothing(qtbot, panel, tmp_path, monkeypatch):
    run_to_end(qtbot, panel)
    monkeypatch.setattr(panel, "ask_save_path", lambda *args: "")
    assert panel.export_csv() is None and panel.save_result() is None
    assert list(tmp_path.iterdir()) == []


def test_shutdown_while_training_stops_the_thread(qtbot, panel):
    panel.form.set_values(epochs=LONG)
    with qtbot.waitSignal(panel.runner.progress, timeout=RUN_TIMEOUT_MS):
        panel.train_from_scratch()
    thread = panel.runner._thread
    panel.shutdown()
    assert thread.isFinished() and not panel.is_running()
    assert panel.train_button.isEnabled() and not panel.stop_button.isEnabled()
    panel.shutdown()  # twice, and idle: nothing happens


@pytest.mark.training_process
def test_current_architecture_gets_fresh_weights(qtbot, panel, current):
    panel.form.set_values(epochs=1)
    run_to_end(qtbot, panel)
    net, meta = accept(qtbot, panel)
    current["value"] = (net, meta)
    panel.form.set_values(preset="current", seed=1)
    assert not panel.form.activation.isEnabled()  # the architecture is taken as it is
    run_to_end(qtbot, panel)
    fresh, _ = accept(qtbot, panel)
    assert fresh.spec() == net.spec()
    assert not np.array_equal(fresh.state_dict()["2.weight"], net.state_dict()["2.weight"])


def test_fine_tuning_a_fine_tuned_network_adds_up_epochs_instead_of_stacking_names():
    from types import SimpleNamespace

    from app.training.result import continued_source, result_meta
    from model.presets import build_preset
    from model.train import TrainConfig

    net, config = build_preset("mlp"), TrainConfig(epochs=1)
    done = SimpleNamespace(step=10, batches_per_epoch=10, val_acc=0.9, acc=0.9, loss=0.3, val_loss=0.3, epoch=1,
                           epochs=1, elapsed=1.0, reason="finished", message="", history=None, best_epoch=1)
    meta = {"name": "mlp adam (val 88.0%)", "preset": "mlp"}
    for total in (1, 2, 3):
        meta = result_meta(net, done, config, continued_source(meta), history=[])
        assert meta["name"] == f"mlp adam (val 88.0%) + {total} epoch{'s' if total > 1 else ''} (val 90.0%)"


def test_fine_tuning_the_windows_network_copies_it_once_each_way(qtbot, make_window, weights_dir, monkeypatch):
    window = make_window(weights_dir)
    panel = TrainingPanel(window.current_network, data_fn=small_data)
    qtbot.addWidget(panel)
    panel.network_trained.connect(window.add_network)
    panel.form.set_values(**{**QUICK, "epochs": 1})
    original = window.networks.current().net
    copies = []
    real_copy = Sequential.copy
    monkeypatch.setattr(Sequential, "copy", lambda net: copies.append(net) or real_copy(net))
    run_to_end(qtbot, panel, panel.continue_button)
    assert copies == [original]  # into the training thread: one copy
    accept(qtbot, panel)
    assert copies == [original, panel.result_net]  # into the window: one copy, the panel keeps its own for Save
    now = window.networks.current().net
    assert now is not panel.result_net and now is not original
    panel.shutdown()


def test_the_run_sends_its_weights_only_while_the_draw_tabs_card_shows_them(qtbot, make_window, weights_dir,
                                                                            monkeypatch):
    monkeypatch.setattr(snapshots, "SNAPSHOTS_PER_S", 1e9)  # one at every step, while the card is seen
    monkeypatch.setattr(main_window, "TrainingPanel", partial(TrainingPanel, data_fn=small_data))
    window = make_window(weights_dir)
    window.add_default_panels()
    window.show()
    training, got, records = window.training, [], []
    training.form.set_values(**{**QUICK, "epochs": LONG})
    training.runner.snapshot.connect(got.append)
    training.runner.progress.connect(records.extend)
    window.tabs.setCurrentWidget(training)
    training.train_from_scratch()
    qtbot.waitUntil(lambda: len(records) >= 20, timeout=RUN_TIMEOUT_MS)
    assert got == [] and not window.watch.live.is_ready()
    with qtbot.waitSignal(training.runner.snapshot, timeout=RUN_TIMEOUT_MS):
        window.tabs.setCurrentIndex(0)  # the Draw tab, and the card on it
    qtbot.waitUntil(window.watch.live.is_ready, timeout=RUN_TIMEOUT_MS)
    window.tabs.setCurrentWidget(training)
    for more in (20, 40):  # the first stretch lets the snapshots already on their way arrive
        seen, until = len(got), len(records) + more
        qtbot.waitUntil(lambda: len(records) >= until, timeout=RUN_TIMEOUT_MS)
    assert len(got) == seen
    training.shutdown()
