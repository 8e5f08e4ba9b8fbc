"""The window in Simplified Chinese: chosen in View > Language, shown after the restart, no English left.

Walks every visible widget of every tab, the menus and their actions, and
names each string still in English (its widget, tab and text), so a string
someone forgot to wrap or translate is easy to find.
"""
import re
import subprocess
from html import unescape
from pathlib import Path

import PySide6
import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QProgressBar,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from app import i18n
from app.training.form import PRESET_TEXT
from model.constants import ACTIVATIONS
from model.optim import OPTIMIZERS
from model.presets import PRESETS, describe_presets

# Names that stay as they are in any language; the combo boxes' activations, optimizers and
# presets are names too (typed as they are at the command line).
NAMES = {"MNIST", "ReLU", "Leaky", "Adam", "SGD", "CNN", "MLP", "XOR", "NumPy", "DigitLab", "PNG", "CSV", "Markdown",
         "Esc", "Dropout", "epoch", "English", *ACTIVATIONS, *OPTIMIZERS, *PRESETS}
ALLOWED = {name.lower() for name in NAMES}
WORD = re.compile(r"[A-Za-z][A-Za-z_\-]*[A-Za-z]")  # one-letter tokens are units or mnemonics: "5x5", "(P)"
PATH = re.compile(r"(?:[A-Za-z]:)?[/\\][^\s，。）)]*")  # a file or folder named in a sentence is shown as it is


def english_words(text: str) -> list[str]:
    plain = PATH.sub(" ", unescape(re.sub(r"<[^>]+>", " ", text)))  # rich text: the words, not the tags
    return [word for word in WORD.findall(plain) if word.lower() not in ALLOWED]


def widget_texts(widget: QWidget) -> list[tuple[str, str]]:
    """(what, text) for every string `widget` shows, its tooltip included."""
    texts = [("tooltip", widget.toolTip())]
    if isinstance(widget, QLabel):
        texts.append(("text", widget.text()))
    elif isinstance(widget, QAbstractButton):
        texts.append(("text", widget.text()))
    elif isinstance(widget, QGroupBox):
        texts.append(("title", widget.title()))
    elif isinstance(widget, QComboBox):
        texts += [(f"item {i}", widget.itemText(i)) for i in range(widget.count())]
    elif isinstance(widget, QLineEdit):
        texts.append(("placeholder", widget.placeholderText()))
    elif isinstance(widget, QTextEdit):
        texts += [("placeholder", widget.placeholderText()), ("text", widget.toPlainText())]
    elif isinstance(widget, QAbstractSpinBox):
        texts += [("suffix", getattr(widget, "suffix", str)()), ("prefix", getattr(widget, "prefix", str)())]
    elif isinstance(widget, QProgressBar):
        texts.append(("format", widget.format()))
    elif isinstance(widget, QTabBar):
        texts += [(f"tab {i}", widget.tabText(i)) for i in range(widget.count())]
    elif isinstance(widget, QHeaderView) and widget.model() is not None:
        model, horizontal = widget.model(), widget.orientation().value == 1
        count = model.columnCount() if horizontal else model.rowCount()
        texts += [(f"header {i}", str(model.headerData(i, widget.orientation()) or "")) for i in range(count)]
    elif isinstance(widget, (QTableWidget, QTreeWidget, QListWidget)):
        model = widget.model()
        texts += [(f"cell {r},{c}", str(model.index(r, c).data() or ""))
                  for r in range(model.rowCount()) for c in range(model.columnCount())]
    return texts


def menu_texts(menu: QMenu, path: str) -> list[tuple[str, str]]:
    found = []
    for action in menu.actions():
        where = f"{path} > {action.text()}"
        found += [(where, action.text()), (f"{where} (status tip)", action.statusTip()),
                  (f"{where} (icon text)", action.iconText())]
        if action.menu() is not None:
            found += menu_texts(action.menu(), where)
    return found


def english_left(window) -> list[str]:
    """'where: "text" -> words' for every string of the shown window still in English."""
    paths = {str(e.path) for e in window.networks.entries() if e.path is not None}  # file names, shown as they are
    found = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QCoreApplication.processEvents()
        tab = window.tabs.tabText(index)
        for widget in [window, *window.findChildren(QWidget)]:
            if widget.isVisible() and not isinstance(widget, QMenu):
                name = f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()})"
                found += [(f"[{tab}] {name} {what}", text) for what, text in widget_texts(widget)]
    for action in window.menuBar().actions():
        found.append((f"menu bar > {action.text()}", action.text()))
        if action.menu() is not None:
            found += menu_texts(action.menu(), action.text())
    return [f'{where}: "{text}" -> {words}' for where, text in dict.fromkeys(found)
            if text and text not in paths and (words := english_words(text))]


