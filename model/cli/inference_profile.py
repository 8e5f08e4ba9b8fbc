"""Where one image's prediction time goes, layer by layer: `python -m model bench --profile --inference`.

Two cases per preset. "random": random weights and one random image, the
case `bench` times (in the bundled network's architecture when there is one,
so the rows line up). "bundled": the bundled weights, each call a different
MNIST test digit, the window's case. They differ: trained
weights on a digit give mostly zero activations, whose rows the large fully
connected layer skips (model/layers/sparse_input.py). Every layer's forward
is timed by wrapping it (step_profile.PartClock); "rest" is predict_proba
around the layers (the input's conversion, the softmax). Medians of the calls.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict

import numpy as np

from model.cli.bench import INFERENCE_CALLS, SEED, blas_info
from model.cli.step_profile import PartClock
from model.constants import INPUT_SHAPE
from model.data.mnist import load_mnist, to_float
from model.network import Sequential
from model.paths import WEIGHTS_DIR
from model.presets import build_preset
from model.weights import load_weights

TOTAL, REST = "total (predict_proba)", "rest (predict_proba around the layers)"


def _cases(name: str, calls: int) -> dict:
    """case -> (network, images (calls, 1, 28, 28)): the bench's random case, and the bundled one if shipped."""
    rng = np.random.default_rng(SEED)
    path = WEIGHTS_DIR / f"{name}.npz"
    bundled = load_weights(path).net if path.is_file() else None
    net = build_preset(name, rng) if bundled is None else Sequential.from_spec(bundled.spec(), rng)
    cases = {"random": (net, np.repeat(rng.random((1, *INPUT_SHAPE), dtype=np.float32), calls, axis=0))}
    if bundled is not None:
        images = to_float(load_mnist("test")[0][:calls]).reshape(-1, *INPUT_SHAPE)
        cases["bundled"] = (bundled, images)
    return cases


def _profile_case(net, images: np.ndarray, clock) -> dict[str, float]:
    """Label -> median milliseconds of one image's predict_proba and of each layer's forward in it."""
    parts = PartClock(clock)
    for i, layer in enumerate(net.layers):
        parts.wrap(layer, "forward", f"{i} {type(layer).__name__}")
    net.predict_proba(images[:1])  # warm-up: scratch arrays are made on the first call
    samples = defaultdict(list)
    for image in images:
        parts.seconds.clear()
        start = clock()
        net.predict_proba(image[None])
        total = clock() - start
        for label, seconds in parts.seconds.items():
            samples[label].append(seconds)
        samples[REST].append(total - sum(parts.seconds.values()))
        samples[TOTAL].append(total)
    return {label: round(1000 * statistics.median(s), 4) for label, s in samples.items()}


def profile_inference(name: str, batch_size: int = 1, seconds: float = 0.0, cpu: bool = False,
                      calls: int = INFERENCE_CALLS) -> dict:
    """Per-layer medians of one-image predictions of preset `name`; JSON-able: preset, clock, cases.

    batch_size and seconds are the bench's options, unused here (one image, a fixed number of calls).
    cpu: this thread's CPU time; the whole prediction only with OPENBLAS_NUM_THREADS=1.
    """
    clock = time.thread_time if cpu else time.perf_counter
    cases = {case: _profile_case(net, images, clock) for case, (net, images) in _cases(name, calls).items()}
    return {"preset": name, "calls": calls, "clock": "thread CPU" if cpu else "wall", **blas_info(),
            "cases": cases}


def format_inference_profile(p: dict) -> str:
    blas = f", BLAS {p['blas_core']} x{p['blas_threads']}" if "blas_core" in p else ""
    cases = list(p["cases"])
    labels = list(next(iter(p["cases"].values())))
    width = max(len(label) for label in labels)
    lines = [f"{p['preset']}: one image through predict_proba, {p['clock']} ms, median of {p['calls']} calls{blas}",
             f"  {'':<{width}}" + "".join(f"  {case:>8}" for case in cases)]
    for label in labels:
        lines.append(f"  {label:<{width}}" + "".join(f"  {p['cases'][case][label]:8.3f}" for case in cases))
    return "\n".join(lines)
