"""Evaluating on MNIST test: in the background, the engine's own scores, and closing stops it.

The drawn parts: test_evaluate_drawings_gui.py."""
import numpy as np

from app.thread_runner import ThreadRunner
from model.evaluation import evaluate_mnist_test


def table_numbers(dialog):
    table = dialog.table
    return np.array([[int(table.item(r, c).text()) for c in range(10)] for r in range(10)])


def test_evaluate_shows_the_engines_accuracy_and_confusion_matrix(make_window, weights_dir, tiny_net, qtbot,
                                                                  messages):
    window = make_window(weights_dir)
    dialog = window.evaluate()
    assert dialog.result is None  # the work happens in a thread; results come through the event loop
    assert isinstance(dialog.runner, ThreadRunner)  # the shared runner: stop flag, then a join that never gives up
    with qtbot.waitSignal(dialog.evaluated, timeout=20_000):
        pass
    expected = evaluate_mnist_test(tiny_net)  # model.evaluation on the same network and images
    assert f"{100 * expected.accuracy:.2f}%" in dialog.summary.text()
    cm = table_numbers(dialog)
    assert (cm == np.asarray(expected.confusion_matrix)).all()
    per_class = [dialog.table.item(r, 10).text() for r in range(10)]
    assert per_class == [f"{100 * a:.1f}%" for a in expected.per_class_accuracy]
    # The drawn parts come next, at the default size the dialog names (as `evaluate --canvas 1000`): the bundled
    # standard set, read in moments (it may be done already).
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=60_000)
    assert "Every set is scored: 1,000 drawings of each kind" in dialog.status.text()
    assert [scores["n"] for scores in dialog.parts.values()] == [1000] * 4 and not dialog.progress.isVisible()
    # The reliability diagram: one bar per confidence bin, as high as the accuracy of its answers.
    reliability = dialog.trust["reliability"]
    heights = [bar.get_height() for bar in dialog.reliability._bars]
    assert np.allclose(heights, np.where(np.array(reliability["counts"]) > 0, reliability["accuracy"], 0))
    assert f"ECE {100 * dialog.trust['ece']:.2f}%" in dialog.reliability._title.get_text()
    dialog.close()
    assert not dialog.is_running() and messages == []


def test_closing_during_evaluation_stops_the_worker_and_waits_for_it(make_window, weights_dir, qtbot):
    window = make_window(weights_dir)
    dialog = window.evaluate()
    thread = dialog.runner._thread
    assert thread is not None and dialog.is_running()
    dialog.close()
    assert thread.isFinished() and not dialog.is_running()
    qtbot.wait(50)  # anything still queued from the worker is delivered now, and must be dropped
    assert dialog.result is None and "MNIST test accuracy" not in dialog.summary.text()
    assert window.networks.current() is not None and window.actions.evaluate.isEnabled()


def test_evaluate_without_a_network_explains(make_window, tmp_path, messages):
    window = make_window(tmp_path / "none")
    assert window.evaluate() is None
    assert messages and "No network loaded" in messages[0][2]
