"""Where one training step's time goes, part by part: `python -m model bench --profile`.

Every layer's forward and backward, the loss, zeroing the gradients, keeping
the last good weights, the optimizer's step and the batching are timed apart.
They are timed by wrapping those objects' own methods for the run, as a
profiler does, so the step measured is the training loop's (model/step.py),
not a copy of it. "rest" is what no part covers: Python between the parts and
counting the batch's correct answers.
"""

from __future__ import annotations

import time
from collections import defaultdict

import numpy as np

from model.cli.bench import LEARNING_RATE, SEED, WARMUP_STEPS, blas_info
from model.constants import INPUT_SHAPE, N_CLASSES
from model.losses import SoftmaxCrossEntropy
from model.optim import Adam
from model.presets import build_preset
from model.step import copy_weights, epoch_batches, train_step

# A training set as large as MNIST's split (random images): gathering a batch from it is the real cost.
PROFILE_IMAGES = 55_000


class PartClock:
    """Seconds spent in each wrapped method, summed per label.

    A timed call inside another counts under its own label and not the outer
    one's: a fused block's convolution shows as the convolution, and
    Linear.backward calling its own backward_params counts once.
    """

    def __init__(self, clock=time.perf_counter):
        self.seconds: dict[str, float] = defaultdict(float)
        self._inner: list[float] = []  # per timed call under way: the time of the calls inside it
        self.clock = clock

    def wrap(self, obj, method: str, label: str) -> None:
        """Time obj.method under `label` from now on (an instance attribute shadows the class's method)."""
        inner = getattr(obj, method)

        setattr(obj, method, lambda *args: self.timed(label, inner, *args))

    def timed(self, label: str, fn, *args):
        """fn(*args), its time added under `label`, less that of the timed calls inside it."""
        self._inner.append(0.0)
        start = self.clock()
        try:
            return fn(*args)
        finally:
            elapsed = self.clock() - start
            self.seconds[label] += elapsed - self._inner.pop()
            if self._inner:
                self._inner[-1] += elapsed


def _wrap_step(parts: PartClock, net, loss_fn, opt) -> None:
    """Wrap the layers, the loss and the optimizer of one step so `parts` times each."""
    for i, layer in enumerate(net.layers):
        name = f"{i} {type(layer).__name__}"
        parts.wrap(layer, "forward", f"{name} forward")
        parts.wrap(layer, "backward", f"{name} backward")
        parts.wrap(layer, "backward_params", f"{name} backward")
        if hasattr(layer, "forward_windows"):
            parts.wrap(layer, "forward_windows", f"{name} forward")
    for start, stop, step in net.training_plan():
        if stop - start > 1:  # a fused block: its own time is that of the layers after its convolution
            name = f"{start + 1}-{stop - 1} " + ", ".join(type(layer).__name__ for layer in net.layers[start + 1:stop])
            parts.wrap(step, "forward", f"{name} forward (fused)")
            parts.wrap(step, "backward", f"{name} backward (fused)")
            parts.wrap(step, "backward_params", f"{name} backward (fused)")
    parts.wrap(loss_fn, "forward", "loss forward (softmax + cross-entropy)")
    parts.wrap(loss_fn, "backward", "loss backward")
    parts.wrap(net, "zero_grad", "zero gradients")
    parts.wrap(opt, "step", f"optimizer step ({type(opt).__name__})")


def _endless_batches(x, y, batch_size, rng):
    """Full batches of epoch after epoch, as the loop draws them (a short last batch is left out)."""
    while True:
        yield from ((xb, yb) for xb, yb in epoch_batches(x, y, batch_size, rng) if len(yb) == batch_size)


def profile_preset(name: str, batch_size: int, seconds: float, cpu: bool = False,
                   images: int = PROFILE_IMAGES) -> dict:
    """Time the parts of preset `name`'s training step; JSON-able: preset, step_ms, steps, clock, parts [(label, ms)].

    cpu: count this thread's CPU time instead of the wall clock. It does not count
    the time other programs take the CPU, so it stays steady on a busy machine; it
    is the whole step only with one BLAS thread (OPENBLAS_NUM_THREADS=1).
    """
    rng = np.random.default_rng(SEED)
    net = build_preset(name, rng)
    loss_fn, opt = SoftmaxCrossEntropy(), Adam(net.params(), lr=LEARNING_RATE)
    x = rng.random((max(images, batch_size), *INPUT_SHAPE), dtype=np.float32)
    y = rng.integers(0, N_CLASSES, size=len(x))
    good = net.state_dict()
    clock = time.thread_time if cpu else time.perf_counter
    batches, parts = _endless_batches(x, y, batch_size, rng), PartClock(clock)

    def keep():  # the loop keeps the last weights that gave a finite loss
        parts.timed("keep the last good weights", copy_weights, net, good)

    def step():
        xb, yb = parts.timed("batching (gather the batch)", next, batches)
        train_step(net, loss_fn, opt, xb, yb, keep)

    for _ in range(WARMUP_STEPS):
        step()
    _wrap_step(parts, net, loss_fn, opt)
    parts.seconds.clear()
    steps, start, wall = 0, clock(), time.perf_counter()
    while steps < 2 or time.perf_counter() - wall < seconds:
        step()
        steps += 1
    total = clock() - start
    rows = [(label, 1000 * s / steps) for label, s in parts.seconds.items()]
    rows.append(("rest (Python between parts, accuracy count)", 1000 * total / steps - sum(ms for _, ms in rows)))
    return {"preset": name, "batch_size": batch_size, "step_ms": round(1000 * total / steps, 3), "steps": steps,
            "clock": "thread CPU" if cpu else "wall", **blas_info(),
            "parts": [[label, round(ms, 4)] for label, ms in rows]}


def format_profile(p: dict) -> str:
    blas = f", BLAS {p['blas_core']} x{p['blas_threads']}" if "blas_core" in p else ""
    lines = [f"{p['preset']}: {p['step_ms']:.2f} ms per training step (batch {p['batch_size']}, Adam), "
             f"{p['clock']} time, mean of {p['steps']} steps{blas}"]
    width = max(len(label) for label, _ in p["parts"])
    for label, ms in p["parts"]:
        lines.append(f"  {label:<{width}}  {ms:8.3f} ms  {100 * ms / p['step_ms']:5.1f}%")
    return "\n".join(lines)
