"""What DigitLab remembers between runs, over QSettings (the organisation and
application names set in `app.main` decide where it is stored)."""
from __future__ import annotations

import math
import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

MAX_RECENT = 8
MAX_TABS = 100


class Settings:
    """Typed accessors over one QSettings store.

    A damaged store (unreadable, or a value that is not what DigitLab wrote)
    is cleared to the defaults when opened; `problem` then says so in one line.
    """

    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings()
        self._damaged: list[str] = []
        self.problem = self._reset_if_damaged()

    def _reset_if_damaged(self) -> str | None:
        status = self.store.status()
        for read in (lambda: self.brush_width(1.0), self.tab, self.recent_files, self.last_network):
            read()  # notes any damaged value
        if status == QSettings.Status.NoError and not self._damaged:
            return None
        what = self._damaged[0] if self._damaged else QCoreApplication.translate("Settings", "the file")
        self.store.clear()
        self.store.sync()
        self._damaged.clear()
        return QCoreApplication.translate(
            "Settings", "DigitLab's settings ({0}) were damaged ({1}); the defaults are used instead").format(
            self.store.fileName(), what)

    def _value(self, key: str, default, kind: type, valid=lambda value: True):
        """The stored value as `kind`, or `default` (and the key noted as damaged) if it is not one."""
        if not self.store.contains(key):
            return default
        try:
            value = self.store.value(key, default, type=kind)
            if valid(value):
                return value
        except (ValueError, OverflowError, TypeError):
            pass
        self._damaged.append(key)
        return default

    def brush_width(self, default: float) -> float:
        return float(self._value("canvas/brush_width", default, float, lambda w: math.isfinite(w) and w > 0))

    def set_brush_width(self, width: float) -> None:
        self.store.setValue("canvas/brush_width", float(width))

    def last_network(self) -> str:
        """The weight file of the network last used, or "" (a trained, unsaved one has none)."""
        return str(self._value("network/last_file", "", str))

    def set_last_network(self, path: str | Path | None) -> None:
        self.store.setValue("network/last_file", str(path) if path else "")

    def recent_files(self) -> list[str]:
        value = self._value("network/recent_files", [], list, lambda files: all(isinstance(f, str) for f in files))
        return [str(v) for v in value if v][:MAX_RECENT]

    def add_recent_file(self, path: str | Path) -> list[str]:
        """Put `path` first in the recent files (no duplicates); returns the new list."""
        path = str(Path(path).resolve())
        files = [path] + [f for f in self.recent_files() if f != path]
        self.store.setValue("network/recent_files", files[:MAX_RECENT])
        return files[:MAX_RECENT]

    def remove_recent_file(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        self.store.setValue("network/recent_files", [f for f in self.recent_files() if f != path])

    def geometry(self) -> QByteArray | None:
        value = self.store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self.store.setValue("window/geometry", geometry)

    def tab(self) -> int:
        """The index of the tab (Draw, Train...) shown when the window closed."""
        return int(self._value("window/tab", 0, int, lambda i: 0 <= i < MAX_TABS))

    def set_tab(self, index: int) -> None:
        self.store.setValue("window/tab", int(index))

    def sync(self) -> None:
        self.store.sync()


def with_default_suffix(path: str, suffix: str) -> str:
    """`path` with `suffix` (".npz") added when it has none: a file dialog hands back
    exactly what was typed, and a weight file named "mine" would be hidden by "*.npz"."""
    return path if not path or Path(path).suffix else path + suffix


def file_name_for(name: str, suffix: str) -> str:
    """A plain file name for a network's display name: "cnn adam (val 84.4%) + 2 epochs" -> "cnn-adam-2-epochs.npz".

    The accuracies in brackets, spaces and characters that trouble file systems or shells go.
    """
    stem = re.sub(r"\s*[(（][^()（）]*%[)）]", "", name)  # "(val 84.4%)", "(test 99.1%)", "（验证 84.4%）"
    stem = re.sub(r"[^\w.]+", "-", stem).strip("-.")
    return (stem or "network") + suffix
