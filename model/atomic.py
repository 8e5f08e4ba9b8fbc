"""Write a file so that readers see either the old version or the complete new one."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path
from typing import BinaryIO, Iterator

# The mode a plain open() asks for; the kernel applies the user's umask to it.
NEW_FILE_MODE = 0o666


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Open a temporary file beside `path` for binary writing; on success it replaces `path`.

    The temporary file lives in the same directory (os.replace is atomic only
    within one file system), is flushed and fsynced before the rename, and is
    removed if anything fails, leaving an existing file at `path` untouched.
    """
    path = writable_target(path)
    fd, tmp_name = _create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def write_text(path: str | os.PathLike, text: str) -> None:
    """`Path.write_text`, atomically: a crash leaves the old file or none, never half a file."""
    with atomic_write(path) as f:
        f.write(text.encode("utf-8"))


def writable_target(path: str | os.PathLike) -> Path:
    """The file a save to `path` replaces: a symbolic link's target (the link stays a
    link), and never a device, pipe or folder, which a rename would silently replace."""
    path = Path(os.path.realpath(path))
    if path.exists() and not path.is_file():
        raise OSError(f"cannot write {path}: it is {'a folder' if path.is_dir() else 'not a regular file'}")
    return path


def _create_temporary(path: Path) -> tuple[int, str]:
    """A new, exclusively created file beside `path`, with the permissions a plain open() gives.

    Not tempfile.mkstemp: its files are private (0600), and the finished file
    would keep that mode.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        name = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, flags, NEW_FILE_MODE), name
        except FileExistsError:
            continue


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable, where the platform allows opening a directory."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
