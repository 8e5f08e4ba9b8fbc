"""The training form: which network to build and how to train it, read into plain values.

Learning rate and batch size are editable combo boxes, so a student can type
any value; TrainConfig.validate() (called by the panel) is the one judge of
what is absurd, and the panel shows its one-line message.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from model.constants import ACTIVATIONS, TRAIN_IMAGES
from model.optim import OPTIMIZERS
from model.presets import PRESETS, describe_presets
from model.schedules import SCHEDULES

CURRENT = "current"  # the preset entry that reuses the current network's architecture
BATCH_SIZES = ("32", "64", "128", "256")
LEARNING_RATES = ("0.1", "0.05", "0.01", "0.001", "0.0001")
# Adaptive optimizers want a much smaller rate than SGD; picking one sets a sane start.
DEFAULT_LR = {"sgd": "0.1", "momentum": "0.05", "nesterov": "0.05", "rmsprop": "0.001", "adam": "0.001"}
# Training-set sizes offered: a quick run takes seconds, None is the whole training split.
TRAIN_SIZES = (1_000, 5_000, 20_000, None)
# What the selector says of each preset and schedule; a preset not listed here shows the engine's own line.
PRESET_TEXT = {
    "mlp": QT_TRANSLATE_NOOP("TrainingForm", "Multilayer perceptron 784-256-256-10 (the lab's MLP)"),
    "cnn": QT_TRANSLATE_NOOP("TrainingForm", "Two 5x5 conv + pool blocks (32, 64), fc 1024, dropout (the lab's CNN)"),
    "small-cnn": QT_TRANSLATE_NOOP(
        "TrainingForm", "Small fast CNN: two 3x3 conv + batch norm + pool blocks (16, 32), fc 128"),
}
SCHEDULE_TEXT = {"constant": QT_TRANSLATE_NOOP("TrainingForm", "constant"),
                 "step": QT_TRANSLATE_NOOP("TrainingForm", "step decay"),
                 "cosine": QT_TRANSLATE_NOOP("TrainingForm", "cosine")}


@dataclass
class RunRequest:
    """What the form asks for: a preset (or CURRENT) with its options, and TrainConfig arguments."""

    preset: str
    net_options: dict
    config: dict


class TrainingForm(QWidget):
    """Two group boxes, "Network" and "Training", with sensible defaults for a quick run."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._network_box())
        layout.addWidget(self._training_box())
        self.optimizer.currentTextChanged.connect(self._on_optimizer_changed)
        self.preset.currentIndexChanged.connect(self._on_preset_changed)
        self.optimizer.setCurrentText("adam")
        self._on_preset_changed()

    def _network_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Network"))
        form = QFormLayout(box)
        self.preset = QComboBox()
        descriptions = {**describe_presets(), CURRENT: self.tr("The layers of the network in use, new random weights")}
        for name, text in descriptions.items():
            text = self.tr(PRESET_TEXT[name]) if name in PRESET_TEXT else text
            self.preset.addItem(self.tr("current network's architecture") if name == CURRENT else name, name)
            self.preset.setItemData(self.preset.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.preset_info = QLabel(wordWrap=True, styleSheet="color: palette(placeholder-text);")
        self.activation = QComboBox()
        self.activation.addItems(list(ACTIVATIONS))
        self.dropout = QDoubleSpinBox(minimum=0.0, maximum=0.9, singleStep=0.1, decimals=2)
        self.batchnorm = QCheckBox(self.tr("batch normalization"))
        form.addRow(self.tr("Architecture"), self.preset)
        form.addRow(self.preset_info)
        form.addRow(self.tr("Activation"), self.activation)
        form.addRow(self.tr("Dropout"), self.dropout)
        form.addRow("", self.batchnorm)
        return box

    def _training_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Training"))
        form = QFormLayout(box)
        self.epochs = QSpinBox(minimum=1, maximum=1000, value=3)
        self.batch_size = _editable_combo(BATCH_SIZES, "64")
        self.optimizer = QComboBox()
        self.optimizer.addItems(OPTIMIZERS)
        self.lr = _editable_combo(LEARNING_RATES, "0.001")
        self.schedule = QComboBox()
        for name in SCHEDULES:
            self.schedule.addItem(self.tr(SCHEDULE_TEXT[name]) if name in SCHEDULE_TEXT else name, name)
        self.augment = QCheckBox(self.tr("shift, rotate and scale the images"))
        self.train_size = QComboBox()
        for size in TRAIN_SIZES:
            self.train_size.addItem(f"{size:,}" if size else self.tr("all {0:,}").format(TRAIN_IMAGES), size)
        self.train_size.setCurrentIndex(1)  # 5,000: a first run of the MLP takes seconds
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1, value=0)
        for label, widget in ((self.tr("Epochs"), self.epochs), (self.tr("Batch size"), self.batch_size),
                              (self.tr("Optimizer"), self.optimizer), (self.tr("Learning rate"), self.lr),
                              (self.tr("LR schedule"), self.schedule), (self.tr("Augmentation"), self.augment),
                              (self.tr("Training images"), self.train_size), (self.tr("Seed"), self.seed)):
            form.addRow(label, widget)
        return box

    def _on_optimizer_changed(self, name: str) -> None:
        self.lr.setCurrentText(DEFAULT_LR.get(name, "0.01"))

    def _on_preset_changed(self) -> None:
        name = self.preset.currentData()
        self.preset_info.setText(self.preset.itemData(self.preset.currentIndex(), Qt.ItemDataRole.ToolTipRole))
        # The current architecture is reused as it is: its own activation, dropout and batch norm.
        for widget in (self.activation, self.dropout, self.batchnorm):
            widget.setEnabled(name != CURRENT)
        if name in PRESETS:  # start from the preset's own options (the CNN's dropout 0.5, ...)
            defaults = PRESETS[name].defaults
            self.activation.setCurrentText(defaults.get("activation", "relu"))
            self.dropout.setValue(defaults.get("dropout", 0.0))
            self.batchnorm.setChecked(bool(defaults.get("batchnorm", False)))

    def read(self) -> RunRequest:
        """The form's values; ValueError with a one-line message if a typed number isn't one."""
        return RunRequest(
            preset=self.preset.currentData(),
            net_options={"activation": self.activation.currentText(), "dropout": self.dropout.value(),
                         "batchnorm": self.batchnorm.isChecked()},
            config={"epochs": self.epochs.value(), "batch_size": _parse(self.batch_size, int, self.tr("Batch size")),
                    "optimizer": self.optimizer.currentText(), "lr": _parse(self.lr, float, self.tr("Learning rate")),
                    "schedule": self.schedule.currentData(), "augment": self.augment.isChecked(),
                    "max_train": self.train_size.currentData(), "seed": self.seed.value()},
        )

    def set_values(self, **values) -> None:
        """Set fields by name (epochs=1, lr="0.1", train_size=1000, ...), for scripts and tests."""
        for name, value in values.items():
            widget = getattr(self, name)
            if name in ("train_size", "preset", "schedule"):
                widget.setCurrentIndex(widget.findData(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(str(value))
            elif isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setValue(value)


def _editable_combo(items, current: str) -> QComboBox:
    combo = QComboBox(editable=True)
    combo.addItems(items)
    combo.setCurrentText(current)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    return combo


def _parse(combo: QComboBox, kind, label: str):
    text = combo.currentText().strip()
    if kind is int:
        text = text.replace(",", "")  # "1,000"
    try:
        return kind(text)
    except ValueError:
        whole = QCoreApplication.translate("TrainingForm", "{0} must be a whole number, not {1}.")
        template = (whole if kind is int else
                    QCoreApplication.translate("TrainingForm", "{0} must be a number, not {1}."))
        raise ValueError(template.format(label, repr(text))) from None
