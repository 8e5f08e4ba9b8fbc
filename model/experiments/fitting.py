"""fitting: under-fitting and over-fitting, each with training and test curves.

Under-fitting: a 784-100-100-10 network whose weights start with a standard
deviation of 1e-4. The signal dies on the way forward and the gradient on the
way back, so plain SGD barely moves it and the loss stays near ln(10).
Over-fitting: a 784-512-512-10 network (about 670,000 weights) trained on
1,000 images: it learns them by heart and stops improving on new ones.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model.experiments.mnist_runs import ACCURACY, CROSS_ENTROPY, GUESSING, LN_10, Curves, fit, mnist_subset
from model.experiments.reporting import Reporter
from model.experiments.results import (
    EPOCH,
    TEST_ACCURACY,
    TEST_LOSS,
    TRAIN_ACCURACY,
    TRAIN_LOSS,
    Panel,
    Series,
    Table,
    finish,
    plot_panels,
    shown,
    write_table,
)
from model.network import Sequential
from model.presets import build_preset, preset_spec
from model.text import QT_TRANSLATE_NOOP, translate
from model.train import TrainConfig

NAME = QT_TRANSLATE_NOOP("Experiments", "fitting")
DESCRIPTION = QT_TRANSLATE_NOOP("Experiments", "Under-fitting (weights far too small) and over-fitting (big net, "
                                               "1,000 images): the gap")

UNDER_HIDDEN, UNDER_STD = (100, 100), 1e-4
UNDER_CONFIG = dict(optimizer="sgd", lr=0.01, batch_size=100)
OVER_HIDDEN = (512, 512)
OVER_CONFIG = dict(optimizer="adam", lr=0.001, batch_size=50)
FULL = dict(under_train=10_000, under_epochs=10, over_train=1_000, over_epochs=60, n_test=10_000)
QUICK = dict(under_train=1_000, under_epochs=3, over_train=300, over_epochs=12, n_test=500)
LOSS_HEADROOM = 1.1
COLUMNS = (QT_TRANSLATE_NOOP("Experiments", "case"), QT_TRANSLATE_NOOP("Experiments", "training images"),
           QT_TRANSLATE_NOOP("Experiments", "epochs"), TRAIN_LOSS, TEST_LOSS, TRAIN_ACCURACY, TEST_ACCURACY,
           QT_TRANSLATE_NOOP("Experiments", "train - test accuracy"))

EXPLANATION = QT_TRANSLATE_NOOP(
    "Experiments",
    "Under-fitting: the model does not fit even its training data, so training and test loss stay high and "
    "close together. Here every weight starts at a standard deviation of {std:g}: each layer multiplies the "
    "signal by a tiny number on the way forward and the gradient on the way back, so the network outputs "
    "near-equal probabilities (loss ln(10) = {ln10:.3f}) and learns almost nothing. A sensible initialisation "
    "(He, Xavier) or a larger learning rate fixes it.\n\n"
    "Over-fitting: a network with far more weights than there are training images memorises them. Training "
    "accuracy climbs to {over_train:.1%} while test accuracy stays at {over_test:.1%}, and the test loss turns "
    "up while the training loss keeps falling. More data, a smaller network, regularization (dropout, weight "
    "decay, augmentation) or early stopping on a validation set close the gap.")


def underfit_network(rng: np.random.Generator) -> Sequential:
    """The mlp preset with every weight drawn with standard deviation UNDER_STD."""
    spec = [{**layer, "init": UNDER_STD} if "init" in layer else layer
            for layer in preset_spec("mlp", hidden=UNDER_HIDDEN)]
    return Sequential.from_spec(spec, rng)


def scenario_panels(label: str, c: Curves) -> list[Panel]:
    """Loss and accuracy, training against test, on fixed axes so that a flat curve looks flat."""
    top = max(LN_10, *c.loss, *c.test_loss) * LOSS_HEADROOM
    training, test = translate("Experiments", "training"), translate("Experiments", "test")
    return [Panel(translate("Experiments", "{case}: loss").format(case=label), shown(EPOCH), shown(CROSS_ENTROPY),
                  [Series(training, c.loss, style=".-"), Series(test, c.test_loss, style=".-"),
                   Series(shown(GUESSING), np.full(c.epochs, LN_10), style="k:")], ylim=(0, top)),
            Panel(translate("Experiments", "{case}: accuracy").format(case=label), shown(EPOCH), shown(ACCURACY),
                  [Series(training, c.acc, style=".-"), Series(test, c.test_acc, style=".-")], ylim=(0, 1.02))]


def layers_text(hidden: tuple[int, ...]) -> str:
    """"784-100-100-10": the network's layer widths."""
    return f"784-{'-'.join(map(str, hidden))}-10"


