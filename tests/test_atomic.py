"""Saving by writing a temporary file and renaming it over the old one."""
import os

import pytest

from model.atomic import atomic_write


def test_a_save_through_a_symbolic_link_updates_the_file_it_points_to(tmp_path):
    target = tmp_path / "weights" / "real.npz"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "current.npz"
    link.symlink_to(target)
    with atomic_write(link) as f:
        f.write(b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"
    assert sorted(os.listdir(target.parent)) == ["real.npz"]  # no temporary left


def test_a_failed_save_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "keep.npz"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_write(path) as f:
            f.write(b"half")
            raise RuntimeError("disk full")
    assert path.read_bytes() == b"old" and os.listdir(tmp_path) == ["keep.npz"]


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_a_device_is_never_replaced_by_a_file():
    with pytest.raises(OSError, match="not a regular file"):
        with atomic_write("/dev/null") as f:
            f.write(b"x")
    assert not os.path.isfile("/dev/null")


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(OSError, match="folder"):
        with atomic_write(tmp_path) as f:
            f.write(b"x")
