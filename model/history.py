"""A training run's per-epoch history as plain rows and as CSV, for spreadsheets and course reports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from model.atomic import atomic_write

# One column per number an epoch record carries; the order a reader expects.
COLUMNS = ("epoch", "train_loss", "train_acc", "val_loss", "val_acc", "lr", "elapsed_s")


def epoch_row(record) -> dict:
    """The CSV row of one "epoch" progress record (anything with the Progress attributes).

    Missing values (no validation set) stay None and are written as empty cells.
    """
    return {
        "epoch": record.epoch,
        "train_loss": getattr(record, "loss", None),
        "train_acc": getattr(record, "acc", None),
        "val_loss": getattr(record, "val_loss", None),
        "val_acc": getattr(record, "val_acc", None),
        "lr": getattr(record, "lr", None),
        "elapsed_s": getattr(record, "elapsed", None),
    }


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def write_history_csv(path: str | Path, rows: list[dict]) -> None:
    """Write `rows` (from `epoch_row`) to `path` with a header line, one line per epoch."""
    text = io.StringIO(newline="")
    writer = csv.writer(text)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(row.get(name)) for name in COLUMNS])
    with atomic_write(path) as f:
        f.write(text.getvalue().encode("utf-8"))


class IntervalLoss:
    """Turn the trainer's running epoch means back into the mean loss of each reporting interval.

    A "batch" record carries the mean loss over the epoch so far; the loss of
    the images since the previous record is (m2 * n2 - m1 * n1) / (n2 - n1),
    with n the images seen this epoch. With a record every batch this is
    exactly each batch's loss, which is what a loss-per-batch curve shows.
    """

    def __init__(self, batch_size: int, n_train: int):
        self.batch_size, self.n_train = batch_size, n_train
        self._epoch, self._seen, self._total = None, 0, 0.0

    def update(self, epoch: int, batch: int, batches_per_epoch: int, running_loss: float) -> float:
        seen = self.n_train if batch == batches_per_epoch else batch * self.batch_size
        if epoch != self._epoch:
            self._epoch, self._seen, self._total = epoch, 0, 0.0
        total = running_loss * seen
        interval = (total - self._total) / max(seen - self._seen, 1)
        self._seen, self._total = seen, total
        return interval
