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
from model.experiments.results import Panel, Series, Table, finish, plot_matrices, plot_panels, write_table
from model.losses import SoftmaxCrossEntropy, softmax
from model.network import Sequential

NAME = "toy-digits"
DESCRIPTION = "Five 5x5 digits, deep 25-20-20-20-5 net: ReLU vs sigmoid + dropout 0.2, per-sample SGD"

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
    loss_fn = SoftmaxCrossEntropy()
    losses = np.empty(epochs)
    for epoch in range(epochs):
        losses[epoch] = sgd_epoch(net, loss_fn, x, labels, LEARNING_RATE, rng)
        if epoch % REPORT_EVERY == 0:
            report(epoch / epochs, f"epoch {epoch}/{epochs}, loss {losses[epoch]:.4f}")
    return losses


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
        plot_panels(out_dir / "error_curves.png", f"Toy digits: training error ({epochs} epochs, lr {LEARNING_RATE})",
                    [Panel("Cross-entropy per epoch", "epoch", "mean training loss (log scale)",
                           [Series(k, v) for k, v in curves.items()], log_y=True)], ncols=1),
        plot_matrices(out_dir / "outputs.png", "Toy digits: softmax outputs", outputs, "output class (digit)",
                      "input digit", ticks),
    ]
    rows = [[label, f"{np.diag(m).min():.4f}", f"{np.diag(m).mean():.4f}", f"{curves[label][-1]:.3g}"]
            for label, m in outputs.items()]
    table = write_table(out_dir, "results", Table(f"Toy digits after {epochs} epochs",
                                                  ["network", "min diagonal", "mean diagonal", "final loss"], rows))
    blocks = [f"{label}: output for digits 1-5 (rows) over classes 1-5 (columns)\n"
              + np.array2string(m, precision=4, suppress_small=True) for label, m in outputs.items()]
    relu_diag = float(np.diag(outputs["ReLU"]).min())
    verdict = "exceeds" if relu_diag > DIAGONAL_TARGET else "does NOT exceed"
    summary = (f"25-20-20-20-5 network, per-sample SGD, lr {LEARNING_RATE}, {epochs} epochs, seed {seed}.\n\n"
               + "\n\n".join(blocks)
               + f"\n\nThe ReLU network's smallest diagonal output {relu_diag:.4f} {verdict} {DIAGONAL_TARGET}.")
    metrics = {"epochs": epochs, "outputs": {k: v for k, v in outputs.items()},
               "final_loss": {k: float(v[-1]) for k, v in curves.items()}, "relu_min_diagonal": relu_diag}
    return finish(NAME, out_dir, summary, metrics, plots, [table])
