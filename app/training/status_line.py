"""The Train tab's status line: a word-wrapping label whose new text does not lay out the whole window.

A QLabel's setText asks its parent's layout to recompute, and each layout
that recomputes asks its own parent's: up to the main window, 2.5 ms of the
GUI thread per change (measured offscreen), ten times a second while a run
trains, all taken from the training on a two-core machine. Here the label
sits in a box without a layout: its request stops at the box, which passes
it on only when the label needs another height (a line more or less) or a
wider minimum. A new text otherwise repaints the label alone (0.1 ms).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class StatusLine(QWidget):
    """A word-wrapping QLabel (`label`) in a box; text() and setText() as a QLabel's."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel(text, self, wordWrap=True)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._asked = self._needs()  # what the layout was last told

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:  # Qt's name, as QLabel's
        self.label.setText(text)
        if not self.isVisible():  # the label asks nothing of a hidden box: showEvent checks
            return
        # The label's request reaches event() later; the height is checked here at once, so that
        # a status line that grows a line is laid out before it is painted.
        self._pass_on_if_changed()

    def _needs(self) -> tuple[int, QSize]:
        return self.label.heightForWidth(max(self.width(), 1)), self.label.minimumSizeHint()

    def _pass_on_if_changed(self) -> None:
        needs = self._needs()
        if needs != self._asked:
            self._asked = needs
            self.updateGeometry()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # posted by the label, which has no layout above it
            self._pass_on_if_changed()
        return super().event(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._pass_on_if_changed()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())
        self._asked = self._needs()  # the layout just sized the box for this width

    def sizeHint(self) -> QSize:
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(width)
