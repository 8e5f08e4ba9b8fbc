"""Training as a plain generator of small progress records.

`train(...)` shuffles, (optionally) augments, steps the optimizer and yields a
`Progress` record every few batches, after every epoch and once at the end;
its settings are a `TrainConfig` (model/train_config.py). It knows nothing of threads or Qt: the GUI runs it in a worker thread,
the command line drives a progress bar with it. Between two records the
network is always whole: a record is yielded only between optimizer steps.

Early stopping watches the validation loss, not the accuracy: accuracy moves
in steps of 1/N and cannot tell a confident right answer from a lucky one, so
it plateaus long before the network stops improving.
"""

from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterator, NamedTuple

import numpy as np

from model.evaluation import evaluate
from model.losses import LOSSES, UNIFORM
from model.network import Sequential
from model.optim import Optimizer
from model.schedules import make_schedule
from model.step import copy_weights, epoch_batches, train_step
from model.train_config import ConfigError, TrainConfig

REASONS = ("finished", "early_stopped", "stopped", "diverged")
clock = time.perf_counter  # the run's clock (a name, so that tests can stand in a fake one)


class Stopwatch:
    """Seconds accumulated while running; stopped, it does not count (a pause, the caller's turn)."""

    def __init__(self):
        self.total, self._since = 0.0, None

    def start(self) -> None:
        self._since = clock()

    def stop(self) -> None:
        self.total, self._since = self.read(), None

    def read(self) -> float:
        return self.total + (clock() - self._since if self._since is not None else 0.0)


@dataclass
class Progress:
    """One progress report. Plain numbers and lists only, so it is cheap to copy across threads.

    kind: "batch" (loss/acc running over the epoch so far; interval_loss the
    mean loss of the batches since the previous "batch" record), "epoch"
    (epoch means, validation if any) or "done" (reason, message, best_epoch
    and history; loss/acc/val_* then describe the weights the network ends
    with). epoch is 1-based; step counts optimizer steps over the whole run;
    train_images is how many images one epoch trains on. elapsed and eta are
    seconds of work: time the caller holds a record or spends in should_stop()
    (a pause) does not count.
    """

    kind: str
    epoch: int
    epochs: int
    batch: int
    batches_per_epoch: int
    step: int
    total_steps: int
    loss: float | None = None
    acc: float | None = None
    val_loss: float | None = None
    val_acc: float | None = None
    lr: float | None = None
    images_per_s: float = 0.0
    elapsed: float = 0.0
    eta: float = 0.0
    reason: str | None = None
    message: str | None = None
    best_epoch: int | None = None
    history: dict[str, list] | None = field(default=None)
    interval_loss: float | None = None
    train_images: int = 0


def train(net: Sequential, x: np.ndarray, y: np.ndarray, config: TrainConfig, *,
          x_val: np.ndarray | None = None, y_val: np.ndarray | None = None,
          optimizer: Optimizer | None = None,
          should_stop: Callable[[], bool] | None = None) -> Iterator[Progress]:
    """Train `net` in place on images x: (N, 1, 28, 28) float32 in [0, 1] and labels y: (N,) int.

    Checks the config and the data at once (ConfigError / ValueError), then
    returns the generator of Progress records; the last is always "done"
    unless the caller closes the generator early. `optimizer` continues an
    existing optimizer's state (its lr is still set by the config's schedule);
    by default one is made from the config. `should_stop()` is polled before
    every batch. The network never ends with NaN weights: on divergence it
    holds the last weights that gave a finite loss.
    """
    config.validate(len(x))
    if config.patience is not None and x_val is None:
        raise ConfigError("early stopping (patience) needs validation data")
    x, y = _check_data(net, x, y, "training")
    if config.loss != "cross_entropy" and (y == UNIFORM).any():
        raise ConfigError("images labelled 'not a digit' (-1) need the cross-entropy loss")
    if x_val is not None:
        x_val, y_val = _check_data(net, x_val, y_val, "validation")
    n = min(len(x), config.max_train or len(x))
    run = _Run(net, x[:n], y[:n], config, x_val, y_val, optimizer or config.make_optimizer(net))
    return run.records(should_stop)


class _Metrics(NamedTuple):
    """What a record says of the network: training means (over the epoch so far, or a whole epoch),
    and validation scores when there is a validation set."""

    loss: float | None
    acc: float | None
    val_loss: float | None = None
    val_acc: float | None = None


class _Ending(NamedTuple):
    """Why and where a run ends."""

    reason: str  # one of REASONS
    epoch: int
    batch: int


@dataclass
class _Best:
    """The epoch with the lowest validation loss so far, and its weights when restore_best keeps them."""

    val_loss: float = math.inf
    epoch: int | None = None
    state: dict | None = None


