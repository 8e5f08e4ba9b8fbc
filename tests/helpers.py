"""Helpers several test files share: small networks and data, one training step, strokes, centres of mass."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from model.cli.main import main
from model.constants import IMAGE_SIDE, MNIST_MEAN, MNIST_STD, N_CLASSES
from model.losses import SoftmaxCrossEntropy
from model.network import Sequential

PROTOTYPE_SEED = 42

LINEAR = [{"type": "Normalize", "mean": MNIST_MEAN, "std": MNIST_STD}, {"type": "Flatten"},
          {"type": "Linear", "in_features": IMAGE_SIDE * IMAGE_SIDE, "out_features": N_CLASSES, "init": "xavier"}]


# A network holding every kind of layer, small enough to run in milliseconds.
EVERY_LAYER_SPEC = [
    {"type": "Normalize"},
    {"type": "Conv2d", "in_channels": 1, "out_channels": 4, "kernel_size": 3, "padding": 1},
    {"type": "BatchNorm2d", "num_channels": 4},
    {"type": "ReLU"},
    {"type": "MaxPool2d", "kernel_size": 2},
    {"type": "Conv2d", "in_channels": 4, "out_channels": 6, "kernel_size": 3, "stride": 2},
    {"type": "Tanh"},
    {"type": "AvgPool2d", "kernel_size": 2, "stride": 1},
    {"type": "Sigmoid"},
    {"type": "Flatten"},
    {"type": "Linear", "in_features": 24, "out_features": 12},
    {"type": "BatchNorm1d", "num_features": 12},
    {"type": "LeakyReLU"},
    {"type": "Dropout", "p": 0.5},
    {"type": "Linear", "in_features": 12, "out_features": 10, "init": "small"},
]
EVERY_LAYER_INPUT = (1, 16, 16)

# Strokes on the 280 x 280 canvas, in canvas units: a "1" and a "0" any decent network reads.
ONE_STROKE = [(150, 40), (140, 240)]
ZERO_STROKE = [(140 + 60 * np.cos(a), 140 + 95 * np.sin(a)) for a in np.linspace(0, 2 * np.pi, 48)]


def every_layer_net(seed=0) -> Sequential:
    return Sequential.from_spec(EVERY_LAYER_SPEC, np.random.default_rng(seed), input_shape=EVERY_LAYER_INPUT)


def train_step(net, x, labels, optimizer=None, lr=0.1, input_grad=True) -> float:
    """One forward, backward and update on a batch; returns its loss.

    The update is `optimizer.step()`, or plain SGD with `lr` when no optimizer is given.
    """
    loss = SoftmaxCrossEntropy()
    net.zero_grad()
    value = loss.forward(net.forward(x, train=True), labels)
    net.backward(loss.backward(), input_grad=input_grad)
    if optimizer is not None:
        optimizer.step()
    else:
        for p in net.params().values():
            p.data -= lr * p.grad
    return value


def centre_of_mass(images: np.ndarray) -> np.ndarray:
    """Images (..., H, W) -> their centres of mass (..., 2) as (row, column), in pixels."""
    img = np.asarray(images, dtype=np.float64)
    rows, cols = np.indices(img.shape[-2:])
    mass = img.sum(axis=(-2, -1))
    return np.stack([(img * rows).sum(axis=(-2, -1)) / mass, (img * cols).sum(axis=(-2, -1)) / mass], axis=-1)


def show_widget(qtbot, widget, width: int, height: int):
    """`widget` on screen at width x height, closed after the test; returns it."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def draw_and_wait(window, qtbot, points) -> None:
    """Draw a stroke on the window's canvas and wait for the prediction it brings."""
    with qtbot.waitSignal(window.prediction_updated):
        window.canvas.draw_stroke(points)


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


class Once(dict):
    """key -> make(key), made when first asked for: a module's tests share what takes seconds to make."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        self[key] = self.make(key)
        return self[key]


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
