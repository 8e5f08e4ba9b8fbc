"""Helpers several test files share: small networks and data, one training step, drawing helpers."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.cli.main import main
from model.constants import IMAGE_SIDE, MNIST_MEAN, MNIST_STD, N_CLASSES
from model.network import Sequential

PROTOTYPE_SEED = 42

LINEAR = [{"type": "Normalize", "mean": MNIST_MEAN, "std": MNIST_STD}, {"type": "Flatten"},
          {"type": "Linear", "in_features": IMAGE_SIDE * IMAGE_SIDE, "out_features": N_CLASSES, "init": "xavier"}]


def linear_net(seed=0) -> Sequential:
    """Normalize, Flatten, one Linear layer to 10 classes: trains in milliseconds."""
    return Sequential.from_spec(LINEAR, np.random.default_rng(seed))


def blobs(n, seed=0, noise=0.3):
    """A separable 10-class problem: noisy copies of 10 fixed random prototype images in [0, 1].

    seed picks the noise, so blobs(n, seed=1) is fresh data from the same classes.
    """
    shape = (N_CLASSES, 1, IMAGE_SIDE, IMAGE_SIDE)
    prototypes = np.random.default_rng(PROTOTYPE_SEED).random(shape, dtype=np.float32)
    rng = np.random.default_rng(seed)
    y = np.arange(n) % N_CLASSES
    x = np.clip(prototypes[y] + noise * rng.standard_normal((n, *shape[1:]), dtype=np.float32), 0, 1)
    return x, y


@dataclass
class CliResult:
    """What a command-line run left: its exit status and what it printed (as subprocess.CompletedProcess has)."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(capsys, *args: str) -> CliResult:
    """`python -m model ARGS` run in this process through main(argv): the same code, without a new interpreter."""
    capsys.readouterr()  # drop anything printed before
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors exit
        code = exc.code if isinstance(exc.code, int) else 1
    out = capsys.readouterr()
    return CliResult(code, out.out, out.err)
