"""Speed of the presets: training throughput and single-image inference latency.

    python -m model.cli.bench --preset mlp --json

Training: batch 128 of random images, Adam, the training loop's own step
(model/step.py: forward, loss, backward, update), timed after a warm-up.
Inference: one image through `predict_proba`, the median of many calls. The
machine's other load shows in these numbers: compare ratios taken in the
same session (model/cli/bench_torch.py measures PyTorch the same way;
tools/bench_compare.py, `make bench`, runs the two side by side).
`--profile` shows where a step's time goes (model/cli/step_profile.py), and
`--profile --inference` where one image's prediction's does (model/cli/inference_profile.py).
"""

from __future__ import annotations

import argparse
import ctypes
import functools
import json
import os
import statistics
import time
from pathlib import Path

import numpy as np

from model.cli.argparsing import OneLineParser, between
from model.constants import INPUT_SHAPE, N_CLASSES
from model.losses import SoftmaxCrossEntropy
from model.optim import Adam
from model.presets import PRESETS, build_preset
from model.step import train_step

BATCH_SIZE = 128
TRAIN_SECONDS = 5.0
MIN_SECONDS = 0.5  # shorter than this measures start-up, not steady state
MAX_SECONDS = 3600.0  # per preset; longer measures the machine's other load, not the network
MAX_BATCH_SIZE = 8192  # im2col of a batch this size already takes gigabytes
WARMUP_STEPS = 3
INFERENCE_CALLS = 200
LEARNING_RATE = 1e-3
SEED = 0


def blas_info() -> dict:
    """The BLAS kernel family and thread count NumPy's bundled OpenBLAS runs with, best effort.

    The kernel family matters: an environment may pin it with OPENBLAS_CORETYPE
    (this project's machines set "Haswell", AVX2), and on an AVX-512 CPU the
    "SkylakeX" kernels make the convolutions' matrix products ~1.5x faster, so
    figures are only comparable with the same family.
    """
    libs = sorted((Path(np.__file__).parent.parent / "numpy.libs").glob("libscipy_openblas*.so*"))
    if not libs:
        return {}
    try:
        lib = ctypes.CDLL(str(libs[0]))
        suffix = "64_" if "openblas64" in libs[0].name else ""
        corename = getattr(lib, f"scipy_openblas_get_corename{suffix}")
        corename.restype = ctypes.c_char_p
        threads = getattr(lib, f"scipy_openblas_get_num_threads{suffix}")
        return {"blas_core": corename().decode(), "blas_threads": int(threads())}
    except (OSError, AttributeError):
        return {}


def _batch(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Random images (n, 1, 28, 28) float32 in [0, 1] and labels (n,)."""
    return rng.random((n, *INPUT_SHAPE), dtype=np.float32), rng.integers(0, N_CLASSES, size=n)


def time_training(step, seconds: float, warmup: int = WARMUP_STEPS) -> tuple[float, int]:
    """Call step() `warmup` times, then repeatedly for about `seconds`; (seconds per step, steps)."""
    for _ in range(warmup):
        step()
    steps, start = 0, time.perf_counter()
    while True:
        step()
        steps += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return elapsed / steps, steps


def time_inference(predict, calls: int = INFERENCE_CALLS) -> float:
    """Median milliseconds of predict() over `calls` calls, after one warm-up call."""
    predict()
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        predict()
        times.append(time.perf_counter() - start)
    return 1000 * statistics.median(times)


def bench_preset(name: str, batch_size: int = BATCH_SIZE, seconds: float = TRAIN_SECONDS,
                 rng: np.random.Generator | None = None) -> dict:
    """Measure preset `name`. Returns a JSON-able dict: preset, train_images_per_s, inference_ms, params, ..."""
    rng = rng if rng is not None else np.random.default_rng(SEED)
    net = build_preset(name, rng)
    opt, loss = Adam(net.params(), lr=LEARNING_RATE), SoftmaxCrossEntropy()
    x, y = _batch(rng, batch_size)

    step_s, steps = time_training(lambda: train_step(net, loss, opt, x, y), seconds)
    image = x[:1]
    inference_ms = time_inference(lambda: net.predict_proba(image))
    return {**measurement(name, "numpy", batch_size, step_s, steps, inference_ms, net.num_params()),
            "numpy": np.__version__, **blas_info()}


def measurement(name: str, engine: str, batch_size: int, step_s: float, steps: int, inference_ms: float,
                params: int) -> dict:
    """The fields every engine's result has, so the two benchmarks print comparable JSON."""
    return {
        "preset": name,
        "engine": engine,
        "train_images_per_s": round(batch_size / step_s, 1),
        "train_step_ms": round(1000 * step_s, 2),
        "train_steps_timed": steps,
        "inference_ms": round(inference_ms, 3),
        "params": params,
        "batch_size": batch_size,
        "cpu_count": os.cpu_count(),
    }


def format_result(r: dict) -> str:
    return (f"{r['preset']:>10} [{r['engine']}]: {r['train_images_per_s']:>9.0f} train images/s "
            f"(batch {r['batch_size']}), {r['inference_ms']:.2f} ms per image, {r['params']:,} parameters")


def parse_args(argv: list[str] | None, description: str, profile: bool = False) -> argparse.Namespace:
    parser = OneLineParser(prog="python -m model bench", description=description)
    if profile:
        parser.add_argument("--profile", action="store_true",
                            help="show where one training step's time goes: each layer, loss, optimizer, batching")
        parser.add_argument("--cpu", action="store_true",
                            help="with --profile: count this thread's CPU time, steady on a busy machine "
                                 "(the whole step with OPENBLAS_NUM_THREADS=1)")
        parser.add_argument("--inference", action="store_true",
                            help="with --profile: show where one image's prediction time goes, layer by layer")
    parser.add_argument("--preset", action="append", choices=sorted(PRESETS),
                        help="preset to measure (repeatable; default: all)")
    parser.add_argument("--batch-size", type=between(1, MAX_BATCH_SIZE), default=BATCH_SIZE)
    parser.add_argument("--seconds", type=between(MIN_SECONDS, MAX_SECONDS, float), default=TRAIN_SECONDS,
                        help="training time measured per preset")
    parser.add_argument("--json", action="store_true", help="print one JSON object per preset")
    return parser.parse_args(argv)


def run_benchmarks(argv: list[str] | None, description: str, measure, profile=None, inference_profile=None) -> int:
    """Parse the bench options, then measure(name, batch_size, seconds) each chosen preset and print it.

    profile: (measure, format) that --profile uses instead, when the engine has one;
    inference_profile: the same for --profile --inference.
    """
    args = parse_args(argv, description, profile is not None)
    show = format_result
    if getattr(args, "profile", False):
        chosen = inference_profile if args.inference else profile
        measure, show = functools.partial(chosen[0], cpu=args.cpu), chosen[1]
    for name in args.preset or list(PRESETS):
        result = measure(name, args.batch_size, args.seconds)
        print(json.dumps(result) if args.json else show(result), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    # They import this module's constants.
    from model.cli.inference_profile import format_inference_profile, profile_inference
    from model.cli.step_profile import format_profile, profile_preset

    return run_benchmarks(argv, "Measure DigitLab's presets: training images/s and inference ms.", bench_preset,
                          profile=(profile_preset, format_profile),
                          inference_profile=(profile_inference, format_inference_profile))


if __name__ == "__main__":
    raise SystemExit(main())
