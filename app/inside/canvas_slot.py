"""Borrow a widget into another layout and give it back to the very place it came from.

The Inside tab shows the Draw tab's canvas while it is open, so the user draws
there and watches the layers follow; the two tabs are never visible together.
"""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget


def _find(layout: QLayout, widget: QWidget) -> tuple[QBoxLayout, int] | None:
    """The box layout holding `widget` and its position there, searching nested layouts."""
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget and isinstance(layout, QBoxLayout):
            return layout, i
        if item.layout() is not None:
            found = _find(item.layout(), widget)
            if found is not None:
                return found
    return None


class WidgetSlot:
    """A place in `layout` (a box layout) that can hold a borrowed widget."""

    def __init__(self, layout: QBoxLayout, stretch: int = 1):
        self._layout, self._stretch = layout, stretch
        self._home: tuple[QBoxLayout, int, int] | None = None
        self._widget: QWidget | None = None

    def borrow(self, widget: QWidget) -> None:
        if self._widget is not None or widget.parentWidget() is None:
            return
        found = _find(widget.parentWidget().layout(), widget)
        if found is None:
            return
        layout, index = found
        self._home = (layout, index, layout.stretch(index))
        self._widget = widget
        self._layout.insertWidget(0, widget, self._stretch)
        widget.show()

    def give_back(self) -> None:
        if self._widget is None:
            return
        layout, index, stretch = self._home
        layout.insertWidget(index, self._widget, stretch)
        self._widget.show()
        self._widget, self._home = None, None

    def holds(self) -> bool:
        return self._widget is not None
