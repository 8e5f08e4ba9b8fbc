"""What DigitLab remembers between runs, over QSettings (the organisation and
application names set in `app.main` decide where it is stored)."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8


class Settings:
    """Typed accessors over one QSettings store."""

    def __init__(self, store: QSettings | None = None):
        self.store = store if store is not None else QSettings()

    def brush_width(self, default: float) -> float:
        return float(self.store.value("canvas/brush_width", default, type=float))

    def set_brush_width(self, width: float) -> None:
        self.store.setValue("canvas/brush_width", float(width))

    def last_network(self) -> str:
        """The weight file of the network last used, or "" (a trained, unsaved one has none)."""
        return str(self.store.value("network/last_file", "", type=str))

    def set_last_network(self, path: str | Path | None) -> None:
        self.store.setValue("network/last_file", str(path) if path else "")

    def recent_files(self) -> list[str]:
        value = self.store.value("network/recent_files", [], type=list)
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
        return int(self.store.value("window/tab", 0, type=int))

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
    stem = re.sub(r"\s*\([^()]*%\)", "", name)  # "(val 84.4%)", "(test 99.1%)"
    stem = re.sub(r"[^\w.]+", "-", stem).strip("-.")
    return (stem or "network") + suffix
