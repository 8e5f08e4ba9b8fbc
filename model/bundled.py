"""The bundled networks by name: `small-cnn`, `cnn`, `mlp` stand for their files in assets/weights/."""

from __future__ import annotations

from pathlib import Path

from model.paths import WEIGHTS_DIR
from model.weights import WeightFileError


def bundled_names(folder: Path = WEIGHTS_DIR) -> list[str]:
    """The names of the bundled networks, sorted."""
    return sorted(p.stem for p in Path(folder).glob("*.npz"))


def resolve_weights(arg: str, folder: Path = WEIGHTS_DIR) -> Path:
    """A weight file given by path, or a bundled network given by name, as a path.

    A file that exists wins over a bundled name, so `./cnn` on disk is still that file.
    Raises WeightFileError (one line, listing the bundled names) for anything else.
    """
    path = Path(arg)
    if path.is_file():
        return path
    bundled = Path(folder) / f"{arg}.npz"
    if arg in bundled_names(folder) and bundled.is_file():
        return bundled
    names = ", ".join(bundled_names(folder)) or "none installed"
    raise WeightFileError(f"{arg}: no such weight file, and not a bundled network (bundled: {names})")


# The help of every command argument that resolve_weights reads.
WEIGHTS_HELP = "a DigitLab weight file (.npz), or a bundled network by name: small-cnn, cnn, mlp"