def table_row(case: str, images: int, c: Curves) -> list:
    """One case's row of the table: the last epoch's losses and accuracies, and the gap."""
    return [case, images, c.epochs, f"{c.loss[-1]:.4f}", f"{c.test_loss[-1]:.4f}", f"{c.acc[-1]:.4f}",
            f"{c.test_acc[-1]:.4f}", f"{c.acc[-1] - c.test_acc[-1]:+.4f}"]


def run(out_dir: Path, quick: bool, seed: int, report: Reporter):
    size = QUICK if quick else FULL
    under_part, over_part = report.span(0.0, 0.4), report.span(0.4, 1.0)
    under_data = mnist_subset(size["under_train"], 0, size["n_test"], seed)
    under = fit(underfit_network(np.random.default_rng(seed)), under_data,
                TrainConfig(epochs=size["under_epochs"], seed=seed, **UNDER_CONFIG), under_part)
    over_data = mnist_subset(size["over_train"], 0, size["n_test"], seed)
    over = fit(build_preset("mlp", np.random.default_rng(seed), hidden=OVER_HIDDEN), over_data,
               TrainConfig(epochs=size["over_epochs"], seed=seed, **OVER_CONFIG), over_part)
    under_case = translate("Experiments", "under-fitting: {layers}, init std {std}").format(
        layers=layers_text(UNDER_HIDDEN), std=f"{UNDER_STD:g}")
    over_case = translate("Experiments", "over-fitting: {layers}").format(layers=layers_text(OVER_HIDDEN))
    rows = [table_row(under_case, size["under_train"], under), table_row(over_case, size["over_train"], over)]
    table = write_table(out_dir, "fitting", Table(
        translate("Experiments", "Under- and over-fitting, last epoch ({n} test images)").format(n=size["n_test"]),
        [shown(c) for c in COLUMNS], rows))
    plot = plot_panels(out_dir / "curves.png",
                       translate("Experiments", "Under-fitting and over-fitting: training vs test"),
                       scenario_panels(translate("Experiments", "Under-fitting"), under)
                       + scenario_panels(translate("Experiments", "Over-fitting"), over))
    explanation = shown(EXPLANATION).format(std=UNDER_STD, ln10=LN_10, over_train=over.acc[-1],
                                            over_test=over.test_acc[-1])
    summary = translate("Experiments", "Under-fitting: SGD lr {under_lr}, {under_epochs} epochs on {under_train} "
                                       "images. Over-fitting: Adam lr {over_lr}, {over_epochs} epochs on "
                                       "{over_train} images. Seed {seed}.").format(
        under_lr=UNDER_CONFIG["lr"], under_epochs=size["under_epochs"], under_train=size["under_train"],
        over_lr=OVER_CONFIG["lr"], over_epochs=size["over_epochs"], over_train=size["over_train"], seed=seed)
    summary += f"\n\n{explanation}"
    metrics = {"under": {"train_loss": under.loss, "test_loss": under.test_loss, "test_acc": under.test_acc},
               "over": {"train_acc": over.acc, "test_acc": over.test_acc, "test_loss": over.test_loss,
                        "gap": over.acc[-1] - over.test_acc[-1]}}
    return finish(NAME, out_dir, summary, metrics, [plot], [table])
