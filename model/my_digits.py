"""My digits: a person's own labelled drawings, kept as a folder of PNG files plus labels.csv.

The folder is the format: `labels.csv` has a header `file,label` and one row
per sample; each file is an image beside it. The command line's `finetune`
reads such a folder (or a zip of one) and the window keeps its samples in one.

Writes are ordered so that a crash never loses or corrupts the set: a new
PNG is written (atomically) before the labels.csv that names it, and a
deleted sample leaves labels.csv before its PNG goes. An interrupted write
leaves at worst an unlisted PNG, which is ignored.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from model.atomic import atomic_write, write_text
from model.constants import N_CLASSES
from model.data.preprocess import ImageError, load_image, on_paper, to_mnist

LABELS_FILE = "labels.csv"
HEADER = ("file", "label")
PREFIX = "sample-"


class DigitSetError(ValueError):
    """A set of digits that cannot be read or written; one line naming the file."""


@dataclass(frozen=True)
class Sample:
    file: str
    label: int


def parse_labels(text: str, where: str) -> list[Sample]:
    """The rows of a labels.csv; DigitSetError naming `where` and the line for a bad one."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [c.strip().lower() for c in rows[0]] != list(HEADER):
        raise DigitSetError(f"{where}: the first line must be 'file,label'")
    samples, seen = [], set()
    for line, row in enumerate(rows[1:], start=2):
        if not row or not "".join(row).strip():
            continue
        if len(row) != 2:
            raise DigitSetError(f"{where}, line {line}: expected 'file,label', got {','.join(row)!r}")
        name, label = row[0].strip(), row[1].strip()
        if not label.isdigit() or not 0 <= int(label) < N_CLASSES:
            raise DigitSetError(f"{where}, line {line}: label {label!r} of {name} is not a digit 0-9")
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise DigitSetError(f"{where}, line {line}: {name!r} is not a plain file name")
        if name in seen:
            raise DigitSetError(f"{where}, line {line}: {name} is listed twice")
        seen.add(name)
        samples.append(Sample(name, int(label)))
    return samples


