"""Which pixels decided: signed evidence for a class overlaid on the 28x28 image the network saw.

A class picker answers "why not 7?"; the method picker says which map is shown
(gradient × input, or the plain gradient of the class score).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.inside.colours import overlay, rgb_image
from model.explain import DEFAULT_METHOD, SALIENCY_METHODS
from model.text import translate

CLASSES = 10
READ = -1  # the picker's "the digit read" entry
FRAME = QColor("#c9ced6")
EXPLAIN = {
    "gradient_x_input": QT_TRANSLATE_NOOP("SaliencyView", "d(score of {d}) / d(pixel) × pixel: what the ink that is "
                                          "there did. Red raised the score of {d}, blue lowered it."),
    "gradient": QT_TRANSLATE_NOOP("SaliencyView", "d(score of {d}) / d(pixel): where more ink would raise (red) or "
                                  "lower (blue) the score of {d}, on the paper too."),
}


class PixelImage(QWidget):
    """An RGB array drawn as a square of crisp pixels."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image = None
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_rgb(self, rgb: np.ndarray | None) -> None:
        self._image = None if rgb is None else rgb_image(rgb)
        self.update()

    def sizeHint(self) -> QSize:
        side = self.fontMetrics().height() * 13
        return QSize(side, side)

    def minimumSizeHint(self) -> QSize:
        side = self.fontMetrics().height() * 8
        return QSize(side, side)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height()) - 2
        square = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        painter.fillRect(square, QColor("white"))
        if self._image is not None:
            painter.drawImage(square, self._image)
        painter.setPen(FRAME)
        painter.drawRect(square)


class SaliencyView(QWidget):
    """The overlay, the class and method pickers and a sentence on how to read the colours."""

    choice_changed = Signal()  # the class or the method picked changed: compute again

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel("<b>{}</b>".format(self.tr("Which pixels decided")))
        self.image = PixelImage()
        self.digit_box = QComboBox()
        self.digit_box.addItem(self.tr("the digit read"), READ)
        for d in range(CLASSES):
            self.digit_box.addItem(self.tr("{d}  (why {d}? why not {d}?)").format(d=d), d)
        self.method_box = QComboBox()
        for key, name in SALIENCY_METHODS.items():
            self.method_box.addItem(translate("Explain", name), key)
        self.method_box.setCurrentIndex(list(SALIENCY_METHODS).index(DEFAULT_METHOD))
        self.legend = QLabel(wordWrap=True)
        form = QFormLayout()
        form.addRow(self.tr("Evidence for"), self.digit_box)
        form.addRow(self.tr("Map"), self.method_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.image, 1)
        layout.addLayout(form)
        layout.addWidget(self.legend)
        self.digit_box.currentIndexChanged.connect(self.choice_changed)
        self.method_box.currentIndexChanged.connect(self.choice_changed)

    def target(self, read: int) -> int:
        """The class to explain: the one picked, or the digit read."""
        picked = self.digit_box.currentData()
        return read if picked == READ else int(picked)

    def method(self) -> str:
        return self.method_box.currentData()

    def pick(self, digit: int | None, method: str | None = None) -> None:
        """Select a class (None: the digit read) and optionally a method, as the user would."""
        self.digit_box.setCurrentIndex(0 if digit is None else digit + 1)
        if method is not None:
            self.method_box.setCurrentIndex(list(SALIENCY_METHODS).index(method))

    def show_evidence(self, image: np.ndarray | None, evidence: np.ndarray | None, digit: int | None) -> None:
        if image is None or evidence is None:
            self.image.set_rgb(None)
            self.legend.setText(self.tr("Draw a digit to see which pixels count for or against each class."))
            return
        self.image.set_rgb(overlay(image, evidence))
        method = translate("Explain", SALIENCY_METHODS[self.method()])
        self.legend.setText(self.tr("Shown: <b>{method}</b> for {d}.").format(method=method, d=digit) + " "
                            + QCoreApplication.translate("SaliencyView", EXPLAIN[self.method()]).format(d=digit))
