"""The shipped networks: they load, they score what the README says, and they read digits drawn on a canvas.

A regression guard for the preprocessing and the engine as much as for the files:
a change that breaks how a drawing becomes 28x28, or how a layer computes,
shows here as lost accuracy.
"""

import pytest

from model.calibration import Calibration
from model.data.canvas_set import canvas_set
from model.evaluation import evaluate_mnist_test, read
from model.paths import WEIGHTS_DIR
from model.trust import mnist_test_trust
from model.weights import load_weights

CANVAS_IMAGES = 1000  # of each canvas-style set, as the README's figures
pytestmark = pytest.mark.slow

# name: (MNIST test floor, canvas "mnist" floor, canvas "fonts" floor, canvas "strokes" floor);
# the targets where it sets one, else a little under what the file scores.
FLOORS = {
    "mlp": (0.983, 0.975, 0.945, 0.93),
    "cnn": (0.993, 0.985, 0.970, 0.96),
    "small-cnn": (0.992, 0.985, 0.970, 0.96),
}
# name: (share of the canvas "nondigits" refused at least, share of MNIST test digits refused at most).
REFUSAL_FLOORS = {"mlp": (0.85, 0.01), "cnn": (0.95, 0.01), "small-cnn": (0.95, 0.01)}
MAX_ECE = 0.02


@pytest.fixture(scope="module")
def canvas():
    """The canvas-style digits, drawn once for all three networks."""
    return canvas_set(CANVAS_IMAGES, 0, parts=("mnist", "fonts", "strokes", "nondigits"))


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
    # Read as the program reads, with the file's calibration: a refused digit is -1, wrong.
    scores = {part: float((read(checkpoint, images)[0] == labels).mean())
              for part, (images, labels) in canvas.items() if part != "nondigits"}
    floors = dict(zip(("mnist", "fonts", "strokes"), FLOORS[name][1:]))
    assert all(scores[part] >= floor for part, floor in floors.items()), scores


def test_drawings_that_are_no_digit_are_refused_and_digits_are_not(bundled, canvas):
    name, checkpoint = bundled
    refused = float((read(checkpoint, canvas["nondigits"][0])[0] < 0).mean())
    test = mnist_test_trust(checkpoint.net, Calibration.from_meta(checkpoint.meta))
    assert refused >= REFUSAL_FLOORS[name][0] and test["refused"] <= REFUSAL_FLOORS[name][1], (refused, test)
    assert test["ece"] <= MAX_ECE


def test_file_records_the_command_that_made_it(bundled):
    name, checkpoint = bundled
    command = checkpoint.meta["training"]["command"]
    assert command.startswith("python -m model train") and f"assets/weights/{name}.npz" in command
