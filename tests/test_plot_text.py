"""Plot text in Chinese: drawn in a CJK font when one is installed, in English (not boxes) when none is."""
import pytest
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from app import i18n, plot_text


@pytest.fixture
def chinese(qapp):
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install(qapp, "en")


def test_without_a_cjk_font_plots_stay_in_english(chinese, monkeypatch):
    monkeypatch.setattr(plot_text, "cjk_family", lambda: None)
    assert plot_text.translate("TrainingCurves", "Loss") == "Loss"


def test_with_a_cjk_font_plots_speak_chinese(chinese, monkeypatch):
    monkeypatch.setattr(plot_text, "cjk_family", lambda: "Noto Sans CJK SC")
    assert plot_text.translate("TrainingCurves", "Loss") == "损失"


def test_the_training_curves_draw_chinese_in_a_font_that_has_it(chinese, qtbot):
    family = plot_text.cjk_family()
    if family is None:
        pytest.skip("no CJK font installed here (fonts-noto-cjk on Debian/Ubuntu)")
    from app.training.curves import TrainingCurves

    curves = TrainingCurves()
    qtbot.addWidget(curves)
    title = curves.loss_ax.title
    assert title.get_text() == "损失"
    font = FT2Font(font_manager.findfont(title.get_fontproperties()))
    assert all(ord(c) in font.get_charmap() for c in title.get_text())  # glyphs, not boxes
