"""The Train tab caught mid-run, for screenshots and the README: real curves, no thread.

`show_training_in_progress(panel)` trains a small MLP synchronously with the
engine's own generator (seeded, a few seconds) and replays its records, and a
weight snapshot every SNAPSHOT_SHARE of its steps, through the runner's
signals as the worker would, up to a point: the form stays locked and
Pause/Stop enabled as in a live run. Nothing keeps training afterwards. (The
worker snapshots twice a second; this few-second run is spread as a longer
run would be, so its sparkline has as many points.)
"""

from __future__ import annotations

import numpy as np

from app.training.panel import POINTS_PER_EPOCH, TrainingPanel
from app.training.worker import mnist_data
from app.watch.snapshots import take_snapshot
from model.presets import build_preset
from model.train import TrainConfig, train

SNAPSHOT_SHARE = 1 / 80
DEMO_FORM = dict(preset="mlp", epochs=5, batch_size="64", optimizer="adam", lr="0.001", train_size=5000, seed=0)


def show_training_in_progress(panel: TrainingPanel, fraction: float = 0.62, **form) -> None:
    """Fill `panel` as if a run were `fraction` of the way through (form values may be overridden)."""
    panel.form.set_values(**{**DEMO_FORM, **form})
    request = panel.form.read()
    config = TrainConfig(**request.config, reports_per_epoch=POINTS_PER_EPOCH).validate()
    net = build_preset(request.preset, rng=np.random.default_rng(config.seed), **request.net_options)
    x, y, x_val, y_val = mnist_data()
    panel.show_run_starting(config, {"from": "scratch", "preset": request.preset})
    panel.run_started.emit()
    snapshots = 0
    for record in train(net, x, y, config, x_val=x_val, y_val=y_val):
        if record.kind == "done" or record.step > fraction * record.total_steps:
            break
        panel.runner.progress.emit([record])
        if record.step >= snapshots * SNAPSHOT_SHARE * record.total_steps:
            panel.runner.snapshot.emit(take_snapshot(net, record.step))
            snapshots += 1
    panel.curves.redraw()
