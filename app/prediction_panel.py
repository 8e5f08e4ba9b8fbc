"""The side panel: the predicted digit (large), its confidence, all ten bars, what the network saw."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.predictor import Prediction
from app.probability_bars import ACCENT, ProbabilityBars
from model.constants import IMAGE_SIDE as SIDE

# English sources, translated where they are shown (tests compare with these in English).
DRAW_PROMPT = QT_TRANSLATE_NOOP("PredictionPanel", "Draw a digit")
NOT_A_DIGIT = QT_TRANSLATE_NOOP("PredictionPanel", "Not a digit")
NO_NETWORK = QT_TRANSLATE_NOOP("PredictionPanel", "No network loaded — train one or open a weight file")
MUTED = "#6b7380"


class MnistPreview(QWidget):
    """The 28x28 network input, magnified with nearest-neighbour pixels (ink bright, as MNIST)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image = QImage()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_image(self, image: np.ndarray | None) -> None:
        """image: (28, 28) floats in [0, 1], ink = 1, or None to blank the preview."""
        if image is None:
            self._image = QImage()
        else:
            grey = np.ascontiguousarray(np.clip(np.asarray(image) * 255, 0, 255).astype(np.uint8))
            self._image = QImage(grey.data, SIDE, SIDE, SIDE, QImage.Format.Format_Grayscale8).copy()
        self.update()

    def has_image(self) -> bool:
        return not self._image.isNull()

    def sizeHint(self) -> QSize:
        side = self.fontMetrics().height() * 7
        return QSize(side, side)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        box = QRectF(0, 0, side, side)  # left-aligned square, under its left-aligned caption
        painter.fillRect(box, QColor("#111418"))
        if not self._image.isNull():
            # No smooth transform: each input pixel stays a crisp square.
            painter.drawImage(box, self._image)


class PredictionPanel(QWidget):
    """Shows one Prediction, a prompt to draw, or that there is no network."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.digit_label = QLabel(accessibleName=self.tr("Predicted digit"))
        self.digit_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 5.5)
        big.setWeight(QFont.Weight.DemiBold)
        self.digit_label.setFont(big)
        self.digit_label.setMinimumHeight(QFontMetrics(big).height())  # no jump between states
        self._big, self._words = big, QFont(big)
        self._words.setPointSizeF(self.font().pointSizeF() * 2.2)  # "Not a digit" fits the panel's width
        self.confidence_label = QLabel()
        self.confidence_label.setWordWrap(True)
        self.bars = ProbabilityBars()
        self.bars.setAccessibleName(self.tr("Probability of each digit"))
        self.preview = MnistPreview()
        self.preview.setAccessibleName(self.tr("What the network sees, 28 by 28 pixels"))

        layout = QVBoxLayout(self)
        layout.addWidget(_caption(self.tr("Prediction")))
        layout.addWidget(self.digit_label)
        layout.addWidget(self.confidence_label)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(_caption(self.tr("Probabilities")))
        layout.addWidget(self.bars)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(_caption(self.tr("What the network sees (28 × 28)")))
        layout.addWidget(self.preview)
        layout.addStretch(1)
        self.show_prediction(None)

    def show_prediction(self, prediction: Prediction | None) -> None:
        """Display `prediction`, or the prompt to draw when there is none."""
        if prediction is None:
            self._show_empty(self.tr(DRAW_PROMPT))
            return
        if prediction.refused:
            self.digit_label.setFont(self._words)
            self.digit_label.setText(self.tr(NOT_A_DIGIT))
            self.digit_label.setStyleSheet(f"color: {MUTED};")
            self.confidence_label.setText(self.tr("at most {0:.1f}% for any digit").format(100 * prediction.confidence))
            self.confidence_label.setStyleSheet(f"color: {MUTED};")
        else:
            self.digit_label.setFont(self._big)
            self.digit_label.setText(str(prediction.digit))
            self.digit_label.setStyleSheet(f"color: {ACCENT.name()};")
            self.confidence_label.setText(self.tr("{0:.1f}% confident").format(100 * prediction.confidence))
            self.confidence_label.setStyleSheet("")
        self.bars.set_probabilities(prediction.probabilities, muted=prediction.refused)
        self.preview.set_image(prediction.image)

    def show_no_network(self) -> None:
        self._show_empty(self.tr(NO_NETWORK))

    def shown_digit(self) -> int | None:
        """The digit on display, or None when there is no prediction or it is not a digit."""
        text = self.digit_label.text()
        return int(text) if text.isdigit() else None

    def _show_empty(self, message: str) -> None:
        self.digit_label.setFont(self._big)
        self.digit_label.setText("?")
        self.digit_label.setStyleSheet(f"color: {MUTED};")
        self.confidence_label.setText(message)
        self.confidence_label.setStyleSheet(f"color: {MUTED};")
        self.bars.set_probabilities(None)
        self.preview.set_image(None)


def _caption(text: str) -> QLabel:
    """A small, muted, upper-case section heading."""
    label = QLabel(text.upper())
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.85)
    font.setWeight(QFont.Weight.DemiBold)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
    label.setFont(font)
    label.setStyleSheet(f"color: {MUTED};")
    return label
