"""The networks the user can pick from: bundled, opened from a file, or freshly trained.

A list of entries and which one is current, with signals so the selector,
the menus and the status bar follow it. No widgets here.

Ownership: each entry owns its network. `add` takes the network it is given
(the caller hands it over and keeps no reference); whoever needs one to change
or to use in another thread (training, evaluation) takes a copy.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from model.calibration import Calibration, CalibrationError
from model.constants import DEFAULT_NETWORK
from model.network import Sequential
from model.paths import WEIGHTS_DIR
from model.weights import load_digit_reader

BUNDLED_DIR = WEIGHTS_DIR
BUNDLED_ORDER = (DEFAULT_NETWORK, "cnn", "mlp")  # the first one present is the default
# The bundled networks' names as their files carry them; the selector shows them translated.
BUNDLED_NAMES = (QT_TRANSLATE_NOOP("NetworkList", "Small CNN (default)"),
                 QT_TRANSLATE_NOOP("NetworkList", "Lab CNN (2 conv + fc 1024)"),
                 QT_TRANSLATE_NOOP("NetworkList", "MLP 784-256-256-10"))


@dataclass
class NetworkEntry:
    name: str
    net: Sequential
    meta: dict = field(default_factory=dict)
    path: Path | None = None
    source: str = "trained"  # "bundled", "file" or "trained"

    @property
    def calibration(self) -> Calibration:
        """Temperature and "not a digit" threshold (checked when the file was loaded); none for older files."""
        try:
            return Calibration.from_meta(self.meta)
        except CalibrationError:  # a network trained in the window carries no calibration
            return Calibration()

    @property
    def test_accuracy(self) -> float | None:
        value = self.meta.get("test_accuracy")
        return float(value) if isinstance(value, (int, float)) else None

    def label(self) -> str:
        """"small-cnn · test 99.1%", for menus and the selector."""
        acc = self.test_accuracy
        if acc is None:
            return self.name
        return QCoreApplication.translate("NetworkList", "{0} · test {1:.1f}%").format(self.name, 100 * acc)


class NetworkList(QObject):
    """Ordered entries plus the current one. Each entry owns its network; only the GUI thread uses it."""

    entries_changed = Signal()
    current_changed = Signal(object)  # the new current NetworkEntry, or None

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._entries: list[NetworkEntry] = []
        self._current: int | None = None

    def entries(self) -> list[NetworkEntry]:
        return list(self._entries)

    def current(self) -> NetworkEntry | None:
        return None if self._current is None else self._entries[self._current]

    def current_index(self) -> int | None:
        return self._current

    def index_of(self, path: str | Path) -> int | None:
        target = Path(path).resolve()
        return next((i for i, e in enumerate(self._entries) if e.path and e.path.resolve() == target), None)

    def add(self, net: Sequential, meta: dict | None = None, path: str | Path | None = None,
            source: str = "trained") -> int:
        """Add `net`, which the list now owns (no copy is made), and return its index.

        A file already listed is replaced, not doubled.
        """
        meta = dict(meta or {})
        path = Path(path) if path is not None else None
        existing = self.index_of(path) if path is not None else None
        name = meta.get("name") or (path.stem if path else self.tr("trained network"))
        if source == "bundled" and name in BUNDLED_NAMES:  # the file's meta keeps the English name
            name = QCoreApplication.translate("NetworkList", name)
        name = self._unique_name(name, existing)
        entry = NetworkEntry(name, net, meta, path, source)
        if existing is None:
            self._entries.append(entry)
            index = len(self._entries) - 1
        else:
            self._entries[existing] = entry
            index = existing
        self.entries_changed.emit()
        if existing is not None and existing == self._current:
            self.current_changed.emit(entry)
        return index

    def open_file(self, path: str | Path, source: str = "file") -> int:
        """Load a weight file and add it; raises WeightFileError and then changes nothing.

        A file holding a bundled network (the same name and weights, say another
        clone's or a saved copy) gives the bundled entry's index and adds nothing.
        """
        ckpt = load_digit_reader(path)
        meta = dict(ckpt.meta)
        meta.setdefault("name", None)
        meta["name"] = meta["name"] or Path(path).stem
        twin = self._bundled_twin(ckpt.net, meta["name"]) if source != "bundled" else None
        return twin if twin is not None else self.add(ckpt.net, meta, path, source)

    def _bundled_twin(self, net: Sequential, name: str) -> int | None:
        """The index of a bundled entry with this name and exactly these weights, if there is one."""
        for i, entry in enumerate(self._entries):
            if entry.source == "bundled" and entry.meta.get("name") == name and _same_weights(entry.net, net):
                return i
        return None

    def load_bundled(self, folder: Path = BUNDLED_DIR) -> list[str]:
        """Add every readable *.npz in `folder`, the usual ones first; returns the problems met."""
        files = sorted(Path(folder).glob("*.npz"), key=_bundled_rank) if Path(folder).is_dir() else []
        problems = []
        for path in files:
            try:
                self.open_file(path, source="bundled")
            except ValueError as exc:
                problems.append(str(exc))
        return problems

    def select(self, index: int | None) -> None:
        if index is not None and not 0 <= index < len(self._entries):
            raise IndexError(index)
        if index != self._current:
            self._current = index
            self.current_changed.emit(self.current())

    def mark_saved(self, index: int, path: str | Path) -> None:
        """Remember that entry `index` now lives in the file `path`.

        A bundled network keeps pointing at its bundled file: a copy saved
        elsewhere is another file, added if the user opens it.
        """
        if self._entries[index].source == "bundled":
            return
        self._entries[index].path = Path(path)
        if self._entries[index].source == "trained":
            self._entries[index].source = "file"
        self.entries_changed.emit()

    def _unique_name(self, name: str, replacing: int | None) -> str:
        taken = {e.name for i, e in enumerate(self._entries) if i != replacing}
        candidate, n = name, 2
        while candidate in taken:
            candidate, n = f"{name} ({n})", n + 1
        return candidate


def _same_weights(a: Sequential, b: Sequential) -> bool:
    """Same architecture and the same numbers in every parameter and buffer."""
    if a.spec() != b.spec():
        return False
    ours, theirs = a.state_dict(), b.state_dict()
    return ours.keys() == theirs.keys() and all(np.array_equal(ours[k], theirs[k]) for k in ours)


def _bundled_rank(path: Path) -> tuple[int, str]:
    stem = path.stem
    return (BUNDLED_ORDER.index(stem) if stem in BUNDLED_ORDER else len(BUNDLED_ORDER), stem)

