"""The course experiments in --quick mode: their numbers, their files, their command line."""

import csv
import json
import math

import numpy as np
import pytest
from helpers import Once

from model.cli.experiment import main
from model.experiments import EXPERIMENTS, Cancelled, results, run_experiment
from model.experiments.results import METRICS_FILE, SUMMARY_FILE

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# The course's experiments, as the README lists them; more may join.
COURSE = {"toy-digits", "xor", "vanishing-gradients", "activations", "optimizers", "regularization", "fitting",
          "mnist-012", "mlp-vs-cnn"}
NAMES = list(EXPERIMENTS)
# experiment -> rows its (first) table must have, by first column (it may have more)
TABLE_ROWS = {
    "toy-digits": ["ReLU", "Sigmoid + dropout 0.2"],
    "optimizers": ["SGD", "SGD + momentum 0.9", "RMSprop", "Adam"],
    "regularization": ["plain", "batch norm", "dropout 0.5", "batch norm + dropout 0.5"],
    "mnist-012": ["sigmoid", "ReLU"],
    "mlp-vs-cnn": ["mlp", "cnn"],
}


@pytest.fixture(scope="module", autouse=True)
def plots_without_layout():
    """This module's runs draw their PNGs without matplotlib's constrained layout, 40% of a plot's time:
    its tests check what is written, not where a label sits. The window's runs (test_experiments_view.py)
    draw them as shipped."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(results, "LAYOUT", None)
        yield


@pytest.fixture(scope="module")
def quick_runs(tmp_path_factory):
    """name -> (Result, progress calls) of the experiment run once in quick mode, when first asked for."""
    def run(name):
        calls = []
        result = run_experiment(name, tmp_path_factory.mktemp(name), quick=True,
                                progress=lambda f, m: calls.append((f, m)))
        return result, calls
    return Once(run)


def test_every_course_experiment_is_listed_with_a_one_line_description():
    assert COURSE <= set(EXPERIMENTS)
    for description, run in EXPERIMENTS.values():
        assert description and "\n" not in description and callable(run)


def pytest_generate_tests(metafunc):
    """An EveryExperiment class's checks run over its `names`; the table check over those in TABLE_ROWS."""
    if "name" in metafunc.fixturenames and metafunc.cls is not None and issubclass(metafunc.cls, EveryExperiment):
        names = metafunc.cls.names
        if metafunc.definition.originalname == "test_tables_have_one_row_per_variant":
            names = [n for n in names if n in TABLE_ROWS]
        metafunc.parametrize("name", names)


class EveryExperiment:
    """What every experiment's quick run leaves, checked over the experiments a subclass names.

    The quick runs take about 20 s in all: each subclass is its own xdist work unit
    (loadscope), so they share the workers. Each subclass holds one experiment of TABLE_ROWS at least.
    """

    names: tuple[str, ...] = ()

    def test_writes_png_plots_tables_and_summary(self, quick_runs, name):
        result, _ = quick_runs[name]
        assert result.plots, "an experiment must draw something"
        for plot in result.plots:
            assert plot.parent == result.out_dir and plot.read_bytes()[:8] == PNG_MAGIC
        for table in result.tables:
            with open(table.csv_path, newline="") as f:
                header, *rows = list(csv.reader(f))
            assert header == table.columns and len(rows) == len(table.rows) > 0
            assert table.md_path.read_text().count("\n|") == len(rows) + 2  # header, rule, rows
        summary = (result.out_dir / SUMMARY_FILE).read_text()
        assert result.summary.splitlines()[0] in summary and all(t.title in summary for t in result.tables)
        assert json.loads((result.out_dir / METRICS_FILE).read_text()) == result.metrics

    def test_tables_have_one_row_per_variant(self, quick_runs, name):
        result, _ = quick_runs[name]
        variants = [row[0] for row in result.tables[0].rows]
        assert set(TABLE_ROWS[name]) <= set(variants) and len(set(variants)) == len(variants)

    def test_progress_rises_from_zero_to_one(self, quick_runs, name):
        _, calls = quick_runs[name]
        fractions = [f for f, _ in calls]
        assert len(fractions) > 2 and fractions[-1] == 1.0
        assert all(0.0 <= a <= b <= 1.0 for a, b in zip(fractions, fractions[1:]))


class TestSmallNetworks(EveryExperiment):
    names = ("toy-digits", "xor")

    def test_toy_digits_relu_network_learns_every_digit(self, quick_runs):
        result, _ = quick_runs["toy-digits"]
        relu = np.array(result.metrics["outputs"]["ReLU"])
        assert relu.shape == (5, 5)
        assert np.diag(relu).min() > 0.99
        assert "0.99" in result.summary and "[[" in result.summary  # the matrices are printed

    def test_xor_most_seeds_solve_it_and_a_solution_is_close_to_the_targets(self, quick_runs):
        result, _ = quick_runs["xor"]
        metrics = result.metrics
        assert len(metrics["solved"]) > len(metrics["seeds"]) / 2
        outputs = np.array(metrics["outputs"][str(metrics["solved"][0])])
        assert np.abs(outputs - [0, 1, 1, 0]).max() < 0.1
        unsolved = set(metrics["seeds"]) - set(metrics["solved"])
        assert all(metrics["outcomes"][str(s)] in ("slow", "stuck") for s in unsolved)


