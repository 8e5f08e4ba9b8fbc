"""mnist-012: the three-class task (digits 0, 1 and 2) with a small CNN, sigmoid vs ReLU in the fully connected layer.

The convolutional part is the same (ReLU) in both networks and both start
from the same seed; only the activation of the hidden fully connected layer
differs.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model.constants import ACTIVATIONS, IMAGE_SIDE, MNIST_MEAN, MNIST_STD
from model.experiments.mnist_runs import curve_panels, fit, mnist_subset
from model.experiments.reporting import Reporter
from model.experiments.results import (
    TEST_ACCURACY,
    TEST_LOSS,
    TRAIN_ACCURACY,
    TRAIN_LOSS,
    TRAINING_S,
    Table,
    finish,
    plot_panels,
    shown,
    write_table,
)
from model.network import Sequential
from model.text import QT_TRANSLATE_NOOP, translate
from model.train import TrainConfig

NAME = QT_TRANSLATE_NOOP("Experiments", "mnist-012")
DESCRIPTION = QT_TRANSLATE_NOOP("Experiments", "Digits 0, 1, 2 only, small CNN: sigmoid vs ReLU in the fully "
                                               "connected layer")

CLASSES = (0, 1, 2)
CHANNELS, KERNEL, FC = (8, 16), 3, 64
FC_ACTIVATIONS = {"sigmoid": ACTIVATIONS["sigmoid"], "ReLU": ACTIVATIONS["relu"]}  # label -> (layer, init)
TRAINING = dict(optimizer="sgd", lr=0.05, batch_size=64)
FULL = dict(n_train=18_000, epochs=8, n_test=3_147)  # 18,623 training and 3,147 test images show a 0, 1 or 2
QUICK = dict(n_train=300, epochs=2, n_test=300)
SIDE_AFTER_POOLS = IMAGE_SIDE // 4  # two 2x2 poolings: 28 -> 14 -> 7
CLOSE = 0.01  # test accuracies this close count as a tie


def network_spec(fc_activation: str, fc_init: str) -> list[dict]:
    """conv 3x3 (8) - ReLU - pool - conv 3x3 (16) - ReLU - pool - fc 64 - activation - fc 3."""
    spec, cin = [{"type": "Normalize", "mean": MNIST_MEAN, "std": MNIST_STD}], 1
    for cout in CHANNELS:
        spec += [{"type": "Conv2d", "in_channels": cin, "out_channels": cout, "kernel_size": KERNEL, "stride": 1,
                  "padding": KERNEL // 2, "init": "he"}, {"type": "ReLU"},
                 {"type": "MaxPool2d", "kernel_size": 2, "stride": 2}]
        cin = cout
    flat = cin * SIDE_AFTER_POOLS ** 2
    return spec + [{"type": "Flatten"}, {"type": "Linear", "in_features": flat, "out_features": FC, "init": fc_init},
                   {"type": fc_activation},
                   {"type": "Linear", "in_features": FC, "out_features": len(CLASSES), "init": "small"}]


def verdict(sig: list, relu: list) -> str:
    """One sentence on what the rows (test accuracy at 5, first-epoch accuracy at 6) show."""
    gap = float(relu[5]) - float(sig[5])
    text = (translate("Experiments", "Both reach nearly the same accuracy on three well-separated classes")
            if abs(gap) < CLOSE else translate("Experiments", "{winner} ends clearly ahead").format(
                winner="ReLU" if gap > 0 else "Sigmoid"))
    slow = float(sig[6]) < float(relu[6])
    return text + (translate("Experiments", "; the sigmoid layer's smaller gradients show as a slower first epoch.")
                   if slow else ".")


def run(out_dir: Path, quick: bool, seed: int, report: Reporter):
    size = QUICK if quick else FULL
    data = mnist_subset(size["n_train"], 0, size["n_test"], seed, classes=CLASSES)
    runs, rows = {}, []
    for (label, (layer, init)), part in zip(FC_ACTIVATIONS.items(), report.spans(len(FC_ACTIVATIONS))):
        net = Sequential.from_spec(network_spec(layer, init), np.random.default_rng(seed))
        c = runs[label] = fit(net, data, TrainConfig(epochs=size["epochs"], seed=seed, **TRAINING), part)
        rows.append([label, net.num_params(), f"{c.loss[-1]:.4f}", f"{c.acc[-1]:.4f}", f"{c.test_loss[-1]:.4f}",
                     f"{c.test_acc[-1]:.4f}", f"{c.acc[0]:.4f}", f"{c.seconds:.1f}"])
    table = write_table(out_dir, "mnist_012", Table(
        translate("Experiments", "Digits 0/1/2, small CNN ({data}, {epochs} epochs)").format(
            data=data.describe(), epochs=size["epochs"]),
        [shown(c) for c in (QT_TRANSLATE_NOOP("Experiments", "fc activation"),
                            QT_TRANSLATE_NOOP("Experiments", "parameters"), TRAIN_LOSS, TRAIN_ACCURACY, TEST_LOSS,
                            TEST_ACCURACY, QT_TRANSLATE_NOOP("Experiments", "train accuracy, epoch 1"), TRAINING_S)],
        rows))
    plot = plot_panels(out_dir / "curves.png",
                       translate("Experiments", "Digits 0, 1, 2: sigmoid vs ReLU in the fully connected layer"),
                       curve_panels(runs))
    sig, relu = rows
    summary = (translate("Experiments", "Three classes (digits {classes}), CNN {layers} with ReLU convolutions; plain "
                                        "SGD lr {lr}, batch {batch}, {epochs} epochs, {data}, seed {seed}.").format(
                   classes=", ".join(map(str, CLASSES)),
                   layers=f"conv{CHANNELS[0]}-pool-conv{CHANNELS[1]}-pool-fc{FC}-fc{len(CLASSES)}", lr=TRAINING["lr"],
                   batch=TRAINING["batch_size"], epochs=size["epochs"], data=data.describe(), seed=seed) + "\n"
               + translate("Experiments", "Test accuracy: sigmoid {sig}, ReLU {relu} (after the first epoch's "
                                          "training: sigmoid {sig_first}, ReLU {relu_first}).").format(
                   sig=sig[5], relu=relu[5], sig_first=sig[6], relu_first=relu[6]) + "\n" + verdict(sig, relu))
    metrics = {"test_acc": {r[0]: float(r[5]) for r in rows}, "train_loss": {r[0]: float(r[2]) for r in rows},
               "first_epoch_acc": {r[0]: float(r[6]) for r in rows}}
    return finish(NAME, out_dir, summary, metrics, [plot], [table])
