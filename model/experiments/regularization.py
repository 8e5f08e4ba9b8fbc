"""regularization: the 784-100-10 network plain, with batch norm, with dropout 0.5, and with both.

Same initial weights, data and optimizer for all four; early stopping on the
validation loss decides how many epochs each one gets.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model.experiments.mnist_runs import curve_panels, fit, mnist_subset
from model.experiments.reporting import Reporter
from model.experiments.results import Table, finish, plot_panels, write_table
from model.presets import build_preset
from model.train import TrainConfig

NAME = "regularization"
DESCRIPTION = "784-100-10 plain, + batch norm, + dropout 0.5, + both: validation accuracy, epochs to early stop"

HIDDEN = (100,)
DROPOUT = 0.5
VARIANTS = {  # label -> preset options
    "plain": {"batchnorm": False, "dropout": 0.0},
    "batch norm": {"batchnorm": True, "dropout": 0.0},
    f"dropout {DROPOUT}": {"batchnorm": False, "dropout": DROPOUT},
    f"batch norm + dropout {DROPOUT}": {"batchnorm": True, "dropout": DROPOUT},
}
OPTIMIZER, LEARNING_RATE, BATCH, PATIENCE = "adam", 0.001, 100, 3
# A smaller training set than the optimizers' makes over-fitting, and so regularization, visible.
FULL = dict(n_train=10_000, n_val=5_000, n_test=10_000, max_epochs=60)
QUICK = dict(n_train=1_000, n_val=500, n_test=500, max_epochs=4)
CURVES = ("loss", "val_loss", "acc", "val_acc")


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
        f"784-100-10, {OPTIMIZER} lr {LEARNING_RATE}, batch {BATCH}, patience {PATIENCE} ({data.describe()})",
        ["network", "best val accuracy", "best val loss", "best epoch", "epochs to early stop",
         "train - val accuracy", "test accuracy", "training s"], rows))
    plot = plot_panels(out_dir / "curves.png", "Regularization on 784-100-10", curve_panels(runs, CURVES))
    winner = max(rows, key=lambda r: float(r[1]))
    summary = (f"784-100-10 ReLU network, the same initial weights for all (seed {seed}), {OPTIMIZER} lr "
               f"{LEARNING_RATE}, batch {BATCH}, {data.describe()}, at most {size['max_epochs']} epochs, early "
               f"stopping after {PATIENCE} epochs without a lower validation loss.\n"
               f"Best validation accuracy: {winner[0]} ({winner[1]}). Train - validation accuracy at the best "
               "epoch: " + ", ".join(f"{r[0]} {r[5]}" for r in rows) + "; epochs to early stop: "
               + ", ".join(f"{r[0]} {r[4]}" for r in rows) + ".\n"
               "Dropout trains a different thinned network on every batch, so the network cannot lean on single "
               "units: the gap between training and validation accuracy narrows and the validation loss keeps "
               "falling for longer. Batch norm re-centres every layer's inputs, which mostly speeds up training.")
    metrics = {"best_val_acc": {r[0]: float(r[1]) for r in rows}, "epochs_used": {r[0]: r[4] for r in rows},
               "gap": {r[0]: float(r[5]) for r in rows}, "test_acc": {r[0]: float(r[6]) for r in rows}}
    return finish(NAME, out_dir, summary, metrics, [plot], [table])
