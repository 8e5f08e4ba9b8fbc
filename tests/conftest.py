"""Shared fixtures: offscreen Qt, throwaway settings, and a small network trained in seconds."""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import numpy as np
import pytest


def _import_without_assert_rewriting(*names: str) -> None:
    """Import `names` as Python does. pytest rewrites the asserts of every module of a plugin's package
    (hypothesis is one: about 80 modules, 1 s in each of a run's three processes, as no bytecode is cached
    here); the asserts worth rewriting are the tests' own."""
    rewriters = [hook for hook in sys.meta_path if type(hook).__name__ == "AssertionRewritingHook"]
    sys.meta_path[:] = [hook for hook in sys.meta_path if hook not in rewriters]
    try:
        for name in names:
            __import__(name)
    finally:
        sys.meta_path[:0] = rewriters


_import_without_assert_rewriting("hypothesis", "hypothesis.strategies", "hypothesis.extra.numpy")

from helpers import train_step  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

import app.main  # noqa: E402,F401  first: it sets NumPy's BLAS threads as the program runs them
from model.data.mnist import load_mnist, to_float
from model.network import Sequential

# Fuzz tests: a few dozen cases each in CI; `--hypothesis-profile=thorough` runs thousands.
# Each case writes a file and runs commands on it: no deadline, and the window fixtures are reused on purpose.
_FUZZ = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                                   HealthCheck.data_too_large], derandomize=False)
settings.register_profile("ci", max_examples=40, **_FUZZ)
settings.register_profile("thorough", max_examples=5000, **_FUZZ)
settings.load_profile("ci")

TINY_MLP = [
    {"type": "Normalize"},
    {"type": "Flatten"},
    {"type": "Linear", "in_features": 784, "out_features": 64},
    {"type": "ReLU"},
    {"type": "Linear", "in_features": 64, "out_features": 10},
]
TRAIN_IMAGES = 6000
# Tests using these fixtures are slow (`make test-fast` skips them): every experiment run once,
# a network trained by the `train` command.
SLOW_FIXTURES = {"quick_runs", "weights"}
EPOCHS = 4
BATCH = 64
LEARNING_RATE = 0.1


# The slowest work units, slowest first: modules, or classes ("module::Class"), each 2-7 s of CPU, or of wall
# for those that wait on child processes (a run's per-test CPU figures, `-p no:xdist` or per worker).
# pytest-xdist hands out modules and classes in collection order, so these start first and none is left to run
# alone at the end (test_train_process.py and test_training_curves.py came last by name). A module's other
# classes and functions follow at the module's own entry.
SLOWEST_FIRST = ("test_screen_fit.py", "test_refusal.py", "test_bundled_weights.py::TestOnMnistTest",
                 "test_experiments.py::TestSmallNetworks", "test_canvas_set.py", "test_train_process.py",
                 "test_experiments.py::TestActivations", "test_training_panel.py", "test_watch_panel.py",
                 "test_training_worker.py", "test_presets.py", "test_experiments.py::TestTraining", "test_cli.py",
                 "test_training_curves.py", "test_single_image.py", "test_bundled_weights.py", "test_experiments.py",
                 "test_inside_view.py")


def pytest_collection_modifyitems(items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
    items.sort(key=_rank)  # stable: the rest keep their order


def _rank(item) -> int:
    """Where the item's class, else its module, stands in SLOWEST_FIRST; after them all if it is in neither."""
    cls = getattr(item, "cls", None)
    for unit in ((f"{item.path.name}::{cls.__name__}",) if cls else ()) + (item.path.name,):
        if unit in SLOWEST_FIRST:
            return SLOWEST_FIRST.index(unit)
    return len(SLOWEST_FIRST)


@pytest.fixture(scope="session")
def tiny_net() -> Sequential:
    """An MLP trained with plain SGD on a few thousand MNIST images (about a second).

    Good enough (~90% on the test set) to call a clearly drawn "1" or "0".
    """
    images, labels = load_mnist("train")
    x, y = to_float(images[:TRAIN_IMAGES]), labels[:TRAIN_IMAGES].astype(np.int64)
    rng = np.random.default_rng(0)
    net = Sequential.from_spec(TINY_MLP, rng=rng)
    for _ in range(EPOCHS):
        order = rng.permutation(len(x))
        for start in range(0, len(x), BATCH):
            batch = order[start:start + BATCH]
            train_step(net, x[batch], y[batch], lr=LEARNING_RATE)
    return net


@pytest.fixture
def settings_dir(tmp_path, qapp):
    """Point every QSettings at a temporary folder, so tests never touch the user's own."""
    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)  # data folders (My digits, results) away from the user's own
    QCoreApplication.setOrganizationName("DigitLabTests")
    QCoreApplication.setApplicationName("DigitLabTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return tmp_path / "settings"


@pytest.fixture
def weights_dir(tmp_path, tiny_net):
    """A folder standing in for assets/weights/, holding the tiny network as mlp.npz."""
    from model.weights import save_weights

    folder = tmp_path / "weights"
    folder.mkdir()
    save_weights(folder / "mlp.npz", tiny_net, meta={"name": "mlp", "test_accuracy": 0.92})
    return folder


@pytest.fixture
def make_window(qtbot, settings_dir):
    """make_window(weights_dir) -> a shown MainWindow using throwaway settings."""
    from app.main_window import MainWindow

    def make(folder):
        window = MainWindow(weights_dir=folder)
        qtbot.addWidget(window)
        window.resize(900, 650)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def messages(monkeypatch):
    """Message boxes recorded as (kind, title, text) instead of shown, so nothing blocks."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    for kind in ("warning", "information", "critical"):
        def record(parent, title, text, *args, _kind=kind, **kwargs):
            shown.append((_kind, title, text))
            return QMessageBox.StandardButton.Ok
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record))
    return shown


@pytest.fixture(autouse=True, scope="session")
def error_log(tmp_path_factory):
    """Unexpected errors met by tests are logged to a throwaway file, never the user's data folder."""
    from app import crash_report

    crash_report._log_path = tmp_path_factory.mktemp("log") / crash_report.LOG_NAME
    return crash_report._log_path


@pytest.fixture(autouse=True)
def training_in_a_thread(request, monkeypatch):
    """Window tests train in a thread: a child process costs every run a second of start-up.

    The process itself is tested by tests/test_training_worker.py (every runner test both
    ways), tests/test_train_process.py, and the window tests marked `training_process`.
    """
    panel = sys.modules.get("app.training.panel")
    if panel is not None and request.node.get_closest_marker("training_process") is None:
        monkeypatch.setattr(panel, "TRAIN_IN_PROCESS", False)
