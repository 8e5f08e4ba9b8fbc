"""A short seeded training run per preset and optimizer, to compare two versions of the engine.

    python -m tools.seeded_run --out /tmp/after.npz [--compare /tmp/before.npz]

Trains each preset briefly on the first MNIST training images (fixed seed,
dropout and batch norm as the presets have them) and stores the final weights
and losses. With --compare it prints, per run, the largest weight difference
from another version's file: speed work must leave it at float rounding.
"""

from __future__ import annotations

import argparse

import numpy as np

from model.data.mnist import training_split
from model.presets import build_preset
from model.train import train
from model.train_config import TrainConfig

RUNS = [("mlp", "adam", 0.0), ("mlp", "sgd", 0.0), ("mlp", "momentum", 1e-4), ("mlp", "nesterov", 0.0),
        ("mlp", "rmsprop", 1e-4), ("small-cnn", "adam", 0.0), ("cnn", "adam", 1e-4)]
IMAGES = {"mlp": 4096, "small-cnn": 1024, "cnn": 512}
LR = {"sgd": 0.05, "momentum": 0.02, "nesterov": 0.02, "rmsprop": 1e-3, "adam": 1e-3}


def run(preset: str, optimizer: str, weight_decay: float, data) -> dict[str, np.ndarray]:
    x, y, x_val, y_val = data
    n = IMAGES[preset]
    net = build_preset(preset, np.random.default_rng(1))
    config = TrainConfig(epochs=2, batch_size=64, optimizer=optimizer, lr=LR[optimizer], weight_decay=weight_decay,
                         seed=3, restore_best=False)
    done = list(train(net, x[:n], y[:n], config, x_val=x_val[:1000], y_val=y_val[:1000]))[-1]
    key = f"{preset}-{optimizer}"
    print(f"{key:>18}: loss {done.loss:.6f}, val loss {done.val_loss:.6f}, val acc {done.val_acc:.4f}", flush=True)
    out = {f"{key}/{name}": a for name, a in net.state_dict().items()}
    out[f"{key}/losses"] = np.array([done.loss, done.val_loss])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--compare")
    args = parser.parse_args()
    data = training_split()
    arrays = {}
    for preset, optimizer, weight_decay in RUNS:
        arrays.update(run(preset, optimizer, weight_decay, data))
    np.savez(args.out, **arrays)
    if args.compare:
        other = np.load(args.compare)
        for preset, optimizer, _ in RUNS:
            key = f"{preset}-{optimizer}/"
            diffs = [float(np.max(np.abs(arrays[k] - other[k]))) for k in arrays if k.startswith(key)]
            print(f"{key:>19} largest difference from {args.compare}: {max(diffs):.3g}")


if __name__ == "__main__":
    main()
