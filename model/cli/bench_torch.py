"""The same measurements as model/bench.py, with PyTorch running the same preset specs.

For comparison only: torch is never a DigitLab dependency, so it is imported
inside the functions. Run it from a separate environment that has torch and
numpy, with the repository on the path:

    /tmp/torchvenv/bin/python -m model.cli.bench_torch --preset cnn --json
"""

from __future__ import annotations

import numpy as np

from model.cli.bench import (
    BATCH_SIZE,
    LEARNING_RATE,
    SEED,
    TRAIN_SECONDS,
    measurement,
    run_benchmarks,
    time_inference,
    time_training,
)
from model.presets import preset_spec


def _normalize_module(torch, mean: float, std: float):
    class Normalize(torch.nn.Module):
        def forward(self, x):
            return (x - mean) / std

    return Normalize()


def torch_module(spec: list[dict]):
    """A torch.nn.Sequential doing what our layer spec describes (PyTorch's default init)."""
    import torch

    nn = torch.nn
    simple = {"ReLU": nn.ReLU, "Sigmoid": nn.Sigmoid, "Tanh": nn.Tanh, "Flatten": nn.Flatten}
    modules = []
    for s in spec:
        kind = s["type"]
        if kind in simple:
            modules.append(simple[kind]())
        elif kind == "Normalize":
            modules.append(_normalize_module(torch, s["mean"], s["std"]))
        elif kind == "LeakyReLU":
            modules.append(nn.LeakyReLU(s.get("slope", 0.01)))
        elif kind == "Linear":
            modules.append(nn.Linear(s["in_features"], s["out_features"]))
        elif kind == "Conv2d":
            modules.append(nn.Conv2d(s["in_channels"], s["out_channels"], s["kernel_size"],
                                     stride=s["stride"], padding=s["padding"]))
        elif kind in ("MaxPool2d", "AvgPool2d"):
            modules.append(getattr(nn, kind)(s["kernel_size"], s["stride"]))
        elif kind == "Dropout":
            modules.append(nn.Dropout(s["p"]))
        elif kind == "BatchNorm1d":
            modules.append(nn.BatchNorm1d(s["num_features"]))
        elif kind == "BatchNorm2d":
            modules.append(nn.BatchNorm2d(s["num_channels"]))
        else:
            raise ValueError(f"no torch equivalent for layer type {kind}")
    return nn.Sequential(*modules)


def bench_preset_torch(name: str, batch_size: int = BATCH_SIZE, seconds: float = TRAIN_SECONDS) -> dict:
    """Like model.cli.bench.bench_preset, in PyTorch (CPU, float32, its default thread count)."""
    import torch

    torch.manual_seed(SEED)
    net = torch_module(preset_spec(name))
    opt, loss_fn = torch.optim.Adam(net.parameters(), lr=LEARNING_RATE), torch.nn.CrossEntropyLoss()
    rng = np.random.default_rng(SEED)
    x = torch.from_numpy(rng.random((batch_size, 1, 28, 28), dtype=np.float32))
    y = torch.from_numpy(rng.integers(0, 10, size=batch_size))

    def train_step():
        opt.zero_grad()
        loss_fn(net(x), y).backward()
        opt.step()

    net.train()
    step_s, steps = time_training(train_step, seconds)
    net.eval()
    image = x[:1]

    def predict():
        with torch.no_grad():
            torch.softmax(net(image), dim=1)

    return {**measurement(name, "torch", batch_size, step_s, steps, time_inference(predict),
                          sum(p.numel() for p in net.parameters())),
            "torch": torch.__version__, "torch_threads": torch.get_num_threads()}


def main(argv: list[str] | None = None) -> int:
    return run_benchmarks(argv, "Measure the presets' architectures in PyTorch, for comparison.", bench_preset_torch)


if __name__ == "__main__":
    raise SystemExit(main())
