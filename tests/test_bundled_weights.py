"""The shipped networks: they load, they score what the README says, and they read digits drawn on a canvas.

A regression guard for the preprocessing and the engine as much as for the files:
a change that breaks how a drawing becomes 28x28, or how a layer computes,
shows here as lost accuracy.
"""

import pytest

from model.data.canvas_set import canvas_set
from model.evaluation import evaluate_mnist_test, read
from model.paths import WEIGHTS_DIR
from model.weights import load_weights

CANVAS_IMAGES = 1000  # of each canvas-style set, as the README's figures
pytestmark = pytest.mark.slow

# name: (MNIST test floor, canvas "mnist" floor, canvas "fonts" floor); the targets where it sets one.
FLOORS = {
    "mlp": (0.983, 0.985, 0.945),
    "cnn": (0.993, 0.985, 0.970),
    "small-cnn": (0.990, 0.985, 0.960),
}


@pytest.fixture(scope="module")
def canvas():
    """The canvas-style digits, drawn once for all three networks."""
    return canvas_set(CANVAS_IMAGES, 0, parts=("mnist", "fonts"))


@pytest.fixture(scope="module", params=sorted(FLOORS))
def bundled(request):
    path = WEIGHTS_DIR / f"{request.param}.npz"
    assert path.exists(), f"{path} is missing: the program could not classify on first launch"
    return request.param, load_weights(path)


def test_mnist_accuracy_is_what_the_file_records(bundled):
    name, checkpoint = bundled
    accuracy = evaluate_mnist_test(checkpoint.net).accuracy
    assert accuracy == pytest.approx(checkpoint.meta["test_accuracy"], abs=1e-4)
    assert accuracy >= FLOORS[name][0]


def test_digits_drawn_on_a_canvas_are_read(bundled, canvas):
    name, checkpoint = bundled
    # A drawing the reader refuses is digit -1: wrong, as in `evaluate --canvas`.
    scores = {part: float((read(checkpoint.net, images)[0] == labels).mean())
              for part, (images, labels) in canvas.items()}
    _, mnist_floor, fonts_floor = FLOORS[name]
    assert scores["mnist"] >= mnist_floor and scores["fonts"] >= fonts_floor, scores


def test_file_records_the_command_that_made_it(bundled):
    name, checkpoint = bundled
    command = checkpoint.meta["training"]["command"]
    assert command.startswith("python -m model train") and f"assets/weights/{name}.npz" in command
