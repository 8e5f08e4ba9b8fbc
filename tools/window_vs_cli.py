"""Training speed in the window against the command line: `python -m tools.window_vs_cli [--repeats 3]`.

A benchmark, not a test. For each preset and batch size it trains one epoch
of the same images (seed 0, Adam, lr 0.001) through the command line's code
path (the engine's generator driven by `model train`'s own progress loop, in
a process with NumPy's default BLAS threads) and from the window's Train tab
(offscreen, real form, worker and curves, a digit on the canvas, the Train
tab shown). Each run is a fresh process; the two sides alternate (cli,
window, window, cli, ...) so a drift in the machine's load falls on both.
Speed is wall-clock images/s between the epoch's first and last batch
records, over at most --seconds (then the run is stopped as a user would):
everything the side spends between steps counts. Then it times
stroke to bars on the Draw tab while the window trains (tools.watch_cost).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time

# Images of the one epoch timed: a few seconds each on two cores; the form offers 1,000, 5,000, 20,000 or all.
RUN_IMAGES = {"small-cnn": 20_000, "cnn": 5_000, "mlp": None}
FORM = dict(epochs=1, optimizer="adam", lr="0.001", seed=0)
SECONDS = 20.0  # timed per run, after the first batch record
MIN_MARKS = 4  # batch records timed at least, however long they take
RATIO_GOAL = 0.9  # the bound: the window at least 0.9 of the command line's images/s


def images_per_s(marks: list[tuple[float, int]]) -> float:
    """Wall-clock images/s from (time, images trained) marks of one run's batch records."""
    (t0, n0), (t1, n1) = marks[0], marks[-1]
    return (n1 - n0) / (t1 - t0)


def _mark(marks: list, record, batch: int) -> None:
    """Note when a batch record of the first epoch arrives, and how many images were trained by then."""
    if record.kind == "batch" and record.epoch == 1:
        marks.append((time.perf_counter(), min(record.step * batch, record.train_images)))


def time_is_up(marks: list, seconds: float) -> bool:
    return len(marks) >= MIN_MARKS and time.perf_counter() - marks[0][0] >= seconds


def cli_run(preset: str, batch: int, seconds: float) -> dict:
    """One epoch through `model train`'s progress loop, as the command line trains."""
    import numpy as np

    from model.cli.train import _run_with_progress
    from model.data.mnist import training_split
    from model.presets import build_preset
    from model.train import TrainConfig, train

    x, y, x_val, y_val = training_split()
    # A record every step (the window asks for one every step or few): fine-grained marks on a busy machine.
    config = TrainConfig(epochs=1, batch_size=batch, max_train=RUN_IMAGES[preset], seed=0, log_every=1).validate()
    net = build_preset(preset, np.random.default_rng(0))
    marks: list = []

    def timed(records):
        for record in records:
            _mark(marks, record, batch)
            yield record

    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        _run_with_progress(timed(train(net, x, y, config, x_val=x_val, y_val=y_val,
                                       should_stop=lambda: time_is_up(marks, seconds))))
    return {"images_per_s": images_per_s(marks)}


def open_window(tab: str = "train"):
    """(app, window): the real window offscreen, a digit on the canvas, `tab` ("train" or "draw") shown."""
    from tools.watch_cost import window_with_digit

    app, window = window_with_digit()
    if tab == "train":
        window.tabs.setCurrentWidget(window.training)
        app.processEvents()
    return app, window


def window_run(preset: str, batch: int, seconds: float, tab: str = "train") -> dict:
    """One epoch trained from the window's Train tab; also the GUI thread's busy share."""
    from tools.screenshot import wait_for

    app, window = open_window(tab)
    training, marks, cpu = window.training, [], []

    def on_progress(record):
        _mark(marks, record, batch)
        cpu.append(time.thread_time())
        if time_is_up(marks, seconds) and training.runner.is_running():
            training.stop()

    training.runner.progress.connect(on_progress)
    training.form.set_values(preset=preset, batch_size=str(batch), train_size=RUN_IMAGES[preset], **FORM)
    training.train_from_scratch()
    wait_for(training.run_finished, timeout_ms=1_800_000)
    window.close()
    wall = marks[-1][0] - marks[0][0]
    return {"images_per_s": images_per_s(marks), "gui_busy": (cpu[-1] - cpu[0]) / wall}


