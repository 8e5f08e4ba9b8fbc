"""Axis limits that move seldom: a live plot's frame is drawn again only when they change.

Plain Python, no Qt or matplotlib: the curves (app.training.curves) keep an
Extent of their data and ask sticky_range for the limits before each redraw.
"""
from __future__ import annotations

import math

MARGIN = 0.05  # around the first data, as matplotlib's autoscale leaves
HEADROOM = 0.5  # when data leaves the range, that side grows by this share of the data's span
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
                 floor: float = -math.inf, ceiling: float = math.inf) -> tuple[float, float] | None:
    """Limits holding extent's values: `current` while it holds them; else grown on the side the data
    left, with HEADROOM to spare, never past floor or ceiling (unless the data is). None: no data yet."""
    low, high = extent.low, extent.high
    if low is None:
        return None
    span = max(high - low, MIN_SPAN * abs(high), MIN_SPAN)
    if current is None:
        return max(low - MARGIN * span, min(floor, low)), min(high + MARGIN * span, max(ceiling, high))
    bottom, top = current
    if low < bottom:
        bottom = max(low - HEADROOM * span, min(floor, low))
    if high > top:
        top = min(high + HEADROOM * span, max(ceiling, high))
    return bottom, top
