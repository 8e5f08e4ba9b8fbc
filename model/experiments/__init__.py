"""The course experiments, one module each, run by name.

`run_experiment(name, out_dir)` writes an experiment's plots (PNG), tables
(Markdown + CSV), summary.md and metrics.json into out_dir and returns a
Result; `python -m model experiment NAME` (model.cli.experiment) is its command line.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Callable, Iterator

from model.experiments import (
    activations,
    fitting,
    mlp_vs_cnn,
    mnist_012,
    optimizers,
    regularization,
    toy_digits,
    vanishing_gradients,
    xor,
)
from model.experiments.reporting import Cancelled, ProgressCallback, Reporter
from model.experiments.results import Result, Table
from model.text import translate

_MODULES = (toy_digits, xor, vanishing_gradients, activations, optimizers, regularization, fitting, mnist_012,
            mlp_vs_cnn)

# name -> (one-line description, run(out_dir, quick, seed, report) -> Result).
# Both are marked for translation; the window shows translate("Experiments", name or description).
EXPERIMENTS: dict[str, tuple[str, Callable[..., Result]]] = {m.NAME: (m.DESCRIPTION, m.run) for m in _MODULES}

DEFAULT_RESULTS_DIR = Path("results")


def run_experiment(name: str, out_dir: Path | str | None = None, quick: bool = False, seed: int = 0,
                   progress: ProgressCallback | None = None,
                   should_stop: Callable[[], bool] | None = None) -> Result:
    """Run experiment `name` and write its results into out_dir (default results/NAME).

    progress(fraction, message) is called as the run goes; returning False
    from it, or should_stop() returning True, stops the run with Cancelled.
    quick: a few-seconds version with less data and fewer epochs (for tests).
    Raises KeyError for an unknown name.
    """
    if name not in EXPERIMENTS:
        raise KeyError(f"unknown experiment {name!r}; known: {', '.join(EXPERIMENTS)}")
    out = Path(out_dir) if out_dir is not None else DEFAULT_RESULTS_DIR / name
    with results_folder(out):
        result = EXPERIMENTS[name][1](out, quick, seed, Reporter(progress, should_stop))
    if progress is not None:
        progress(1.0, translate("Experiments", "done"))
    return result


@contextmanager
def results_folder(out: Path) -> Iterator[None]:
    """Create `out` (and its missing parents) for a run; if the run fails or is stopped, remove
    what it created, so no empty or half-written results folder is left. A folder that already
    existed is left as it is: it may hold earlier results."""
    created = [p for p in (out, *out.parents) if not p.exists()]
    out.mkdir(parents=True, exist_ok=True)
    try:
        yield
    except BaseException:
        if created:
            shutil.rmtree(created[0], ignore_errors=True)
            for parent in created[1:]:
                with suppress(OSError):
                    parent.rmdir()  # only while empty
        raise


__all__ = ["EXPERIMENTS", "Cancelled", "Result", "Table", "run_experiment"]
