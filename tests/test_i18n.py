"""The translation machinery: the system locale picks a translation, the View > Language menu remembers a choice."""
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QMessageBox

from app import i18n

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="zh_CN">
<context><name>Language</name>
<message><source>System default</source><translation>跟随系统</translation></message>
</context></TS>
"""


@pytest.fixture
def zh_folder(tmp_path, qapp):
    """A translations folder holding a one-string Simplified Chinese translation, compiled by Qt's lrelease."""
    import PySide6

    lrelease = Path(PySide6.__file__).parent / "lrelease"
    if not lrelease.exists():
        pytest.skip("PySide6 ships no lrelease here")
    (tmp_path / "digitlab_zh_CN.ts").write_text(TS, encoding="utf-8")
    subprocess.run([str(lrelease), "-silent", str(tmp_path / "digitlab_zh_CN.ts")], check=True, timeout=60)
    yield tmp_path
    i18n.install(qapp, "en", tmp_path)  # back to English for the other tests


def test_the_system_locale_picks_an_available_translation(zh_folder, tmp_path):
    assert i18n.available(zh_folder) == ["en", "zh_CN"]
    assert i18n.resolve("", QLocale("zh_CN"), zh_folder) == "zh_CN"
    assert i18n.resolve("", QLocale("de_DE"), zh_folder) == "en"
    assert i18n.resolve("en", QLocale("zh_CN"), zh_folder) == "en"  # the user's choice wins
    assert i18n.resolve("", QLocale("zh_CN"), tmp_path / "none") == "en"  # no file: English, not boxes


def test_installing_a_translation_changes_the_strings_and_english_restores_them(zh_folder, qapp):
    assert i18n.install(qapp, "zh_CN", zh_folder) == "zh_CN"
    assert QCoreApplication.translate("Language", "System default") == "跟随系统"
    assert i18n.install(qapp, "en", zh_folder) == "en"
    assert QCoreApplication.translate("Language", "System default") == "System default"


def test_the_language_menu_remembers_the_choice_and_offers_a_restart(make_window, weights_dir, zh_folder,
                                                                    monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or
                                                              QMessageBox.StandardButton.No))
    window = make_window(weights_dir)
    i18n.add_language_menu(window, zh_folder)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[-2:] == ["&View", "&Help"]
    actions = window.language_menu.actions()
    assert [a.text() for a in actions] == ["System default", "English", "简体中文"]
    assert actions[0].isChecked()
    actions[2].trigger()
    assert QSettings().value(i18n.SETTINGS_KEY) == "zh_CN" and len(asked) == 1 and "Restart" in asked[0]
    assert window.isVisible()  # "No": nothing restarts