def labels_text(samples: list[Sample]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows((s.file, s.label) for s in samples)
    return out.getvalue()


def read_set(source: str | os.PathLike) -> list[tuple[Sample, np.ndarray]]:
    """Every sample of a folder or .zip holding images and labels.csv, checked: (sample, uint8 (H, W) on paper).

    Raises DigitSetError naming the first bad file: no labels.csv, a bad row,
    a missing or unreadable image, an image with no digit in it.
    """
    source = Path(source)
    if not source.exists():
        raise DigitSetError(f"{source}: no such folder or file")
    if source.is_dir():
        return _read_members(source, lambda name: (source / name).read_bytes())
    if not zipfile.is_zipfile(source):
        raise DigitSetError(f"{source}: not a folder or a .zip of images and {LABELS_FILE}")
    with zipfile.ZipFile(source) as archive:
        names = {Path(n).name: n for n in archive.namelist() if not n.endswith("/")}
        return _read_members(source, lambda name: archive.read(names[name]) if name in names else _missing(name))


def _missing(name: str) -> bytes:
    raise FileNotFoundError(name)


def _read_members(source: Path, read) -> list[tuple[Sample, np.ndarray]]:
    try:
        text = read(LABELS_FILE).decode("utf-8-sig")
    except (FileNotFoundError, KeyError):
        raise DigitSetError(f"{source}: no {LABELS_FILE} (it lists each image with its digit: file,label)") from None
    except UnicodeDecodeError:
        raise DigitSetError(f"{source / LABELS_FILE}: not a text file") from None
    out = []
    for sample in parse_labels(text, str(source / LABELS_FILE)):
        where = source / sample.file
        try:
            image = load_image(io.BytesIO(read(sample.file)))
        except (FileNotFoundError, KeyError):
            raise DigitSetError(f"{where}: listed in {LABELS_FILE} but missing") from None
        except ImageError as exc:
            raise DigitSetError(f"{where}: not a readable image ({str(exc).split('(', 1)[-1].rstrip(')')})") from None
        paper = on_paper(image)
        if to_mnist(paper) is None:
            raise DigitSetError(f"{where}: no digit in it (blank or too faint)")
        out.append((sample, paper))
    return out


class MyDigits:
    """The samples in one folder; every change is on disk when the method returns."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)
        labels = self.folder / LABELS_FILE
        self.samples: list[Sample] = []
        if labels.exists():
            self.samples = parse_labels(labels.read_text(encoding="utf-8-sig"), str(labels))

    def __len__(self) -> int:
        return len(self.samples)

    def counts(self) -> np.ndarray:
        """(10,) int: how many samples of each digit."""
        return np.bincount([s.label for s in self.samples], minlength=N_CLASSES)

    def fewest(self) -> int:
        """The digit with the fewest samples (the smallest such digit)."""
        return int(self.counts().argmin())

    def path(self, sample: Sample) -> Path:
        return self.folder / sample.file

    def add(self, image: np.ndarray, label: int) -> Sample:
        """Keep a drawing (uint8 (H, W), dark ink on light paper) labelled `label`."""
        if not 0 <= int(label) < N_CLASSES:
            raise DigitSetError(f"label {label!r} is not a digit 0-9")
        sample = Sample(self._new_name(), int(label))
        self.folder.mkdir(parents=True, exist_ok=True)
        with atomic_write(self.path(sample)) as f:
            Image.fromarray(np.asarray(image, dtype=np.uint8)).save(f, format="PNG")
        self._save([*self.samples, sample])
        return sample

    def remove(self, sample: Sample) -> None:
        self._save([s for s in self.samples if s.file != sample.file])
        with contextlib.suppress(FileNotFoundError):
            self.path(sample).unlink()

    def relabel(self, sample: Sample, label: int) -> Sample:
        if not 0 <= int(label) < N_CLASSES:
            raise DigitSetError(f"label {label!r} is not a digit 0-9")
        new = Sample(sample.file, int(label))
        self._save([new if s.file == sample.file else s for s in self.samples])
        return new

    def inputs(self) -> list[np.ndarray | None]:
        """Each sample as the network sees it (28x28 float32 via to_mnist); None where its image is gone or blank."""
        out = []
        for s in self.samples:
            try:
                out.append(to_mnist(load_image(self.path(s))))
            except ImageError:
                out.append(None)
        return out

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """The usable samples as network input: x float32 (N, 1, 28, 28), y int64 (N,)."""
        pairs = [(x, s.label) for x, s in zip(self.inputs(), self.samples) if x is not None]
        return stack_inputs([x for x, _ in pairs]), np.array([y for _, y in pairs], dtype=np.int64)

    def import_from(self, source: str | os.PathLike) -> int:
        """Add every sample of a folder or zip; all checked first, so a bad set adds nothing."""
        incoming = read_set(source)
        self.folder.mkdir(parents=True, exist_ok=True)
        added = []
        for sample, paper in incoming:
            new = Sample(self._new_name(len(added)), sample.label)
            with atomic_write(self.path(new)) as f:
                Image.fromarray(paper).save(f, format="PNG")
            added.append(new)
        self._save([*self.samples, *added])
        return len(added)

    def export(self, dest: str | os.PathLike) -> Path:
        """Write the set to a new folder, or to a .zip file (atomically): PNGs plus labels.csv."""
        dest = Path(dest)
        if dest.suffix.lower() == ".zip":
            with atomic_write(dest) as f, zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as archive:
                for s in self.samples:
                    archive.write(self.path(s), s.file)
                archive.writestr(LABELS_FILE, labels_text(self.samples))
            return dest
        if dest.exists() and any(dest.iterdir()):
            raise DigitSetError(f"{dest}: folder is not empty; export into a new or empty folder")
        dest.mkdir(parents=True, exist_ok=True)
        for s in self.samples:
            with atomic_write(dest / s.file) as f:
                f.write(self.path(s).read_bytes())
        write_text(dest / LABELS_FILE, labels_text(self.samples))
        return dest

    def _save(self, samples: list[Sample]) -> None:
        write_text(self.folder / LABELS_FILE, labels_text(samples))
        self.samples = samples

    def _new_name(self, skip: int = 0) -> str:
        """A file name no listed sample and no stray file uses."""
        numbers = [int(s.file[len(PREFIX):-4]) for s in self.samples
                   if s.file.startswith(PREFIX) and s.file[len(PREFIX):-4].isdigit()]
        n = max(numbers, default=0) + 1 + skip
        while (self.folder / f"{PREFIX}{n:05d}.png").exists():
            n += 1
        return f"{PREFIX}{n:05d}.png"


def stack_inputs(images: list[np.ndarray]) -> np.ndarray:
    """28x28 float images -> network input (N, 1, 28, 28) float32 (an empty list gives N = 0)."""
    if not images:
        return np.zeros((0, 1, 28, 28), np.float32)
    return np.stack(images).astype(np.float32)[:, None]
