"""The bundled MNIST database, read straight from its gzipped IDX files.

IDX is a big-endian header (a magic number, then one uint32 per dimension)
followed by raw uint8 data. Images have magic 0x803 and dims (count, rows,
cols); labels have magic 0x801 and dims (count,). Every file is checked
against the counts and MD5s of the originals, so a damaged download or a
truncated copy fails loudly here instead of training a network on garbage.

The input convention of every network in DigitLab is `to_float`'s output:
float32, shape (N, 1, 28, 28), values in [0, 1], ink = 1.
"""
from __future__ import annotations

import functools
import gzip
import hashlib
import struct
import zlib
from pathlib import Path

import numpy as np

from model.constants import IMAGE_SIDE, MNIST_TEST_RECORDS, MNIST_TRAIN_RECORDS, VAL_SIZE
from model.paths import MNIST_DIR

ASSETS_DIR = MNIST_DIR

IMAGE_MAGIC = 0x00000803
LABEL_MAGIC = 0x00000801
PIXEL_MAX = 255.0

# split -> (images file, labels file, record count)
FILES = {
    "train": ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", MNIST_TRAIN_RECORDS),
    "test": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", MNIST_TEST_RECORDS),
}

# MD5 of each file once uncompressed, as published with the database; checking
# the IDX bytes (not the .gz) keeps a re-compressed copy valid.
MD5 = {
    "train-images-idx3-ubyte.gz": "6bbc9ace898e44ae57da46a324031adb",
    "train-labels-idx1-ubyte.gz": "a25bea736e30d166cdddb491f175f624",
    "t10k-images-idx3-ubyte.gz": "2646ac647ad5339dbf082846283269ea",
    "t10k-labels-idx1-ubyte.gz": "27ae3e4e09519cfbb04c329615203637",
}


class MnistError(ValueError):
    """An MNIST file is missing, unreadable, malformed or fails its checksum."""


def _read_gz(path: Path) -> bytes:
    """The uncompressed bytes of `path`, or MnistError naming it."""
    try:
        return gzip.decompress(path.read_bytes())
    except FileNotFoundError:
        raise MnistError(f"{path}: file not found") from None
    except (OSError, EOFError, zlib.error) as exc:
        raise MnistError(f"{path}: not a readable gzip file ({exc})") from None


def _parse_idx(path: Path, raw: bytes, magic: int, dims: tuple[int, ...]) -> np.ndarray:
    """Check the IDX header of `raw` against `magic` and `dims`; return the data.

    raw: the whole uncompressed file. Returns a read-only uint8 array of
    shape `dims`, a view on `raw` (no copy).
    """
    header_size = 4 * (1 + len(dims))
    if len(raw) < header_size:
        raise MnistError(f"{path}: truncated IDX header ({len(raw)} bytes)")
    found_magic, *found_dims = struct.unpack(f">{1 + len(dims)}I", raw[:header_size])
    if found_magic != magic:
        raise MnistError(f"{path}: bad magic number 0x{found_magic:08x}, expected 0x{magic:08x}")
    if tuple(found_dims) != dims:
        raise MnistError(f"{path}: header says dims {tuple(found_dims)}, expected {dims}")
    expected_size = header_size + int(np.prod(dims))
    if len(raw) != expected_size:
        raise MnistError(f"{path}: {len(raw)} bytes, expected {expected_size} (truncated or padded)")
    return np.frombuffer(raw, dtype=np.uint8, offset=header_size).reshape(dims)


def _load_file(path: Path, magic: int, dims: tuple[int, ...]) -> np.ndarray:
    """Read, parse and checksum one IDX .gz file. Returns uint8 of shape `dims`."""
    raw = _read_gz(path)
    data = _parse_idx(path, raw, magic, dims)
    digest = hashlib.md5(raw).hexdigest()
    if digest != MD5[path.name]:
        raise MnistError(f"{path}: MD5 {digest} does not match the original {MD5[path.name]}")
    return data


@functools.lru_cache(maxsize=None)
def _load_cached(split: str, root: Path) -> tuple[np.ndarray, np.ndarray]:
    images_name, labels_name, count = FILES[split]
    images = _load_file(root / images_name, IMAGE_MAGIC, (count, IMAGE_SIDE, IMAGE_SIDE))
    labels = _load_file(root / labels_name, LABEL_MAGIC, (count,))
    # Cached arrays are shared by every caller: make sure nobody writes into them.
    images.flags.writeable = False
    labels.flags.writeable = False
    return images, labels


def load_mnist(split: str = "train", root: Path | str = ASSETS_DIR) -> tuple[np.ndarray, np.ndarray]:
    """Load one split of MNIST, verified, cached in-process.

    split: "train" (60,000 records) or "test" (10,000).
    Returns (images, labels): read-only uint8 arrays, images (N, 28, 28) with
    0 = background and 255 = ink, labels (N,) in 0..9. Copy before writing.
    Raises MnistError naming the file if one is missing or damaged.
    """
    if split not in FILES:
        raise ValueError(f"split must be one of {sorted(FILES)}, not {split!r}")
    return _load_cached(split, Path(root).resolve())


def train_val_split(
    images: np.ndarray, labels: np.ndarray, val_size: int = VAL_SIZE, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Hold out `val_size` records, chosen by a fixed-seed permutation.

    images: (N, ...), labels: (N,). Returns (x_tr, y_tr, x_val, y_val), new
    (writeable) arrays; the same seed always gives the same split.
    """
    n = len(images)
    if len(labels) != n:
        raise ValueError(f"{n} images but {len(labels)} labels")
    if not 0 <= val_size <= n:
        raise ValueError(f"val_size must be in 0..{n}, not {val_size}")
    order = np.random.default_rng(seed).permutation(n)
    val, train = order[:val_size], order[val_size:]
    return images[train], labels[train], images[val], labels[val]


def training_split(
    val_size: int = VAL_SIZE, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """MNIST's 60,000 training records split into training and validation, as network input.

    Returns (x_train, y_train, x_val, y_val): x float32 (N, 1, 28, 28) in
    [0, 1] (`to_float`), y int64 (N,); 60,000 - val_size training records and
    val_size validation records, chosen by `train_val_split` with `seed`.
    Fresh writeable arrays on every call, owned by the caller: nothing is
    cached (the floats take ~190 MB; building them takes well under a second).
    """
    images, labels = load_mnist("train")
    x_tr, y_tr, x_val, y_val = train_val_split(images, labels, val_size=val_size, seed=seed)
    return to_float(x_tr), y_tr.astype(np.int64), to_float(x_val), y_val.astype(np.int64)


def to_float(images_uint8: np.ndarray) -> np.ndarray:
    """uint8 images (N, 28, 28) -> network input float32 (N, 1, 28, 28) in [0, 1]."""
    x = np.asarray(images_uint8)
    if x.ndim == 3:
        x = x[:, None]
    if x.ndim != 4 or x.shape[1] != 1:
        raise ValueError(f"expected images (N, 28, 28) or (N, 1, 28, 28), got {x.shape}")
    return x.astype(np.float32) / np.float32(PIXEL_MAX)
