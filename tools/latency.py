"""Time from a finished stroke to updated probabilities, per bundled network: `python -m tools.latency`.

A benchmark, not a test: it drives the real window offscreen through the
canvas's public methods and reports the median and worst of REPEATS strokes.
"""
from __future__ import annotations

import statistics
import sys

from tools.screenshot import offscreen_window, two_strokes

REPEATS = 30
LIMIT_MS = 30.0  # the bound for stroke-to-probabilities


def main() -> int:
    app, window = offscreen_window()
    window.resize(1040, 700)
    window.show()
    app.processEvents()
    print(f"{'network':<28} {'median ms':>10} {'max ms':>8}")
    worst = 0.0
    for index, entry in enumerate(window.networks.entries()):
        window.networks.select(index)
        times = []
        for _ in range(REPEATS):
            window.canvas.clear()
            for stroke in two_strokes():
                window.canvas.draw_stroke(stroke)
            app.processEvents()
            times.append(1000 * window.last_latency)
        worst = max(worst, max(times))
        print(f"{entry.name:<28} {statistics.median(times):>10.1f} {max(times):>8.1f}")
    window.close()
    print(f"all under {LIMIT_MS:.0f} ms" if worst < LIMIT_MS else f"slowest stroke took {worst:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
