"""regularization: the 784-100-10 network plain, with batch norm, with dropout 0.5, and with both.

Same initial weights, data and optimizer for all four; early stopping on the
validation loss decides how many epochs each one gets.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model.experiments.mnist_runs import curve_panels, fit, mnist_subset
from model.experiments.reporting import Reporter
from model.experiments.results import TEST_ACCURACY, TRAINING_S, Table, finish, plot_panels, shown, write_table
from model.presets import build_preset
from model.text import QT_TRANSLATE_NOOP, translate
from model.train import TrainConfig

NAME = QT_TRANSLATE_NOOP("Experiments", "regularization")
DESCRIPTION = QT_TRANSLATE_NOOP("Experiments", "784-100-10 plain, + batch norm, + dropout 0.5, + both: validation "
                                               "accuracy, epochs to early stop")

HIDDEN = (100,)
DROPOUT = 0.5
VARIANTS = {  # label -> preset options
    QT_TRANSLATE_NOOP("Experiments", "plain"): {"batchnorm": False, "dropout": 0.0},
    QT_TRANSLATE_NOOP("Experiments", "batch norm"): {"batchnorm": True, "dropout": 0.0},
    f"dropout {DROPOUT}": {"batchnorm": False, "dropout": DROPOUT},
    f"batch norm + dropout {DROPOUT}": {"batchnorm": True, "dropout": DROPOUT},
}
OPTIMIZER, LEARNING_RATE, BATCH, PATIENCE = "adam", 0.001, 100, 3
# A smaller training set than the optimizers' makes over-fitting, and so regularization, visible.
FULL = dict(n_train=10_000, n_val=5_000, n_test=10_000, max_epochs=60)
QUICK = dict(n_train=1_000, n_val=500, n_test=500, max_epochs=4)
CURVES = ("loss", "val_loss", "acc", "val_acc")
# The labels above that hold DROPOUT, as they read with DROPOUT = 0.5 (lupdate needs literal text).
DROPOUT_LABELS = (QT_TRANSLATE_NOOP("Experiments", "dropout 0.5"),
                  QT_TRANSLATE_NOOP("Experiments", "batch norm + dropout 0.5"))


def describe(data, size: dict, seed: int, rows: list) -> str:
    """The summary: the set-up, the winner, every variant's gap and epochs, and what they show."""
    winner = max(rows, key=lambda r: float(r[1]))
    return (translate("Experiments", "784-100-10 ReLU network, the same initial weights for all (seed {seed}), "
                                    "{optimizer} lr {lr}, batch {batch}, {data}, at most {epochs} epochs, early "
                                    "stopping after {patience} epochs without a lower validation loss.").format(
               seed=seed, optimizer=OPTIMIZER, lr=LEARNING_RATE, batch=BATCH, data=data.describe(),
               epochs=size["max_epochs"], patience=PATIENCE) + "\n"
           + translate("Experiments", "Best validation accuracy: {winner} ({accuracy}). Train - validation "
                                      "accuracy at the best epoch: {gaps}; epochs to early stop: {epochs}.").format(
               winner=shown(winner[0]), accuracy=winner[1],
               gaps=", ".join(f"{shown(r[0])} {r[5]}" for r in rows),
               epochs=", ".join(f"{shown(r[0])} {r[4]}" for r in rows)) + "\n"
           + translate("Experiments", "Dropout trains a different thinned network on every batch, so the network "
                                      "cannot lean on single units: the gap between training and validation "
                                      "accuracy narrows and the validation loss keeps falling for longer. Batch "
                                      "norm re-centres every layer's inputs, which mostly speeds up training."))


def run(out_dir: Path, quick: bool, seed: int, report: Reporter):
    size = QUICK if quick else FULL
    data = mnist_subset(size["n_train"], size["n_val"], size["n_test"], seed)
    runs, rows = {}, []
    for (label, options), part in zip(VARIANTS.items(), report.spans(len(VARIANTS))):
        net = build_preset("mlp", np.random.default_rng(seed), hidden=HIDDEN, **options)
        config = TrainConfig(epochs=size["max_epochs"], batch_size=BATCH, optimizer=OPTIMIZER, lr=LEARNING_RATE,
                             patience=PATIENCE, restore_best=True, seed=seed)
        c = runs[label] = fit(net, data, config, part, validate=True)
        best = c.best_epoch or c.epochs
        rows.append([label, f"{c.val_acc[best - 1]:.4f}", f"{min(c.val_loss):.4f}", best, c.epochs,
                     f"{c.acc[best - 1] - c.val_acc[best - 1]:+.4f}", f"{c.test_acc[best - 1]:.4f}",
                     f"{c.seconds:.1f}"])
    table = write_table(out_dir, "regularization", Table(
        translate("Experiments", "784-100-10, {optimizer} lr {lr}, batch {batch}, patience {patience} ({data})").format(
            optimizer=OPTIMIZER, lr=LEARNING_RATE, batch=BATCH, patience=PATIENCE, data=data.describe()),
        [shown(c) for c in (QT_TRANSLATE_NOOP("Experiments", "network"),
                            QT_TRANSLATE_NOOP("Experiments", "best val accuracy"),
                            QT_TRANSLATE_NOOP("Experiments", "best val loss"),
                            QT_TRANSLATE_NOOP("Experiments", "best epoch"),
                            QT_TRANSLATE_NOOP("Experiments", "epochs to early stop"),
                            QT_TRANSLATE_NOOP("Experiments", "train - val accuracy"), TEST_ACCURACY, TRAINING_S)],
        [[shown(r[0]), *r[1:]] for r in rows]))
    plot = plot_panels(out_dir / "curves.png", translate("Experiments", "Regularization on 784-100-10"),
                       curve_panels(runs, CURVES))
    summary = describe(data, size, seed, rows)
    metrics = {"best_val_acc": {r[0]: float(r[1]) for r in rows}, "epochs_used": {r[0]: r[4] for r in rows},
               "gap": {r[0]: float(r[5]) for r in rows}, "test_acc": {r[0]: float(r[6]) for r in rows}}
    return finish(NAME, out_dir, summary, metrics, [plot], [table])