@pytest.fixture
def chinese_window(qapp, qtbot, settings_dir, monkeypatch):
    """The window as it opens after choosing 简体中文 in View > Language and restarting."""
    from app.main_window import MainWindow

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    english = MainWindow()
    qtbot.addWidget(english)
    i18n.add_language_menu(english)
    next(a for a in english.language_menu.actions() if a.text() == i18n.NATIVE_NAMES["zh_CN"]).trigger()
    assert QSettings().value(i18n.SETTINGS_KEY) == "zh_CN"
    english.close()
    assert i18n.install(qapp) == "zh_CN"  # what main() does when the program starts again
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.add_default_panels()
        i18n.add_language_menu(window)
        window.resize(1024, 700)
        window.show()
        qtbot.waitExposed(window)
        yield window
        window.close()
    finally:
        i18n.install(qapp, "en")  # the other tests read English


def test_the_chinese_window_shows_no_english_but_names(chinese_window):
    assert chinese_window.tabs.tabText(0) == "绘图"
    left = english_left(chinese_window)
    assert not left, f"{len(left)} strings still in English:\n" + "\n".join(left)


def test_the_english_window_is_caught_by_the_same_walk(make_window, weights_dir):
    """The walk finds English where there is English: the test above can fail."""
    left = english_left(make_window(weights_dir))
    assert any('"&File"' in line for line in left) and any("Draw a digit" in line for line in left)


def test_the_preset_descriptions_to_translate_are_the_engines_own():
    # The form shows a translation of PRESET_TEXT; if the engine's line changes, so must this one.
    assert {name: PRESET_TEXT[name] for name in PRESET_TEXT} == {n: describe_presets()[n] for n in PRESET_TEXT}


@pytest.mark.parametrize("bad", [{"lr": 1000.0}, {"batch_size": 0}, {"batch_size": 100_000}, {"epochs": 5000},
                                 {"momentum": 1.0}, {"seed": -1}, {"weight_decay": 2.0}, {"max_train": 0}])
def test_the_engines_verdicts_on_the_form_are_translated(qapp, bad):
    from app.training import config_errors
    from model.train_config import TrainConfig

    with pytest.raises(ValueError) as error:
        TrainConfig(**bad).validate(5000)
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    try:
        shown = config_errors.translated(error.value)
    finally:
        i18n.install(qapp, "en")
    assert re.search("[\u4e00-\u9fff]", shown) and not english_words(shown), shown


def test_the_shipped_qm_is_the_ts_compiled(tmp_path):
    """A translation edited in the .ts but not compiled (`make translations`) would never reach the window."""
    lrelease = Path(PySide6.__file__).parent / "lrelease"
    if not lrelease.exists():
        pytest.skip("PySide6 ships no lrelease here")
    ts = i18n.TRANSLATIONS_DIR / "digitlab_zh_CN.ts"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(tmp_path / "fresh.qm")], check=True, timeout=120)
    assert (tmp_path / "fresh.qm").read_bytes() == (i18n.TRANSLATIONS_DIR / "digitlab_zh_CN.qm").read_bytes()
    assert 'type="unfinished"' not in ts.read_text(encoding="utf-8")


def test_every_string_in_the_code_has_a_chinese_translation(tmp_path):
    """A string added to the window after the last `make translations` would show in English."""
    lupdate = Path(PySide6.__file__).parent / "lupdate"
    if not lupdate.exists():
        pytest.skip("PySide6 ships no lupdate here")
    ts = tmp_path / "fresh.ts"
    ts.write_bytes((i18n.TRANSLATIONS_DIR / "digitlab_zh_CN.ts").read_bytes())
    root = i18n.TRANSLATIONS_DIR.parent.parent
    subprocess.run([str(lupdate), "-silent", "-extensions", "py", "-no-obsolete", "-locations", "none",
                    str(root / "app"), str(root / "model"), "-ts", str(ts)], check=True, timeout=300)
    unfinished = re.findall(r"<source>(.*?)</source>\s*<translation type=\"unfinished\"", ts.read_text("utf-8"))
    assert not unfinished, unfinished
