"""The named architectures DigitLab offers, as layer specs with a few options.

Every preset starts with the input normalisation and ends with a Linear layer
to 10 classes initialised "small", so an untrained network predicts near-
uniformly and its loss starts near ln(10).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from model.constants import ACTIVATIONS, IMAGE_SIDE, MNIST_MEAN, MNIST_STD, N_CLASSES
from model.network import Sequential

OUTPUT_INIT = "small"


@dataclass(frozen=True)
class Preset:
    """A named architecture: its one-line description, default options and spec builder."""

    description: str
    build_spec: Callable[..., list[dict]]
    defaults: dict = field(default_factory=dict)


class _SpecBuilder:
    """Appends layer dicts, inserting batch norm and the activation after each hidden layer."""

    def __init__(self, activation: str, batchnorm: bool):
        if activation not in ACTIVATIONS:
            raise ValueError(f"unknown activation {activation!r}; choose one of {', '.join(ACTIVATIONS)}")
        self.act, self.init = ACTIVATIONS[activation]
        self.batchnorm = bool(batchnorm)
        self.layers: list[dict] = [{"type": "Normalize", "mean": MNIST_MEAN, "std": MNIST_STD}]

    def conv(self, cin: int, cout: int, kernel: int, padding: int) -> _SpecBuilder:
        self.layers.append({"type": "Conv2d", "in_channels": cin, "out_channels": cout, "kernel_size": kernel,
                            "stride": 1, "padding": padding, "init": self.init})
        if self.batchnorm:
            self.layers.append({"type": "BatchNorm2d", "num_channels": cout})
        self.layers.append({"type": self.act})
        return self

    def pool(self, kernel: int = 2) -> _SpecBuilder:
        self.layers.append({"type": "MaxPool2d", "kernel_size": kernel, "stride": kernel})
        return self

    def hidden(self, fin: int, fout: int, dropout: float) -> _SpecBuilder:
        self.layers.append({"type": "Linear", "in_features": fin, "out_features": fout, "init": self.init})
        if self.batchnorm:
            self.layers.append({"type": "BatchNorm1d", "num_features": fout})
        self.layers.append({"type": self.act})
        if dropout:
            self.layers.append({"type": "Dropout", "p": float(dropout)})
        return self

    def flatten(self) -> _SpecBuilder:
        self.layers.append({"type": "Flatten"})
        return self

    def output(self, fin: int) -> list[dict]:
        self.layers.append({"type": "Linear", "in_features": fin, "out_features": N_CLASSES,
                            "init": OUTPUT_INIT})
        return self.layers


def _mlp(activation, dropout, batchnorm, hidden) -> list[dict]:
    sizes = [IMAGE_SIDE * IMAGE_SIDE, *(int(h) for h in hidden)]
    if any(h < 1 for h in sizes):
        raise ValueError(f"hidden sizes must be positive, got {list(hidden)}")
    b = _SpecBuilder(activation, batchnorm).flatten()
    for fin, fout in zip(sizes, sizes[1:]):
        b.hidden(fin, fout, dropout)
    return b.output(sizes[-1])


def _cnn(activation, dropout, batchnorm) -> list[dict]:
    b = _SpecBuilder(activation, batchnorm)
    b.conv(1, 32, 5, padding=2).pool().conv(32, 64, 5, padding=2).pool().flatten()
    return b.hidden(64 * 7 * 7, 1024, dropout).output(1024)


def _small_cnn(activation, dropout, batchnorm) -> list[dict]:
    b = _SpecBuilder(activation, batchnorm)
    b.conv(1, 16, 3, padding=1).pool().conv(16, 32, 3, padding=1).pool().flatten()
    return b.hidden(32 * 7 * 7, 128, dropout).output(128)


PRESETS: dict[str, Preset] = {
    "mlp": Preset("Multilayer perceptron 784-256-256-10 (the lab's MLP)", _mlp,
                  {"activation": "relu", "dropout": 0.0, "batchnorm": False, "hidden": (256, 256)}),
    "cnn": Preset("Two 5x5 conv + pool blocks (32, 64), fc 1024, dropout (the lab's CNN)", _cnn,
                  {"activation": "relu", "dropout": 0.5, "batchnorm": False}),
    "small-cnn": Preset("Small fast CNN: two 3x3 conv + batch norm + pool blocks (16, 32), fc 128", _small_cnn,
                        {"activation": "relu", "dropout": 0.25, "batchnorm": True}),
}


def _options(name: str, options: dict) -> dict:
    if name not in PRESETS:
        raise KeyError(f"unknown preset {name!r}; choose one of {', '.join(PRESETS)}")
    defaults = PRESETS[name].defaults
    unknown = sorted(set(options) - set(defaults))
    if unknown:
        raise ValueError(f"preset {name} has no option {', '.join(unknown)}; it takes {', '.join(defaults)}")
    merged = {**defaults, **{k: v for k, v in options.items() if v is not None}}
    if not 0.0 <= float(merged["dropout"]) < 1.0:
        raise ValueError(f"dropout must be in [0, 1), got {merged['dropout']}")
    return merged


def preset_spec(name: str, **options) -> list[dict]:
    """The JSON-able layer list of preset `name`; options override its defaults (None = default).

    Options: activation ("relu", "leaky_relu", "sigmoid", "tanh"), dropout (float),
    batchnorm (bool), and for "mlp" hidden (a sequence of layer sizes).
    """
    merged = _options(name, options)
    return PRESETS[name].build_spec(**merged)


def build_preset(name: str, rng: np.random.Generator | None = None, **options) -> Sequential:
    """A freshly initialised network of preset `name`, its weights drawn from `rng`."""
    return Sequential.from_spec(preset_spec(name, **options), rng)


def describe_presets() -> dict[str, str]:
    """Preset name -> one-line description, for the GUI's selector and `--list`."""
    return {name: preset.description for name, preset in PRESETS.items()}
