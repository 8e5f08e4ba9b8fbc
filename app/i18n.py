"""Which language the window speaks: Qt translators chosen by the system locale or the View > Language menu.

Translations are compiled Qt files, app/translations/digitlab_<code>.qm, shipped
with the package (setup.py). English is the source language and needs no file.
A language chosen in the menu is remembered and applies from the next start;
the menu offers to restart at once. The command line stays in English.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QProcess, QSettings, QTranslator
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from app import plot_text
from model import text as model_text

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
SETTINGS_KEY = "ui/language"  # "" follows the system
SOURCE_LANGUAGE = "en"
NATIVE_NAMES = {"en": "English", "zh_CN": "简体中文"}  # each in its own language, so anyone finds theirs


def available(folder: Path = TRANSLATIONS_DIR) -> list[str]:
    """English, then every language with a compiled translation in `folder`."""
    found = sorted(p.stem.removeprefix("digitlab_") for p in Path(folder).glob("digitlab_*.qm"))
    return [SOURCE_LANGUAGE, *found]


def resolve(choice: str, system: QLocale, folder: Path = TRANSLATIONS_DIR) -> str:
    """The language to show: the user's choice if it is available, else the system's closest, else English."""
    languages = available(folder)
    if choice in languages:
        return choice
    for name in system.uiLanguages():  # "zh-Hans-CN", "zh-CN", "zh", "en-US"...
        locale = QLocale(name)
        for code in (locale.name(), QLocale.languageToCode(locale.language())):
            if code in languages:
                return code
    return SOURCE_LANGUAGE


def install(app: QCoreApplication, choice: str | None = None, folder: Path = TRANSLATIONS_DIR) -> str:
    """Install the translators for `choice` (default: the saved one) and return the language shown."""
    if choice is None:
        choice = str(QSettings().value(SETTINGS_KEY, "", type=str))
    for old in getattr(app, "_digitlab_translators", []):
        app.removeTranslator(old)
    code = resolve(choice, QLocale.system(), folder)
    translators = []
    if code != SOURCE_LANGUAGE:
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, where in ((f"digitlab_{code}", folder), (f"qtbase_{code}", qt_dir)):  # ours, then Qt's buttons
            translator = QTranslator(app)
            if translator.load(name, str(where)) and app.installTranslator(translator):
                translators.append(translator)
    app._digitlab_translators = translators
    if translators and plot_text.needs_cjk(NATIVE_NAMES.get(code, "")):
        plot_text.cjk_family()  # the plots' CJK font, found once here on the GUI thread, not mid-plot in a worker
    # model/ draws plots and names experiments for the window; it translates through this hook, which
    # picks a CJK font for its plots, or keeps them English when none is installed.
    model_text.install(plot_text.translate if translators else None)
    return code


def add_language_menu(window, folder: Path = TRANSLATIONS_DIR) -> None:
    """A View > Language menu: follow the system, or one of the available languages."""
    bar = window.menuBar()
    view = QMenu(QCoreApplication.translate("Language", "&View"), bar)
    last = bar.actions()[-1:]  # Help stays last
    bar.insertMenu(last[0], view) if last else bar.addMenu(view)
    menu = view.addMenu(QCoreApplication.translate("Language", "&Language"))
    group = QActionGroup(menu, exclusive=True)
    saved = str(QSettings().value(SETTINGS_KEY, "", type=str))
    for code in ["", *available(folder)]:
        system = QCoreApplication.translate("Language", "System default")
        action = menu.addAction(system if code == "" else NATIVE_NAMES.get(code, code))
        action.setCheckable(True)
        action.setChecked(code == saved)
        action.triggered.connect(lambda _=False, code=code: choose(window, code))
        group.addAction(action)
    window.language_menu = menu


def choose(window, code: str) -> None:
    """Remember `code` ("" = the system's) and offer to restart, which is when the window changes language."""
    settings = QSettings()
    if str(settings.value(SETTINGS_KEY, "", type=str)) == code:
        return
    settings.setValue(SETTINGS_KEY, code)
    settings.sync()
    title = QCoreApplication.translate("Language", "Language")
    text = QCoreApplication.translate("Language", "DigitLab shows the new language when it starts again. Restart now?")
    answer = QMessageBox.question(window, title, text)
    if answer == QMessageBox.StandardButton.Yes and QProcess.startDetached(sys.executable, ["-m", "app"]):
        window.close()
