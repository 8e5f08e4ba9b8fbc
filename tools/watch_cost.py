"""What the Draw tab's training card costs: `python -m tools.watch_cost [--pairs 3] [--presets mlp small-cnn]`.

A benchmark, not a test. It drives the real window offscreen with a digit on
the canvas and runs one-epoch trainings from the Train tab, alternately with
the card visible and hidden (in the order visible, hidden, hidden, visible, ...
so a drift in the machine's load falls on both alike). Speed is wall-clock
images/s between the epoch's first and last batch records: all the time the
GUI thread takes from the worker counts. Then it times stroke to bars (both
probability columns updated and painted) while a run trains, and the weight
copy the worker makes for each snapshot (made whether the card is seen or not).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

from tools.latency import LIMIT_MS
from tools.screenshot import offscreen_window, two_strokes, wait_for

RUNS = {"mlp": dict(train_size=None), "small-cnn": dict(train_size=5000)}
FORM = dict(epochs=1, batch_size="64", optimizer="adam", lr="0.001", seed=0)
LIMIT_SLOWDOWN = 0.05  # the bound: at most 5% slower with the card visible
STROKES = 40


def timed_run(app, window, preset: str, visible: bool) -> tuple[float, float]:
    """Train one epoch of `preset`: (images/s by the wall clock between batch records,
    the GUI thread's CPU time over that stretch as a share of it)."""
    training, watch = window.training, window.watch
    marks = []
    training.form.set_values(preset=preset, **FORM, **RUNS[preset])

    def on_progress(records):
        for record in records:
            if record.kind == "batch" and record.epoch == 1:
                marks.append((time.perf_counter(), record.step, time.thread_time()))

    def on_started():
        watch.setVisible(visible)  # after the card's own slot, which shows it

    training.runner.progress.connect(on_progress)
    training.run_started.connect(on_started)
    training.train_from_scratch()
    wait_for(training.run_finished, timeout_ms=600_000)
    training.runner.progress.disconnect(on_progress)
    training.run_started.disconnect(on_started)
    (t0, s0, c0), (t1, s1, c1) = marks[0], marks[-1]
    return (s1 - s0) * int(FORM["batch_size"]) / (t1 - t0), (c1 - c0) / (t1 - t0)


def stroke_latency(app, window, preset: str, visible: bool = True, **form) -> tuple[list[float], list[float]]:
    """ms from the start of a stroke to both columns painted, STROKES times, while `preset` trains
    (form: the Train tab's fields, over FORM and RUNS): by the wall clock, and in the GUI thread's
    CPU time (what a busy machine cannot inflate)."""
    training, watch = window.training, window.watch
    training.form.set_values(preset=preset, **{**FORM, "epochs": 50, **RUNS.get(preset, {}), **form})
    training.train_from_scratch()
    while watch.live.step is None:  # the first snapshot has been shown
        app.processEvents()
    watch.setVisible(visible)
    times, cpu = [], []
    for _ in range(STROKES):
        window.canvas.clear()
        app.processEvents()
        start, cpu_start = time.perf_counter(), time.thread_time()
        for stroke in two_strokes():
            window.canvas.draw_stroke(stroke)
        app.processEvents()
        times.append(1000 * (time.perf_counter() - start))
        cpu.append(1000 * (time.thread_time() - cpu_start))
    training.stop()
    wait_for(training.run_finished, timeout_ms=600_000)
    return times, cpu


def snapshot_ms(preset: str) -> float:
    """Median ms to copy `preset`'s weights into a Snapshot (the worker's side of the card)."""
    import numpy as np  # after offscreen_window(): app.main sets NumPy's thread count first

    from app.watch.snapshots import take_snapshot
    from model.presets import build_preset

    net = build_preset(preset, rng=np.random.default_rng(0))
    times = []
    for _ in range(20):
        start = time.perf_counter()
        take_snapshot(net, 0)
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times)


def window_with_digit():
    """(app, window): the real window offscreen on the Draw tab, the test digit on its canvas."""
    app, window = offscreen_window()
    window.add_default_panels()
    window.resize(1040, 700)
    window.show()
    window.tabs.setCurrentIndex(0)
    for stroke in two_strokes():
        window.canvas.draw_stroke(stroke)
    app.processEvents()
    return app, window


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=3, help="visible/hidden pairs per preset")
    parser.add_argument("--presets", nargs="+", default=list(RUNS), choices=list(RUNS))
    args = parser.parse_args(argv)
    app, window = window_with_digit()
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores, shared with other developers)")
    for preset in args.presets if args.pairs else ():
        speeds, gui = {True: [], False: []}, {True: [], False: []}
        for i in range(args.pairs):
            for visible in ((True, False) if i % 2 == 0 else (False, True)):
                speed, share = timed_run(app, window, preset, visible)
                speeds[visible].append(speed)
                gui[visible].append(share)
                print(f"  {preset:<10} card {'visible' if visible else 'hidden ':<7} {speed:>9,.0f} images/s, "
                      f"GUI thread busy {100 * share:.1f}% of the time", flush=True)
        shown, hidden = statistics.median(speeds[True]), statistics.median(speeds[False])
        slowdown = 1 - shown / hidden
        print(f"{preset}: median {shown:,.0f} images/s visible, {hidden:,.0f} hidden: "
              f"{100 * slowdown:+.1f}% slower with the card; GUI thread busy "
              f"{100 * statistics.median(gui[True]):.1f}% visible, {100 * statistics.median(gui[False]):.1f}% hidden")
    for preset, visible in ((p, v) for p in args.presets for v in (True, False)):
        times, cpu = stroke_latency(app, window, preset, visible)
        print(f"stroke to bars while {preset} trains, card {'visible' if visible else 'hidden'}: "
              f"median {statistics.median(times):.1f} ms, "
              f"max {max(times):.1f} ms over {len(times)} strokes; GUI-thread CPU median "
              f"{statistics.median(cpu):.1f} ms, max {max(cpu):.1f} ms")
    from app.watch.snapshots import SNAPSHOTS_PER_S

    for preset in args.presets:
        ms = snapshot_ms(preset)
        print(f"snapshot of {preset}: {ms:.2f} ms, {SNAPSHOTS_PER_S} a second = "
              f"{ms * SNAPSHOTS_PER_S / 10:.2f}% of the worker's time")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    window.close()
    print(f"bounds: at most {100 * LIMIT_SLOWDOWN:.0f}% slower, stroke to bars under {LIMIT_MS:.0f} ms; on a busy "
          "machine compare the spread within each condition before reading a difference between them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
