"""Keep the main window usable on any screen: inside the screen, and its toolbar never overflowing.

A geometry saved on a bigger screen is clamped to the one the window opens on,
and the window is never narrower than its toolbar needs, so the network
picker and the actions stay on the toolbar instead of behind its "»" button.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, QTimer
from PySide6.QtWidgets import QComboBox, QSizePolicy, QToolBar, QWidget

PICKER_MIN_CHARS = 12  # the picker shrinks to this before anything leaves the toolbar


def clamped(rect: QRect, area: QRect, minimum: QSize) -> QRect:
    """`rect` moved and shrunk to lie within `area`, but never below `minimum`."""
    width = max(min(rect.width(), area.width()), minimum.width())
    height = max(min(rect.height(), area.height()), minimum.height())
    x = max(area.left(), min(rect.left(), area.left() + area.width() - width))
    y = max(area.top(), min(rect.top(), area.top() + area.height() - height))
    return QRect(x, y, width, height)


def smallest_width(widget: QWidget) -> int:
    """The narrowest a layout makes `widget`, shown or not (Qt's qSmartMinSize, horizontally)."""
    if widget.minimumWidth() > 0:
        return widget.minimumWidth()
    hint, smallest = widget.sizeHint().width(), widget.minimumSizeHint().width()
    if widget.sizePolicy().horizontalPolicy().value & QSizePolicy.PolicyFlag.ShrinkFlag.value:
        return max(smallest, 0)
    return max(hint, smallest, 0)


def toolbar_width_needed(bar: QToolBar) -> int:
    """The width `bar` needs to show every item, each at its smallest, without the overflow button."""
    items = [bar.widgetForAction(a) for a in bar.actions() if a.isVisible()]
    widths = [smallest_width(w) for w in items if w is not None]
    margins = bar.layout().contentsMargins()
    return sum(widths) + bar.layout().spacing() * max(len(widths) - 1, 0) + margins.left() + margins.right()


def let_picker_shrink(picker: QComboBox) -> None:
    """The picker keeps its preferred width but gives way first when the window is narrow."""
    picker.setMinimumWidth(picker.fontMetrics().horizontalAdvance("x") * PICKER_MIN_CHARS
                           + picker.iconSize().width())


def clamp_to_screen(window: QWidget) -> None:
    """Move and shrink `window`, title bar and borders included, into its screen's free area."""
    screen = window.screen()
    if screen is None:
        return
    inner, outer = window.geometry(), window.frameGeometry()  # no title bar or borders known before show
    room = screen.availableGeometry().adjusted(inner.left() - outer.left(), inner.top() - outer.top(),
                                               inner.right() - outer.right(), inner.bottom() - outer.bottom())
    inside = clamped(inner, room, window.minimumSizeHint().boundedTo(room.size()))
    if inside != inner:
        window.setGeometry(inside)


class _ClampWhenShown(QObject):
    """Clamps once more after the first show, when the title bar and borders are known.

    Only a size it chose itself: a window resized in code before showing keeps that size.
    """

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._size = window.size()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            if watched.size() == self._size:  # dropped below if the window goes first
                QTimer.singleShot(0, watched, lambda: clamp_to_screen(watched))
        return False


def fit_to_screen(window: QWidget, toolbar: QToolBar, picker: QComboBox) -> None:
    """Keep `toolbar` whole (the window grows no narrower than it needs) and clamp `window` to its screen."""
    let_picker_shrink(picker)
    screen = window.screen()
    needed = toolbar_width_needed(toolbar)
    toolbar.setMinimumWidth(needed if screen is None else min(needed, screen.availableGeometry().width()))
    clamp_to_screen(window)
    window.installEventFilter(_ClampWhenShown(window))


def fit_to_contents(widget: QWidget) -> None:
    """Resize `widget` (a dialog whose table just filled) to what its contents ask for, within its screen."""
    screen = widget.screen()
    wanted = widget.sizeHint().expandedTo(widget.minimumSizeHint())
    if screen is not None:
        wanted = wanted.boundedTo(screen.availableGeometry().size())
    if wanted != widget.size():
        widget.resize(wanted)
        clamp_to_screen(widget)
