"""vanishing-gradients: how much gradient reaches each layer of a deep sigmoid or ReLU network.

Fully connected networks with 6 and 10 hidden layers of 100 units, trained
by plain SGD on an MNIST subset. After each backward pass the norm of every
Linear layer's weight gradient is recorded: under sigmoid (derivative at
most 1/4) it shrinks layer by layer towards the input, under ReLU it does not.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model.experiments.mnist_runs import CROSS_ENTROPY, GUESSING, LN_10, mnist_subset
from model.experiments.reporting import Reporter
from model.experiments.results import FINAL_LOSS, Panel, Series, Table, finish, plot_panels, shown, write_table
from model.losses import SoftmaxCrossEntropy
from model.optim import make_optimizer
from model.presets import build_preset
from model.text import QT_TRANSLATE_NOOP, translate

NAME = QT_TRANSLATE_NOOP("Experiments", "vanishing-gradients")
DESCRIPTION = QT_TRANSLATE_NOOP("Experiments", "Per-layer gradient norms of 6- and 10-hidden-layer nets, sigmoid vs "
                                               "ReLU")

DEPTHS = (6, 10)
ACTIVATIONS = (QT_TRANSLATE_NOOP("Experiments", "sigmoid"), QT_TRANSLATE_NOOP("Experiments", "relu"))
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
            report(it / iterations, translate("Experiments", "{activation}, {depth} hidden layers: iteration "
                                                             "{iteration}/{iterations}").format(
                activation=activation, depth=depth, iteration=it, iterations=iterations))
    return norms, losses


def layer_name(i: int, layers: int) -> str:
    """"layer 1 (input)", "layer 4", "layer 7 (output)": the legend of the per-layer plots."""
    if i == 0:
        return translate("Experiments", "layer {n} (input)").format(n=i + 1)
    if i == layers - 1:
        return translate("Experiments", "layer {n} (output)").format(n=i + 1)
    return translate("Experiments", "layer {n}").format(n=i + 1)


def network_name(label: str) -> str:
    """The run's label, "relu, 6 hidden", in the window's language."""
    activation, depth = label.split(", ")
    return translate("Experiments", "{activation}, {depth} hidden").format(activation=shown(activation),
                                                                           depth=depth.split()[0])


def plots(out_dir: Path, norms: dict, losses: dict, early: int) -> list[Path]:
    iteration, norm_axis = translate("Experiments", "iteration"), translate("Experiments", "||dL/dW|| (log scale)")
    per_iteration = [
        Panel(translate("Experiments", "{network}: gradient norm per layer").format(network=network_name(label)),
              iteration, norm_axis, [Series(layer_name(i, n.shape[1]), n[:, i]) for i in range(n.shape[1])],
              log_y=True, colormap="viridis")
        for label, n in norms.items()]
    profile = Panel(translate("Experiments", "Mean gradient norm over the first {n} iterations").format(n=early),
                    translate("Experiments", "layer (1 = input side)"), norm_axis,
                    [Series(network_name(label), n[:early].mean(axis=0), x=np.arange(1, n.shape[1] + 1), style="o-")
                     for label, n in norms.items()], log_y=True)
    curves = Panel(translate("Experiments", "Training loss"), iteration, shown(CROSS_ENTROPY),
                   [Series(network_name(label), v) for label, v in losses.items()]
                   + [Series(shown(GUESSING), np.full(len(next(iter(losses.values()))), LN_10), style="k:")])
    return [plot_panels(out_dir / "gradient_norms.png",
                        translate("Experiments", "Gradient norm of every layer during training"), per_iteration,
                        ncols=2),
            plot_panels(out_dir / "gradient_profile.png",
                        translate("Experiments", "Vanishing gradients: sigmoid vs ReLU"),
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
    rows = [[network_name(label), f"{first[label]:.3g}", f"{last[label]:.3g}", f"{first[label] / last[label]:.3g}",
             f"{losses[label][-1]:.3f}"] for label in norms]
    table = write_table(out_dir, "gradients", Table(
        translate("Experiments", "Gradient norms, mean of the first {early} iterations; loss after "
                                 "{iterations}").format(early=early, iterations=iterations),
        [shown(c) for c in (QT_TRANSLATE_NOOP("Experiments", "network"),
                            QT_TRANSLATE_NOOP("Experiments", "first layer"),
                            QT_TRANSLATE_NOOP("Experiments", "output layer"),
                            QT_TRANSLATE_NOOP("Experiments", "first / output"), FINAL_LOSS)], rows))
    ratio = {d: first[f"relu, {d} hidden"] / first[f"sigmoid, {d} hidden"] for d in DEPTHS}
    summary = (translate("Experiments", "{width}-unit hidden layers, plain SGD lr {lr}, batch {batch}, {iterations} "
                                        "iterations on {n} MNIST training images, seed {seed}.").format(
                   width=WIDTH, lr=LEARNING_RATE, batch=BATCH, iterations=iterations, n=n_train, seed=seed) + "\n"
               + "\n".join(translate("Experiments", "With {depth} hidden layers the first layer's gradient is "
                                                    "{ratio:.0f} times smaller under sigmoid than under ReLU.").format(
                               depth=d, ratio=ratio[d]) for d in DEPTHS)
               + "\n" + translate("Experiments", "Sigmoid's derivative is at most 1/4, so each layer passes back a "
                                                 "fraction of the gradient it receives: the layers near the input "
                                                 "barely learn and the loss stays near ln(10) for long."))
    metrics = {"first_layer": first, "output_layer": last, "relu_over_sigmoid_first_layer": ratio,
               "final_loss": {k: float(v[-1]) for k, v in losses.items()}, "iterations": iterations}
    return finish(NAME, out_dir, summary, metrics, plots(out_dir, norms, losses, early), [table])
