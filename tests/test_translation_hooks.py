"""Text that model/ draws or names for the window goes through Qt's translation, with no Qt in model/.

A pseudo-translation shows every string as «string»: whatever the window shows
from model/ comes out bracketed, while the command line (no translator) stays English.
"""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.experiments_view import ExperimentsView
from model import explain
from model import text as model_text
from model.experiments import EXPERIMENTS
from model.experiments.mnist_runs import Curves, curve_panels

ROOT = Path(__file__).resolve().parents[1]


class Brackets(QTranslator):
    """Every string in every context as «string»."""

    def translate(self, context, source, disambiguation=None, n=-1):
        return f"«{source}»"


@pytest.fixture
def bracketed(qapp):
    translator = Brackets()
    qapp.installTranslator(translator)
    model_text.install(QCoreApplication.translate)
    yield
    model_text.install(None)
    qapp.removeTranslator(translator)


def test_model_text_is_english_until_the_window_installs_a_translator():
    assert model_text.translate("Experiments", "epoch") == "epoch"
    model_text.install(lambda context, text: text.upper())
    try:
        assert model_text.translate("Experiments", "epoch") == "EPOCH"
    finally:
        model_text.install(None)
    assert model_text.translate("Experiments", "epoch") == "epoch"


def test_plot_titles_axes_legends_and_layer_names_are_translated(bracketed, tiny_net):
    curves = Curves(loss=[2.0, 1.0], acc=[0.5, 0.6], test_loss=[2.1, 1.1], test_acc=[0.4, 0.5])
    panel = curve_panels({"leaky ReLU": curves})[0]
    assert (panel.title, panel.xlabel, panel.ylabel) == ("«Training loss»", "«epoch»", "«cross-entropy»")
    assert panel.series[0].label == "«leaky ReLU»"
    views, _ = explain.layer_views(tiny_net, np.zeros((28, 28), np.float32))
    assert views[0].title == "«hidden 1»"


def test_lupdate_finds_the_experiments_names_descriptions_and_plot_text(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    lupdate = str(lupdate) if lupdate.exists() else shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    ts = tmp_path / "model.ts"
    sources = sorted(str(p) for p in (ROOT / "model" / "experiments").glob("*.py"))
    subprocess.run([lupdate, *sources, str(ROOT / "model" / "explain.py"), "-ts", str(ts)], check=True,
                   capture_output=True)
    found = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(ts).getroot().iter("context")
             for m in c.iter("message")}
    for name, (description, _) in EXPERIMENTS.items():
        assert ("Experiments", name) in found and ("Experiments", description) in found
    assert {("Experiments", "Training loss"), ("Experiments", "epoch"), ("Explain", "conv {n}")} <= found


def test_the_experiment_list_shows_translations_and_runs_by_name(qtbot, bracketed, tmp_path):
    asked = []

    def run_fn(name, out_dir, **_):
        asked.append(name)
        return SimpleNamespace(name=name, out_dir=out_dir, plots=[], tables=[], summary="")

    view = ExperimentsView(results_dir=tmp_path, run_fn=run_fn)
    qtbot.addWidget(view)
    first, (description, _) = next(iter(EXPERIMENTS.items()))
    assert view.list.headerItem().text(0) == "«Experiment»"
    assert [view.list.topLevelItem(0).text(c) for c in (0, 1)] == [f"«{first}»", f"«{description}»"]
    view.select("xor")
    assert view.selected() == "xor"
    with qtbot.waitSignal(view.finished, timeout=10_000):
        view.run()
    assert asked == ["xor"] and view.status.text().startswith("««xor» done; results in")
    assert view.tabs.tabText(view.tabs.count() - 1) == "«Summary»"
    view.shutdown()