def latency_run(preset: str, batch: int, seconds: float) -> dict:
    """Stroke to bars (ms) on the Draw tab, card shown, while `preset` trains from the window."""
    from tools.watch_cost import stroke_latency

    app, window = open_window("draw")
    times, cpu = stroke_latency(app, window, preset, batch_size=str(batch), train_size=RUN_IMAGES[preset])
    window.close()
    return {"ms": times, "cpu_ms": cpu}


def run_child(side: str, preset: str, batch: int, seconds: float) -> dict:
    """Run one side in a fresh process (so each has its own BLAS setting); its JSON line."""
    command = [sys.executable, "-m", "tools.window_vs_cli", "--child", side, "--presets", preset,
               "--batches", str(batch), "--seconds", str(seconds)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        raise SystemExit(f"{side} {preset} {batch} failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(lines[-1])


def compare(presets, batches, repeats: int, seconds: float) -> None:
    speeds = {(p, b, side): [] for p in presets for b in batches for side in ("cli", "window")}
    for i in range(repeats):
        for preset in presets:
            for batch in batches:
                for side in (("cli", "window") if i % 2 == 0 else ("window", "cli")):
                    result = run_child(side, preset, batch, seconds)
                    speeds[preset, batch, side].append(result["images_per_s"])
                    extra = f", GUI thread busy {100 * result['gui_busy']:.0f}%" if "gui_busy" in result else ""
                    print(f"  {preset:<9} batch {batch:<4} {side:<6} {result['images_per_s']:>9,.0f} images/s{extra}",
                          flush=True)
    print(f"{'preset':<9} {'batch':>5} {'cli median':>11} {'window median':>14} {'ratio':>6} "
          f"{'cli best':>9} {'window best':>12} {'ratio':>6}")
    for preset in presets:
        for batch in batches:
            cli, win = speeds[preset, batch, "cli"], speeds[preset, batch, "window"]
            print(f"{preset:<9} {batch:>5} {statistics.median(cli):>11,.0f} {statistics.median(win):>14,.0f} "
                  f"{statistics.median(win) / statistics.median(cli):>6.2f} {max(cli):>9,.0f} {max(win):>12,.0f} "
                  f"{max(win) / max(cli):>6.2f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presets", nargs="+", default=list(RUN_IMAGES), choices=list(RUN_IMAGES))
    parser.add_argument("--batches", nargs="+", type=int, default=[64, 128])
    parser.add_argument("--seconds", type=float, default=SECONDS, help="longest timed stretch of one run")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each side, interleaved")
    parser.add_argument("--latency", nargs="*", default=["cnn"], metavar="PRESET",
                        help="presets to time stroke to bars with, while they train at the first batch size")
    parser.add_argument("--child", choices=("cli", "window", "latency"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run = {"cli": cli_run, "window": window_run, "latency": latency_run}[args.child]
        print(json.dumps(run(args.presets[0], args.batches[0], args.seconds)))
        return 0
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores, shared)", flush=True)
    if args.repeats:
        compare(args.presets, args.batches, args.repeats, args.seconds)
    for preset in args.latency:
        result = run_child("latency", preset, args.batches[0], args.seconds)
        times, cpu = result["ms"], result["cpu_ms"]
        print(f"stroke to bars while {preset} (batch {args.batches[0]}) trains: median {statistics.median(times):.1f} ms, "
              f"max {max(times):.1f} ms over {len(times)} strokes; GUI-thread CPU median "
              f"{statistics.median(cpu):.1f} ms, max {max(cpu):.1f} ms", flush=True)
    print(f"load average at end: {os.getloadavg()[0]:.1f}; goal: window/cli >= {RATIO_GOAL}, stroke to bars < 30 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
