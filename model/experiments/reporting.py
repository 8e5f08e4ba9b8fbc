"""Progress and cancellation for experiments, free of any UI.

An experiment reports `fraction` in [0, 1] of its own work; `span` hands a
part of that range to a sub-run, so three trainings in a row each report 0..1
and the caller still sees one bar going from 0 to 1.
"""

from __future__ import annotations

from typing import Callable

ProgressCallback = Callable[[float, str], "bool | None"]


class Cancelled(Exception):
    """The caller asked the experiment to stop (its progress callback returned False)."""


class Reporter:
    """Passes progress to `callback(fraction, message)`; raises Cancelled when asked to stop.

    callback returns False to cancel; `should_stop()` returning True does the same.
    """

    def __init__(self, callback: ProgressCallback | None = None, should_stop: Callable[[], bool] | None = None,
                 start: float = 0.0, end: float = 1.0):
        self._callback, self._should_stop = callback, should_stop
        self.start, self.end = start, end
        self._cancelled = [False]  # shared with every span, so one "stop" stops them all

    def __call__(self, fraction: float, message: str = "") -> None:
        """Report `fraction` of this reporter's range; raise Cancelled if the caller wants to stop."""
        if self.stopped():
            raise Cancelled
        if self._callback is not None:
            overall = self.start + min(max(fraction, 0.0), 1.0) * (self.end - self.start)
            if self._callback(overall, message) is False:
                self._cancelled[0] = True
                raise Cancelled

    def stopped(self) -> bool:
        """True once the caller asked to stop; usable as train()'s should_stop."""
        if not self._cancelled[0] and self._should_stop is not None and self._should_stop():
            self._cancelled[0] = True
        return self._cancelled[0]

    def span(self, start: float, end: float) -> Reporter:
        """A reporter for the part [start, end] of this one's range."""
        width = self.end - self.start
        child = Reporter(self._callback, self._should_stop, self.start + start * width, self.start + end * width)
        child._cancelled = self._cancelled
        return child

    def spans(self, count: int) -> list[Reporter]:
        """`count` equal consecutive parts of this range."""
        return [self.span(i / count, (i + 1) / count) for i in range(count)]
