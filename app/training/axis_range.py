"""Axis limits that move seldom: a live plot's frame is drawn again only when they change.

Plain Python, no Qt or matplotlib: the curves (app.training.curves) keep an
Extent of their data and ask sticky_range for the limits before each redraw.
"""
from __future__ import annotations

import math

MARGIN = 0.05  # around the first data, as matplotlib's autoscale leaves
HEADROOM = 0.25  # when data leaves the range, that side grows by this share of the span shown
MIN_SPAN = 0.1  # a span for data that is still a single value (relative to its size; at least this)


class Extent:
    """The lowest and highest finite values seen so far, kept in O(1) per value."""

    def __init__(self):
        self.low: float | None = None
        self.high: float | None = None

    def add(self, *values) -> None:
        for value in values:
            if value is not None and math.isfinite(value):
                self.low = value if self.low is None else min(self.low, value)
                self.high = value if self.high is None else max(self.high, value)


def sticky_range(current: tuple[float, float] | None, extent: Extent,
                 floor: float | None = None, ceiling: float | None = None) -> tuple[float, float] | None:
    """Limits holding extent's values, or None while there are none.

    A side with an anchor (floor, ceiling) stays at it while the data does (a loss from 0, an
    accuracy up to 100%); the other side is `current`'s while it holds the data, else grows past
    the data by HEADROOM of the span shown. Without `current`, the data with a MARGIN.
    """
    low, high = extent.low, extent.high
    if low is None:
        return None
    anchored_low, anchored_high = floor is not None and low >= floor, ceiling is not None and high <= ceiling
    shown_low, shown_high = floor if anchored_low else low, ceiling if anchored_high else high
    span = max(shown_high - shown_low, MIN_SPAN * max(abs(shown_low), abs(shown_high)), MIN_SPAN)
    if current is None:
        bottom, top = low - MARGIN * span, high + MARGIN * span
    else:
        bottom, top = current
        bottom = bottom if low >= bottom else low - HEADROOM * span
        top = top if high <= top else high + HEADROOM * span
    return (floor if anchored_low else bottom), (ceiling if anchored_high else top)
