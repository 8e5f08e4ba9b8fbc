"""An unexpected exception in a slot or a worker thread: one message, a log entry, and the window lives on."""

import sys
import threading

import pytest
from PySide6.QtCore import QTimer

from app import crash_report


@pytest.fixture
def reporter(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(crash_report, "_log_path", crash_report._log_path)
    return crash_report.install(log=tmp_path / "data" / "errors.log")


def broken_slot():
    return 1 / 0


@pytest.mark.qt_no_exception_capture
def test_a_slot_that_raises_shows_one_message_and_logs_the_traceback(reporter, make_window, messages,
                                                                     qtbot, tmp_path, capsys):
    window = make_window(tmp_path)  # no networks: they play no part here
    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    [(kind, title, text)] = messages
    log = tmp_path / "data" / "errors.log"
    assert "broken_slot" in text and "ZeroDivisionError" in text
    assert "drawing, network and settings are intact" in text
    assert str(log) in text
    logged = log.read_text()
    assert "Traceback (most recent call last)" in logged and "return 1 / 0" in logged
    assert "Traceback" not in capsys.readouterr().err  # one line on stderr, the traceback in the log
    assert window.isVisible()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_worker_thread_reaches_the_window(reporter, messages, qtbot, tmp_path):
    def work():
        raise RuntimeError("the worker broke")

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)  # queued to the GUI thread
    assert "RuntimeError: the worker broke" in messages[0][2]
    assert "the worker broke" in (tmp_path / "data" / "errors.log").read_text()


def test_a_log_that_cannot_be_written_is_said_so(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setattr(crash_report, "_log_path", blocker / "errors.log")  # a folder that is a file
    try:
        broken_slot()
    except ZeroDivisionError as exc:
        assert crash_report.log_exception(exc) is None
    assert "could not be written" in crash_report.message("x", None)
