"""xor: the 2-2-1 sigmoid perceptron that learns XOR, and the seeds that don't.

Squared error, per-sample updates, learning rate 0.3, 3,000 epochs, once per
seed. Some seeds land on a plateau (a local minimum or saddle: the outputs
stall near 0.5) and never leave it; others are merely slow.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from model.experiments.per_sample import sgd_epoch
from model.experiments.reporting import Reporter
from model.experiments.results import EPOCH, FINAL_LOSS, Panel, Series, Table, finish, plot_panels, shown, write_table
from model.flat_params import FlatParams
from model.losses import MSE
from model.network import Sequential
from model.text import QT_TRANSLATE_NOOP, translate

NAME = QT_TRANSLATE_NOOP("Experiments", "xor")
DESCRIPTION = QT_TRANSLATE_NOOP("Experiments", "XOR with a 2-2-1 sigmoid MLP, squared error, lr 0.3: how many seeds "
                                               "solve it")

INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float32)
TARGETS = np.array([[0], [1], [1], [0]], dtype=np.float32)
HIDDEN = 2
LEARNING_RATE = 0.3
EPOCHS = 3_000
SEEDS = 20
QUICK_SEEDS = 5
TOLERANCE = 0.1  # solved: every output within this of its target
# Not solved and the loss fell less than this (relative) over the last third: stuck, not slow.
PLATEAU_DROP = 0.05
OUTCOME_STYLE = {QT_TRANSLATE_NOOP("Experiments", "solved"): "C2-", QT_TRANSLATE_NOOP("Experiments", "slow"): "C1-",
                 QT_TRANSLATE_NOOP("Experiments", "stuck"): "C3-"}


def network(rng: np.random.Generator) -> Sequential:
    spec = [{"type": "Linear", "in_features": 2, "out_features": HIDDEN, "init": "xavier"}, {"type": "Sigmoid"},
            {"type": "Linear", "in_features": HIDDEN, "out_features": 1, "init": "xavier"}, {"type": "Sigmoid"}]
    return Sequential.from_spec(spec, rng, input_shape=(2,))


def train_seed(seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Train one network from `seed`. Returns (loss per epoch (EPOCHS,), outputs (4,))."""
    rng = np.random.default_rng(seed)
    net = network(rng)
    loss_fn, flat = MSE(), FlatParams(net.params())
    losses = np.array([sgd_epoch(net, loss_fn, INPUTS, TARGETS, LEARNING_RATE, rng, flat) for _ in range(EPOCHS)])
    return losses, net.forward(INPUTS).ravel()


def outcome(losses: np.ndarray, outputs: np.ndarray) -> str:
    """"solved", "stuck" (the loss has flattened out short of a solution) or "slow" (still falling)."""
    if np.all(np.abs(outputs - TARGETS.ravel()) < TOLERANCE):
        return "solved"
    before = losses[2 * len(losses) // 3]
    return "stuck" if before - losses[-1] < PLATEAU_DROP * before else "slow"


def describe(seeds: list, outcomes: dict, curves: dict, rows: list) -> str:
    """The summary: the set-up, how many seeds solved XOR or got stuck, and the best seed's outputs."""
    solved = [s for s in seeds if outcomes[s] == "solved"]
    counts = {k: sum(v == k for v in outcomes.values()) for k in OUTCOME_STYLE}
    best = min(solved, key=lambda s: curves[s][-1]) if solved else min(seeds, key=lambda s: curves[s][-1])
    stuck = [s for s in seeds if outcomes[s] == "stuck"]
    return (translate("Experiments", "2-{hidden}-1 sigmoid network, squared error, per-sample SGD, lr {lr}, "
                                    "{epochs} epochs.").format(hidden=HIDDEN, lr=LEARNING_RATE, epochs=EPOCHS)
           + "\n"
           + translate("Experiments", "{solved} of {n} seeds solve XOR (every output within {tolerance} of its "
                                      "target); still converging: {slow}; stuck on a plateau (a local minimum, "
                                      "outputs stall near 0.5): {stuck}").format(
               solved=len(solved), n=len(seeds), tolerance=TOLERANCE, slow=counts["slow"], stuck=counts["stuck"])
           + (translate("Experiments", " (seeds {seeds})").format(seeds=", ".join(map(str, stuck)))
              if stuck else "")
           + ".\n" + translate("Experiments", "Seed {seed}: final loss {loss}, outputs for (0,0), (0,1), (1,0), "
                                              "(1,1): {outputs}.").format(
               seed=best, loss=f"{curves[best][-1]:.4g}", outputs=", ".join(rows[seeds.index(best)][2:6])))


def run(out_dir: Path, quick: bool, seed: int, report: Reporter):
    seeds = list(range(seed, seed + (QUICK_SEEDS if quick else SEEDS)))
    rows, curves, outcomes = [], {}, {}
    for n, s in enumerate(seeds):
        report(n / len(seeds), translate("Experiments", "seed {seed}").format(seed=s))
        curves[s], outputs = train_seed(s)
        outcomes[s] = outcome(curves[s], outputs)
        rows.append([s, f"{curves[s][-1]:.4g}", *(f"{o:.3f}" for o in outputs), shown(outcomes[s])])
    solved = [s for s in seeds if outcomes[s] == "solved"]
    counts = {k: sum(v == k for v in outcomes.values()) for k in OUTCOME_STYLE}
    series, labelled = [], set()
    for s in seeds:  # one legend entry per outcome, not per seed
        kind = outcomes[s]
        series.append(Series(f"{shown(kind)} ({counts[kind]})" if kind not in labelled else "_", curves[s],
                             style=OUTCOME_STYLE[kind]))
        labelled.add(kind)
    plot = plot_panels(out_dir / "loss_curves.png",
                       translate("Experiments", "XOR, 2-{hidden}-1 sigmoid, lr {lr}: {n} seeds").format(
                           hidden=HIDDEN, lr=LEARNING_RATE, n=len(seeds)),
                       [Panel(translate("Experiments", "Squared error per epoch"), shown(EPOCH),
                              translate("Experiments", "mean loss (log scale)"), series, log_y=True)],
                       ncols=1)
    table = write_table(out_dir, "seeds", Table(
        translate("Experiments", "XOR after {epochs} epochs").format(epochs=EPOCHS),
        [translate("Experiments", "seed"), shown(FINAL_LOSS), "out(0,0)", "out(0,1)", "out(1,0)", "out(1,1)",
         translate("Experiments", "outcome")], rows))
    summary = describe(seeds, outcomes, curves, rows)
    metrics = {"seeds": seeds, "solved": solved, "outcomes": outcomes, "final_loss": {s: curves[s][-1] for s in seeds},
               "outputs": {row[0]: [float(v) for v in row[2:6]] for row in rows}}
    return finish(NAME, out_dir, summary, metrics, [plot], [table])
