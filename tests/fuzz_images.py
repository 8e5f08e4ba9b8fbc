"""Hypothesis strategies for image files: every format and mode Pillow writes, damaged or crafted.

A drawn case is the file's bytes (printed as their length and first bytes).
"""

from __future__ import annotations

import functools
import io
import struct
import warnings
import zlib

import numpy as np
from hypothesis import strategies as st
from PIL import Image

MODES = ("1", "L", "LA", "P", "PA", "RGB", "RGBA", "CMYK", "I;16", "I;16B", "I", "F", "YCbCr", "LAB", "HSV")
MAX_SIDE = 40
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
BOMB_SIDE = 10_000  # 100 M pixels: past Pillow's warning and DigitLab's limit, a few hundred kB packed


class FileBytes(bytes):
    def __repr__(self) -> str:
        return f"<{len(self)} bytes: {bytes(self[:16])!r}...>"


@functools.cache
def writable() -> list[tuple[str, str]]:
    """(format, mode) pairs Pillow can save here, readable back or not."""
    Image.init()
    pairs = []
    for fmt in sorted(Image.SAVE):
        for mode in MODES:
            try:
                save(Image.new(mode, (3, 2)), fmt)
            except Exception:  # this format does not take this mode: not a case
                continue
            pairs.append((fmt, mode))
    return pairs


def save(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        image.save(out, format=fmt, **options)
    return out.getvalue()


def picture(mode: str, width: int, height: int, seed: int) -> Image.Image:
    """Noise, or paper with a dark bar (a "1"), in `mode`."""
    rng = np.random.default_rng(seed)
    if seed % 2:
        grey = rng.integers(0, 256, (height, width), dtype=np.uint8)
    else:
        grey = np.full((height, width), 255, np.uint8)
        grey[height // 5: height - height // 5, width // 2: width // 2 + max(1, width // 8)] = 0
    image = Image.fromarray(grey, mode="L")
    try:
        return image.convert(mode)
    except ValueError:  # no direct conversion: through RGB
        return image.convert("RGB").convert(mode)


@st.composite
def saved_images(draw) -> bytes:
    """A small image in any format and mode Pillow writes; sometimes animated or with a transparent colour."""
    fmt, mode = draw(st.sampled_from(writable()))
    width, height = draw(st.integers(1, MAX_SIDE)), draw(st.integers(1, MAX_SIDE))
    image = picture(mode, width, height, draw(st.integers(0, 2 ** 16)))
    options = {}
    if fmt in Image.SAVE_ALL and draw(st.booleans()):
        frames = [picture(mode, width, height, s) for s in range(draw(st.integers(1, 3)))]
        options = {"save_all": True, "append_images": frames}
    if mode == "P" and draw(st.booleans()):
        options["transparency"] = 0
    try:
        return save(image, fmt, **options)
    except Exception:  # an option this format refuses: the plain file is still a case
        return save(image, fmt)


def png(width: int, height: int, depth: int = 8, colour: int = 0, idat: bytes = b"") -> bytes:
    """A PNG with whatever header it is given and valid checksums."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, depth, colour, 0, 0, 0)
    return PNG_MAGIC + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@functools.cache
def png_bomb() -> bytes:
    """A real BOMB_SIDE x BOMB_SIDE grey PNG of zeros: rows packed once and repeated after a full flush."""
    packer = zlib.compressobj(9)
    rows = 100
    first = packer.compress(bytes((BOMB_SIDE + 1) * rows)) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(bytes((BOMB_SIDE + 1) * rows)) + packer.flush(zlib.Z_FULL_FLUSH)
    return png(BOMB_SIDE, BOMB_SIDE, idat=first + again * (BOMB_SIDE // rows - 1) + packer.flush())


@st.composite
def crafted_images(draw) -> bytes:
    """Headers that lie: empty, one-pixel-wide, huge; a real decompression bomb; GIF and BMP with 0 sizes."""
    kind = draw(st.sampled_from(["png", "bomb", "gif", "bmp", "noise"]))
    side = st.sampled_from([0, 1, 2, 28, 100_000, 2 ** 31 - 1, 2 ** 32 - 1])
    if kind == "png":
        depth, colour = draw(st.sampled_from([(1, 0), (8, 0), (16, 0), (8, 2), (16, 2), (8, 3), (8, 4), (8, 6),
                                              (16, 6), (7, 9)]))
        return png(draw(side), draw(side), depth, colour, zlib.compress(draw(st.binary(max_size=200))))
    if kind == "bomb":
        return png_bomb()
    if kind == "gif":
        width, height = draw(st.integers(0, 65535)), draw(st.integers(0, 65535))
        return b"GIF89a" + struct.pack("<HHBBB", width, height, 0, 0, 0) + draw(st.binary(max_size=64)) + b";"
    if kind == "bmp":
        width, height = draw(st.integers(-(2 ** 31), 2 ** 31 - 1)), draw(st.integers(-(2 ** 31), 2 ** 31 - 1))
        info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, draw(st.sampled_from([1, 8, 24, 32])), 0, 0, 0, 0,
                           0, 0)
        return b"BM" + struct.pack("<IHHI", 54 + 16, 0, 0, 54) + info + draw(st.binary(max_size=16))
    return draw(st.binary(max_size=200))


@st.composite
def damaged(draw, data: bytes) -> bytes:
    """`data` with bits flipped, cut short, or its body replaced by random bytes behind the header."""
    kind = draw(st.sampled_from(["flip", "truncate", "tail"]))
    if kind == "flip" and data:
        out = bytearray(data)
        for _ in range(draw(st.integers(1, 16))):
            out[draw(st.integers(0, len(out) - 1))] ^= 1 << draw(st.integers(0, 7))
        return bytes(out)
    if kind == "truncate" and data:
        return data[:draw(st.integers(0, len(data) - 1))]
    keep = draw(st.integers(0, min(len(data), 64)))
    return data[:keep] + draw(st.binary(max_size=300))


def image_files() -> st.SearchStrategy[bytes]:
    good = saved_images()
    return st.one_of(good, good.flatmap(lambda d: damaged(FileBytes(d))), crafted_images(),
                     crafted_images().flatmap(lambda d: damaged(FileBytes(d)))).map(FileBytes)
