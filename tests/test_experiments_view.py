"""The Experiments tab: a quick run through the view shows its plots and table; Cancel and closing stop a run."""

import pytest

from app.experiments_view import PROGRESS_STEPS, ExperimentsView, PlotScroll, default_results_dir
from model.experiments.results import SUMMARY_FILE

QUICK_NAME = "mnist-012"  # the quickest MNIST experiment
LONG_NAME = "toy-digits"  # its full run takes many seconds, and it reports progress often
RUN_TIMEOUT_MS = 120_000


@pytest.fixture
def view(qtbot, tmp_path):
    widget = ExperimentsView(results_dir=tmp_path)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    yield widget
    widget.shutdown()


def test_quick_run_shows_plots_table_and_summary(qtbot, view, tmp_path):
    view.select(QUICK_NAME)
    view.quick.setChecked(True)
    with qtbot.waitSignal(view.finished, timeout=RUN_TIMEOUT_MS) as finished:
        view.run_button.click()
        assert not view.run_button.isEnabled() and view.cancel_button.isEnabled()
    result = finished.args[0]
    assert result.out_dir == tmp_path / QUICK_NAME and (result.out_dir / SUMMARY_FILE).exists()
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert len(tabs) == len(result.plots) + len(result.tables) + 1 and tabs[-1] == "Summary"
    plot = view.tabs.widget(0)
    assert isinstance(plot, PlotScroll) and not plot.image.pixmap().isNull()
    assert plot.image.pixmap().width() <= plot.viewport().width()
    table = view.tabs.widget(len(result.plots))
    assert table.rowCount() == len(result.tables[0].rows)
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == result.tables[0].columns
    assert view.progress.value() == PROGRESS_STEPS and view.run_button.isEnabled()
    assert "done" in view.status.text() and view.folder_button.isEnabled()


def test_cancel_stops_a_running_experiment(qtbot, view, tmp_path):
    view.select(LONG_NAME)
    with qtbot.waitSignal(view.runner.progress, timeout=RUN_TIMEOUT_MS):
        view.run_button.click()
    with qtbot.waitSignal(view.cancelled, timeout=RUN_TIMEOUT_MS):
        view.cancel_button.click()
    assert view.status.text() == "Cancelled." and view.run_button.isEnabled()
    assert not view.runner.is_running() and view.tabs.count() == 0
    assert not (tmp_path / LONG_NAME / SUMMARY_FILE).exists()


def test_shutdown_during_a_run_ends_its_thread(qtbot, view):
    view.select(LONG_NAME)
    with qtbot.waitSignal(view.runner.progress, timeout=RUN_TIMEOUT_MS):
        view.run_button.click()
    thread = view.runner._thread
    view.shutdown()
    assert thread.isFinished() and not thread.isRunning()  # waited for, not left running
    assert not view.runner.is_running()
    view.shutdown()  # twice is harmless


def test_a_failing_experiment_is_reported_not_raised(qtbot, tmp_path):
    def broken(name, out_dir, **kwargs):
        raise ValueError("no data here")

    view = ExperimentsView(results_dir=tmp_path, run_fn=broken)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.failed, timeout=RUN_TIMEOUT_MS) as failed:
        view.run_button.click()
    assert "no data here" in failed.args[0] and "no data here" in view.status.text()
    assert view.run_button.isEnabled()


def test_results_that_cannot_be_written_get_one_line_naming_the_folder(qtbot, tmp_path):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("")
    view = ExperimentsView(results_dir=blocked)
    qtbot.addWidget(view)
    view.select("xor")
    view.quick.setChecked(True)
    with qtbot.waitSignal(view.failed, timeout=RUN_TIMEOUT_MS) as failed:
        view.run_button.click()
    message = failed.args[0]
    assert "cannot write the results" in message and str(blocked) in message and "\n" not in message
    assert view.run_button.isEnabled() and not view.folder_button.isEnabled()


def test_the_window_keeps_results_in_one_place_whatever_the_working_directory(qtbot, tmp_path, monkeypatch):
    before = default_results_dir()
    monkeypatch.chdir(tmp_path)
    assert default_results_dir() == before and before.is_absolute()
    view = ExperimentsView()
    qtbot.addWidget(view)
    assert view.results_dir == before
