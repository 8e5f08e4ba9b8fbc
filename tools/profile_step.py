"""Where one training step's time goes, layer by layer: `python -m tools.profile_step --preset cnn`.

A measurement, not a test. It runs the step `model bench` times (batch 128,
Adam, random images) and times each layer's forward and backward, the loss and
the optimizer step, then prints the median over the timed steps in ms and
each part's share. With --cpu it reports CPU seconds of this process instead of
the wall clock, which a machine shared with other jobs disturbs less (use it
with --threads 1: with two BLAS threads, CPU time also counts the second one).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

from model.cli.bench import BATCH_SIZE, LEARNING_RATE, SEED
from model.constants import INPUT_SHAPE, N_CLASSES
from model.losses import SoftmaxCrossEntropy
from model.optim import Adam
from model.presets import PRESETS, build_preset

WARMUP_STEPS = 3


def profile(preset: str, steps: int, batch_size: int, clock) -> dict[str, list[float]]:
    """Seconds per part ("3.Conv2d fwd", "loss", "adam", ...) for each of `steps` training steps."""
    rng = np.random.default_rng(SEED)
    net = build_preset(preset, rng)
    opt, loss = Adam(net.params(), lr=LEARNING_RATE), SoftmaxCrossEntropy()
    x = rng.random((batch_size, *INPUT_SHAPE), dtype=np.float32)
    y = rng.integers(0, N_CLASSES, size=batch_size)
    first = next(i for i, layer in enumerate(net.layers) if layer.params())
    names = [f"{i}.{type(layer).__name__}" for i, layer in enumerate(net.layers)]
    times: dict[str, list[float]] = defaultdict(list)

    def timed(part, fn, *args):
        start = clock()
        result = fn(*args)
        times[part].append(clock() - start)
        return result

    for step in range(WARMUP_STEPS + steps):
        if step == WARMUP_STEPS:
            times.clear()
        opt.zero_grad()
        out = x
        for name, layer in zip(names, net.layers):
            out = timed(f"{name} fwd", layer.forward, out, True)
        timed("loss fwd", loss.forward, out, y)
        dout = timed("loss bwd", loss.backward)
        for i in range(len(net.layers) - 1, first, -1):
            dout = timed(f"{names[i]} bwd", net.layers[i].backward, dout)
        timed(f"{names[first]} bwd", net.layers[first].backward_params, dout)
        timed("adam", opt.step)
    return times


def report(times: dict[str, list[float]]) -> str:
    medians = {part: 1000 * statistics.median(t) for part, t in times.items()}
    total = sum(medians.values())
    lines = [f"{part:<22} {ms:8.2f} ms {100 * ms / total:5.1f}%" for part, ms in medians.items()]
    return "\n".join([*lines, f"{'total':<22} {total:8.2f} ms"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--preset", choices=sorted(PRESETS), default="small-cnn")
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--threads", type=int, default=None, help="BLAS threads (default: NumPy's)")
    parser.add_argument("--cpu", action="store_true", help="CPU time of this process instead of wall clock")
    args = parser.parse_args(argv)
    clock = time.process_time if args.cpu else time.perf_counter
    with threadpool_limits(limits=args.threads, user_api="blas"):
        blas = [(i["architecture"], i["num_threads"]) for i in threadpool_info() if i["user_api"] == "blas"]
        times = profile(args.preset, args.steps, args.batch_size, clock)
    print(f"{args.preset}, batch {args.batch_size}, BLAS {blas}, {'CPU' if args.cpu else 'wall'} time, "
          f"median of {args.steps} steps")
    print(report(times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
