"""The current network's misread MNIST test digits, most confident first; a click draws one on the canvas."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QProgressBar, QVBoxLayout, QWidget

from app.inside.colours import grey_image, rgb_image
from app.inside.mistakes_worker import Mistakes, MistakesRunner

ICON_LINES = 3.5  # a digit's picture, in text lines


class MistakesGallery(QWidget):
    """Search in the background when asked (show_network), then a grid of "true → read" pictures.

    `chosen` carries the clicked digit, uint8 (28, 28) MNIST style, for the canvas.
    """

    chosen = Signal(object)
    ready = Signal()  # the gallery is filled

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._net = None
        self.mistakes: Mistakes | None = None
        self.runner = MistakesRunner(self)
        self.summary = QLabel(wordWrap=True)
        self.progress = QProgressBar()
        self.list = QListWidget(viewMode=QListView.ViewMode.IconMode, resizeMode=QListView.ResizeMode.Adjust,
                                movement=QListView.Movement.Static, uniformItemSizes=True)
        metrics = self.fontMetrics()
        side = round(metrics.height() * ICON_LINES)
        self.list.setIconSize(QSize(side, side))
        cell = max(side, metrics.horizontalAdvance("8 → 8  100%")) + metrics.height()
        self.list.setGridSize(QSize(cell, side + round(metrics.height() * 1.8)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.list, 1)
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._fill)
        self.runner.failed.connect(
            lambda msg: self._say(self.tr("Could not read MNIST test: {error}").format(error=msg)))
        self.list.itemClicked.connect(self._on_clicked)

    def show_network(self, net, name: str) -> None:
        """Search `net`'s mistakes unless they are already shown; `net` must be a copy no one else uses."""
        if net is None:
            self.runner.shutdown()
            self._net, self.mistakes = None, None
            self.list.clear()
            self._say(self.tr("No network loaded."))
            return
        self._net, self._name, self.mistakes = net, name, None
        self.list.clear()
        self.progress.setValue(0)
        self.progress.show()
        self.summary.setText(self.tr("Reading the 10,000 MNIST test digits with {network} to find its mistakes…")
                             .format(network=name))
        self.runner.start(net)

    def forget(self) -> None:
        """Drop the mistakes shown or being searched: the network changed."""
        self.runner.shutdown()
        self.mistakes = None
        self.list.clear()

    def is_searching(self) -> bool:
        return self.runner.is_running()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _say(self, text: str) -> None:
        self.progress.hide()
        self.summary.setText(text)

    def _fill(self, mistakes: Mistakes) -> None:
        self.mistakes = mistakes
        if mistakes.total == len(mistakes.labels):
            text = self.tr("{network} misreads {n} of {tested} MNIST test digits, most confident first. "
                           "Click one to put it on the canvas and look inside.")
        else:
            text = self.tr("{network} misreads {n} of {tested} MNIST test digits; the {shown} most confident "
                           "shown, most confident first. Click one to put it on the canvas and look inside.")
        self._say(text.format(network=self._name, n=mistakes.total, tested=f"{mistakes.tested:,}",
                              shown=len(mistakes.labels)))
        for k in range(len(mistakes.labels)):
            picture = self._picture(mistakes.images[k])
            item = QListWidgetItem(QIcon(picture), f"{mistakes.labels[k]} → {mistakes.read[k]}  "
                                                   f"{100 * mistakes.confidence[k]:.0f}%")
            item.setData(Qt.ItemDataRole.UserRole, k)
            item.setToolTip(self.tr("MNIST test #{index}: a {label} read as {read} with {percent}% confidence")
                            .format(index=mistakes.indices[k], label=mistakes.labels[k], read=mistakes.read[k],
                                    percent=f"{100 * mistakes.confidence[k]:.1f}"))
            self.list.addItem(item)
        self.ready.emit()

    def _picture(self, image: np.ndarray) -> QPixmap:
        """The digit dark on white at the icon's size in device pixels (an icon never scales up)."""
        ratio = self.devicePixelRatioF()
        side = round(self.list.iconSize().width() * ratio)
        picture = QPixmap.fromImage(rgb_image(grey_image(image / np.float32(255)))).scaled(
            side, side, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        picture.setDevicePixelRatio(ratio)
        return picture

    def _on_clicked(self, item: QListWidgetItem) -> None:
        self.chosen.emit(self.mistakes.images[item.data(Qt.ItemDataRole.UserRole)].copy())

    def click(self, k: int) -> None:
        """Click the k-th picture, as the user would."""
        self.list.itemClicked.emit(self.list.item(k))

    def shutdown(self) -> None:
        self.runner.shutdown()