class _Run:
    """The state of one training run; `records()` is the generator `train` returns."""

    def __init__(self, net, x, y, config, x_val, y_val, optimizer):
        self.net, self.x, self.y, self.config, self.opt = net, x, y, config, optimizer
        self.val = (x_val, y_val) if x_val is not None else None
        self.rng = np.random.default_rng(config.seed)
        self.loss_fn = LOSSES[config.loss]()
        self.schedule = make_schedule(config.schedule, config.lr, config.epochs, config.step_size, config.gamma)
        self.batches = math.ceil(len(x) / config.batch_size)
        self.history = {k: [] for k in ("loss", "acc", "val_loss", "val_acc", "lr", "elapsed")}
        self.best = _Best()
        # The weights (and buffers) that last gave a finite loss: refreshed before every step.
        self.good = net.state_dict()
        self.step = self.images = 0
        self.train_time, self.bad_loss, self.running, self.finished = 0.0, math.nan, _Metrics(None, None), False
        per_epoch = config.reports_per_epoch
        self.log_every = max(1, self.batches // per_epoch) if per_epoch else config.log_every
        self.clock = Stopwatch()

    def records(self, should_stop) -> Iterator[Progress]:
        self.clock.start()
        try:
            for epoch in range(1, self.config.epochs + 1):
                end = yield from self._epoch(epoch, should_stop)
                if end is None:
                    end = self._end_of_epoch(epoch)
                    if end is None or end.reason == "early_stopped":
                        yield from self._hand_over(self._record("epoch", epoch, self.batches, *self._last_epoch()))
                if end is not None:
                    break
            done = self._finish(end or _Ending("finished", self.config.epochs, self.batches))
            self.finished = True
            yield from self._hand_over(done)
        finally:
            if not self.finished and self.config.restore_best and self.best.state is not None:
                self.net.load_state_dict(self.best.state)  # closed early: still end on the best weights

    def _hand_over(self, record: Progress):
        """Yield `record` with the clock stopped: the caller's time is not the run's."""
        self.clock.stop()
        yield record
        self.clock.start()

    def _asked_to_stop(self, should_stop) -> bool:
        """Poll should_stop() with the clock stopped: it may block while the run is paused."""
        if should_stop is None:
            return False
        self.clock.stop()
        stop = should_stop()
        self.clock.start()
        return stop

    def _epoch(self, epoch, should_stop):
        """Yield batch records; return None, or the _Ending that ends the run."""
        batches = epoch_batches(self.x, self.y, self.config.batch_size, self.rng, self.net.dtype,
                                self.config.augment)
        seen, loss_sum, correct, counted = 0, 0.0, 0, 0
        interval_sum, interval_seen = 0.0, 0  # since the last batch record
        for b in range(self.batches):
            if self._asked_to_stop(should_stop):
                return _Ending("stopped", epoch, b)
            self.opt.lr = self.schedule(epoch - 1 + b / self.batches)
            tick = clock()
            xb, yb = next(batches)
            loss, hits, labelled = train_step(self.net, self.loss_fn, self.opt, xb, yb, self._remember_good)
            self.train_time += clock() - tick
            if not math.isfinite(loss):
                self.net.load_state_dict(self.good)
                self.bad_loss = loss
                return _Ending("diverged", epoch, b + 1)
            size = len(yb)
            self.step, self.images = self.step + 1, self.images + size
            seen, loss_sum, correct = seen + size, loss_sum + loss * size, correct + hits
            interval_sum, interval_seen = interval_sum + loss * size, interval_seen + size
            counted += labelled  # accuracy counts only images with a digit
            self.running = _Metrics(loss_sum / seen, correct / counted if counted else 0.0)
            if (b + 1) % self.log_every == 0 or b + 1 == self.batches:
                record = self._record("batch", epoch, b + 1, *self.running)
                record.interval_loss, interval_sum, interval_seen = interval_sum / interval_seen, 0.0, 0
                yield from self._hand_over(record)
        return None

    def _remember_good(self) -> None:
        copy_weights(self.net, self.good)

    def _end_of_epoch(self, epoch):
        """Validate, keep history and the best weights; return the _Ending of the run, or None."""
        if not all(np.isfinite(p.data).all() for p in self.net.params().values()):
            self.net.load_state_dict(self.good)
            self.bad_loss = math.nan
            return _Ending("diverged", epoch, self.batches)
        report = evaluate(self.net, *self.val, loss=self.config.loss) if self.val else None
        val_loss, val_acc = (report.loss, report.accuracy) if report else (None, None)
        row = {"loss": self.running.loss, "acc": self.running.acc, "val_loss": val_loss, "val_acc": val_acc,
               "lr": self.opt.lr, "elapsed": self.clock.read()}
        for key, value in row.items():
            self.history[key].append(value)
        if val_loss is not None and val_loss < self.best.val_loss:
            self.best = _Best(val_loss, epoch, self.net.state_dict() if self.config.restore_best else None)
        patience, best_epoch = self.config.patience, self.best.epoch
        if patience is not None and best_epoch is not None and epoch - best_epoch >= patience:
            return _Ending("early_stopped", epoch, self.batches)
        return None

    def _epoch_metrics(self, epoch: int) -> _Metrics:
        """The history's metrics of `epoch` (1-based)."""
        return _Metrics(*(self.history[key][epoch - 1] for key in _Metrics._fields))

    def _last_epoch(self) -> _Metrics:
        return self._epoch_metrics(len(self.history["loss"]))

    def _record(self, kind, epoch, batch, loss, acc, val_loss=None, val_acc=None) -> Progress:
        elapsed, total = self.clock.read(), self.config.epochs * self.batches
        return Progress(kind, epoch, self.config.epochs, batch, self.batches, self.step, total,
                        loss, acc, val_loss, val_acc, lr=self.opt.lr, elapsed=elapsed,
                        images_per_s=self.images / self.train_time if self.train_time else 0.0,
                        eta=elapsed / self.step * (total - self.step) if self.step else 0.0,
                        train_images=len(self.x))

    def _finish(self, end: _Ending) -> Progress:
        """Restore the best weights when asked (not after divergence) and describe the outcome."""
        reason, epoch, batch = end
        metrics, restored = self.running, None
        if self.history["loss"]:
            metrics = self._last_epoch()
        best_epoch, best_state = self.best.epoch, self.best.state
        if reason != "diverged" and best_state is not None:
            self.net.load_state_dict(best_state)
            metrics = self._epoch_metrics(best_epoch)
            if best_epoch != len(self.history["loss"]) or reason == "stopped":
                restored = best_epoch
        done = self._record("done", epoch, batch, *metrics)
        done.reason, done.best_epoch, done.eta = reason, best_epoch, 0.0
        done.history = {k: list(v) for k, v in self.history.items()}
        done.message = self._message(reason, epoch, batch, metrics, restored)
        return done

    def _message(self, reason, epoch, batch, metrics: _Metrics, restored) -> str:
        if reason == "diverged":
            return (f"training diverged at epoch {epoch}, batch {batch} (loss is {self.bad_loss}): "
                    f"try a smaller learning rate; kept the last weights with a finite loss")
        if reason == "finished":
            text = f"finished {epoch} epoch{'s' if epoch > 1 else ''}"
        elif reason == "early_stopped":
            text = (f"stopped early after epoch {epoch}: validation loss had not improved "
                    f"for {self.config.patience} epoch{'s' if self.config.patience > 1 else ''}")
        else:
            text = f"stopped as asked at epoch {epoch}, batch {batch}"
        text += f" in {self.clock.read():.0f} s"
        if metrics.val_acc is not None:
            text += f"; validation accuracy {metrics.val_acc:.2%}"
        elif metrics.acc is not None:
            text += f"; training accuracy {metrics.acc:.2%}"
        return text + (f" (restored the best epoch, {restored})" if restored else "")


def training_summary(done: Progress, config: TrainConfig) -> dict:
    """A JSON-able account of a finished run, for a weight file's "training" metadata."""
    history = done.history or {}
    return {"config": asdict(config), "reason": done.reason, "message": done.message,
            "epochs_run": len(history.get("loss", [])), "steps": done.step, "best_epoch": done.best_epoch,
            "final": {"loss": done.loss, "acc": done.acc, "val_loss": done.val_loss, "val_acc": done.val_acc},
            "seconds": round(done.elapsed, 1), "date": time.strftime("%Y-%m-%dT%H:%M:%S%z")}


def _check_data(net: Sequential, x, y, what: str) -> tuple[np.ndarray, np.ndarray]:
    """x as an array of the network's input shape, y as int64 labels the network can output."""
    if y is None:
        raise ValueError(f"{what} images need labels")
    x, y = np.asarray(x), np.asarray(y)
    if x.shape[1:] != net.input_shape or len(x) != len(y) or len(x) == 0:
        raise ValueError(f"{what} data must be images (N, {', '.join(map(str, net.input_shape))}) with N labels, "
                         f"got {x.shape} and {np.shape(y)}")
    if x.dtype.kind != "f":
        raise ValueError(f"{what} images must be floats in [0, 1] (model.data.mnist.to_float), not {x.dtype}")
    classes = net.output_shapes()[-1][0]
    lowest = UNIFORM if what == "training" else 0  # "not a digit" images train, never validate
    if y.dtype.kind not in "iu" or y.min() < lowest or y.max() >= classes:
        raise ValueError(f"{what} labels must be whole numbers from 0 to {classes - 1}")
    return x, y.astype(np.int64, copy=False)
