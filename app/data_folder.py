"""Where DigitLab keeps what it writes for the user: results and the error log."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

APP_FOLDER = "DigitLab"


def data_folder() -> Path:
    """The user's own data folder for DigitLab, whatever directory the program was started from
    (the working directory if the platform has none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(location) / APP_FOLDER if location else Path.cwd()
