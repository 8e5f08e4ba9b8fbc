"""The standard canvas-style set, drawn once and bundled: what `evaluate --canvas 1000` and the Evaluate dialog read.

Drawing the four parts of 1,000 takes about 15 s of CPU (Pillow's own
drawing is most of it), and `to_mnist` 3 s more; a user would wait for that
at every evaluation. The drawings follow from their seed, so the network
inputs they make are stored once, in assets/canvas/, by COMMAND:

    python -m model.data.canvas_bundle --write assets/canvas/canvas_set.npz

Stored per part: `to_mnist_all`'s inputs (float32 (n, 28, 28)) and found
mask, and the labels; not the 280x280 drawings, which would take 10 MB.
Any other size or seed is drawn as before. A test redraws the first
drawings of each part and compares them with the bundle bit for bit, so a
change to the drawing or the preprocessing cannot leave it stale unnoticed.
"""
from __future__ import annotations

import argparse
import functools
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from model.atomic import atomic_write
from model.constants import IMAGE_SIDE
from model.data.canvas_set import PARTS, canvas_set
from model.data.preprocess import to_mnist_all
from model.paths import ASSETS_DIR

BUNDLED_N, BUNDLED_SEED = 1000, 0  # drawings per part and seed: the README's figures
BUNDLE = ASSETS_DIR / "canvas" / "canvas_set.npz"
COMMAND = "python -m model.data.canvas_bundle --write assets/canvas/canvas_set.npz"
FORMAT = 1


@dataclass(frozen=True)
class PreparedPart:
    """One part as `read_prepared` takes it: inputs float32 (n, 28, 28), found bool (n,), labels (n,)."""

    inputs: np.ndarray
    found: np.ndarray
    labels: np.ndarray


def is_bundled(n: int, seed: int = BUNDLED_SEED) -> bool:
    """Whether parts of n drawings from this seed are read from the bundle, not drawn now."""
    return (n, seed) == (BUNDLED_N, BUNDLED_SEED) and BUNDLE.is_file()


def prepare_part(part: str, n: int, seed: int, on_image: Callable[[], None] | None = None, *,
                 first: int | None = None) -> PreparedPart:
    """Draw a part now (`canvas_set`; `on_image` and `first` as there) and put it through `to_mnist_all`."""
    images, labels = canvas_set(n, seed, (part,), on_image, first=first)[part]
    return PreparedPart(*to_mnist_all(images), labels)


def bundled_part(part: str, n: int, seed: int, path: Path = BUNDLE) -> PreparedPart | None:
    """The part from the bundle if it holds this size and seed; None if not (or if the file is missing or damaged)."""
    if (n, seed) != (BUNDLED_N, BUNDLED_SEED) or part not in PARTS:
        return None
    try:
        return _load(Path(path), part)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None


@functools.lru_cache(maxsize=len(PARTS))
def _load(path: Path, part: str) -> PreparedPart:
    with np.load(path, allow_pickle=False) as bundle:
        meta = json.loads(str(bundle["meta"]))
        if (meta.get("format"), meta.get("n"), meta.get("seed")) != (FORMAT, BUNDLED_N, BUNDLED_SEED):
            raise ValueError(f"{path} holds another set: {meta}")
        arrays = [bundle[f"{part}/{key}"] for key in ("inputs", "found", "labels")]
    expected = [((BUNDLED_N, IMAGE_SIDE, IMAGE_SIDE), np.float32), ((BUNDLED_N,), np.bool_)]
    if [(a.shape, a.dtype) for a in arrays[:2]] != expected or arrays[2].shape != (BUNDLED_N,):
        raise ValueError(f"{path}: {part} has the wrong shape or type")
    for array in arrays:
        array.flags.writeable = False  # shared by every caller of the cache
    return PreparedPart(*arrays)


def prepared_part(part: str, n: int, seed: int) -> PreparedPart:
    """The part from the bundle when it holds it, else drawn and prepared now."""
    bundled = bundled_part(part, n, seed)
    return prepare_part(part, n, seed) if bundled is None else bundled


def write_bundle(path: Path, n: int = BUNDLED_N, seed: int = BUNDLED_SEED) -> None:
    """Draw every part, prepare it and write the bundle to `path` (atomically, compressed)."""
    arrays = {"meta": np.array(json.dumps({"format": FORMAT, "n": n, "seed": seed, "parts": list(PARTS),
                                           "command": COMMAND}))}
    for part in PARTS:
        prepared = prepare_part(part, n, seed)
        arrays.update({f"{part}/inputs": prepared.inputs, f"{part}/found": prepared.found,
                       f"{part}/labels": prepared.labels})
    with atomic_write(path) as f:
        np.savez_compressed(f, **arrays)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m model.data.canvas_bundle", description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, required=True, metavar="PATH",
                        help=f"where to write the bundle (the program reads {BUNDLE})")
    args = parser.parse_args(argv)
    args.write.parent.mkdir(parents=True, exist_ok=True)
    write_bundle(args.write)
    print(f"wrote {args.write} ({args.write.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
