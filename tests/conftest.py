"""Shared fixtures: offscreen Qt, throwaway settings, and a small network trained in seconds."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import numpy as np
import pytest

from model.losses import SoftmaxCrossEntropy
from model.mnist import load_mnist, to_float
from model.network import Sequential

TINY_MLP = [
    {"type": "Normalize"},
    {"type": "Flatten"},
    {"type": "Linear", "in_features": 784, "out_features": 64},
    {"type": "ReLU"},
    {"type": "Linear", "in_features": 64, "out_features": 10},
]
TRAIN_IMAGES = 6000
EPOCHS = 4
BATCH = 64
LEARNING_RATE = 0.1


@pytest.fixture(scope="session")
def tiny_net() -> Sequential:
    """An MLP trained with plain SGD on a few thousand MNIST images (about a second).

    Good enough (~90% on the test set) to call a clearly drawn "1" or "0".
    """
    images, labels = load_mnist("train")
    x, y = to_float(images[:TRAIN_IMAGES]), labels[:TRAIN_IMAGES].astype(np.int64)
    rng = np.random.default_rng(0)
    net = Sequential.from_spec(TINY_MLP, rng=rng)
    loss = SoftmaxCrossEntropy()
    for _ in range(EPOCHS):
        order = rng.permutation(len(x))
        for start in range(0, len(x), BATCH):
            batch = order[start:start + BATCH]
            net.zero_grad()
            loss.forward(net.forward(x[batch], train=True), y[batch])
            net.backward(loss.backward())
            for p in net.params().values():
                p.data -= LEARNING_RATE * p.grad
    return net


@pytest.fixture
def settings_dir(tmp_path, qapp):
    """Point every QSettings at a temporary folder, so tests never touch the user's own."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName("DigitLabTests")
    QCoreApplication.setApplicationName("DigitLabTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return tmp_path / "settings"
