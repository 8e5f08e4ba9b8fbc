"""My digits in the window: keep corrected drawings, practise, look after the set, fine-tune on it."""

from __future__ import annotations

import re
from types import SimpleNamespace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton

from app.my_digits.finetune_run import FinetuneLauncher
from app.my_digits.keeper import Keeper, default_my_digits_dir
from app.my_digits.practice import PracticeBar
from app.my_digits.view import MyDigitsView
from model.my_digits import MyDigits

HINT = QT_TRANSLATE_NOOP("MyDigits", "Misread? Press the right digit key, or click its row, to keep the drawing in "
                                     "My digits")



def install(window, folder=None) -> SimpleNamespace:
    """Add My digits to `window`: digit keys and row clicks keep, a practice bar above the
    canvas, the My digits tab and menu. Returns the parts (keeper, practice, view)."""
    keeper = Keeper(window, MyDigits(folder if folder is not None else default_my_digits_dir()))
    practice = PracticeBar(keeper)
    window.draw_column.insertWidget(0, practice)
    window.draw_column.addWidget(QLabel(QCoreApplication.translate("MyDigits", HINT), objectName="hint", wordWrap=True,
                                        alignment=Qt.AlignmentFlag.AlignCenter))
    view = MyDigitsView(keeper, window.networks)
    view.practice_button.clicked.connect(practice.start)
    window.add_panel(QCoreApplication.translate("MyDigits", "My digits"), view)
    menu = window.menuBar().addMenu(QCoreApplication.translate("MyDigits", "&My digits"))
    menu.addAction(QCoreApplication.translate("MyDigits", "&Practise"), QKeySequence("Ctrl+Shift+P"), practice.start)
    menu.addAction(QCoreApplication.translate("MyDigits", "&Show My digits"),
                   lambda: window.tabs.setCurrentWidget(view))
    menu.addSeparator()
    menu.addAction(QCoreApplication.translate("MyDigits", "&Import…"), view.ask_import)
    menu.addAction(QCoreApplication.translate("MyDigits", "&Export…"), view.ask_export)
    launcher = None
    if getattr(window, "training", None) is not None:  # the Train tab runs the fine-tune
        launcher = FinetuneLauncher(window, keeper)
        menu.addSeparator()
        for text, slot in ((QCoreApplication.translate("MyDigits", "&Fine-tune on my digits"), launcher.start),
                           (QCoreApplication.translate("MyDigits", "&Revert to the network from before"),
                            launcher.revert)):
            menu.addAction(text, slot)
            button = QPushButton(re.sub(r"\(&\w\)|&", "", text))  # no mnemonic: "&Fine-tune", "微调(&F)"
            button.clicked.connect(slot)
            view.controls.insertWidget(view.controls.count() - 1, button)
    return SimpleNamespace(keeper=keeper, practice=practice, view=view, finetune=launcher)
