"""Training speed in the window against the command line: `python -m tools.window_vs_cli [--repeats 3] [--before DIR]`.

A benchmark, not a test. For each preset and batch size it trains the same
images (seed 0, Adam, lr 0.001) for --seconds through the command line's code
path (the engine's generator with `model train`'s own settings, driven by its
progress loop, in a process with NumPy's default BLAS threads, and again with
OPENBLAS_NUM_THREADS=1 as a user of a busy machine would run it) and from the
window's Train tab (offscreen, real form, worker and curves, a digit on the
canvas, the Train tab shown), then stops the run as a user would. Each run is
a fresh process; the sides rotate (cli, cli-1, window, then window, cli-1,
cli, ...) so a drift in the machine's load falls on all.
Speed is wall-clock images/s between the first and the last batch record,
over as many epochs as fit (the mlp's epoch takes about a second): warm-up
before the first record is left out on both sides, and both validate the
same images at each epoch's end. Both sides stop at the first batch record
that comes after --seconds (the window cannot stop sooner: it learns the
time only from a record, and its child has begun the next epoch when the
epoch's record arrives), so a validation that runs past the deadline counts
on both (the command line, stopped before the next batch or at the epoch's
record, left out validations the window counted: a cnn's takes 3-10 s on a
busy machine).
Everything a side spends between steps counts; beside it, each side's own run clock and step time say where the
time went, and its CPU time per image (the window: its own process and the
training child's), which a busy machine inflates far less than wall time.
The window's line also says how much of the stretch its child trained at
each BLAS thread count (model.thread_choice decides). The table gives each
side's median and range over the repeats, and the window/cli ratio both as
a ratio of medians and as the median and range of the repeats' own ratios
(each repeat's runs follow each other, so they shared the machine's load).
--before DIR adds a "before" side: the window of the code in DIR (another
checkout, with this tool copied into its tools/), run in the same rotation.
The "window-away" side is the window trained from the Train tab and then left
for the Experiments tab, as a user who looks elsewhere (or minimises it):
neither the curves nor the card are drawn, so window-away against window
tells what the window's drawing costs the run, and window-away against cli
what the training process itself loses.
Then it times stroke to bars on the Draw tab while the window trains
(tools.watch_cost).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

# Images of an epoch: a few seconds each on two cores; the form offers 1,000, 5,000, 20,000 or all.
RUN_IMAGES = {"small-cnn": 20_000, "cnn": 5_000, "mlp": None}
EPOCHS = 100  # more than --seconds can train: every run is stopped
FORM = dict(epochs=EPOCHS, optimizer="adam", lr="0.001", seed=0)
SIDES = ("cli", "cli-1", "window")  # cli-1: the command line with one BLAS thread; "before": see --before
MORE_SIDES = ("window-away",)  # asked for by --sides
TABS = ("train", "draw", "away")  # the window's tab during a run: "away" is the Experiments tab (nothing drawn)
SECONDS = 20.0  # timed per run, after the first batch record
MIN_MARKS = 4  # batch records timed at least, however long they take
RATIO_GOAL = 0.9  # the bound: the window at least 0.9 of the command line's images/s


def rates(marks: list[tuple]) -> dict:
    """images/s between the first and last marks by three clocks: the wall clock where the records
    arrive, the trainer's run clock (leaves out the time its caller holds a record) and its step
    time alone (the optimizer steps and their batches): what the side loses where, and what it
    would train at with nothing between its steps. in_epochs: by the wall clock within epochs only,
    leaving out the validations (the same work on both sides, 3-10 s for the cnn on a busy machine,
    and whether one falls in a run's stretch decided much of its figure)."""
    (t0, n0, e0, s0, c0, _), (t1, n1, e1, s1, c1, _) = marks[0], marks[-1]
    pairs = [(b[1] - a[1], b[0] - a[0]) for a, b in zip(marks, marks[1:]) if a[5] == b[5]]
    return {"images_per_s": (n1 - n0) / (t1 - t0), "run_clock": (n1 - n0) / (e1 - e0),
            "step_time": (n1 - n0) / (s1 - s0), "cpu_ms_per_image": 1000 * (c1 - c0) / (n1 - n0),
            "in_epochs": sum(n for n, _ in pairs) / sum(t for _, t in pairs)}


def _mark(marks: list, record, batch: int, cpu: float = 0.0) -> None:
    """Note when a batch record arrives, how many images were trained by then, and the
    trainer's own clocks (its run time, and its step time: images / images_per_s); cpu: the
    CPU seconds the side has used by then."""
    if record.kind == "batch":
        images = (record.epoch - 1) * record.train_images + min(record.batch * batch, record.train_images)
        step_time = images / record.images_per_s if record.images_per_s else 0.0
        marks.append((time.perf_counter(), images, record.elapsed, step_time, cpu, record.epoch))


def child_cpu(pid: int) -> float:
    """CPU seconds a process has used (Linux's /proc; 0 where there is none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class ThreadLog:
    """The training child's set_threads, noting each switch (perf_counter, threads) in a file."""

    def __init__(self, path: str, set_threads):
        self.path, self.set_threads = path, set_threads

    def __call__(self, threads: int) -> None:
        self.set_threads(threads)
        with open(self.path, "a") as log:
            log.write(f"{time.perf_counter()} {threads}\n")


def thread_shares(path: str, start: float, end: float) -> dict[str, float]:
    """The share of [start, end] the child spent at each thread count, from a ThreadLog's file."""
    try:
        switches = [tuple(map(float, line.split())) for line in Path(path).read_text().splitlines()]
    except OSError:
        return {}
    shares: dict[str, float] = {}
    for (t, threads), (t_next, _) in zip(switches, switches[1:] + [(end, 0)]):
        covered = min(t_next, end) - max(t, start)
        if covered > 0:
            shares[str(int(threads))] = shares.get(str(int(threads)), 0.0) + covered / (end - start)
    return shares


def time_is_up(marks: list, seconds: float) -> bool:
    return len(marks) >= MIN_MARKS and time.perf_counter() - marks[0][0] >= seconds


def cli_run(preset: str, batch: int, seconds: float) -> dict:
    """Train through `model train`'s progress loop with its settings, as the command line trains."""
    import numpy as np

    from model.cli.train import _run_with_progress
    from model.data.mnist import training_split
    from model.presets import build_preset
    from model.train import TrainConfig, train

    x, y, x_val, y_val = training_split()
    config = TrainConfig(epochs=EPOCHS, batch_size=batch, max_train=RUN_IMAGES[preset], seed=0).validate()
    net = build_preset(preset, np.random.default_rng(0))
    marks: list = []

    stop = []

    def timed(records):
        for record in records:
            _mark(marks, record, batch, time.process_time())
            if record.kind == "batch" and time_is_up(marks, seconds):  # as the window stops: at a batch record
                stop.append(True)
            yield record

    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        _run_with_progress(timed(train(net, x, y, config, x_val=x_val, y_val=y_val, should_stop=lambda: bool(stop))))
    return rates(marks)


def open_window(tab: str = "train"):
    """(app, window): the real window offscreen, a digit on the canvas, `tab` ("train" or "draw") shown;
    "away" starts on the Train tab too (window_run leaves it once the run has started)."""
    from tools.watch_cost import window_with_digit

    app, window = window_with_digit()
    if tab in ("train", "away"):
        window.tabs.setCurrentWidget(window.training)
        app.processEvents()
    return app, window


def window_run(preset: str, batch: int, seconds: float, tab: str = "train") -> dict:
    """Train from the window's Train tab (or with the Draw tab's card shown); also the GUI thread's
    busy share and the child's share of the stretch at each thread count."""
    import multiprocessing
    import tempfile

    from app.training import worker
    from tools.screenshot import wait_for

    app, window = open_window(tab)
    training, marks, gui, child = window.training, [], [], []
    log = tempfile.mktemp(prefix="digitlab-threads-")
    choose = worker.thread_chooser

    def logged_chooser():
        chooser = choose()
        chooser._set_threads = ThreadLog(log, chooser._set_threads)
        return chooser

    def on_progress(records):  # a bundle: the records since the last, arrived now
        records = records if isinstance(records, list) else [records]  # --before: a window of one record a signal
        child[:] = child or [p.pid for p in multiprocessing.active_children() if p.name == "digitlab-training"]
        cpu = time.process_time() + sum(child_cpu(pid) for pid in child)
        for record in records:
            _mark(marks, record, batch, cpu)
        gui.append(time.thread_time())
        if records[-1].kind == "batch" and time_is_up(marks, seconds) and training.runner.is_running():
            training.stop()

    worker.thread_chooser = logged_chooser
    training.runner.progress.connect(on_progress)
    training.form.set_values(preset=preset, batch_size=str(batch), train_size=RUN_IMAGES[preset], **FORM)
    training.train_from_scratch()
    if tab == "away":
        window.tabs.setCurrentWidget(window.experiments)
    wait_for(training.run_finished, timeout_ms=1_800_000)
    window.close()
    wall = marks[-1][0] - marks[0][0]
    return {**rates(marks), "gui_busy": (gui[-1] - gui[0]) / wall,
            "threads": thread_shares(log, marks[0][0], marks[-1][0])}


def latency_run(preset: str, batch: int, seconds: float) -> dict:
    """Stroke to bars (ms) on the Draw tab, card shown, while `preset` trains from the window."""
    from tools.watch_cost import stroke_latency

    app, window = open_window("draw")
    times, cpu = stroke_latency(app, window, preset, batch_size=str(batch), train_size=RUN_IMAGES[preset])
    window.close()
    return {"ms": times, "cpu_ms": cpu}


def run_child(side: str, preset: str, batch: int, seconds: float, tab: str = "train", before: str | None = None) -> dict:
    """Run one side in a fresh process (so each has its own BLAS setting); its JSON line.
    The "before" side is the window of the code in `before`."""
    kind = "window" if side == "before" else side.split("-")[0]
    tab = "away" if side == "window-away" else tab
    command = [sys.executable, "-m", "tools.window_vs_cli", "--child", kind, "--presets", preset,
               "--batches", str(batch), "--seconds", str(seconds), "--tab", tab]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if side == "cli-1":
        env["OPENBLAS_NUM_THREADS"] = "1"
    if side == "before":
        env["PYTHONPATH"] = before
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False,
                          cwd=before if side == "before" else None)
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        raise SystemExit(f"{side} {preset} {batch} failed: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(lines[-1])


def _run_line(preset: str, batch: int, side: str, result: dict) -> str:
    extra = f", GUI thread busy {100 * result['gui_busy']:.0f}%" if "gui_busy" in result else ""
    if result.get("threads"):
        extra += ", threads " + " ".join(f"{n}: {100 * share:.0f}%" for n, share in sorted(result["threads"].items()))
    cpu = f", {result['cpu_ms_per_image']:.2f} CPU ms/image" if "cpu_ms_per_image" in result else ""
    within = f", {result['in_epochs']:,.0f} within epochs" if "in_epochs" in result else ""
    return (f"  {preset:<9} batch {batch:<4} {side:<11} {result['images_per_s']:>9,.0f} images/s{within} "
            f"(run clock {result['run_clock']:,.0f}, step time {result['step_time']:,.0f}{cpu}; "
            f"load {os.getloadavg()[0]:.1f}){extra}")


def _spread(values: list[float], digits: int = 0) -> str:
    """median (min-max) of values."""
    return f"{statistics.median(values):,.{digits}f} ({min(values):,.{digits}f}-{max(values):,.{digits}f})"


def compare(presets, batches, repeats: int, seconds: float, sides=SIDES, tab: str = "train",
            before: str | None = None) -> None:
    results = {(p, b, side): [] for p in presets for b in batches for side in sides}
    for i in range(repeats):
        for preset in presets:
            for batch in batches:
                for side in (sides if i % 2 == 0 else sides[::-1]):
                    result = run_child(side, preset, batch, seconds, tab, before)
                    results[preset, batch, side].append(result)
                    print(_run_line(preset, batch, side, result), flush=True)
    for key, what in (("in_epochs", "within epochs (validations left out)"),
                      ("images_per_s", "over the whole stretch (validations in)")):
        _table(results, presets, batches, sides, key, what)


def _table(results, presets, batches, sides, key: str, what: str) -> None:
    print(f"images/s by the wall clock {what}: median (min-max) over the repeats; window/cli: the ratio of the "
          "medians, then the median (min-max) of each repeat's own ratio; steps: the ratio by step time alone")
    others = [side for side in sides if side not in ("cli", "window")]
    print(f"{'preset':<9} {'batch':>5} {'cli':>22} {'window':>22} {'window/cli':>22} {'steps':>6}"
          + "".join(f" {side:>22} {side + '/cli':>11}" for side in others))
    for preset in presets:
        for batch in batches:
            wall = {side: [r.get(key, r["images_per_s"]) for r in results[preset, batch, side]] for side in sides}
            steps = {side: [r["step_time"] for r in results[preset, batch, side]] for side in sides}
            paired = [w / c for w, c in zip(wall["window"], wall["cli"])]
            ratio = statistics.median(wall["window"]) / statistics.median(wall["cli"])
            step_ratio = statistics.median(steps["window"]) / statistics.median(steps["cli"])
            print(f"{preset:<9} {batch:>5} {_spread(wall['cli']):>22} {_spread(wall['window']):>22} "
                  f"{f'{ratio:.2f} {_spread(paired, 2)}':>22} {step_ratio:>6.2f}"
                  + "".join(f" {_spread(wall[side]):>22} "
                            f"{statistics.median(wall[side]) / statistics.median(wall['cli']):>11.2f}"
                            for side in others), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presets", nargs="+", default=list(RUN_IMAGES), choices=list(RUN_IMAGES))
    parser.add_argument("--batches", nargs="+", type=int, default=[64, 128])
    parser.add_argument("--seconds", type=float, default=SECONDS, help="longest timed stretch of one run")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each side, interleaved")
    parser.add_argument("--sides", nargs="+", default=list(SIDES), choices=SIDES + MORE_SIDES,
                        help="what to time (window and cli at least)")
    parser.add_argument("--tab", choices=TABS, default="train",
                        help="the window's tab while it trains: draw shows the training card (and its snapshots), "
                             "away the Experiments tab")
    parser.add_argument("--before", metavar="DIR", help="also time the window of the code in DIR (with this tool)")
    parser.add_argument("--latency", nargs="*", default=["cnn"], metavar="PRESET",
                        help="presets to time stroke to bars with, while they train at the first batch size")
    parser.add_argument("--child", choices=("cli", "window", "latency"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run = {"cli": cli_run, "window": partial(window_run, tab=args.tab), "latency": latency_run}[args.child]
        print(json.dumps(run(args.presets[0], args.batches[0], args.seconds)))
        return 0
    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores, shared)", flush=True)
    sides = tuple(args.sides) + (("before",) if args.before else ())
    if args.repeats:
        compare(args.presets, args.batches, args.repeats, args.seconds, sides, args.tab, args.before)
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
