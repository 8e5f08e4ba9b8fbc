"""The window when the network says "not a digit": the words, grey bars, the probabilities still there."""
import numpy as np

from app.prediction_panel import NOT_A_DIGIT
from model.calibration import Calibration
from model.weights import save_weights

SCRIBBLE = [(60 + 160 * x, 60 + 160 * y) for x, y in np.random.default_rng(0).random((40, 2))]


def _window_with(make_window, tmp_path, tiny_net, calibration):
    folder = tmp_path / "w"
    folder.mkdir()
    meta = {"name": "mlp"} if calibration is None else {"name": "mlp", "calibration": calibration.to_meta()}
    save_weights(folder / "mlp.npz", tiny_net, meta=meta)
    return make_window(folder)


def test_a_refused_drawing_shows_not_a_digit_and_grey_bars(make_window, tmp_path, tiny_net, qtbot):
    # A threshold no answer of this small network reaches: everything is refused.
    window = _window_with(make_window, tmp_path, tiny_net, Calibration(1.0, threshold=1.0))
    with qtbot.waitSignal(window.prediction_updated):
        window.canvas.draw_stroke(SCRIBBLE)
    panel = window.panel
    assert panel.digit_label.text() == NOT_A_DIGIT and panel.shown_digit() is None
    assert panel.bars.is_muted()
    assert abs(panel.bars.probabilities().sum() - 1) < 1e-6  # still shown


def test_a_file_that_cannot_refuse_always_names_a_digit(make_window, tmp_path, tiny_net, qtbot):
    window = _window_with(make_window, tmp_path, tiny_net, None)
    with qtbot.waitSignal(window.prediction_updated):
        window.canvas.draw_stroke(SCRIBBLE)
    assert window.panel.shown_digit() is not None and not window.panel.bars.is_muted()
