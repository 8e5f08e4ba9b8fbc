"""The Train tab's status line: it wraps as a label does, and a new text does not lay out the whole tab."""
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from app.training.status_line import StatusLine
from tests.helpers import show_widget

SHORT = "Epoch 1/5, batch 10/781"
LONG = "Epoch 1/5, batch 10/781  ·  loss 0.512  ·  validation 91.2%  ·  35,000 images/s" * 3


class LayoutRequests(QObject):
    """Counts the layout requests that reach a widget."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def tab(qtbot):
    """A narrow column as on the Train tab: the status line between two other widgets."""
    column = QWidget()
    layout = QVBoxLayout(column)
    line = StatusLine(SHORT)
    layout.addWidget(QProgressBar())
    layout.addWidget(line)
    layout.addWidget(QProgressBar())
    layout.addStretch(1)
    show_widget(qtbot, column, 260, 300)
    return column, line


def test_a_text_that_needs_more_lines_gets_them_and_gives_them_back(qtbot):
    column, line = tab(qtbot)
    one_line = line.height()
    line.setText(LONG)
    qtbot.waitUntil(lambda: line.height() > 2 * one_line)
    assert line.label.height() == line.height() and line.text() == LONG  # all of it shown, wrapped
    line.setText(SHORT)
    qtbot.waitUntil(lambda: line.height() == one_line)


def test_a_new_text_of_the_same_height_repaints_the_line_alone(qtbot):
    column, line = tab(qtbot)
    qtbot.wait(10)  # showing it laid it out
    requests = LayoutRequests()
    column.installEventFilter(requests)
    for batch in range(11, 41):
        line.setText(f"Epoch 1/5, batch {batch}/781")
        qtbot.wait(1)
    assert requests.count == 0 and line.text() == "Epoch 1/5, batch 40/781"


def test_a_text_set_while_hidden_is_laid_out_when_shown(qtbot):
    column, line = tab(qtbot)
    one_line = line.height()
    column.hide()
    line.setText(LONG)
    column.show()
    qtbot.waitUntil(lambda: line.height() > 2 * one_line)