class TestActivations(EveryExperiment):
    names = ("vanishing-gradients", "activations", "mlp-vs-cnn")

    def test_sigmoid_gradient_vanishes_before_the_first_layer(self, quick_runs):
        result, _ = quick_runs["vanishing-gradients"]
        first = result.metrics["first_layer"]
        for depth in (6, 10):
            assert first[f"sigmoid, {depth} hidden"] * 10 <= first[f"relu, {depth} hidden"]
        # Deeper is worse.
        assert first["sigmoid, 10 hidden"] < first["sigmoid, 6 hidden"]

    def test_relu_beats_sigmoid_early_in_training(self, quick_runs):
        metrics = quick_runs["activations"][0].metrics
        assert metrics["MLP 784-256-256-10, ReLU"]["test_acc"] > metrics["MLP 784-256-256-10, sigmoid"]["test_acc"]
        assert metrics["small CNN, ReLU"]["test_acc"] > metrics["small CNN, sigmoid"]["test_acc"]

    def test_mlp_vs_cnn_reports_sizes_and_canvas_accuracy(self, quick_runs):
        metrics = quick_runs["mlp-vs-cnn"][0].metrics
        assert metrics["cnn"]["params"] > metrics["mlp"]["params"]
        for preset in ("mlp", "cnn"):
            assert set(metrics[preset]["canvas_acc"]) == {"mnist", "fonts"}
            assert 0.0 <= metrics[preset]["canvas_overall"] <= 1.0 and metrics[preset]["train_seconds"] > 0


class TestTraining(EveryExperiment):
    names = tuple(n for n in NAMES if n not in TestSmallNetworks.names + TestActivations.names)  # and any new one

    def test_fitting_under_fit_loss_stays_at_chance_and_over_fit_gap_is_large(self, quick_runs):
        metrics = quick_runs["fitting"][0].metrics
        assert all(abs(loss - math.log(10)) < 0.05 for loss in metrics["under"]["train_loss"])
        assert all(abs(loss - math.log(10)) < 0.05 for loss in metrics["under"]["test_loss"])
        assert metrics["over"]["train_acc"][-1] > 0.97
        assert metrics["over"]["gap"] > 0.1

    def test_optimizers_and_regularization_learn_and_respect_the_epoch_limit(self, quick_runs):
        from model.experiments import optimizers, regularization

        for module in (optimizers, regularization):
            metrics = quick_runs[module.NAME][0].metrics
            assert all(0.5 < acc <= 1.0 for acc in metrics["best_val_acc"].values())  # chance is 0.1
            assert all(1 <= epochs <= module.QUICK["max_epochs"] for epochs in metrics["epochs_used"].values())

    def test_three_class_task_is_learned_with_relu(self, quick_runs):
        metrics = quick_runs["mnist-012"][0].metrics
        assert metrics["test_acc"]["ReLU"] > 0.8  # chance is 1/3

    def test_same_seed_same_numbers_other_seed_other_numbers(self, quick_runs, tmp_path):
        first = quick_runs["mnist-012"][0].metrics
        again = run_experiment("mnist-012", tmp_path / "again", quick=True, seed=0).metrics
        other = run_experiment("mnist-012", tmp_path / "other", quick=True, seed=1).metrics
        assert again == first
        assert other["train_loss"] != first["train_loss"]


@pytest.mark.slow
def test_early_stopping_waits_exactly_its_patience(tmp_path, monkeypatch):
    from model.experiments import optimizers

    # Enough epochs that the validation loss turns up on 1,000 images.
    monkeypatch.setitem(optimizers.QUICK, "max_epochs", 30)
    result = run_experiment("optimizers", tmp_path, quick=True, seed=0)
    for label, used in result.metrics["epochs_used"].items():
        best = result.metrics["best_epoch"][label]
        assert used == 30 or used - best == optimizers.PATIENCE, (label, best, used)
    assert min(result.metrics["epochs_used"].values()) < 30  # early stopping did fire


def test_cancel_stops_the_run_without_a_summary(tmp_path):
    calls = []

    def cancel_after_two(fraction, message):
        calls.append(fraction)
        return len(calls) < 2

    with pytest.raises(Cancelled):
        run_experiment("toy-digits", tmp_path, quick=True, progress=cancel_after_two)  # it reports every 100 epochs
    assert len(calls) == 2 and not (tmp_path / SUMMARY_FILE).exists()
    with pytest.raises(Cancelled):
        run_experiment("optimizers", tmp_path, quick=True, should_stop=lambda: True)


def test_unknown_experiment_is_a_key_error(tmp_path):
    with pytest.raises(KeyError, match="unknown experiment"):
        run_experiment("nope", tmp_path)


@pytest.mark.slow
def test_command_line_lists_and_runs(tmp_path, capsys):
    assert main(["--list"]) == 0
    listing = capsys.readouterr().out
    assert all(name in listing for name in NAMES)
    # The quickest experiment to run: what is checked is the command line, not the experiment.
    assert main(["mnist-012", "--quick", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "| ReLU |" in out and str(tmp_path) in out
    assert (tmp_path / "curves.png").exists()
    with pytest.raises(SystemExit) as no_name:
        main([])
    assert no_name.value.code == 2
    error = capsys.readouterr().err
    assert len(error.splitlines()) == 1 and "--list" in error
