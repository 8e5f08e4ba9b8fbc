"""The My digits tab: every kept sample grouped by digit, with the current network's reading.

A sample the network misreads is marked in red with what it read. Select
samples to delete them or give them another label; export or import the
whole set as a folder or a zip (PNG files + labels.csv).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.my_digits.keeper import Keeper, plural
from model.my_digits import DigitSetError

THUMB = 56
WRONG = QColor("#d64545")
SAMPLE_ROLE = Qt.ItemDataRole.UserRole


class MyDigitsView(QWidget):
    """Gallery, counts, delete / relabel, import / export; the network comes from `networks`."""

    def __init__(self, keeper: Keeper, networks, parent=None):
        super().__init__(parent)
        self.keeper, self.networks = keeper, networks
        self.summary = QLabel(wordWrap=True)
        self.message = QLabel(wordWrap=True)
        self.practice_button = QPushButton(self.tr("Practise…"), toolTip=self.tr("DigitLab asks for digits; Enter "
                                                                                 "keeps each"))
        self.delete_button = QPushButton(self.tr("Delete"), toolTip=self.tr("Delete the selected samples"))
        self.relabel_box = QComboBox(toolTip=self.tr("Give the selected samples another digit"))
        self.relabel_box.addItems([self.tr("Relabel as…"), *map(str, range(10))])
        self.import_button, self.export_button = QPushButton(self.tr("Import…")), QPushButton(self.tr("Export…"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.relabel_box.activated.connect(lambda i: i and self.relabel_selected(i - 1))
        self.import_button.clicked.connect(self.ask_import)
        self.export_button.clicked.connect(self.ask_export)
        self.lists = [self._digit_list() for _ in range(10)]
        self.headers = [QLabel() for _ in range(10)]
        self.controls = QHBoxLayout()
        for w in (self.practice_button, self.delete_button, self.relabel_box, self.import_button, self.export_button):
            self.controls.addWidget(w)
        self.controls.addStretch(1)
        gallery = QWidget()
        rows = QVBoxLayout(gallery)
        for header, lst in zip(self.headers, self.lists):
            rows.addWidget(header)
            rows.addWidget(lst)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(gallery)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self.controls)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        self._stale = True
        keeper.changed.connect(self._changed)
        networks.current_changed.connect(lambda _entry: self._changed())

    def _digit_list(self) -> QListWidget:
        lst = QListWidget(viewMode=QListView.ViewMode.IconMode, flow=QListView.Flow.LeftToRight,
                          wrapping=False, movement=QListView.Movement.Static)
        lst.setIconSize(QSize(THUMB, THUMB))
        lst.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        lst.setFixedHeight(THUMB + 3 * self.fontMetrics().height())
        return lst

    def _changed(self) -> None:
        """Rebuild now if shown; otherwise when next shown (reading every sample costs ~2 ms each,
        too much to pay on the Draw tab at every keep)."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Rebuild the gallery from the store and read every sample with the current network."""
        self._stale = False
        store, entry = self.keeper.store, self.networks.current()
        readings = self._readings(entry)
        for lst in self.lists:
            lst.clear()
        for sample, read in zip(store.samples, readings):
            item = QListWidgetItem(QIcon(QPixmap(str(store.path(sample)))), _caption(sample.label, read))
            item.setData(SAMPLE_ROLE, sample)
            if read is not None and read != sample.label:
                item.setForeground(QBrush(WRONG))
                item.setToolTip(self.tr("kept as {label}; the network reads {read}").format(label=sample.label,
                                                                                             read=read))
            self.lists[sample.label].addItem(item)
        counts = store.counts()
        wrong = sum(r is not None and r != s.label for s, r in zip(store.samples, readings))
        for digit, header in enumerate(self.headers):
            header.setText(f"<b>{digit}</b> · {plural(digit, int(counts[digit]))}")
        network = self.tr("; {network} misreads {wrong}").format(network=entry.name, wrong=wrong) \
            if entry is not None and len(store) else ""
        self.summary.setText(self.tr("{n} samples in {folder}{misread}").format(n=len(store), folder=store.folder,
                                                                                 misread=network))

    def _readings(self, entry) -> list[int | None]:
        inputs = self.keeper.store.inputs()
        if entry is None or not any(x is not None for x in inputs):
            return [None] * len(inputs)
        usable = [i for i, x in enumerate(inputs) if x is not None]
        predicted = entry.net.predict(np.stack([inputs[i] for i in usable])[:, None])
        out: list[int | None] = [None] * len(inputs)
        for i, digit in zip(usable, predicted):
            out[i] = int(digit)
        return out

    def selected(self) -> list:
        return [item.data(SAMPLE_ROLE) for lst in self.lists for item in lst.selectedItems()]

    def delete_selected(self) -> int:
        chosen = self.selected()
        for sample in chosen:
            self.keeper.store.remove(sample)
        if not chosen:
            self._done(self.tr("Select samples first"))
        else:
            self._done(self.tr("Deleted 1 sample") if len(chosen) == 1
                       else self.tr("Deleted {n} samples").format(n=len(chosen)))
        return len(chosen)

    def relabel_selected(self, digit: int) -> int:
        chosen = self.selected()
        for sample in chosen:
            self.keeper.store.relabel(sample, digit)
        self.relabel_box.setCurrentIndex(0)
        self._done(self.tr("Relabelled {n} as {digit}").format(n=len(chosen), digit=digit) if chosen
                   else self.tr("Select samples first"))
        return len(chosen)

    def import_from(self, source) -> bool:
        """Add a folder's or zip's samples; a bad set is named in one line and nothing is added."""
        try:
            added = self.keeper.store.import_from(source)
        except (DigitSetError, OSError) as exc:
            self._done(self.tr("Nothing imported: {error}").format(error=exc), error=True)
            return False
        self._done(self.tr("Imported {n} samples from {source}").format(n=added, source=source))
        return True

    def export_to(self, dest) -> bool:
        try:
            self.keeper.store.export(dest)
        except (DigitSetError, OSError) as exc:
            self._done(self.tr("Nothing exported: {error}").format(error=exc), error=True)
            return False
        self._done(self.tr("Exported {n} samples to {dest}").format(n=len(self.keeper.store), dest=dest))
        return True

    def ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import digits (a zip, or labels.csv in a folder)"), "",
                                              self.tr("Zip or labels.csv (*.zip labels.csv)"))
        if path:
            self.import_from(path[:-len("labels.csv")] if path.endswith("labels.csv") else path)

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export digits (a .zip, or a new folder name)"),
                                              "my-digits.zip")
        if path:
            self.export_to(path)

    def _done(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {WRONG.name()};" if error else "")
        self.keeper.window.statusBar().showMessage(text, 8000)
        self.keeper.changed.emit()


def _caption(label: int, read: int | None) -> str:
    if read is None:
        return QCoreApplication.translate("MyDigitsView", "no digit")
    text = QCoreApplication.translate("MyDigitsView", "read {digit}").format(digit=read)
    return text + " ✗" if read != label else text
