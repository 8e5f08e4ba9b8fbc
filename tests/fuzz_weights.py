"""Hypothesis strategies that turn a good weight file into a damaged or hostile one (bytes in, bytes out).

Each strategy draws a description of the damage and returns the file's new
bytes, so a failing case shrinks to a readable recipe.
"""

from __future__ import annotations

import functools
import io
import json
import struct
import warnings
import zipfile
import zlib

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from model.network import Sequential
from model.optim import make_optimizer
from model.weights import save_weights

# A digit reader with every kind of stored array: conv, batch norm, linear, Adam state.
SPEC = [{"type": "Normalize"},
        {"type": "Conv2d", "in_channels": 1, "out_channels": 2, "kernel_size": 3, "stride": 1, "padding": 1},
        {"type": "BatchNorm2d", "num_channels": 2}, {"type": "ReLU"}, {"type": "MaxPool2d", "kernel_size": 4},
        {"type": "Flatten"}, {"type": "Linear", "in_features": 98, "out_features": 10}]
BOMB_BYTES = 700 << 20  # unpacks beyond every member limit; packs to under a megabyte


class Original(bytes):
    """A file's bytes that print as their length: Hypothesis shows a strategy's arguments."""

    def __repr__(self) -> str:
        return f"<{len(self)} bytes>"


@functools.cache
def base_file(tmp_root: str) -> Original:
    """The bytes of a valid small weight file (saved once per session under tmp_root)."""
    net = Sequential.from_spec(SPEC, np.random.default_rng(0))
    opt = make_optimizer("adam", net.params(), lr=1e-3)
    path = save_weights(f"{tmp_root}/base.npz", net, meta={"name": "fuzz base", "test_accuracy": 0.5}, optimizer=opt)
    return Original(path.read_bytes())


def members(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def pack(entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_STORED) -> bytes:
    """A zip of `entries` in order; duplicate names are kept (zipfile only warns)."""
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", compression) as z:
        warnings.simplefilter("ignore")
        for name, payload in entries:
            z.writestr(name, payload)
    return out.getvalue()


def npy(array: np.ndarray) -> bytes:
    out = io.BytesIO()
    np.save(out, array, allow_pickle=True)
    return out.getvalue()


@functools.cache
def bomb_member() -> bytes:
    """A deflate stream of BOMB_BYTES zeros: one megabyte packed, then repeated (a full flush
    resets the packer, so every megabyte packs to the same bytes)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(bytes(1 << 20)) + packer.flush(zlib.Z_FULL_FLUSH)
    return block * (BOMB_BYTES >> 20) + packer.flush()


def with_raw_deflated(data: bytes, name: str, stream: bytes, size: int) -> bytes:
    """`data`'s members plus one deflated member whose stream and sizes are given as is."""
    entries = members(data)
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w") as z:
        warnings.simplefilter("ignore")  # the name may be taken: a duplicate member is one of the cases
        for n, payload in entries:
            z.writestr(n, payload)
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        # Write a placeholder, then patch sizes and data: zipfile would otherwise deflate it itself.
        z.writestr(info, b"")
    raw = bytearray(out.getvalue())
    local = raw.rfind(b"PK\x03\x04")
    central = raw.rfind(b"PK\x01\x02")
    name_len = len(name.encode())
    head = raw[local:local + 30 + name_len]
    struct.pack_into("<III", head, 14, zlib.crc32(b"") if size == 0 else 0, len(stream), size)
    tail = raw[central:]
    struct.pack_into("<III", tail, 16, 0, len(stream), size)
    offset_central = local + len(head) + len(stream)
    end = tail.rfind(b"PK\x05\x06")
    struct.pack_into("<I", tail, end + 16, offset_central)
    return bytes(raw[:local] + head + stream + tail)


# --- damage ---------------------------------------------------------------------

@st.composite
def bit_flips(draw, data: bytes) -> bytes:
    flips = draw(st.lists(st.tuples(st.integers(0, len(data) - 1), st.integers(0, 7)), min_size=1, max_size=16))
    out = bytearray(data)
    for position, bit in flips:
        out[position] ^= 1 << bit
    return bytes(out)


@st.composite
def truncated(draw, data: bytes) -> bytes:
    return data[:draw(st.integers(0, len(data) - 1))]


@st.composite
def member_bytes_replaced(draw, data: bytes) -> bytes:
    """One member's content replaced by random bytes, or by its own with the first bytes scrambled."""
    entries = members(data)
    i = draw(st.integers(0, len(entries) - 1))
    name, payload = entries[i]
    if draw(st.booleans()):
        payload = draw(st.binary(max_size=300))
    else:
        head = draw(st.binary(min_size=1, max_size=12))
        payload = head + payload[len(head):]
    entries[i] = (name, payload)
    return pack(entries, draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])))


HOSTILE_DTYPES = st.one_of(hnp.floating_dtypes(endianness="="), hnp.floating_dtypes(endianness=">"),
                           hnp.integer_dtypes(), hnp.unsigned_integer_dtypes(), hnp.boolean_dtypes(),
                           hnp.complex_number_dtypes(), st.just(np.dtype("datetime64[s]")))


@st.composite
def hostile_array(draw) -> bytes:
    """A .npy of a wrong dtype or shape, NaN and inf included, Fortran order, or pickled objects."""
    kind = draw(st.sampled_from(["array", "object", "structured"]))
    if kind == "object":
        return npy(np.array([{"a": 1}, "text", None], dtype=object))
    if kind == "structured":
        return npy(np.zeros(3, dtype=[("x", "<f4"), ("y", "<i4")]))
    array = draw(hnp.arrays(HOSTILE_DTYPES, hnp.array_shapes(min_dims=0, max_dims=4, max_side=6)))
    return npy(np.asfortranarray(array) if draw(st.booleans()) else array)


