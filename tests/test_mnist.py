"""The MNIST loader: counts, checksums, damaged files, the split, the float convention."""

import gzip
import shutil
import struct

import numpy as np
import pytest

from model.data.mnist import (
    ASSETS_DIR,
    FILES,
    VAL_SIZE,
    MnistError,
    load_mnist,
    to_float,
    train_val_split,
    training_split,
)

# From assets/mnist/README.md.
TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


@pytest.mark.parametrize("split, counts", [("train", TRAIN_COUNTS), ("test", TEST_COUNTS)])
def test_counts_and_label_histogram_match_the_readme(split, counts):
    images, labels = load_mnist(split)
    assert images.shape == (sum(counts), 28, 28) and images.dtype == np.uint8
    assert labels.shape == (sum(counts),) and labels.dtype == np.uint8
    assert np.bincount(labels, minlength=10).tolist() == counts


def test_images_look_like_mnist():
    images, _ = load_mnist("test")
    assert images.max() == 255 and images.min() == 0
    # Background is 0: the border rows are almost always empty.
    assert images[:, 0, :].mean() < 1.0


def test_cached_arrays_are_read_only_and_shared():
    first = load_mnist("test")
    second = load_mnist("test")
    assert first[0] is second[0]
    with pytest.raises(ValueError):
        first[0][0, 0, 0] = 1


def test_unknown_split_is_refused():
    with pytest.raises(ValueError, match="split"):
        load_mnist("validation")


@pytest.fixture
def test_copy(tmp_path):
    """A directory holding a copy of the test split's two files."""
    for name in FILES["test"][:2]:
        shutil.copy(ASSETS_DIR / name, tmp_path / name)
    return tmp_path


def _rewrite(path, mutate):
    raw = bytearray(gzip.decompress(path.read_bytes()))
    path.write_bytes(gzip.compress(bytes(mutate(raw)), compresslevel=1))


def test_copy_loads(test_copy):
    images, labels = load_mnist("test", root=test_copy)
    assert np.array_equal(images, load_mnist("test")[0])


def _truncate_gz(path):
    path.write_bytes(path.read_bytes()[:1000])


def _not_gzip(path):
    path.write_bytes(b"this is not a gzip file at all")


def _wrong_magic(path):
    # Swap the two IDX kinds: an images file claiming to hold labels and back.
    _rewrite(path, lambda raw: struct.pack(">I", 0x0801 if raw[3] == 0x03 else 0x0803) + raw[4:])


def _short_data(path):
    _rewrite(path, lambda raw: raw[:-28])


def _wrong_count(path):
    _rewrite(path, lambda raw: raw[:4] + struct.pack(">I", 9999) + raw[8:])


def _flipped_pixel(path):
    def flip(raw):
        raw[5000] ^= 0xFF
        return raw

    _rewrite(path, flip)


def _missing(path):
    path.unlink()


@pytest.mark.parametrize(
    "damage, message",
    [
        (_truncate_gz, "gzip"),
        (_not_gzip, "gzip"),
        (_wrong_magic, "magic"),
        (_short_data, "truncated"),
        (_wrong_count, "dims"),
        (_flipped_pixel, "MD5"),
        (_missing, "not found"),
    ],
)
def test_damaged_file_raises_mnist_error_naming_it(test_copy, damage, message):
    name = FILES["test"][0]
    damage(test_copy / name)
    with pytest.raises(MnistError, match=message) as info:
        load_mnist("test", root=test_copy)
    text = str(info.value)
    assert name in text and "\n" not in text


def test_damaged_label_file_is_named(test_copy):
    name = FILES["test"][1]
    _wrong_magic(test_copy / name)
    with pytest.raises(MnistError, match=name):
        load_mnist("test", root=test_copy)


def test_split_is_deterministic_disjoint_and_complete():
    images, labels = load_mnist("test")
    # Tag every image with its index so we can see where each record went.
    ids = np.arange(len(images))
    a = train_val_split(ids, labels, val_size=1000, seed=3)
    b = train_val_split(ids, labels, val_size=1000, seed=3)
    c = train_val_split(ids, labels, val_size=1000, seed=4)
    for x, y in zip(a, b):
        assert np.array_equal(x, y)
    assert not np.array_equal(a[2], c[2])
    id_tr, y_tr, id_val, y_val = a
    assert len(id_val) == 1000 and len(id_tr) == len(images) - 1000
    assert np.intersect1d(id_tr, id_val).size == 0
    assert np.union1d(id_tr, id_val).size == len(images)
    assert np.array_equal(y_tr, labels[id_tr]) and np.array_equal(y_val, labels[id_val])


def test_split_results_are_writeable_copies():
    images, labels = load_mnist("test")
    x_tr, _, _, _ = train_val_split(images, labels, val_size=100)
    x_tr[0, 0, 0] = 7
    assert images.flags.writeable is False


def test_training_split_is_the_seeded_split_as_network_input_owned_by_the_caller():
    x, y, x_val, y_val = training_split()
    assert x.shape == (60_000 - VAL_SIZE, 1, 28, 28) and x_val.shape == (VAL_SIZE, 1, 28, 28)
    assert x.dtype == x_val.dtype == np.float32 and y.dtype == y_val.dtype == np.int64
    images, labels = load_mnist("train")
    expected = train_val_split(images, labels, val_size=VAL_SIZE, seed=0)
    assert np.array_equal(x, to_float(expected[0])) and np.array_equal(y, expected[1])
    assert np.array_equal(x_val, to_float(expected[2])) and np.array_equal(y_val, expected[3])
    x[0] = 0.5  # a caller writing into its arrays changes nothing for the next caller
    y_val[:] = 0
    again = training_split()
    assert np.array_equal(again[0][0], to_float(expected[0][:1])[0])
    assert np.array_equal(again[3], expected[3])


def test_training_split_holds_out_what_it_is_asked_to():
    x, y, x_val, y_val = training_split(val_size=100, seed=1)
    assert len(x) == len(y) == 60_000 - 100 and len(x_val) == len(y_val) == 100
    assert not np.array_equal(y_val, training_split(val_size=100, seed=2)[3])


def test_to_float_is_the_network_input_convention():
    images, _ = load_mnist("test")
    x = to_float(images[:50])
    assert x.shape == (50, 1, 28, 28) and x.dtype == np.float32
    assert x.min() == 0.0 and x.max() == 1.0
    assert np.allclose(x[:, 0] * 255, images[:50])
