"""toy-digits: the labs' five 5x5 digits learned by a deep 25-20-20-20-5 network.

First with ReLU, then with sigmoid and dropout 0.2, both by per-sample SGD
(learning rate 0.01) on softmax cross-entropy. Each prints its 5x5 output
matrix: row i is the network's answer for digit i + 1, so a network that
learned the digits shows a bright diagonal.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model.experiments.per_sample import sgd_epoch
from model.experiments.reporting import Reporter
from model.experiments.results import (
    EPOCH,
    FINAL_LOSS,
    Panel,
    Series,
    Table,
    finish,
    plot_matrices,
    plot_panels,
    shown,
    write_table,
)
from model.flat_params import FlatParams
from model.losses import SoftmaxCrossEntropy, softmax
from model.network import Sequential
from model.text import QT_TRANSLATE_NOOP, translate

NAME = QT_TRANSLATE_NOOP("Experiments", "toy-digits")
DESCRIPTION = QT_TRANSLATE_NOOP("Experiments", "Five 5x5 digits, deep 25-20-20-20-5 net: ReLU vs sigmoid + dropout "
                                               "0.2, per-sample SGD")

# The labs' bitmaps of the digits 1 to 5, row by row, 1 = ink.
BITMAPS = {
    1: ("01100", "00100", "00100", "00100", "01110"),
    2: ("11110", "00001", "01110", "10000", "11111"),
    3: ("11110", "00001", "01110", "00001", "11110"),
    4: ("00010", "00110", "01010", "11111", "00010"),
    5: ("11111", "10000", "11110", "00001", "11110"),
}
SIDE = 5
HIDDEN = (20, 20, 20)
LEARNING_RATE = 0.01
EPOCHS = 10_000
QUICK_EPOCHS = 1_500
DROPOUT = 0.2
DIAGONAL_TARGET = 0.99  # what "learned" means for the ReLU network
REPORT_EVERY = 100  # epochs between progress reports
SIGMOID_LABEL = QT_TRANSLATE_NOOP("Experiments", "Sigmoid + dropout 0.2")  # the label below with DROPOUT = 0.2


def digits() -> tuple[np.ndarray, np.ndarray]:
    """x: (5, 25) float32 bitmaps, labels: (5,) class indices 0..4 for the digits 1..5."""
    x = np.array([[int(c) for c in "".join(rows)] for rows in BITMAPS.values()], dtype=np.float32)
    return x, np.arange(len(BITMAPS))


def network_spec(activation: str, dropout: float, init: str) -> list[dict]:
    """25 -> 20 -> 20 -> 20 -> 5 with `activation` (and dropout) after each hidden layer."""
    spec, width = [], SIDE * SIDE
    for hidden in HIDDEN:
        spec += [{"type": "Linear", "in_features": width, "out_features": hidden, "init": init},
                 {"type": activation}]
        if dropout:
            spec.append({"type": "Dropout", "p": dropout})
        width = hidden
    return spec + [{"type": "Linear", "in_features": width, "out_features": len(BITMAPS), "init": init}]


def train_per_sample(net: Sequential, epochs: int, rng: np.random.Generator, report: Reporter) -> np.ndarray:
    """Per-sample SGD, one shuffled pass over the five digits per epoch.

    Returns the mean training loss of every epoch, (epochs,).
    """
    x, labels = digits()
    loss_fn, flat = SoftmaxCrossEntropy(), FlatParams(net.params())
    losses = np.empty(epochs)
    for epoch in range(epochs):
        losses[epoch] = sgd_epoch(net, loss_fn, x, labels, LEARNING_RATE, rng, flat)
        if epoch % REPORT_EVERY == 0:
            report(epoch / epochs, translate("Experiments", "epoch {epoch}/{epochs}, loss {loss}").format(
                epoch=epoch, epochs=epochs, loss=f"{losses[epoch]:.4f}"))
    return losses


def describe(epochs: int, seed: int, outputs: dict, relu_diag: float) -> str:
    """The summary: the set-up, each network's output matrix, and whether the ReLU one learned every digit."""
    blocks = [translate("Experiments", "{network}: output for digits 1-5 (rows) over classes 1-5 (columns)").format(
                  network=shown(label)) + "\n" + np.array2string(m, precision=4, suppress_small=True)
              for label, m in outputs.items()]
    if relu_diag > DIAGONAL_TARGET:
        verdict = translate("Experiments", "The ReLU network's smallest diagonal output {value} exceeds {target}.")
    else:
        verdict = translate("Experiments", "The ReLU network's smallest diagonal output {value} does NOT exceed "
                                           "{target}.")
    return (translate("Experiments", "25-20-20-20-5 network, per-sample SGD, lr {lr}, {epochs} epochs, seed "
                                    "{seed}.").format(lr=LEARNING_RATE, epochs=epochs, seed=seed) + "\n\n"
           + "\n\n".join(blocks)
           + "\n\n" + verdict.format(value=f"{relu_diag:.4f}", target=DIAGONAL_TARGET))


def run(out_dir: Path, quick: bool, seed: int, report: Reporter):
    epochs = QUICK_EPOCHS if quick else EPOCHS
    x, _ = digits()
    variants = {"ReLU": ("ReLU", 0.0, "he"), f"Sigmoid + dropout {DROPOUT}": ("Sigmoid", DROPOUT, "xavier")}
    curves, outputs = {}, {}
    for (label, (activation, dropout, init)), part in zip(variants.items(), report.spans(len(variants))):
        rng = np.random.default_rng(seed)
        net = Sequential.from_spec(network_spec(activation, dropout, init), rng, input_shape=(SIDE * SIDE,))
        curves[label] = train_per_sample(net, epochs, rng, part)
        outputs[label] = softmax(net.forward(x, train=False))
    ticks = [str(d) for d in BITMAPS]
    plots = [
        plot_panels(out_dir / "error_curves.png",
                    translate("Experiments", "Toy digits: training error ({epochs} epochs, lr {lr})").format(
                        epochs=epochs, lr=LEARNING_RATE),
                    [Panel(translate("Experiments", "Cross-entropy per epoch"), shown(EPOCH),
                           translate("Experiments", "mean training loss (log scale)"),
                           [Series(shown(k), v) for k, v in curves.items()], log_y=True)], ncols=1),
        plot_matrices(out_dir / "outputs.png", translate("Experiments", "Toy digits: softmax outputs"),
                      {shown(k): v for k, v in outputs.items()}, translate("Experiments", "output class (digit)"),
                      translate("Experiments", "input digit"), ticks),
    ]
    rows = [[shown(label), f"{np.diag(m).min():.4f}", f"{np.diag(m).mean():.4f}", f"{curves[label][-1]:.3g}"]
            for label, m in outputs.items()]
    table = write_table(out_dir, "results", Table(
        translate("Experiments", "Toy digits after {epochs} epochs").format(epochs=epochs),
        [shown(c) for c in (QT_TRANSLATE_NOOP("Experiments", "network"),
                            QT_TRANSLATE_NOOP("Experiments", "min diagonal"),
                            QT_TRANSLATE_NOOP("Experiments", "mean diagonal"), FINAL_LOSS)], rows))
    relu_diag = float(np.diag(outputs["ReLU"]).min())
    summary = describe(epochs, seed, outputs, relu_diag)
    metrics = {"epochs": epochs, "outputs": {k: v for k, v in outputs.items()},
               "final_loss": {k: float(v[-1]) for k, v in curves.items()}, "relu_min_diagonal": relu_diag}
    return finish(NAME, out_dir, summary, metrics, plots, [table])
