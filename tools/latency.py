"""Time from a finished stroke to updated probabilities, per bundled network: `python -m tools.latency`.

A benchmark, not a test: it drives the real window offscreen through the
canvas's public methods and reports the median and worst of REPEATS strokes:
on the Draw tab (stroke to probabilities), and on the Inside tab (stroke to
every picture recomputed and painted: layers, saliency, every network's reading).
"""
from __future__ import annotations

import statistics
import sys
import time

from tools.screenshot import offscreen_window, two_strokes

REPEATS = 30
LIMIT_MS = 30.0  # the bound for stroke-to-probabilities


def _draw_once(app, window) -> float:
    """Clear, draw the test digit and let every widget repaint; seconds from the stroke to the end."""
    window.canvas.clear()
    app.processEvents()
    start = time.perf_counter()
    for stroke in two_strokes():
        window.canvas.draw_stroke(stroke)
    app.processEvents()
    return time.perf_counter() - start


def main() -> int:
    app, window = offscreen_window()
    window.add_default_panels()
    window.resize(1040, 700)
    window.show()
    app.processEvents()
    print(f"{'network':<28} {'Draw median ms':>14} {'max':>6} {'Inside median ms':>16} {'max':>6}")
    worst = 0.0
    for index, entry in enumerate(window.networks.entries()):
        window.networks.select(index)
        window.tabs.setCurrentIndex(0)
        draw = []
        for _ in range(REPEATS):
            _draw_once(app, window)
            draw.append(1000 * window.last_latency)
        window.tabs.setCurrentWidget(window.inside)
        inside = [1000 * _draw_once(app, window) for _ in range(REPEATS)]
        worst = max(worst, max(draw), max(inside))
        print(f"{entry.name:<28} {statistics.median(draw):>14.1f} {max(draw):>6.1f} "
              f"{statistics.median(inside):>16.1f} {max(inside):>6.1f}")
    window.close()
    print(f"all under {LIMIT_MS:.0f} ms" if worst < LIMIT_MS else f"slowest stroke took {worst:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
