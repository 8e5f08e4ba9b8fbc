"""Keep the drawing as a labelled sample of My digits in one action, and take it back.

On the Draw tab a digit key 0-9, or a click on a probability row, keeps the
canvas as a sample of that digit. Undo is one ordered stack: Ctrl+Z takes
back the last keep when the keep is the latest thing done, otherwise it
undoes a stroke as before (a stroke drawn after a keep comes first).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence

from app.data_folder import data_folder
from model.data.preprocess import to_mnist
from model.my_digits import MyDigits, Sample

STATUS_MS = 6000
NAMES = (QT_TRANSLATE_NOOP("MyDigits", "zero"), QT_TRANSLATE_NOOP("MyDigits", "one"),
         QT_TRANSLATE_NOOP("MyDigits", "two"), QT_TRANSLATE_NOOP("MyDigits", "three"),
         QT_TRANSLATE_NOOP("MyDigits", "four"), QT_TRANSLATE_NOOP("MyDigits", "five"),
         QT_TRANSLATE_NOOP("MyDigits", "six"), QT_TRANSLATE_NOOP("MyDigits", "seven"),
         QT_TRANSLATE_NOOP("MyDigits", "eight"), QT_TRANSLATE_NOOP("MyDigits", "nine"))
PLURALS = (QT_TRANSLATE_NOOP("MyDigits", "zeros"), QT_TRANSLATE_NOOP("MyDigits", "ones"),
           QT_TRANSLATE_NOOP("MyDigits", "twos"), QT_TRANSLATE_NOOP("MyDigits", "threes"),
           QT_TRANSLATE_NOOP("MyDigits", "fours"), QT_TRANSLATE_NOOP("MyDigits", "fives"),
           QT_TRANSLATE_NOOP("MyDigits", "sixes"), QT_TRANSLATE_NOOP("MyDigits", "sevens"),
           QT_TRANSLATE_NOOP("MyDigits", "eights"), QT_TRANSLATE_NOOP("MyDigits", "nines"))


def default_my_digits_dir() -> Path:
    """My digits live in the user's DigitLab data folder, beside the experiments' results."""
    return data_folder() / "my-digits"


def plural(digit: int, count: int) -> str:
    """"1 seven", "2 sevens" (in Chinese "2 个 7": each word is translated whole)."""
    noun = QCoreApplication.translate("MyDigits", NAMES[digit] if count == 1 else PLURALS[digit])
    return QCoreApplication.translate("MyDigits", "{count} {digit}").format(count=count, digit=noun)


class Keeper(QObject):
    """The window's My digits store and the keep / undo-keep actions of the Draw tab."""

    changed = Signal()  # the set on disk changed: kept, taken back, deleted, relabelled, imported
    taken_back = Signal(int)  # the label of a keep just undone

    def __init__(self, window, store: MyDigits):
        super().__init__(window)
        self.window, self.store = window, store
        self._last: tuple[Sample, bool] | None = None  # (sample, whether keeping cleared the canvas)
        self.digit_actions = [self._action(self.tr("Keep as {d}").format(d=d), str(d),
                                           lambda _=False, d=d: self.keep(d))
                              for d in range(10)]
        window.draw_page.addActions(self.digit_actions)
        window.panel.bars.row_clicked.connect(self.keep)
        window.panel.bars.setToolTip(self.tr("Click a digit's row (or press its key) to keep the drawing as that "
                                             "digit"))
        undo = window.actions.undo
        undo.triggered.disconnect()
        undo.triggered.connect(self.undo)
        window.canvas.changed.connect(self._forget_last)

    def _action(self, text: str, key: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        return action

    def keep(self, digit: int, clear: bool = False) -> Sample | None:
        """Keep the canvas as a sample of `digit` (then clear the canvas if asked); None if nothing kept."""
        canvas = self.window.canvas
        drawing = canvas.to_array()
        if canvas.is_empty() or to_mnist(drawing) is None:
            self._say(self.tr("Draw a digit first, then press its key to keep it"))
            return None
        try:
            sample = self.store.add(drawing, digit)
        except (OSError, ValueError) as exc:
            self._say(self.tr("Could not keep the drawing: {error}").format(error=exc))
            return None
        if clear:
            canvas.clear()
        self._last = (sample, clear)
        count = int(self.store.counts()[digit])
        self._say(self.tr("Kept as {digit} in My digits ({count}); Ctrl+Z takes it back").format(
            digit=digit, count=plural(digit, count)))
        self.changed.emit()
        return sample

    def undo(self) -> None:
        """Take back the last keep if nothing was drawn since; otherwise undo a stroke."""
        if self._last is None:
            self.window.canvas.undo()
            return
        (sample, cleared), self._last = self._last, None
        try:
            self.store.remove(sample)
        except OSError as exc:
            self._say(self.tr("Could not take back the sample: {error}").format(error=exc))
            return
        if cleared:
            self.window.canvas.undo()  # the drawing comes back, to keep again
        self._say(self.tr("Took back the {digit} just kept").format(digit=sample.label))
        self.changed.emit()
        self.taken_back.emit(sample.label)

    def can_undo_keep(self) -> bool:
        return self._last is not None

    def _forget_last(self) -> None:
        """An edit after the keep: Ctrl+Z now undoes that edit first. (keep() clears before it records.)"""
        self._last = None

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, STATUS_MS)
