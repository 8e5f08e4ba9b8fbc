"""The start-up check for Qt's system libraries: one message, the exact install lines, and complete lists."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import system_check


def pretend_missing(monkeypatch, *absent):
    monkeypatch.setattr(system_check, "_loadable", lambda soname: soname not in absent)


def test_missing_xcb_libraries_print_one_message_with_both_install_lines(monkeypatch, capsys):
    pretend_missing(monkeypatch, "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0")
    monkeypatch.setattr(sys, "platform", "linux")
    with pytest.raises(SystemExit) as stop:
        system_check.exit_if_libraries_missing({"QT_QPA_PLATFORM": "xcb"})
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in err
    assert err.rstrip().endswith("sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms")
    assert "libxcb-icccm.so.4" in err and "Traceback" not in err


def test_nothing_missing_starts_quietly(monkeypatch, capsys):
    pretend_missing(monkeypatch)
    monkeypatch.setattr(sys, "platform", "linux")
    system_check.exit_if_libraries_missing({})
    assert capsys.readouterr().err == ""


def test_xcb_libraries_are_not_asked_for_on_other_platforms_or_systems(monkeypatch):
    pretend_missing(monkeypatch, "libxcb-icccm.so.4")
    assert system_check.missing_libraries("offscreen") == []
    assert system_check.missing_libraries("wayland") == []
    assert system_check.missing_libraries("xcb") == ["libxcb-icccm.so.4"]
    monkeypatch.setattr(sys, "platform", "win32")
    system_check.exit_if_libraries_missing({"QT_QPA_PLATFORM": "xcb"})  # returns: Windows needs nothing


def test_one_package_is_named_once_however_many_of_its_libraries_are_missing():
    message = system_check.install_message(["libxcb-shm.so.0", "libxcb-sync.so.1", "libglib-2.0.so.0",
                                            "libgthread-2.0.so.0"])
    assert message.endswith("sudo dnf install libxcb glib2")
    assert "sudo apt-get install libxcb-shm0 libxcb-sync1 libglib2.0-0\n" in message


@pytest.mark.parametrize(("environ", "platform"), [
    ({}, "xcb"), ({"XDG_SESSION_TYPE": "wayland"}, "wayland"), ({"QT_QPA_PLATFORM": "offscreen"}, "offscreen"),
    ({"QT_QPA_PLATFORM": "xcb;wayland", "XDG_SESSION_TYPE": "wayland"}, "xcb"),
    ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, "vnc"),
])
def test_platform_follows_qt_qpa_platform_then_the_session(environ, platform):
    assert system_check.platform_name(environ) == platform


def _needed(path: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=True).stdout
    return {line.split("[")[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line}


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("readelf"), reason="needs readelf")
def test_the_lists_cover_every_system_library_pysides_xcb_plugin_links():
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    bundled = {p.name for p in (qt / "lib").iterdir()}
    everywhere = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libz.so.1", "libzstd.so.1",
                  "libdl.so.2", "libpthread.so.0", "librt.so.1"}
    gui = set().union(*(_needed(qt / "lib" / f"libQt6{m}.so.6") for m in ("Core", "Gui", "Widgets", "DBus")))
    xcb = _needed(qt / "lib" / "libQt6XcbQpa.so.6") | _needed(qt / "plugins" / "platforms" / "libqxcb.so")
    system = {name for name in gui | xcb if name not in bundled and name not in everywhere
              and not name.startswith("ld-linux")}
    listed = set(system_check.QT_GUI_LIBRARIES) | set(system_check.XCB_LIBRARIES)
    assert system <= listed, f"not in app/system_check.py: {sorted(system - listed)}"
    assert {n for n in gui if n in system} <= set(system_check.QT_GUI_LIBRARIES)


def test_readme_lists_every_package_for_debian_and_fedora():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    table = {**system_check.QT_GUI_LIBRARIES, **system_check.XCB_LIBRARIES}
    assert "sudo apt-get install " + " ".join(dict.fromkeys(d for d, _ in table.values())) + "\n" in readme
    assert "sudo dnf install " + " ".join(dict.fromkeys(f for _, f in table.values())) + "\n" in readme
    assert "Windows and macOS need nothing" in readme
