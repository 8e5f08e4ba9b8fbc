"""Evaluating on MNIST test: in the background, then accuracy and the confusion matrix."""
import numpy as np

from model.data.mnist import load_mnist, to_float


def table_numbers(dialog):
    table = dialog.table
    return np.array([[int(table.item(r, c).text()) for c in range(10)] for r in range(10)])


def test_evaluate_shows_accuracy_and_confusion_matrix(make_window, weights_dir, tiny_net, qtbot, messages):
    window = make_window(weights_dir)
    dialog = window.evaluate()
    assert dialog.result is None  # the work happens in a thread; results come through the event loop
    with qtbot.waitSignal(dialog.evaluated, timeout=20_000):
        pass
    images, labels = load_mnist("test")
    expected = float((tiny_net.predict(to_float(images)) == labels).mean())
    assert f"{100 * expected:.2f}%" in dialog.summary.text()
    cm = table_numbers(dialog)
    assert cm.sum() == 10_000 and np.trace(cm) == round(expected * 10_000)
    assert (cm.sum(axis=1) == np.bincount(labels, minlength=10)).all()
    per_class = [dialog.table.item(r, 10).text() for r in range(10)]
    assert per_class[1] == f"{100 * cm[1, 1] / cm[1].sum():.1f}%"
    assert not dialog.progress.isVisible()
    # The reliability diagram: one bar per confidence bin, as high as the accuracy of its answers.
    reliability = dialog.result["trust"]["reliability"]
    heights = [bar.get_height() for bar in dialog.reliability._bars]
    assert np.allclose(heights, np.where(np.array(reliability["counts"]) > 0, reliability["accuracy"], 0))
    assert f"ECE {100 * dialog.result['trust']['ece']:.2f}%" in dialog.reliability._title.get_text()
    dialog.close()
    assert not dialog.is_running() and messages == []


def test_closing_during_evaluation_stops_the_worker(make_window, weights_dir, qtbot):
    window = make_window(weights_dir)
    dialog = window.evaluate()
    dialog.close()
    assert not dialog.is_running()
    assert window.isVisible()


def test_evaluate_without_a_network_explains(make_window, tmp_path, messages):
    window = make_window(tmp_path / "none")
    assert window.evaluate() is None
    assert messages and "No network loaded" in messages[0][2]
