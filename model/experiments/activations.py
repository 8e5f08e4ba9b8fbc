"""activations: sigmoid, tanh, ReLU and leaky ReLU in the same MLP and in the same small CNN.

Every run of one architecture starts from the same seed and sees the same
batches; only the activation (and the initialisation that suits it: Xavier
for sigmoid and tanh, He for the ReLUs) changes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

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
from model.presets import build_preset
from model.text import QT_TRANSLATE_NOOP, translate
from model.train import TrainConfig

NAME = QT_TRANSLATE_NOOP("Experiments", "activations")
DESCRIPTION = QT_TRANSLATE_NOOP("Experiments", "Sigmoid, tanh, ReLU, leaky ReLU in the MLP and the small CNN: "
                                               "train/test curves")

ACTIVATIONS = {QT_TRANSLATE_NOOP("Experiments", "sigmoid"): "sigmoid", "tanh": "tanh", "ReLU": "relu",
               QT_TRANSLATE_NOOP("Experiments", "leaky ReLU"): "leaky_relu"}
# Batch norm off in the CNN: it would rescue sigmoid and hide what the activation does.
ARCHITECTURES = {"MLP 784-256-256-10": ("mlp", {}),
                 QT_TRANSLATE_NOOP("Experiments", "small CNN"): ("small-cnn", {"batchnorm": False})}
# Plain SGD with momentum, where the activations differ most (Adam evens them out).
TRAINING = dict(optimizer="momentum", lr=0.01, momentum=0.9, batch_size=64)
FULL = {"mlp": dict(n_train=20_000, epochs=10, n_test=10_000),
        "small-cnn": dict(n_train=20_000, epochs=6, n_test=10_000)}
QUICK = {"mlp": dict(n_train=300, epochs=2, n_test=200), "small-cnn": dict(n_train=200, epochs=2, n_test=200)}


def run(out_dir: Path, quick: bool, seed: int, report: Reporter):
    sizes = QUICK if quick else FULL
    parts = iter(report.spans(len(ARCHITECTURES) * len(ACTIVATIONS)))
    rows, plots, metrics = [], [], {}
    for arch, (preset, options) in ARCHITECTURES.items():
        size = sizes[preset]
        data = mnist_subset(size["n_train"], 0, size["n_test"], seed)
        runs = {}
        for label, activation in ACTIVATIONS.items():
            net = build_preset(preset, np.random.default_rng(seed), activation=activation, **options)
            c = runs[label] = fit(net, data, TrainConfig(epochs=size["epochs"], seed=seed, **TRAINING), next(parts))
            rows.append([shown(arch), shown(label), f"{c.loss[-1]:.4f}", f"{c.acc[-1]:.4f}", f"{c.test_loss[-1]:.4f}",
                         f"{c.test_acc[-1]:.4f}", f"{c.seconds:.1f}"])
            metrics[f"{arch}, {label}"] = {"test_acc": c.test_acc[-1], "train_loss": c.loss[-1]}
        plots.append(plot_panels(out_dir / f"curves_{preset}.png",
                                 translate("Experiments", "Activations in the {network} ({data}, {epochs} epochs)")
                                 .format(network=shown(arch), data=data.describe(), epochs=size["epochs"]),
                                 curve_panels(runs)))
    table = write_table(out_dir, "activations", Table(
        translate("Experiments", "Activations after the last epoch"),
        [shown(c) for c in (QT_TRANSLATE_NOOP("Experiments", "network"), QT_TRANSLATE_NOOP("Experiments", "activation"),
                            TRAIN_LOSS, TRAIN_ACCURACY, TEST_LOSS, TEST_ACCURACY, TRAINING_S)], rows))
    best = {arch: max((r for r in rows if r[0] == shown(arch)), key=lambda r: float(r[5]))[1]
            for arch in ARCHITECTURES}
    summary = (translate("Experiments", "SGD with momentum {momentum}, lr {lr}, batch {batch}, seed {seed}; ").format(
                   momentum=TRAINING["momentum"], lr=TRAINING["lr"], batch=TRAINING["batch_size"], seed=seed)
               + "; ".join(translate("Experiments", "{network}: {n} training images, {epochs} epochs").format(
                   network=shown(arch), n=sizes[p]["n_train"], epochs=sizes[p]["epochs"])
                   for arch, (p, _) in ARCHITECTURES.items()) + ".\n"
               + translate("Experiments", "Best test accuracy: ") + ", ".join(
                   f"{shown(arch)}: {label}" for arch, label in best.items()) + ".\n"
               + translate("Experiments", "Sigmoid saturates and passes back at most a quarter of the gradient per "
                                          "layer, so it starts slowest; tanh is zero-centred and faster; ReLU and "
                                          "leaky ReLU keep the gradient alive."))
    return finish(NAME, out_dir, summary, metrics, plots, [table])
