"""Learning-rate schedules: functions from training progress (in epochs) to a learning rate.

`epoch` is the number of epochs completed so far as a float: 0.0 before the
first batch, 1.5 halfway through the second epoch. The trainer sets
`optimizer.lr = schedule(epoch)` before every batch.
"""

from __future__ import annotations

import math
from typing import Callable

SCHEDULES = ("constant", "step", "cosine")

# Step decay: divide the rate by 10 every third of the run unless told otherwise.
DEFAULT_GAMMA = 0.1
DEFAULT_STEPS = 3


def make_schedule(name: str, base_lr: float, total_epochs: int, step_size: int | None = None,
                  gamma: float = DEFAULT_GAMMA) -> Callable[[float], float]:
    """The schedule called `name` (one of SCHEDULES), starting at base_lr.

    constant: base_lr throughout.
    step: base_lr * gamma ** floor(epoch / step_size); step_size defaults to
        a third of the run (at least 1 epoch).
    cosine: base_lr * (1 + cos(pi * epoch / total_epochs)) / 2, from base_lr
        down to 0 at the end of the run (Loshchilov and Hutter's SGDR, no restarts).
    Raises ValueError for an unknown name or absurd settings.
    """
    if name not in SCHEDULES:
        raise ValueError(f"unknown schedule {name!r}; choose one of {', '.join(SCHEDULES)}")
    if not base_lr > 0:
        raise ValueError(f"base learning rate must be positive, got {base_lr!r}")
    if not (isinstance(total_epochs, int) and total_epochs >= 1):
        raise ValueError(f"total_epochs must be a positive whole number, got {total_epochs!r}")
    base_lr = float(base_lr)
    if name == "constant":
        return lambda epoch: base_lr
    if name == "cosine":
        return lambda epoch: base_lr * 0.5 * (1.0 + math.cos(math.pi * min(epoch / total_epochs, 1.0)))
    if step_size is None:
        step_size = max(1, total_epochs // DEFAULT_STEPS)
    if not (isinstance(step_size, int) and step_size >= 1):
        raise ValueError(f"step_size must be a positive whole number of epochs, got {step_size!r}")
    if not 0 < gamma <= 1:
        raise ValueError(f"gamma must be in (0, 1], got {gamma!r}")
    return lambda epoch: base_lr * gamma ** math.floor(epoch / step_size)
