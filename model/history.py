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
