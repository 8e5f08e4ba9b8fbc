"""model.evaluation: the one scoring loop (the canvas-style report has its own tests)."""

import numpy as np
import pytest
from helpers import blobs, linear_net

from model.evaluation import confusion_matrix, evaluate, per_class_accuracy
from model.losses import SoftmaxCrossEntropy


def test_evaluate_matches_one_big_batch():
    x, y = blobs(50)
    net = linear_net()
    report = evaluate(net, x, y, batch_size=7)
    assert report.accuracy == pytest.approx(np.mean(net.predict(x) == y))
    assert report.loss == pytest.approx(SoftmaxCrossEntropy().forward(net.forward(x), y), rel=1e-5)
    assert report.images == 50 and report.mistakes == int(np.sum(net.predict(x) != y))


def test_evaluate_takes_mnist_bytes_as_the_loader_gives_them():
    x, y = blobs(20)
    pixels = np.rint(x[:, 0] * 255).astype(np.uint8)
    net = linear_net()
    from_bytes, from_floats = evaluate(net, pixels, y), evaluate(net, pixels[:, None] / np.float32(255), y)
    assert from_bytes.loss == pytest.approx(from_floats.loss)
    np.testing.assert_array_equal(from_bytes.confusion_matrix, from_floats.confusion_matrix)


def test_evaluate_reports_progress_and_can_be_stopped():
    x, y = blobs(50)
    seen = []
    evaluate(linear_net(), x, y, batch_size=20, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(20, 50), (40, 50), (50, 50)]
    polls = iter(range(100))
    assert evaluate(linear_net(), x, y, batch_size=20, should_stop=lambda: next(polls) >= 2) is None


def test_evaluate_refuses_labels_the_network_cannot_output():
    x, y = blobs(4)
    with pytest.raises(ValueError, match="from 0 to 9"):
        evaluate(linear_net(), x, y + 10)


def test_report_as_json_has_no_nan():
    x, y = blobs(30)
    report = evaluate(linear_net(), x[y != 3], y[y != 3]).to_dict()
    assert report["per_class_accuracy"][3] is None
    assert sum(map(sum, report["confusion_matrix"])) == int(np.sum(y != 3))


def test_confusion_matrix_and_per_class_accuracy():
    cm = confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 2, 0], n=4)
    np.testing.assert_array_equal(cm, [[1, 1, 0, 0], [0, 1, 0, 0], [1, 0, 2, 0], [0, 0, 0, 0]])
    acc = per_class_accuracy(cm)
    np.testing.assert_allclose(acc[:3], [0.5, 1.0, 2 / 3])
    assert np.isnan(acc[3])  # a digit with no examples has no accuracy, not 0%
