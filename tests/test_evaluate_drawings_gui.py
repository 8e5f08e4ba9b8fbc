"""The Evaluate dialog on drawings as people draw them: model/'s figures, Stop, and a file that cannot refuse."""
import numpy as np
import pytest

from app.evaluate_dialog import EvaluateDialog
from app.evaluate_tables import ROW_CORRECT, ROW_COUNT, ROW_DIGITS, ROW_ECE, ROW_REFUSED
from model.calibration import Calibration
from model.canvas_report import canvas_report
from model.data.canvas_bundle import BUNDLED_N
from model.data.canvas_set import PARTS
from model.trust import mnist_test_trust

DRAWINGS = BUNDLED_N  # per part: the dialog's default, the standard set read from the bundle
CAN_REFUSE = Calibration(temperature=1.5, threshold=0.6)


def column(dialog, col):
    return [dialog.scores.item(row, col).text() for row in range(dialog.scores.rowCount())]


def percent(value, decimals=1):
    return f"{100 * value:.{decimals}f}%"


@pytest.fixture
def open_dialog(qtbot, tiny_net):
    def open_(calibration, drawings=DRAWINGS, parts=PARTS):
        dialog = EvaluateDialog(tiny_net.copy(), "tiny", calibration=calibration, drawings=drawings, parts=parts)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return open_


def test_the_dialog_shows_each_drawn_parts_figures_as_model_computes_them(open_dialog, qtbot, tiny_net):
    dialog = open_dialog(CAN_REFUSE)
    assert "the 1,000 standard drawings of each kind, drawn once and bundled" in dialog.status.text()
    said = []  # the status line once MNIST test is scored: the bundled drawings are read, not drawn
    dialog.evaluated.connect(lambda _: said.append(dialog.status.text()))
    with qtbot.waitSignal(dialog.drawings_evaluated, timeout=120_000):
        pass
    assert said == ["Reading the standard drawings: Redrawn (1 of 4), 1,000 each…"]
    expected = canvas_report(tiny_net, DRAWINGS, calibration=CAN_REFUSE)  # what `evaluate --canvas` computes
    assert list(dialog.parts) == list(PARTS)
    for col, name in enumerate(PARTS, start=1):
        scores, shown = expected[name], column(dialog, col)
        assert shown[ROW_COUNT] == f"{DRAWINGS:,}"
        assert shown[ROW_REFUSED] == f"{round(scores['rejected'] * DRAWINGS)} ({percent(scores['rejected'])})"
        if name == "nondigits":
            assert shown[ROW_CORRECT] == shown[ROW_ECE] == "—"
            continue
        assert shown[ROW_CORRECT] == percent(scores["accuracy"])
        assert shown[ROW_ECE] == ("—" if scores["ece"] is None else percent(scores["ece"], 2))
        assert shown[ROW_DIGITS:] == ["—" if a is None else percent(a) for a in scores["per_digit"]]
    trust = mnist_test_trust(tiny_net, CAN_REFUSE)
    refused = f"{round(trust['refused'] * 10_000):,}"
    assert column(dialog, 0)[ROW_REFUSED] == f"{refused} ({percent(trust['refused'], 2)})"
    assert f"{refused} refused" in dialog.summary.text()
    # The reliability diagram offers MNIST test and each drawn digit part; picking one shows its bins.
    names = [dialog.reliability_set.itemText(i) for i in range(dialog.reliability_set.count())]
    assert names == ["MNIST test", "Redrawn", "Fonts", "Strokes"]
    dialog.reliability_set.setCurrentIndex(3)
    strokes = expected["strokes"]["reliability"]
    heights = [bar.get_height() for bar in dialog.reliability._bars]
    assert np.allclose(heights, np.where(np.array(strokes["counts"]) > 0, strokes["accuracy"], 0))
    assert dialog.reliability._title.get_text().startswith("Strokes: ECE")
    assert not dialog.progress.isVisible() and not dialog.is_running()


def test_stop_ends_the_drawing_soon_and_keeps_what_was_scored(open_dialog, qtbot):
    dialog = open_dialog(CAN_REFUSE, drawings=BUNDLED_N - 1)  # not the bundled set: minutes of drawing if it went on
    assert "999 drawings of each kind, made and read" in dialog.status.text() and "a minute or two" in dialog.status.text()
    with qtbot.waitSignal(dialog.evaluated, timeout=60_000):
        pass
    assert dialog.status.text().startswith("Drawing and reading: ")
    with qtbot.waitSignal(dialog.runner.cancelled, timeout=10_000):
        dialog.stop_button.click()
    assert not dialog.is_running() and not dialog.progress.isVisible() and not dialog.stop_button.isVisible()
    assert "Stopped" in dialog.status.text()
    assert "MNIST test accuracy" in dialog.summary.text()  # what was scored stays
    assert column(dialog, 0)[ROW_CORRECT].endswith("%")
    assert column(dialog, len(PARTS))[ROW_CORRECT] == "…" and dialog.parts.keys() < set(PARTS)


def test_a_file_without_a_threshold_says_it_cannot_refuse(open_dialog, qtbot):
    dialog = open_dialog(Calibration(), drawings=10, parts=("nondigits",))  # an old file: no calibration
    with qtbot.waitSignal(dialog.drawings_evaluated, timeout=60_000):
        pass
    assert column(dialog, 0)[ROW_REFUSED] == column(dialog, 1)[ROW_REFUSED] == "cannot refuse"
    assert "cannot refuse" in dialog.summary.text() and "refused" not in dialog.summary.text().replace(
        "cannot refuse", "")
