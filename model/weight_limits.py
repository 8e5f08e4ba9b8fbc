"""Limits a weight file's metadata must keep before anything is built from it.

A hostile file can declare a 784x200000 layer in a few bytes of JSON; building
it would allocate gigabytes before the arrays are even compared. These
checks use only the JSON and the sizes the archive's members declare.
"""

from __future__ import annotations

import json
import math

from model.layers import LAYER_TYPES, BatchNorm1d, BatchNorm2d, Conv2d, Linear

MAX_META_BYTES = 1 << 20  # the bundled files' metadata is under 2 kB
MAX_JSON_DEPTH = 32  # a spec is 4 deep; the training summary a little more
MAX_LAYERS = 10_000  # each layer is a small object; the arrays are what cost
MAX_SPEC_INT = 1 << 20  # no width, channel count or kernel of a digit reader comes near this
MAX_PARAMETERS = 100_000_000  # 400 MB of float32, a hundred times the largest preset
MAX_INPUT_NDIM = 4
MAX_INPUT_VALUES = 1 << 22  # a 2048x2048 image: a network is probed with one when it is loaded
# Below this many values a network builds in milliseconds, and building it names the array that is missing.
CHEAP_TO_BUILD = 1_000_000

# Parameters plus buffers of the layers that hold arrays, from their spec's own fields.
_ARRAY_SIZES = {
    Linear: lambda s: (s["in_features"] + 1) * s["out_features"],
    Conv2d: lambda s: (s["in_channels"] * s["kernel_size"] ** 2 + 1) * s["out_channels"],
    BatchNorm1d: lambda s: 4 * s["num_features"],
    BatchNorm2d: lambda s: 4 * s["num_channels"],
}


class MetadataLimitError(ValueError):
    """Metadata beyond a limit; the message is one line, without the file name."""


def parse_metadata(raw: bytes) -> object:
    """JSON text -> Python value, refusing oversize text, NaN, infinities and deep nesting."""
    if len(raw) > MAX_META_BYTES:
        raise MetadataLimitError(f"metadata is {len(raw):,} bytes, more than the {MAX_META_BYTES:,} allowed")
    value = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant, parse_float=_finite_float)
    if _depth(value) > MAX_JSON_DEPTH:
        raise MetadataLimitError(f"metadata is nested more than {MAX_JSON_DEPTH} levels deep")
    return value


def check_architecture(spec: object, input_shape: object, stored_elements: int) -> None:
    """Refuse an architecture too large to build, or larger than the arrays stored for it.

    stored_elements: the number of values the file's param/ and buffer/ members declare.
    Other mistakes (wrong types, unknown layers) are left to building the network.
    """
    if isinstance(input_shape, list) and (len(input_shape) > MAX_INPUT_NDIM or not all(
            _small_int(d) for d in input_shape) or abs(math.prod(input_shape)) > MAX_INPUT_VALUES):
        raise MetadataLimitError(f"input shape {str(input_shape)[:60]} is out of range")
    if not isinstance(spec, list):
        return
    if len(spec) > MAX_LAYERS:
        raise MetadataLimitError(f"{len(spec):,} layers, more than the {MAX_LAYERS:,} allowed")
    total = 0
    for i, layer in enumerate(spec):
        if not isinstance(layer, dict):
            continue
        big = [k for k, v in layer.items() if isinstance(v, int) and not _small_int(v)]
        if big:
            raise MetadataLimitError(f"layer {i} option {big[0]!r} is out of range ({str(layer[big[0]])[:30]})")
        total += _array_size(layer)
    if total > MAX_PARAMETERS:
        raise MetadataLimitError(f"the architecture declares {total:,} parameters, "
                                 f"more than the {MAX_PARAMETERS:,} allowed")
    if total > max(stored_elements, CHEAP_TO_BUILD):
        raise MetadataLimitError(f"the architecture declares {total:,} parameters but the file stores "
                                 f"{stored_elements:,} values")


def _array_size(layer: dict) -> int:
    size = _ARRAY_SIZES.get(LAYER_TYPES.get(layer.get("type")) if isinstance(layer.get("type"), str) else None)
    if size is None:
        return 0
    try:
        n = size(layer)
    except (KeyError, TypeError):  # a missing or non-numeric option: building the layer says which
        return 0
    return n if isinstance(n, int) and n > 0 else 0


def _small_int(value: object) -> bool:
    return isinstance(value, int) and abs(value) <= MAX_SPEC_INT


def _depth(value: object) -> int:
    """Nesting depth of lists and objects, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, depth)
            if depth <= MAX_JSON_DEPTH:
                stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


def _refuse_constant(name: str):
    raise MetadataLimitError(f"metadata holds {name}, which is not a number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise MetadataLimitError(f"metadata holds the number {text[:30]}, too large for a float")
    return value
