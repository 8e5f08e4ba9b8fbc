"""Weight files: a network, its architecture and metadata in one .npz, never pickled.

Layout of a file (format version 1):
    "param/<dotted name>"   float32 or float64 arrays, one per parameter
    "buffer/<dotted name>"  running statistics (batch norm), same dtype
    "optim/<key>"           optional optimizer state ("step", "m.0.weight", ...)
    "__meta__"              uint8 bytes of UTF-8 JSON: format_version,
                            architecture (the network's spec), input, name,
                            training summary, test_accuracy, optimizer,
                            calibration (model/calibration.py; optional)
Everything is read with allow_pickle=False and checked before a network is
returned, so a damaged or hostile file gives a WeightFileError, not a crash,
a half-loaded network or executed code.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from model.atomic import atomic_write
from model.calibration import Calibration, CalibrationError
from model.constants import N_CLASSES
from model.init import placeholder_weights
from model.layers import SpecError
from model.network import INPUT_SHAPE, Sequential
from model.optim import Optimizer, make_optimizer
from model.weight_archive import READ_ERRORS, ArchiveError, WeightArchive
from model.weight_limits import MetadataLimitError, check_architecture, parse_metadata

FORMAT_VERSION = 1
META_KEY = "__meta__"
PARAM, BUFFER, OPTIM = "param/", "buffer/", "optim/"
ZIP_MAGIC = b"PK\x03\x04"
WEIGHT_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))
INPUT_RANGE = [0, 1]
# Metadata fields the program reads, and what each must be when present: (key, types, in words).
# (The architecture is checked by rebuilding it.)
META_FIELDS = (("name", str, "text"), ("test_accuracy", (int, float), "a number"), ("input", dict, "an object"),
               ("optimizer", dict, "an object"), ("training", dict, "an object"), ("calibration", dict, "an object"))


class WeightFileError(ValueError):
    """A weight file that cannot be saved or loaded; the message is one line naming the file."""


@dataclass
class Checkpoint:
    """What `load_weights` returns: the rebuilt network and everything saved with it."""

    net: Sequential
    meta: dict
    optimizer_state: dict[str, np.ndarray] | None = None
    optimizer_name: str | None = None
    path: Path | None = None

    def make_optimizer(self, net: Sequential | None = None) -> Optimizer:
        """The saved optimizer, state included, over `net` (default: this checkpoint's net)."""
        return restore_optimizer(self, net)


def input_description(spec: list[dict]) -> dict:
    """What the network expects as input, including the normalisation its Normalize layer applies."""
    norm = next((layer for layer in spec if layer.get("type") == "Normalize"), None)
    normalisation = {"mean": norm["mean"], "std": norm["std"]} if norm else None
    return {"shape": list(INPUT_SHAPE), "range": INPUT_RANGE, "normalisation": normalisation}


def build_meta(net: Sequential, meta: dict | None = None, optimizer: Optimizer | None = None) -> dict:
    """The JSON metadata of a file: the caller's `meta` plus the fields the format requires."""
    out = {"name": None, "training": None, "test_accuracy": None, **(meta or {})}
    spec = net.spec()
    out.update(format_version=FORMAT_VERSION, architecture=spec, input=input_description(spec))
    out["input"]["shape"] = list(net.input_shape)
    if optimizer is not None:
        out["optimizer"] = {"name": optimizer.name, "hyperparams": optimizer.hyperparams(),
                            "params": list(optimizer.params)}
    else:
        out.pop("optimizer", None)
    return out


def save_weights(path: str | os.PathLike, net: Sequential, meta: dict | None = None,
                 optimizer: Optimizer | None = None) -> Path:
    """Save `net` (and optionally `optimizer`'s state) to `path` atomically; returns the path.

    meta: extra JSON-able fields, typically name, training (see
    `model.train.training_summary`) and test_accuracy. The file is written
    exactly at `path` (no suffix added). Refuses non-finite weights.
    """
    path = Path(path)
    arrays = {PARAM + n: p.data for n, p in net.params().items()}
    arrays.update({BUFFER + n: b for n, b in net.buffers().items()})
    bad = [k for k, a in arrays.items() if not np.isfinite(a).all()]
    if bad:
        raise WeightFileError(f"{path}: refusing to save NaN or infinite weights ({bad[0]})")
    if optimizer is not None:
        arrays.update({OPTIM + k: a for k, a in optimizer.state_dict().items()})
    try:
        text = json.dumps(build_meta(net, meta, optimizer), default=_json_default)
    except (TypeError, ValueError) as exc:
        raise WeightFileError(f"{path}: metadata cannot be stored as JSON ({_one_line(exc)})") from None
    arrays[META_KEY] = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    try:
        with atomic_write(path) as f:
            np.savez(f, **arrays)
    except OSError as exc:
        raise WeightFileError(f"{path}: cannot write the weight file ({_one_line(exc)})") from None
    return path


def load_weights(path: str | os.PathLike) -> Checkpoint:
    """Read and check a weight file; the network comes back in inference-ready state.

    Raises WeightFileError (one line naming the file) for a missing file, a
    file that is not an .npz, a truncated or damaged archive, pickled/object
    arrays, missing or extra arrays, wrong shapes or dtypes, NaN or infinite
    values, a bad or unknown architecture, or a newer format version.
    """
    path = Path(path)
    arrays, meta = _read_checked(path)
    net = _build_net(path, meta, arrays)
    ckpt = Checkpoint(net, meta, path=path)
    optim = {k[len(OPTIM):]: a for k, a in arrays.items() if k.startswith(OPTIM)}
    if optim or "optimizer" in meta:
        ckpt.optimizer_state = optim
        ckpt.optimizer_name = (meta.get("optimizer") or {}).get("name")
        restore_optimizer(ckpt)  # validates the state now, so a bad file fails at load
    return ckpt


def load_digit_reader(path: str | os.PathLike) -> Checkpoint:
    """`load_weights`, and the network must read a digit: a 1x28x28 image in, ten classes out.

    A valid file can hold some other network (a 3-class experiment, another
    input size); predicting or scoring digits with it would be silently wrong.
    """
    ckpt = load_weights(path)
    outputs = ckpt.net.output_shapes()[-1]
    if tuple(ckpt.net.input_shape) != INPUT_SHAPE or outputs != (N_CLASSES,):
        raise WeightFileError(f"{path}: this network maps {tuple(ckpt.net.input_shape)} to {outputs}; "
                              f"a digit reader maps {INPUT_SHAPE} to ({N_CLASSES},)")
    return ckpt


def restore_optimizer(ckpt: Checkpoint, net: Sequential | None = None) -> Optimizer:
    """Rebuild the optimizer saved in `ckpt`, with its state, over `net`'s parameters.

    Raises WeightFileError if the checkpoint holds no optimizer or its state does not fit.
    """
    net = net if net is not None else ckpt.net
    info = ckpt.meta.get("optimizer")
    if not isinstance(info, dict) or ckpt.optimizer_state is None:
        raise WeightFileError(f"{ckpt.path}: the file holds no optimizer state to resume from")
    try:
        params = net.params()
        chosen = {n: params[n] for n in info.get("params", params)}
        opt = make_optimizer(info["name"], chosen, **info["hyperparams"])
        opt.load_state_dict(ckpt.optimizer_state)
    except (KeyError, TypeError, ValueError) as exc:
        raise WeightFileError(f"{ckpt.path}: bad optimizer state ({_one_line(exc)})") from None
    return opt


def optimizer_from_checkpoint(ckpt: Checkpoint, net: Sequential | None = None) -> Optimizer | None:
    """The saved optimizer with its state, to resume training; None if the file holds none."""
    return restore_optimizer(ckpt, net) if ckpt.optimizer_state is not None else None


def _read_checked(path: Path) -> tuple[dict[str, np.ndarray], dict]:
    """The file's arrays and metadata, every size checked against its limits before it is read."""
    _check_magic(path)
    try:
        with WeightArchive(path) as archive:
            meta = _read_meta(path, archive.read(META_KEY) if META_KEY in archive.members else None)
            stored = sum(m.size for k, m in archive.members.items() if k.startswith((PARAM, BUFFER)))
            check_architecture(meta.get("architecture"), (meta.get("input") or {}).get("shape"), stored)
            return {k: archive.read(k) for k in archive.members if k != META_KEY}, meta
    except WeightFileError:
        raise
    except (ArchiveError, MetadataLimitError) as exc:
        raise WeightFileError(f"{path}: {exc}") from None
    except MemoryError:
        raise WeightFileError(f"{path}: not enough memory to read it") from None
    except READ_ERRORS as exc:
        raise WeightFileError(f"{path}: damaged or truncated archive ({_one_line(exc)})") from None


def _check_magic(path: Path) -> None:
    try:
        with open(path, "rb") as f:
            magic = f.read(len(ZIP_MAGIC))
    except FileNotFoundError:
        raise WeightFileError(f"{path}: file not found") from None
    except OSError as exc:
        raise WeightFileError(f"{path}: cannot open ({_one_line(exc)})") from None
    if magic != ZIP_MAGIC:
        raise WeightFileError(f"{path}: not a DigitLab weight file (not an .npz archive)")


def _read_meta(path: Path, raw: np.ndarray | None) -> dict:
    if raw is None:
        raise WeightFileError(f"{path}: no {META_KEY} entry, so not a DigitLab weight file")
    if raw.dtype != np.uint8 or raw.ndim != 1:
        raise WeightFileError(f"{path}: {META_KEY} must be UTF-8 bytes, found {raw.dtype} {raw.shape}")
    try:
        meta = parse_metadata(raw.tobytes())
    except MetadataLimitError:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise WeightFileError(f"{path}: metadata is not valid JSON ({_one_line(exc)})") from None
    if not isinstance(meta, dict):
        raise WeightFileError(f"{path}: metadata must be a JSON object")
    version = meta.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise WeightFileError(f"{path}: missing or invalid format_version {version!r}")
    if version > FORMAT_VERSION:
        raise WeightFileError(f"{path}: written by a newer DigitLab (format {version}); "
                              f"this version reads format {FORMAT_VERSION}, please update")
    for key, kinds, what in META_FIELDS:
        value = meta.get(key)
        if value is not None and (not isinstance(value, kinds) or isinstance(value, bool)):
            raise WeightFileError(f"{path}: metadata field {key!r} must be {what}, found {value!r:.40}")
    accuracy = meta.get("test_accuracy")
    if accuracy is not None and not 0 <= accuracy <= 1:
        raise WeightFileError(f"{path}: metadata field 'test_accuracy' must be in [0, 1], found {accuracy!r}")
    try:
        Calibration.from_meta(meta)
    except CalibrationError as exc:
        raise WeightFileError(f"{path}: {exc}") from None
    return meta


def _build_net(path: Path, meta: dict, arrays: dict[str, np.ndarray]) -> Sequential:
    """Rebuild the architecture from meta and load the param/ and buffer/ arrays into it."""
    try:
        shape = tuple((meta.get("input") or {}).get("shape", INPUT_SHAPE))
        with placeholder_weights():  # every weight is read from the file below
            net = Sequential.from_spec(meta.get("architecture"), input_shape=shape)
    except (SpecError, TypeError, ValueError, KeyError, AttributeError, MemoryError, ArithmeticError) as exc:
        raise WeightFileError(f"{path}: bad architecture ({_one_line(exc)})") from None
    expected = {PARAM + n: p.data for n, p in net.params().items()}
    expected.update({BUFFER + n: b for n, b in net.buffers().items()})
    stored = {k: a for k, a in arrays.items() if not k.startswith(OPTIM)}
    missing, extra = sorted(set(expected) - set(stored)), sorted(set(stored) - set(expected))
    if missing:
        raise WeightFileError(f"{path}: missing arrays for this architecture: {_some(missing)}")
    if extra:
        raise WeightFileError(f"{path}: arrays this architecture does not have: {_some(extra)}")
    dtypes = {a.dtype for a in stored.values()}
    if len(dtypes) > 1 or not dtypes <= set(WEIGHT_DTYPES):
        raise WeightFileError(f"{path}: weights must all be float32 or all float64, "
                              f"found {', '.join(sorted(map(str, dtypes)))}")
    for key, target in expected.items():
        if stored[key].shape != target.shape:
            raise WeightFileError(f"{path}: {key} has shape {stored[key].shape}, "
                                  f"the architecture needs {target.shape}")
        if not np.isfinite(stored[key]).all():
            raise WeightFileError(f"{path}: {key} holds NaN or infinite values")
        if key.endswith("running_var") and (stored[key] < 0).any():
            raise WeightFileError(f"{path}: {key} holds negative variances")
    if dtypes:
        net.astype(dtypes.pop())
    net.load_state_dict({k.split("/", 1)[1]: a for k, a in stored.items()})
    _check_outputs(path, net)
    return net


def _check_outputs(path: Path, net: Sequential) -> None:
    """Refuse weights that are finite but so large that the network's output is not a number:
    a flipped exponent bit makes 0.02 into 1e37, and every prediction would be NaN."""
    probe = np.stack([np.zeros(net.input_shape), np.ones(net.input_shape)]).astype(net.dtype)
    try:
        with np.errstate(all="ignore"):
            out = net.forward(probe)
    except (ValueError, TypeError, IndexError, MemoryError) as exc:
        raise WeightFileError(f"{path}: the network cannot run on its declared input ({_one_line(exc)})") from None
    if not np.isfinite(out).all():
        raise WeightFileError(f"{path}: the network's output is not a number (its weights are damaged "
                              f"or far too large)")


def _some(names: list[str], shown: int = 5) -> str:
    """The first few names, and how many more: a line stays a line."""
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def _json_default(value):
    """Let NumPy scalars and arrays in metadata become plain JSON numbers and lists."""
    if isinstance(value, (np.generic, np.ndarray)):
        return value.tolist()
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"metadata value {value!r} is not JSON-able")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
