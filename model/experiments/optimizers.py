"""optimizers: SGD, momentum, RMSprop and Adam on the same 784-100-10 network, with early stopping.

Each run starts from the same initial weights and sees the same batches; it
stops after PATIENCE epochs without a lower validation loss and keeps the
weights of its best epoch.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model.experiments.mnist_runs import curve_panels, fit, mnist_subset
from model.experiments.reporting import Reporter
from model.experiments.results import TRAINING_S, Table, finish, plot_panels, shown, write_table
from model.presets import build_preset
from model.text import QT_TRANSLATE_NOOP, translate
from model.train import TrainConfig

NAME = QT_TRANSLATE_NOOP("Experiments", "optimizers")
DESCRIPTION = QT_TRANSLATE_NOOP("Experiments", "SGD, momentum, RMSprop, Adam on 784-100-10 with early stopping "
                                               "(patience 3)")

HIDDEN = (100,)
# optimizer -> (label, learning rate). SGD and momentum share a rate, so momentum's speed-up shows.
OPTIMIZERS = {
    "sgd": ("SGD", 0.01),
    "momentum": (QT_TRANSLATE_NOOP("Experiments", "SGD + momentum 0.9"), 0.01),
    "rmsprop": ("RMSprop", 0.001),
    "adam": ("Adam", 0.001),
}
BATCH = 100
PATIENCE = 3
N_TRAIN, N_VAL, N_TEST, MAX_EPOCHS = 50_000, 5_000, 10_000, 40
QUICK = dict(n_train=1_000, n_val=500, n_test=500, max_epochs=4)
FULL = dict(n_train=N_TRAIN, n_val=N_VAL, n_test=N_TEST, max_epochs=MAX_EPOCHS)
CURVES = ("loss", "val_loss", "acc", "val_acc")
# How a run ended (model.train's reasons, "_" as " "), shown in the table.
ENDINGS = (QT_TRANSLATE_NOOP("Experiments", "finished"), QT_TRANSLATE_NOOP("Experiments", "early stopped"))


def run(out_dir: Path, quick: bool, seed: int, report: Reporter):
    size = QUICK if quick else FULL
    data = mnist_subset(size["n_train"], size["n_val"], size["n_test"], seed)
    runs, rows = {}, []
    for (name, (label, lr)), part in zip(OPTIMIZERS.items(), report.spans(len(OPTIMIZERS))):
        net = build_preset("mlp", np.random.default_rng(seed), hidden=HIDDEN)
        config = TrainConfig(epochs=size["max_epochs"], batch_size=BATCH, optimizer=name, lr=lr,
                             patience=PATIENCE, restore_best=True, seed=seed)
        c = runs[label] = fit(net, data, config, part, validate=True)
        best = c.best_epoch or c.epochs
        rows.append([label, lr, f"{c.val_acc[best - 1]:.4f}", best, c.epochs, shown(c.reason.replace("_", " ")),
                     f"{c.test_acc[best - 1]:.4f}", f"{c.seconds:.1f}"])
    table = write_table(out_dir, "optimizers", Table(
        translate("Experiments", "784-100-10, batch {batch}, early stopping with patience {patience} ({data})").format(
            batch=BATCH, patience=PATIENCE, data=data.describe()),
        [shown(c) for c in (QT_TRANSLATE_NOOP("Experiments", "optimizer"),
                            QT_TRANSLATE_NOOP("Experiments", "learning rate"),
                            QT_TRANSLATE_NOOP("Experiments", "best val accuracy"),
                            QT_TRANSLATE_NOOP("Experiments", "best epoch"),
                            QT_TRANSLATE_NOOP("Experiments", "epochs used"), QT_TRANSLATE_NOOP("Experiments", "ended"),
                            QT_TRANSLATE_NOOP("Experiments", "test accuracy (best epoch)"), TRAINING_S)],
        [[shown(r[0]), *r[1:]] for r in rows]))
    plot = plot_panels(out_dir / "curves.png", translate("Experiments", "Optimizers on 784-100-10"),
                       curve_panels(runs, CURVES))
    winner = max(rows, key=lambda r: float(r[2]))
    fastest = min(rows, key=lambda r: r[3])
    summary = (translate("Experiments", "784-100-10 ReLU network from the same initial weights (seed {seed}), batch "
                                        "{batch}, {data}, at most {epochs} epochs, stopping after {patience} epochs "
                                        "without a lower validation loss.").format(
                   seed=seed, batch=BATCH, data=data.describe(), epochs=size["max_epochs"], patience=PATIENCE) + "\n"
               + translate("Experiments", "Best validation accuracy: {winner} with {accuracy} at epoch {epoch}; "
                                          "fewest epochs to its best: {fastest} (epoch {fastest_epoch}).").format(
                   winner=shown(winner[0]), accuracy=winner[2], epoch=winner[3], fastest=shown(fastest[0]),
                   fastest_epoch=fastest[3]) + "\n"
               + translate("Experiments", "Momentum and the adaptive methods (RMSprop, Adam) usually need fewer epochs "
                                          "than plain SGD; once the validation loss turns up (over-fitting), early "
                                          "stopping ends the run and keeps the best epoch."))
    metrics = {"best_val_acc": {r[0]: float(r[2]) for r in rows}, "epochs_used": {r[0]: r[4] for r in rows},
               "best_epoch": {r[0]: r[3] for r in rows}, "test_acc": {r[0]: float(r[6]) for r in rows}}
    return finish(NAME, out_dir, summary, metrics, [plot], [table])
