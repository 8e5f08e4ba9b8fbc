"""Time from a finished stroke to updated probabilities, per bundled network: `python -m tools.latency`.

A benchmark, not a test: it drives the real window offscreen through the
canvas's public methods and reports the median and worst of REPEATS strokes:
on the Draw tab, stroke to probabilities; on the Inside tab, stroke to every
network's reading computed, and stroke to all its pictures (layers, saliency)
recomputed and painted.
"""
from __future__ import annotations

import statistics
import sys
import time

from tools.screenshot import offscreen_window, two_strokes

REPEATS = 30
LIMIT_MS = 30.0  # the bound for stroke-to-probabilities


def _draw_once(app, window) -> tuple[float, float]:
    """Clear and draw the test digit: seconds from the stroke to the computed readings (every
    connected slot run, as the Draw tab's own figure), and to every widget repainted."""
    window.canvas.clear()
    app.processEvents()
    start = time.perf_counter()
    for stroke in two_strokes():
        window.canvas.draw_stroke(stroke)
    computed = time.perf_counter() - start
    app.processEvents()
    return computed, time.perf_counter() - start


def _row(name: str, *series: list[float]) -> str:
    return f"{name:<28}" + "".join(f" {statistics.median(s):>9.1f} {max(s):>6.1f}" for s in series)


def main() -> int:
    app, window = offscreen_window()
    window.add_default_panels()
    window.resize(1040, 700)
    window.show()
    app.processEvents()
    print(f"{'':<28} {'Draw tab':>16} {'Inside: readings':>16} {'Inside: painted':>16}")
    print(f"{'network':<28}" + f" {'median':>9} {'max':>6}" * 3 + "   (ms)")
    worst = 0.0
    for index, entry in enumerate(window.networks.entries()):
        window.networks.select(index)
        window.tabs.setCurrentIndex(0)
        draw = []
        for _ in range(REPEATS):
            _draw_once(app, window)
            draw.append(1000 * window.last_latency)
        window.tabs.setCurrentWidget(window.inside)
        inside = [_draw_once(app, window) for _ in range(REPEATS)]
        readings, painted = ([1000 * t for t in times] for times in zip(*inside))
        worst = max(worst, max(draw), max(readings))
        print(_row(entry.name, draw, readings, painted))
    window.close()
    print(f"stroke to probabilities and readings all under {LIMIT_MS:.0f} ms" if worst < LIMIT_MS
          else f"slowest stroke to probabilities or readings took {worst:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
