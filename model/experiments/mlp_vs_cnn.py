"""mlp-vs-cnn: the MLP and the CNN presets under the same training budget.

Same images, epochs, batch size and optimizer for both. Reported: test
accuracy, size, training time, and accuracy on digits drawn as a person draws
them on the canvas (model.data.canvas_set, through the app's own preprocessing; an image the
preprocessing refuses counts as wrong, as in `evaluate --canvas`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model.data.canvas_set import canvas_set
from model.evaluation import read
from model.experiments.mnist_runs import curve_panels, fit, mnist_subset
from model.experiments.reporting import Reporter
from model.experiments.results import (
    TEST_ACCURACY,
    TEST_LOSS,
    TRAINING_S,
    Table,
    finish,
    plot_panels,
    shown,
    write_table,
)
from model.presets import PRESETS, build_preset
from model.text import QT_TRANSLATE_NOOP, translate
from model.train import TrainConfig

NAME = QT_TRANSLATE_NOOP("Experiments", "mlp-vs-cnn")
DESCRIPTION = QT_TRANSLATE_NOOP("Experiments", "MLP vs CNN presets, same budget: test and canvas-style accuracy, "
                                               "size, time")

PRESET_NAMES = ("mlp", "cnn")
TRAINING = dict(optimizer="adam", lr=0.001, batch_size=64)
FULL = dict(n_train=30_000, epochs=5, n_test=10_000, n_canvas=300)
QUICK = dict(n_train=200, epochs=2, n_test=200, n_canvas=10)
CANVAS_SEED = 0
CANVAS_PARTS = (QT_TRANSLATE_NOOP("Experiments", "mnist"), QT_TRANSLATE_NOOP("Experiments", "fonts"))
CNN_BETTER = QT_TRANSLATE_NOOP("Experiments", "Convolutions share their weights across the image and pooling forgives "
                                              "small shifts, so the CNN copes better with digits that are not drawn "
                                              "the MNIST way.")
CNN_NOT_BETTER = QT_TRANSLATE_NOOP("Experiments", "With this budget the CNN's advantage on digits drawn unlike MNIST's "
                                                  "does not show.")
# the canvas set is fixed: a model's score on it is comparable across runs


def describe(data, size: dict, seed: int, rejected: dict, mlp: dict, cnn: dict) -> str:
    """The summary: the set-up, both presets' scores, and what they show."""
    return (translate("Experiments", "Presets: mlp = {mlp}; cnn = {cnn}.").format(
               mlp=PRESETS["mlp"].description, cnn=PRESETS["cnn"].description) + "\n"
           + translate("Experiments", "Both: {data}, {epochs} epochs, Adam lr {lr}, batch {batch}, seed {seed}; "
                                      "canvas-style set: {n} images of each kind").format(
               data=data.describe(), epochs=size["epochs"], lr=TRAINING["lr"], batch=TRAINING["batch_size"],
               seed=seed, n=size["n_canvas"])
           + (translate("Experiments", " (preprocessing rejected {rejected})").format(rejected=rejected)
              if rejected else "") + ".\n"
           + translate("Experiments", "Test accuracy: MLP {mlp_test:.2%}, CNN {cnn_test:.2%}; canvas-style: MLP "
                                      "{mlp_canvas:.2%}, CNN {cnn_canvas:.2%}. The CNN has {weights:.0f} times the "
                                      "weights and took {time:.0f} times as long to train.").format(
               mlp_test=mlp["test_acc"], cnn_test=cnn["test_acc"], mlp_canvas=mlp["canvas_overall"],
               cnn_canvas=cnn["canvas_overall"], weights=cnn["params"] / mlp["params"],
               time=cnn["train_seconds"] / mlp["train_seconds"]) + "\n"
           + shown(CNN_BETTER if cnn["canvas_overall"] > mlp["canvas_overall"] else CNN_NOT_BETTER))


def run(out_dir: Path, quick: bool, seed: int, report: Reporter):
    size = QUICK if quick else FULL
    data = mnist_subset(size["n_train"], 0, size["n_test"], seed)
    report(0.0, translate("Experiments", "preparing the canvas-style digits"))
    canvas = canvas_set(size["n_canvas"], CANVAS_SEED, parts=CANVAS_PARTS)
    runs, rows, metrics = {}, [], {}
    parts = report.span(0.02, 1.0).spans(len(PRESET_NAMES))
    for preset, part in zip(PRESET_NAMES, parts):
        net = build_preset(preset, np.random.default_rng(seed))
        c = runs[preset] = fit(net, data, TrainConfig(epochs=size["epochs"], seed=seed, **TRAINING), part)
        answers = {name: read(net, images)[0] for name, (images, _) in canvas.items()}
        canvas_acc = {name: float((answers[name] == labels).mean()) for name, (_, labels) in canvas.items()}
        overall = float(np.mean(list(canvas_acc.values())))  # every set has n_canvas images
        rows.append([preset, f"{net.num_params():,}", f"{c.test_acc[-1]:.4f}", f"{c.test_loss[-1]:.4f}",
                     *(f"{a:.4f}" for a in canvas_acc.values()), f"{overall:.4f}", f"{c.seconds:.1f}",
                     f"{size['n_train'] * c.epochs / c.seconds:.0f}"])
        metrics[preset] = {"test_acc": c.test_acc[-1], "params": net.num_params(), "canvas_acc": canvas_acc,
                           "canvas_overall": overall, "train_seconds": c.seconds}
    table = write_table(out_dir, "mlp_vs_cnn", Table(
        translate("Experiments", "Same budget: {data}, {epochs} epochs, Adam lr {lr}, batch {batch}").format(
            data=data.describe(), epochs=size["epochs"], lr=TRAINING["lr"], batch=TRAINING["batch_size"]),
        [shown(QT_TRANSLATE_NOOP("Experiments", "preset")), shown(QT_TRANSLATE_NOOP("Experiments", "parameters")),
         shown(TEST_ACCURACY), shown(TEST_LOSS),
         *(translate("Experiments", "canvas: {kind}").format(kind=shown(n)) for n in canvas),
         translate("Experiments", "canvas: all"), shown(TRAINING_S), translate("Experiments", "images/s")], rows))
    plot = plot_panels(out_dir / "curves.png", translate("Experiments", "MLP vs CNN under the same budget"),
                       curve_panels(runs))
    rejected = {name: int((digits < 0).sum()) for name, digits in answers.items() if (digits < 0).any()}
    summary = describe(data, size, seed, rejected, metrics["mlp"], metrics["cnn"])
    return finish(NAME, out_dir, summary, metrics, [plot], [table])
