"""At most so many times a second: the one clock behind every throttle of a training run."""

from __future__ import annotations

import time
from typing import Callable


class RateClock:
    """due() says yes at most `per_second` times a second, the first time at once."""

    def __init__(self, per_second: float, now: Callable[[], float] = time.monotonic):
        self._interval = 1.0 / per_second
        self._now = now
        self._next = -float("inf")

    def due(self) -> bool:
        now = self._now()
        if now < self._next:
            return False
        self._next = now + self._interval
        return True

    def restart(self) -> None:
        """The next due() one interval from now: what was due has just been done anyway."""
        self._next = self._now() + self._interval
