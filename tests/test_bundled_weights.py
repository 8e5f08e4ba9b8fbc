"""The shipped networks: they load, they score what the README says, and they read digits drawn on a canvas.

A regression guard for the preprocessing and the engine as much as for the files:
a change that breaks how a drawing becomes 28x28, or how a layer computes,
shows here as lost accuracy.
"""

import numpy as np
import pytest
from helpers import Once

from model.calibration import Calibration
from model.data.canvas_bundle import prepared_part
from model.data.mnist import load_mnist
from model.evaluation import evaluate_mnist_test, read_prepared
from model.paths import WEIGHTS_DIR
from model.trust import trust_from_logits
from model.weights import load_weights

pytestmark = pytest.mark.slow

CANVAS_IMAGES = 1000  # of each canvas-style part, as the README's figures
DIGIT_PARTS = ("mnist", "fonts", "strokes")
# name: (MNIST test floor, canvas "mnist" floor, canvas "fonts" floor, canvas "strokes" floor);
# the targets where it sets one, else a little under what the file scores.
FLOORS = {
    "mlp": (0.983, 0.975, 0.945, 0.93),
    "cnn": (0.993, 0.985, 0.970, 0.96),
    "small-cnn": (0.992, 0.985, 0.970, 0.96),
}
NAMES = sorted(FLOORS)
# name: (share of the canvas "nondigits" refused at least, share of MNIST test digits refused at most).
REFUSAL_FLOORS = {"mlp": (0.85, 0.01), "cnn": (0.95, 0.01), "small-cnn": (0.95, 0.01)}
MAX_ECE = 0.02


def _load(name):
    path = WEIGHTS_DIR / f"{name}.npz"
    assert path.exists(), f"{path} is missing: the program could not classify on first launch"
    return load_weights(path)


@pytest.fixture(scope="module")
def bundled():
    """name -> the bundled weight file as the program loads it."""
    return Once(_load)


@pytest.fixture(scope="module")
def canvas():
    """part -> the canvas-style part as `evaluate --canvas 1000` reads it: from the bundle (test_canvas_bundle
    checks it against the drawing code), prepared once for all three networks."""
    return Once(lambda part: prepared_part(part, CANVAS_IMAGES, 0))


class _Recording:
    """A network that keeps the logits it gives (as float64) and passes everything else to the network."""

    def __init__(self, net):
        self.net, self.logits = net, []

    def __getattr__(self, name):
        return getattr(self.net, name)

    def forward(self, x, train=False):
        out = self.net.forward(x, train=train)
        self.logits.append(np.array(out, np.float64))
        return out


@pytest.fixture(scope="module")
def on_mnist_test(bundled):
    """name -> (`evaluate_mnist_test`'s report, the logits (10000, 10) it was made from): one pass for two tests."""
    def evaluate(name):
        recording = _Recording(bundled[name].net)
        return evaluate_mnist_test(recording), np.concatenate(recording.logits)
    return Once(evaluate)


class TestOnMnistTest:
    """The MNIST test set as each network reads it (loadscope hands each class to one worker, as a module)."""

    @pytest.mark.parametrize("name", NAMES)
    def test_mnist_accuracy_is_what_the_file_records(self, name, bundled, on_mnist_test):
        accuracy = on_mnist_test[name][0].accuracy
        assert accuracy == pytest.approx(bundled[name].meta["test_accuracy"], abs=1e-4)
        assert accuracy >= FLOORS[name][0]

    @pytest.mark.parametrize("name", NAMES)
    def test_mnist_digits_are_rarely_refused_and_confidence_means_what_it_says(self, name, bundled, on_mnist_test):
        calibration = Calibration.from_meta(bundled[name].meta)
        test = trust_from_logits(calibration, on_mnist_test[name][1], load_mnist("test")[1])
        assert test["refused"] <= REFUSAL_FLOORS[name][1] and test["ece"] <= MAX_ECE, test


class DrawnDigits:
    """Each network reads one digit part of the canvas-style set, named by the subclass.

    One class a part: each is loaded where its tests run, so the networks read on every worker at once.
    """

    part = ""

    @pytest.mark.parametrize("name", NAMES)
    def test_digits_drawn_on_a_canvas_are_read(self, name, bundled, canvas):
        part = canvas[self.part]
        # Read as the program reads, with the file's calibration: a refused digit is -1, wrong.
        score = float((read_prepared(bundled[name], part.inputs, part.found)[0] == part.labels).mean())
        assert score >= FLOORS[name][1 + DIGIT_PARTS.index(self.part)], score


class TestMnistDigitsRedrawn(DrawnDigits):
    part = "mnist"


class TestFontDigits(DrawnDigits):
    part = "fonts"


class TestStrokeDigits(DrawnDigits):
    part = "strokes"


def test_every_digit_part_is_read():
    parts = {cls.part for cls in DrawnDigits.__subclasses__()}
    assert parts == set(DIGIT_PARTS)


class TestNoDigits:
    @pytest.mark.parametrize("name", NAMES)
    def test_drawings_that_are_no_digit_are_refused(self, name, bundled, canvas):
        part = canvas["nondigits"]
        refused = float((read_prepared(bundled[name], part.inputs, part.found)[0] < 0).mean())
        assert refused >= REFUSAL_FLOORS[name][0], refused


@pytest.mark.parametrize("name", NAMES)
def test_file_records_the_command_that_made_it(name, bundled):
    command = bundled[name].meta["training"]["command"]
    assert command.startswith("python -m model train") and f"assets/weights/{name}.npz" in command
