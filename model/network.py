"""The sequential network: layers in order, built from and described by a JSON-able spec."""

from __future__ import annotations

import numpy as np

from model.constants import INPUT_SHAPE, N_CLASSES
from model.layers import Layer, Parameter, SpecError, build_layer
from model.layers.conv_block import training_plan
from model.losses import softmax

# Every DigitLab network takes float32 images in [0, 1], ink = 1, of INPUT_SHAPE by default.
# Images per forward pass when predicting many: bounds the convolutions' im2col memory.
PREDICT_BATCH = 256


def one_by_one(layers: list) -> list[tuple[int, int, object]]:
    """A plan (as training_plan's) that runs every layer on its own: inference, and backward before any forward."""
    return [(i, i + 1, layer) for i, layer in enumerate(layers)]


class Sequential:
    """Layers applied one after another.

    forward(x: (N, 1, 28, 28), train=False) -> logits (N, 10); backward(dlogits) -> dx.
    Parameters and buffers are named "<layer index>.<name>", as in PyTorch.
    """

    def __init__(self, layers: list[Layer], input_shape: tuple[int, ...] = INPUT_SHAPE):
        self.layers = list(layers)
        self.input_shape = tuple(input_shape)

    @classmethod
    def from_spec(cls, spec: list[dict], rng: np.random.Generator | None = None,
                  input_shape: tuple[int, ...] = INPUT_SHAPE) -> Sequential:
        if not isinstance(spec, list) or not spec:
            raise SpecError("an architecture is a non-empty list of layer descriptions")
        rng = rng if rng is not None else np.random.default_rng(0)
        net = cls([build_layer(s, rng) for s in spec], input_shape)
        net.output_shapes()  # raises SpecError when the layers don't fit together
        return net

    def spec(self) -> list[dict]:
        return [layer.spec() for layer in self.layers]

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        self._steps = self.training_plan() if train else one_by_one(self.layers)
        for _, _, step in self._steps:
            x = step.forward(x, train)
        return x

    def training_plan(self) -> list[tuple[int, int, object]]:
        """[(start, stop, runner)]: training runs layers[start:stop] as runner, a layer or a block of
        layers fused for speed (model/layers/conv_block.py); kept while the layers stay the same."""
        key = tuple(self.layers)
        if getattr(self, "_plan_key", None) != key:
            self._plan_key, self._plan = key, training_plan(self.layers)
        return self._plan

    def backward(self, dout: np.ndarray, input_grad: bool = True) -> np.ndarray | None:
        """Accumulate every parameter's gradient; return d(loss)/d(input) (N, 1, 28, 28).

        With input_grad=False (training) the layers below the first one with
        parameters are skipped and that layer computes no dx: the image's
        gradient is only wanted for saliency maps. Returns None then.
        """
        first = 0
        if not input_grad:
            first = next((i for i, layer in enumerate(self.layers) if layer.params()), len(self.layers))
        steps = getattr(self, "_steps", None) or one_by_one(self.layers)
        for start, stop, step in reversed(steps):
            if input_grad or start > first:
                dout = step.backward(dout)
            elif first < stop:  # the first step with parameters: its input's gradient is not wanted
                step.backward_params(dout)
                return None
        return dout if input_grad else None

    def params(self) -> dict[str, Parameter]:
        return {f"{i}.{name}": p for i, layer in enumerate(self.layers) for name, p in layer.params().items()}

    def buffers(self) -> dict[str, np.ndarray]:
        return {f"{i}.{name}": b for i, layer in enumerate(self.layers) for name, b in layer.buffers().items()}

    def zero_grad(self) -> None:
        for p in self.params().values():
            p.grad[...] = 0

    def num_params(self) -> int:
        return sum(p.data.size for p in self.params().values())

    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of every parameter and buffer, by dotted name."""
        state = {name: p.data.copy() for name, p in self.params().items()}
        state.update({name: b.copy() for name, b in self.buffers().items()})
        return state

    def load_state_dict(self, state: dict[str, np.ndarray], strict: bool = True) -> None:
        """Copy `state` into this network's own arrays, after checking every name and shape.

        Raises KeyError for missing or (with strict) unexpected names and ValueError
        for a shape that differs; nothing is changed unless everything fits.
        """
        targets = {name: p.data for name, p in self.params().items()}
        targets.update(self.buffers())
        missing = sorted(set(targets) - set(state))
        unexpected = sorted(set(state) - set(targets))
        if missing:
            raise KeyError(f"missing entries: {', '.join(missing)}")
        if strict and unexpected:
            raise KeyError(f"unexpected entries: {', '.join(unexpected)}")
        for name, target in targets.items():
            if np.shape(state[name]) != target.shape:
                raise ValueError(f"{name} has shape {np.shape(state[name])}, the network needs {target.shape}")
        for name, target in targets.items():
            np.copyto(target, state[name], casting="same_kind")

    def copy(self) -> Sequential:
        """An independent network with the same spec and the same weights."""
        twin = Sequential.from_spec(self.spec(), input_shape=self.input_shape)
        twin.astype(self.dtype)
        twin.load_state_dict(self.state_dict())
        return twin

    @property
    def dtype(self) -> np.dtype:
        # The first parameter's, found without naming them all: every prediction asks.
        first = next((p for layer in self.layers for p in layer.params().values()), None)
        return first.data.dtype if first is not None else np.dtype(np.float32)

    def astype(self, dtype) -> Sequential:
        """Convert parameters and buffers to `dtype` (float64 for gradient checks)."""
        for layer in self.layers:
            for p in layer.params().values():
                p.data = p.data.astype(dtype)
                p.grad = np.zeros_like(p.data)
            for name, b in layer.buffers().items():
                layer.set_buffer(name, b.astype(dtype))
        return self

    def predict_proba(self, x: np.ndarray, batch_size: int = PREDICT_BATCH) -> np.ndarray:
        """Softmax probabilities (N, 10) for images in [0, 1], in inference mode.

        x: (N, 1, 28, 28), or (N, 28, 28), or one image (28, 28) or (1, 28, 28).
        """
        x = np.asarray(x, dtype=self.dtype).reshape(-1, *self.input_shape)
        if 0 < len(x) <= batch_size:  # one drawn digit: no chunks to join
            return softmax(self.forward(x))
        chunks = [softmax(self.forward(x[i:i + batch_size])) for i in range(0, len(x), batch_size)]
        return np.concatenate(chunks) if chunks else np.zeros((0, N_CLASSES), self.dtype)

    def predict(self, x: np.ndarray) -> np.ndarray:
        return self.predict_proba(x).argmax(axis=1)

    def activations(self, x: np.ndarray) -> list[tuple[str, np.ndarray]]:
        """Each layer's output for x in inference mode, for looking inside the network."""
        out = []
        for i, layer in enumerate(self.layers):
            x = layer.forward(x, train=False)
            out.append((f"{i}.{type(layer).__name__}", x))
        return out

    def output_shapes(self) -> list[tuple[int, ...]]:
        """The shape of one sample after each layer; SpecError if the layers don't fit."""
        shape, shapes = self.input_shape, []
        for i, layer in enumerate(self.layers):
            try:
                shape = layer.output_shape(shape)
            except ValueError as exc:
                raise SpecError(f"layer {i} ({type(layer).__name__}) cannot take input {shape}: {exc}") from None
            shapes.append(shape)
        return shapes

    def __repr__(self) -> str:
        return "Sequential(\n" + "".join(f"  ({i}) {layer!r}\n" for i, layer in enumerate(self.layers)) + ")"
