"""The training form: which network to build and how to train it, read into plain values.

Learning rate and batch size are editable combo boxes, so a student can type
any value; TrainConfig.validate() (called by the panel) is the one judge of
what is absurd, and the panel shows its one-line message.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
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
# Training-set sizes offered: a quick run takes seconds, "all" is the whole training split.
TRAIN_SIZES = ((1_000, "1,000"), (5_000, "5,000"), (20_000, "20,000"), (None, f"all {TRAIN_IMAGES:,}"))


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
        box = QGroupBox("Network")
        form = QFormLayout(box)
        self.preset = QComboBox()
        descriptions = {**describe_presets(), CURRENT: "The layers of the network in use, new random weights"}
        for name, text in descriptions.items():
            self.preset.addItem("current network's architecture" if name == CURRENT else name, name)
            self.preset.setItemData(self.preset.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        self.preset_info = QLabel(wordWrap=True, styleSheet="color: palette(placeholder-text);")
        self.activation = QComboBox()
        self.activation.addItems(list(ACTIVATIONS))
        self.dropout = QDoubleSpinBox(minimum=0.0, maximum=0.9, singleStep=0.1, decimals=2)
        self.batchnorm = QCheckBox("batch normalization")
        form.addRow("Architecture", self.preset)
        form.addRow(self.preset_info)
        form.addRow("Activation", self.activation)
        form.addRow("Dropout", self.dropout)
        form.addRow("", self.batchnorm)
        return box

    def _training_box(self) -> QGroupBox:
        box = QGroupBox("Training")
        form = QFormLayout(box)
        self.epochs = QSpinBox(minimum=1, maximum=1000, value=3)
        self.batch_size = _editable_combo(BATCH_SIZES, "64")
        self.optimizer = QComboBox()
        self.optimizer.addItems(OPTIMIZERS)
        self.lr = _editable_combo(LEARNING_RATES, "0.001")
        self.schedule = QComboBox()
        self.schedule.addItems(SCHEDULES)
        self.augment = QCheckBox("shift, rotate and scale the images")
        self.train_size = QComboBox()
        for size, label in TRAIN_SIZES:
            self.train_size.addItem(label, size)
        self.train_size.setCurrentIndex(1)  # 5,000: a first run of the MLP takes seconds
        self.seed = QSpinBox(minimum=0, maximum=2**31 - 1, value=0)
        for label, widget in (("Epochs", self.epochs), ("Batch size", self.batch_size),
                              ("Optimizer", self.optimizer), ("Learning rate", self.lr),
                              ("LR schedule", self.schedule), ("Augmentation", self.augment),
                              ("Training images", self.train_size), ("Seed", self.seed)):
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
            config={"epochs": self.epochs.value(), "batch_size": _parse(self.batch_size, int, "Batch size"),
                    "optimizer": self.optimizer.currentText(), "lr": _parse(self.lr, float, "Learning rate"),
                    "schedule": self.schedule.currentText(), "augment": self.augment.isChecked(),
                    "max_train": self.train_size.currentData(), "seed": self.seed.value()},
        )

    def set_values(self, **values) -> None:
        """Set fields by name (epochs=1, lr="0.1", train_size=1000, ...), for scripts and tests."""
        for name, value in values.items():
            widget = getattr(self, name)
            if name == "train_size":
                widget.setCurrentIndex(widget.findData(value))
            elif name == "preset":
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
        what = "a whole number" if kind is int else "a number"
        raise ValueError(f"{label} must be {what}, not {text!r}.") from None
