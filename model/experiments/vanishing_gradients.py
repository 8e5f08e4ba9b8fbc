"""vanishing-gradients: how much gradient reaches each layer of a deep sigmoid or ReLU network.

Fully connected networks with 6 and 10 hidden layers of 100 units, trained
by plain SGD on an MNIST subset. After each backward pass the norm of every
Linear layer's weight gradient is recorded: under sigmoid (derivative at
most 1/4) it shrinks layer by layer towards the input, under ReLU it does not.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model.experiments.mnist_runs import LN_10, mnist_subset
from model.experiments.reporting import Reporter
from model.experiments.results import Panel, Series, Table, finish, plot_panels, write_table
from model.losses import SoftmaxCrossEntropy
from model.optim import make_optimizer
from model.presets import build_preset

NAME = "vanishing-gradients"
DESCRIPTION = "Per-layer gradient norms of 6- and 10-hidden-layer nets, sigmoid vs ReLU"

DEPTHS = (6, 10)
ACTIVATIONS = ("sigmoid", "relu")
WIDTH = 100
BATCH = 64
LEARNING_RATE = 0.05
N_TRAIN, ITERATIONS = 20_000, 2_000
QUICK_N_TRAIN, QUICK_ITERATIONS = 1_000, 30
EARLY = 20  # "the first iterations": gradient norms are averaged over these
REPORT_EVERY = 10


def track(activation: str, depth: int, x: np.ndarray, y: np.ndarray, iterations: int, seed: int,
          report: Reporter) -> tuple[np.ndarray, np.ndarray]:
    """Train one network; return (weight-gradient norms (iterations, depth + 1), loss (iterations,)).

    Column 0 of the norms is the first (input) layer, the last column the output layer.
    """
    rng = np.random.default_rng(seed)
    net = build_preset("mlp", rng, activation=activation, hidden=(WIDTH,) * depth)
    weights = [p for name, p in net.params().items() if name.endswith("weight")]
    optimizer, loss_fn = make_optimizer("sgd", net.params(), LEARNING_RATE), SoftmaxCrossEntropy()
    norms, losses = np.empty((iterations, len(weights))), np.empty(iterations)
    order = np.empty(0, dtype=np.int64)
    for it in range(iterations):
        if len(order) < BATCH:
            order = rng.permutation(len(x))
        idx, order = order[:BATCH], order[BATCH:]
        losses[it] = loss_fn.forward(net.forward(x[idx], train=True), y[idx])
        net.zero_grad()
        net.backward(loss_fn.backward(), input_grad=False)
        norms[it] = [np.linalg.norm(w.grad) for w in weights]
        optimizer.step()
        if it % REPORT_EVERY == 0:
            report(it / iterations, f"{activation}, {depth} hidden layers: iteration {it}/{iterations}")
    return norms, losses


def plots(out_dir: Path, norms: dict, losses: dict, early: int) -> list[Path]:
    per_iteration = [
        Panel(f"{label}: gradient norm per layer", "iteration", "||dL/dW|| (log scale)",
              [Series(f"layer {i + 1}" + (" (input)" if i == 0 else " (output)" if i == n.shape[1] - 1 else ""),
                      n[:, i]) for i in range(n.shape[1])], log_y=True, colormap="viridis")
        for label, n in norms.items()]
    profile = Panel(f"Mean gradient norm over the first {early} iterations", "layer (1 = input side)",
                    "||dL/dW|| (log scale)",
                    [Series(label, n[:early].mean(axis=0), x=np.arange(1, n.shape[1] + 1), style="o-")
                     for label, n in norms.items()], log_y=True)
    curves = Panel("Training loss", "iteration", "cross-entropy",
                   [Series(label, v) for label, v in losses.items()]
                   + [Series("ln(10): guessing", np.full(len(next(iter(losses.values()))), LN_10), style="k:")])
    return [plot_panels(out_dir / "gradient_norms.png", "Gradient norm of every layer during training",
                        per_iteration, ncols=2),
            plot_panels(out_dir / "gradient_profile.png", "Vanishing gradients: sigmoid vs ReLU",
                        [profile, curves], ncols=2)]


def run(out_dir: Path, quick: bool, seed: int, report: Reporter):
    n_train, iterations = (QUICK_N_TRAIN, QUICK_ITERATIONS) if quick else (N_TRAIN, ITERATIONS)
    data = mnist_subset(n_train, 0, 1, seed)
    configs = [(a, d) for d in DEPTHS for a in ACTIVATIONS]
    norms, losses = {}, {}
    for (activation, depth), part in zip(configs, report.spans(len(configs))):
        label = f"{activation}, {depth} hidden"
        norms[label], losses[label] = track(activation, depth, data.x_train, data.y_train, iterations, seed, part)
    early = min(EARLY, iterations)
    first = {label: float(n[:early, 0].mean()) for label, n in norms.items()}
    last = {label: float(n[:early, -1].mean()) for label, n in norms.items()}
    rows = [[label, f"{first[label]:.3g}", f"{last[label]:.3g}", f"{first[label] / last[label]:.3g}",
             f"{losses[label][-1]:.3f}"] for label in norms]
    table = write_table(out_dir, "gradients", Table(
        f"Gradient norms, mean of the first {early} iterations; loss after {iterations}",
        ["network", "first layer", "output layer", "first / output", "final loss"], rows))
    ratio = {d: first[f"relu, {d} hidden"] / first[f"sigmoid, {d} hidden"] for d in DEPTHS}
    summary = (f"{WIDTH}-unit hidden layers, plain SGD lr {LEARNING_RATE}, batch {BATCH}, {iterations} iterations "
               f"on {n_train} MNIST training images, seed {seed}.\n"
               + "\n".join(f"With {d} hidden layers the first layer's gradient is {ratio[d]:.0f} times smaller "
                           f"under sigmoid than under ReLU." for d in DEPTHS)
               + "\nSigmoid's derivative is at most 1/4, so each layer passes back a fraction of the gradient it "
                 "receives: the layers near the input barely learn and the loss stays near ln(10) for long.")
    metrics = {"first_layer": first, "output_layer": last, "relu_over_sigmoid_first_layer": ratio,
               "final_loss": {k: float(v[-1]) for k, v in losses.items()}, "iterations": iterations}
    return finish(NAME, out_dir, summary, metrics, plots(out_dir, norms, losses, early), [table])