@st.composite
def member_array_replaced(draw, data: bytes) -> bytes:
    entries = members(data)
    i = draw(st.integers(0, len(entries) - 1))
    entries[i] = (entries[i][0], draw(hostile_array()))
    return pack(entries)


# What UTF-8 encodes: every character but the surrogates. st.text()'s default alphabet (codec="utf-8") is the
# same set, but hypothesis finds it by encoding all 1.1 million code points: 2 s of CPU in a fresh clone.
UTF8_CHARACTERS = st.characters(exclude_categories=["Cs"])
JSON_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                        st.text(UTF8_CHARACTERS, max_size=20), st.integers(-(10 ** 30), 10 ** 30))
JSON_VALUES = st.recursive(JSON_LEAVES, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(UTF8_CHARACTERS, max_size=12), inner, max_size=4), max_leaves=12)


@st.composite
def hostile_meta_text(draw, meta: dict) -> bytes:
    """The metadata with one field (top level or inside a layer) set to a hostile value, or odd JSON text."""
    kind = draw(st.sampled_from(["field", "layer", "text", "nested", "number"]))
    if kind == "text":
        return draw(st.binary(max_size=200)) if draw(st.booleans()) else draw(st.text(UTF8_CHARACTERS, max_size=200)).encode()
    if kind == "nested":
        depth = draw(st.integers(20, 200_000))
        return b"[" * depth + b"]" * depth if draw(st.booleans()) else b'{"a":' * depth + b"1" + b"}" * depth
    if kind == "number":  # beyond a float, or more digits than Python converts
        number = draw(st.sampled_from(["1e{}", "-1e{}", "9" * 5000 + "{}", "0.{}"])).format(draw(st.integers(300, 10**5)))
        return json.dumps({**meta, "test_accuracy": 0}).replace('"test_accuracy": 0', f'"test_accuracy": {number}'
                                                                ).encode()
    meta = json.loads(json.dumps(meta))
    value = draw(JSON_VALUES)
    if kind == "field":
        meta[draw(st.sampled_from(sorted(meta) + ["extra"]))] = value
    else:
        layer = draw(st.sampled_from(meta["architecture"]))
        layer[draw(st.sampled_from(sorted(layer) + ["in_features", "out_features", "kernel_size"]))] = value
    return json.dumps(meta).encode()


@st.composite
def metadata_replaced(draw, data: bytes) -> bytes:
    entries = members(data)
    i = next(k for k, (name, _) in enumerate(entries) if name == "__meta__.npy")
    meta = json.loads(np.load(io.BytesIO(entries[i][1])).tobytes())
    text = draw(hostile_meta_text(meta))
    entries[i] = ("__meta__.npy", npy(np.frombuffer(text, dtype=np.uint8)))
    return pack(entries)


@st.composite
def members_added(draw, data: bytes) -> bytes:
    """A duplicate of an existing member (same name, other content) or an extra member of any name."""
    entries = members(data)
    if draw(st.booleans()):
        name = draw(st.sampled_from([n for n, _ in entries]))
    else:
        name = draw(st.sampled_from(["param/9.weight.npy", "extra", "../../etc/x.npy", "dir/", "optim/x.npy"]))
    payload = draw(st.one_of(hostile_array(), st.binary(max_size=64)))
    entries.insert(draw(st.integers(0, len(entries))), (name, payload))
    return pack(entries)


@st.composite
def zip_bomb(draw, data: bytes) -> bytes:
    """A member that unpacks to hundreds of megabytes, or one whose sizes lie."""
    name = draw(st.sampled_from(["param/1.weight.npy", "__meta__.npy", "bomb.npy"]))
    if draw(st.booleans()):
        return with_raw_deflated(data, name, bomb_member(), BOMB_BYTES)
    stream = zlib.compress(npy(np.zeros(4, np.float32)))[2:-4]
    return with_raw_deflated(data, name, stream, draw(st.integers(0, 2 ** 32 - 1)))


@st.composite
def architecture_blown_up(draw, data: bytes) -> bytes:
    """The architecture declaring a huge layer, as a crafted file would."""
    entries = members(data)
    i = next(k for k, (name, _) in enumerate(entries) if name == "__meta__.npy")
    meta = json.loads(np.load(io.BytesIO(entries[i][1])).tobytes())
    width = draw(st.sampled_from([200_000, 10 ** 6, 10 ** 9, 2 ** 63, 10 ** 40]))
    meta["architecture"][-1]["in_features"] = width
    meta["architecture"].insert(-1, {"type": "Linear", "in_features": 98, "out_features": width})
    entries[i] = ("__meta__.npy", npy(np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)))
    return pack(entries)


def damaged_weight_files(data: bytes) -> st.SearchStrategy[bytes]:
    """Every kind of damage, each on a fresh copy of `data`; sometimes twice over."""
    one = st.one_of(bit_flips(data), truncated(data), member_bytes_replaced(data), member_array_replaced(data),
                    metadata_replaced(data), members_added(data), zip_bomb(data), architecture_blown_up(data),
                    st.binary(max_size=64).map(lambda tail: b"PK\x03\x04" + tail))
    return (one | one.flatmap(lambda d: bit_flips(Original(d)) if len(d) > 1 else st.just(d))).map(Original)
