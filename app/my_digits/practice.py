"""Practice mode: DigitLab asks for the digit it has fewest of; Enter (or Keep) stores the drawing and asks again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.my_digits.keeper import Keeper

STYLE = "QFrame#practice { background: #eef3fd; border: 1px solid #c9d7f3; border-radius: 8px; }"


class PracticeBar(QFrame):
    """Shown above the canvas while practising: the digit asked for, counts per digit, Keep and Stop."""

    def __init__(self, keeper: Keeper, parent=None):
        super().__init__(parent, objectName="practice")
        self.setStyleSheet(STYLE)
        self.keeper = keeper
        self.asked = keeper.store.fewest()
        self.prompt = QLabel()
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.6)
        big.setWeight(QFont.Weight.DemiBold)
        self.prompt.setFont(big)
        self.counts = QLabel(textFormat=Qt.TextFormat.RichText)
        self.keep_button = QPushButton(self.tr("Keep"), toolTip=self.tr("Store the drawing as the digit asked for "
                                                                        "(Enter)"))
        self.keep_button.clicked.connect(self.keep)
        self.stop_button = QPushButton(self.tr("Stop practising"))
        self.stop_button.clicked.connect(self.stop)
        column = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.prompt, 1)
        row.addWidget(self.keep_button)
        row.addWidget(self.stop_button)
        column.addLayout(row)
        column.addWidget(self.counts)  # its own line: ten counts do not fit beside the buttons
        self.enter = QAction(self.tr("Keep (practice)"), self)
        self.enter.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.enter.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.enter.triggered.connect(self.keep)
        keeper.window.draw_page.addAction(self.enter)
        keeper.changed.connect(self.refresh)
        keeper.taken_back.connect(self._ask_again)
        self.enter.setEnabled(False)  # Enter means Keep only while practising
        self.hide()

    def start(self) -> None:
        self.asked = self.keeper.store.fewest()
        self.refresh()
        self.show()
        self.enter.setEnabled(True)
        self.keeper.window.tabs.setCurrentIndex(0)
        self.keeper.window.canvas.setFocus()

    def stop(self) -> None:
        self.hide()
        self.enter.setEnabled(False)

    def is_practising(self) -> bool:
        return not self.isHidden()

    def keep(self) -> None:
        """Store the drawing as the digit asked for, clear the canvas, ask for the one with fewest samples."""
        if self.keeper.keep(self.asked, clear=True) is not None:
            self.asked = self._next()
            self.refresh()

    def _ask_again(self, digit: int) -> None:
        """A keep was taken back: ask for that digit again (its drawing is back on the canvas)."""
        if self.is_practising():
            self.asked = digit
            self.refresh()

    def _next(self) -> int:
        """The digit with fewest samples; on a tie the next one after the digit just asked."""
        counts = self.keeper.store.counts()
        fewest = [d for d in range(10) if counts[d] == counts.min()]
        return next((d for d in fewest if d > self.asked), fewest[0])

    def refresh(self) -> None:
        counts = self.keeper.store.counts()
        self.prompt.setText(self.tr("Draw a {digit}").format(digit=self.asked))
        cells = [f"<b>{d}:&nbsp;{c}</b>" if d == self.asked else f"{d}:&nbsp;{c}" for d, c in enumerate(counts)]
        self.counts.setText(self.tr("kept so far") + " &nbsp;" + " &nbsp;·&nbsp; ".join(cells))
