"""Fine-tune the current network on My digits from the window, in the Train tab, and revert.

The run goes through the Train tab's own runner and worker (its thread,
curves, pause and stop, and its Use / Save / Discard bar): only the data
(the person's samples, held-out part as validation) and the training
function (model.finetune.finetune_scored) differ. Revert selects the
network that was in use when the fine-tune started.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal

from app.training.result import continued_source
from model.finetune import (
    FinetuneConfig,
    FinetuneDone,
    describe_scores,
    few_samples_warning,
    finetune_scored,
    stratified_split,
)


class FinetuneLauncher(QObject):
    """Starts fine-tunes in `window.training` and remembers the network to revert to."""

    reverted = Signal()

    def __init__(self, window, keeper, config: FinetuneConfig | None = None, mnist_limit: int | None = None):
        super().__init__(window)
        self.window, self.keeper = window, keeper
        self.config = config or FinetuneConfig()
        self.mnist_limit = mnist_limit  # tests score on part of MNIST test
        self.base_index: int | None = None  # the network in use before the fine-tune
        self._ours = False  # whether the Train tab's current run is a fine-tune started here
        self._base_name, self._warning = "", None
        window.training.run_finished.connect(self._on_finished)
        window.training.network_trained.connect(self._on_used)

    def start(self) -> str | None:
        """Start a fine-tune of the current network; None if started, else why not (one line)."""
        training, window = self.window.training, self.window
        current = window.current_network()
        x, y = self.keeper.store.arrays()
        problem = (self.tr("A run is already going in the Train tab") if training.is_running()
                   else self.tr("No network to fine-tune") if current is None
                   else self.tr("Keep some digits first (press a digit key on the Draw tab, or Practise)")
                   if not len(y) else None)
        if problem:
            window.statusBar().showMessage(problem, 8000)
            return problem
        net, meta = current
        config = self.config
        train_idx, held_idx = stratified_split(y, config.holdout, np.random.default_rng(config.seed))
        shown = config.train_config(config.epochs)
        shown.max_train = len(train_idx) * config.copies + config.replay  # the Train tab's progress counts these
        self._base_name = meta.get("name") or "network"
        self.base_index, self._ours = window.networks.current_index(), True
        training.show_run_starting(shown, {**continued_source(meta), "my_digits": len(y)})
        self._warning = few_samples_warning(y)
        training.stats_label.setText(self.tr("Fine-tuning on {n} of your digits ({held} held out)…").format(
            n=len(train_idx), held=len(held_idx)))
        training.show_message(self._note().strip())  # stays up through the run

        def data():
            return x[train_idx], y[train_idx], x[held_idx], y[held_idx]

        def run(net, x_train, y_train, _config, *, x_val, y_val, should_stop):
            return finetune_scored(net, x_train, y_train, config, x_held=x_val, y_held=y_val,
                                   should_stop=should_stop, mnist_limit=self.mnist_limit)

        training.runner.start(net, shown, data, run)
        training.run_started.emit()
        window.tabs.setCurrentWidget(training)
        return None

    def _on_finished(self, done) -> None:
        if not self._ours:
            return
        self._ours = False
        training = self.window.training
        if isinstance(done, FinetuneDone) and training.result_net is not None:
            name = self.tr("{network} + my digits").format(network=self._base_name)
            training.result_meta.update(name=name, test_accuracy=done.scores["mnist"][1],
                                        finetune={"base_name": self._base_name, "scores": done.scores})
            training.result_label.setText(self.tr("<b>{network}</b>: {scores}.{note} Use it, save it, or discard it.")
                                          .format(network=name, scores=describe_scores(done.scores),
                                                  note=self._note()))

    def _note(self) -> str:
        """" Note: <the few-samples warning>." or nothing."""
        return self.tr(" Note: {warning}.").format(warning=self._warning) if self._warning else ""

    def _on_used(self, _net, meta: dict) -> None:
        if "finetune" in meta:
            self.window.statusBar().showMessage(self.tr("Using the fine-tuned network; My digits ▸ Revert brings "
                                                        "back the one from before"), 8000)

    def can_revert(self) -> bool:
        return self.base_index is not None and self.window.networks.current_index() != self.base_index

    def revert(self) -> bool:
        """Select the network that was in use before the last fine-tune."""
        if not self.can_revert():
            self.window.statusBar().showMessage(self.tr("Nothing to revert: the network in use is the one from "
                                                        "before the last fine-tune, or there was none"), 8000)
            return False
        self.window.networks.select(self.base_index)
        self.window.statusBar().showMessage(self.tr("Back to the network from before the fine-tune"), 8000)
        self.reverted.emit()
        return True
