"""No silent failures: an unexpected exception anywhere in the window becomes one message and a log entry.

`install()` hooks sys.excepthook (exceptions in Qt slots and event
handlers arrive there, in whatever thread raised them) and
threading.excepthook. The traceback is appended to a log file in DigitLab's
data folder; the message says what failed, that the drawing, network and
settings are intact, and names the log. The window keeps running: a bug in
one slot must not cost the user their drawing or their trained network.
"""
from __future__ import annotations

import sys
import threading
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from app.data_folder import data_folder

LOG_NAME = "errors.log"

_lock = threading.Lock()
_log_path: Path | None = None
_reporter: CrashReporter | None = None  # the installed one, kept alive for the hooks


def log_path() -> Path:
    return _log_path if _log_path is not None else data_folder() / LOG_NAME


def log_exception(exc: BaseException) -> Path | None:
    """Append `exc`'s traceback to the log; its path, or None if the log cannot be written."""
    return _write_log("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


def log_traceback(text: str) -> Path | None:
    """Append a traceback already written out (one from a child process) to the log; its path, or None."""
    return _write_log(text)


def logged_note(path: Path | None) -> str:
    """" (details in /path/errors.log)", to end a one-line failure message; "" without a log."""
    return QCoreApplication.translate("CrashReport", " (details in {0})").format(path) if path else ""


def _write_log(text: str) -> Path | None:
    path = log_path()
    try:
        with _lock:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "a", encoding="utf-8") as f:
                f.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')}\n{text}\n")
    except OSError:
        return None
    return path


def describe(exc: BaseException) -> str:
    """"update_prediction (main_window.py:130): ZeroDivisionError: division by zero", on one line."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{frames[-1].name} ({Path(frames[-1].filename).name}:{frames[-1].lineno}): " if frames else ""
    detail = " ".join(str(exc).split())[:200]
    return f"{where}{type(exc).__name__}{': ' + detail if detail else ''}"


def message(summary: str, logged: Path | None) -> str:
    if logged:
        where = QCoreApplication.translate("CrashReport", "The details were written to {0}.").format(logged)
    else:
        where = QCoreApplication.translate("CrashReport", "The details could not be written to a log.")
    intact = QCoreApplication.translate("CrashReport",
                                        "Your drawing, network and settings are intact, and DigitLab keeps running.")
    return QCoreApplication.translate("CrashReport", "An unexpected error in {0}.").format(summary) + (
        f"\n\n{intact}\n\n{where}")


class CrashReporter(QObject):
    """Logs every unexpected exception and shows one message box at a time, on the GUI thread."""

    reported = Signal(str, object)  # one-line summary, log path or None; queued from other threads

    def __init__(self):
        super().__init__()
        self._showing = False
        self.reported.connect(self._show)

    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        logged = log_exception(exc)
        print(f"DigitLab: unexpected error, details in {logged}", file=sys.stderr)
        self.reported.emit(describe(exc), logged)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, summary: str, logged: Path | None) -> None:
        if self._showing:  # one box at a time; the log holds every error
            return
        self._showing = True
        try:
            title = QCoreApplication.translate("CrashReport", "DigitLab: something went wrong")
            QMessageBox.warning(QApplication.activeWindow(), title, message(summary, logged))
        finally:
            self._showing = False


def install(log: Path | None = None) -> CrashReporter:
    """Route every unexpected exception to a CrashReporter; call on the GUI thread once the
    QApplication exists. log: the log file (default: errors.log in the data folder)."""
    global _log_path, _reporter
    _log_path, _reporter = log, CrashReporter()
    sys.excepthook = _reporter.excepthook
    threading.excepthook = _reporter.thread_excepthook
    return _reporter
