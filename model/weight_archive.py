"""Read a weight file's .npz archive without trusting it: sizes are checked before anything is allocated.

`np.load` is not used: its NpzFile hands back raw bytes for a member whose
.npy header is damaged, allocates whatever shape a header declares before
reading a byte of data, and takes the last of two members with one name.
Here every member must be a well-formed .npy of an allowed dtype whose
declared shape matches its declared size, and both stay within limits; a
member is decompressed only after all of that holds.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.lib import format as npy

NPY_SUFFIX = ".npy"
# Parameters, buffers and optimizer state are floats, the optimizer's step an int64, the metadata uint8 bytes.
ALLOWED_DTYPES = tuple(np.dtype(t) for t in (np.float32, np.float64, np.int64, np.uint8))
# The largest bundled file is 13 MB; a hundred times that is still a network a laptop trains.
MAX_FILE_BYTES = 1 << 30
MAX_MEMBER_BYTES = 512 << 20
MAX_TOTAL_BYTES = 1 << 30
MAX_MEMBERS = 4096  # a 1000-layer network with Adam state has about this many arrays
MAX_NDIM = 8
MAX_HEADER_BYTES = 4096  # numpy writes headers of a few hundred bytes
# What parsing a damaged archive can raise, from zipfile, zlib, struct and numpy's header parser.
READ_ERRORS = (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile, zlib.error, RuntimeError,
               NotImplementedError, struct.error, OverflowError, SyntaxError, TypeError)


class ArchiveError(ValueError):
    """The archive breaks a rule; the message is one line, without the file name."""


@dataclass(frozen=True)
class Member:
    """One checked .npy member: its zip entry, array shape and dtype, and where the data starts."""

    info: zipfile.ZipInfo
    shape: tuple[int, ...]
    dtype: np.dtype
    fortran_order: bool
    data_offset: int

    @property
    def size(self) -> int:
        return int(np.prod(self.shape, dtype=object))


class WeightArchive:
    """An open .npz whose members have been checked: `members` maps key -> Member, `read(key)` gives the array."""

    def __init__(self, path: str | Path):
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArchiveError(f"the file is {size:,} bytes, more than the {MAX_FILE_BYTES:,} a weight file may have")
        self._zip = zipfile.ZipFile(path)
        try:
            self.members = self._check_members()
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> WeightArchive:
        return self

    def __exit__(self, *exc) -> None:
        self._zip.close()

    def read(self, key: str) -> np.ndarray:
        """The member's array, a fresh writeable copy; only reached after its header and size are checked."""
        member = self.members[key]
        n_bytes = member.size * member.dtype.itemsize
        with self._zip.open(member.info) as f:
            f.seek(member.data_offset)
            data = f.read(n_bytes)
        if len(data) != n_bytes:
            raise ArchiveError(f"member {key} ends after {len(data)} of its {n_bytes} bytes")
        order = "F" if member.fortran_order else "C"
        return np.frombuffer(bytearray(data), dtype=member.dtype).reshape(member.shape, order=order)

    def _check_members(self) -> dict[str, Member]:
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ArchiveError(f"{len(infos):,} members, more than the {MAX_MEMBERS:,} allowed")
        names = [i.filename for i in infos]
        duplicates = sorted({n for n in names if names.count(n) > 1}) if len(set(names)) < len(names) else []
        if duplicates:
            raise ArchiveError(f"member {duplicates[0]} appears more than once")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_BYTES:
            raise ArchiveError(f"its members unpack to {total:,} bytes, more than the {MAX_TOTAL_BYTES:,} allowed")
        return {_key(i): self._check_member(i) for i in infos}

    def _check_member(self, info: zipfile.ZipInfo) -> Member:
        name = info.filename
        if not name.endswith(NPY_SUFFIX):
            raise ArchiveError(f"member {name} is not a .npy array")
        if info.file_size > MAX_MEMBER_BYTES:
            raise ArchiveError(f"member {name} unpacks to {info.file_size:,} bytes, "
                               f"more than the {MAX_MEMBER_BYTES:,} allowed")
        with self._zip.open(info) as f:
            shape, fortran_order, dtype = _read_header(f, name)
            offset = f.tell()
        member = Member(info, shape, dtype, fortran_order, offset)
        declared = member.size * dtype.itemsize
        if declared != info.file_size - offset:
            raise ArchiveError(f"member {name} declares {declared:,} bytes of {dtype} {shape} "
                               f"but holds {info.file_size - offset:,}")
        return member


def _read_header(f, name: str) -> tuple[tuple[int, ...], bool, np.dtype]:
    try:
        version = npy.read_magic(f)
    except ValueError:
        raise ArchiveError(f"member {name} is not a .npy array (damaged header)") from None
    read = {(1, 0): npy.read_array_header_1_0, (2, 0): npy.read_array_header_2_0}.get(version)
    if read is None:
        raise ArchiveError(f"member {name} has an unknown .npy version {version}")
    try:
        shape, fortran_order, dtype = read(f, max_header_size=MAX_HEADER_BYTES)
    except (ValueError, SyntaxError, TypeError, struct.error) as exc:
        raise ArchiveError(f"member {name} has a damaged .npy header ({_first_line(exc)})") from None
    if dtype.hasobject:
        raise ArchiveError(f"member {name} holds pickled objects, which are never loaded")
    if dtype not in ALLOWED_DTYPES:
        raise ArchiveError(f"member {name} has dtype {dtype}; allowed: {', '.join(map(str, ALLOWED_DTYPES))}")
    if len(shape) > MAX_NDIM or any(d < 0 for d in shape):
        raise ArchiveError(f"member {name} has an impossible shape {shape}")
    return tuple(shape), bool(fortran_order), dtype


def _key(info: zipfile.ZipInfo) -> str:
    return info.filename[: -len(NPY_SUFFIX)] if info.filename.endswith(NPY_SUFFIX) else info.filename


def _first_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
