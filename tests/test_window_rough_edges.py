"""Rough edges a new user met in the window: names that say which accuracy, clean file names,
feedback in the status bar, exports after an early stop, no stale failure line, Open folder."""
import csv
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QFileDialog

import app.experiments_view
from app.experiments_view import ExperimentsView
from app.settings import file_name_for
from app.training import TrainingPanel
from model.history import COLUMNS
from model.train import Progress

BATCHES = 1000  # per epoch in the scripted runs: a stop always lands mid-epoch
TIMEOUT_MS = 20_000


def no_data():
    return None, None, None, None


def until_stopped(net, x, y, config, *, x_val=None, y_val=None, should_stop=None):
    """A run in its first epoch until it is stopped; its running training accuracy is 84.4%."""
    step = 0
    while not should_stop():
        step += 1
        yield Progress("batch", 1, 3, step, BATCHES, step, 3 * BATCHES, loss=0.5, acc=0.844, lr=1e-3,
                       elapsed=0.1 * step, interval_loss=0.5)
    yield Progress("done", 1, 3, step, BATCHES, step, 3 * BATCHES, loss=0.5, acc=0.844, reason="stopped",
                   message=f"stopped as asked at epoch 1, batch {step} in 0 s; training accuracy 84.40%", history={})


def broken(*args, **kwargs):
    raise RuntimeError("out of disk")


@pytest.fixture
def make_panel(qtbot):
    panels = []

    def make(train_fn):
        panel = TrainingPanel(lambda: None, data_fn=no_data, train_fn=train_fn)
        qtbot.addWidget(panel)
        panel.form.set_values(preset="mlp", epochs=3, batch_size="64", train_size=1000)
        panels.append(panel)
        return panel

    yield make
    for panel in panels:
        panel.shutdown()


def stop_in_first_epoch(qtbot, panel):
    with qtbot.waitSignal(panel.runner.progress, timeout=TIMEOUT_MS):
        panel.train_from_scratch()
    with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT_MS) as finished:
        panel.stop()
    return finished.args[0]


def test_after_a_stop_in_the_first_epoch_both_exports_work(qtbot, make_panel, tmp_path, monkeypatch):
    panel = make_panel(until_stopped)
    done = stop_in_first_epoch(qtbot, panel)
    assert panel.png_button.isEnabled() and panel.csv_button.isEnabled()
    paths = iter([tmp_path / "history.csv", tmp_path / "curves.png"])
    monkeypatch.setattr(panel, "ask_save_path", lambda *args: str(next(paths)))
    panel.csv_button.click()
    panel.png_button.click()
    with open(tmp_path / "history.csv", newline="") as f:
        header, *rows = list(csv.reader(f))
    assert tuple(header) == COLUMNS and len(rows) == 1
    row = dict(zip(header, rows[0]))
    assert float(row["epoch"]) == pytest.approx(done.step / BATCHES) and float(row["train_acc"]) == 0.844
    assert (tmp_path / "curves.png").read_bytes()[:4] == b"\x89PNG"


def test_a_network_name_says_which_accuracy_and_saves_under_a_plain_file_name(qtbot, make_panel, monkeypatch):
    panel = make_panel(until_stopped)
    stop_in_first_epoch(qtbot, panel)
    assert panel.result_meta["name"] == "mlp adam (train 84.4%)"  # no validation yet: the training accuracy
    suggested = []
    monkeypatch.setattr(panel, "ask_save_path", lambda caption, kind, name: suggested.append(name) or "")
    panel.save_result()
    assert suggested == ["mlp-adam.npz"]


def test_names_and_file_names():
    assert file_name_for("cnn adam (val 84.4%) + 2 epochs (val 96.5%)", ".npz") == "cnn-adam-2-epochs.npz"
    assert file_name_for("Small CNN (default)", ".npz") == "Small-CNN-default.npz"
    assert file_name_for("../../", ".npz") == "network.npz"
    assert file_name_for("mlp adam（验证 78.5%） + 2 轮（验证 80.1%）", ".npz") == "mlp-adam-2-轮.npz"  # a name made in Chinese


def test_the_window_labels_test_accuracy_and_suggests_a_plain_file_name(make_window, weights_dir, tiny_net,
                                                                        monkeypatch):
    window = make_window(weights_dir)
    window.add_network(tiny_net.copy(), {"name": "cnn adam (val 84.4%) + 2 epochs (val 96.5%)"})
    suggested = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, caption, default, kinds: suggested.append(default) or ("", "")))
    window.ask_save_weights()
    assert suggested[0].endswith("/cnn-adam-2-epochs.npz")
    window.networks.select(0)
    assert window.actions.selector.currentText() == "mlp · test 92.0%"  # the bundled file's test accuracy


def test_opening_a_weight_file_says_so_in_the_status_bar(make_window, weights_dir, tiny_net, tmp_path, messages):
    from model.weights import save_weights

    other = tiny_net.copy()
    other.layers[-1].bias.data += 0.01
    save_weights(tmp_path / "mine.npz", other, meta={"name": "mine"})
    window = make_window(weights_dir)
    assert window.open_weights(tmp_path / "mine.npz")
    status = window.statusBar().currentMessage()
    assert status.startswith("Opened mine") and "mine.npz" in status


def test_a_failure_line_does_not_outlive_a_newer_message(qtbot, make_panel):
    panel = make_panel(broken)
    with qtbot.waitSignal(panel.run_finished, timeout=TIMEOUT_MS):
        panel.train_from_scratch()
    assert "out of disk" in panel.message_label.text()
    panel.form.set_values(lr="1000")
    assert not panel.train_from_scratch()  # a newer message: the absurd learning rate
    shown = panel.stats_label.text() + " " + panel.message_label.text()
    assert "learning rate" in shown.lower() and "failed" not in shown.lower()


def test_open_folder_without_a_file_manager_shows_where_the_results_are(qtbot, tmp_path, monkeypatch):
    view = ExperimentsView(results_dir=tmp_path)
    qtbot.addWidget(view)
    view.show_result(SimpleNamespace(name="xor", out_dir=tmp_path / "xor", plots=[], tables=[], summary="done"))
    monkeypatch.setattr(app.experiments_view.QDesktopServices, "openUrl", staticmethod(lambda url: False))
    assert not view.open_folder()
    assert str((tmp_path / "xor").resolve()) in view.status.text()
