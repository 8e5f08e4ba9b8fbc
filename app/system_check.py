"""Before Qt starts on Linux: are the system libraries it loads there?

PySide6 bundles Qt but not the X11 and OpenGL libraries Qt links to. When one
is missing, Qt aborts naming only the first, so installing that one fails
again on the next. This looks them all up first and prints one message with
the exact install lines. Windows and macOS need nothing: this does nothing there.

The lists come from the NEEDED entries of PySide6's libQt6Gui, libQt6DBus,
libQt6XcbQpa and platforms/libqxcb.so (`readelf -d`); tests/test_system_check.py
checks them against the installed PySide6. glibc, libstdc++, zlib and zstd are
on every system and are left out.
"""
from __future__ import annotations

import ctypes
import os
import sys

# soname: (Debian/Ubuntu package, Fedora package)
QT_GUI_LIBRARIES = {  # every platform, offscreen included, loads these with QtGui
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}
XCB_LIBRARIES = {  # Qt's X11 platform plugin adds these
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
}


def platform_name(environ=os.environ) -> str:
    """The Qt platform plugin this process will load: QT_QPA_PLATFORM, else what Qt picks by itself."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    return "wayland" if environ.get("XDG_SESSION_TYPE") == "wayland" else "xcb"


def _loadable(soname: str) -> bool:
    """Whether the dynamic linker finds `soname`, searching exactly as it will for Qt."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(platform: str) -> list[str]:
    """The sonames Qt needs for `platform` that cannot be loaded here, in table order."""
    wanted = dict(QT_GUI_LIBRARIES)
    if platform == "xcb":
        wanted.update(XCB_LIBRARIES)
    return [soname for soname in wanted if not _loadable(soname)]


def install_message(missing: list[str]) -> str:
    """One message naming the missing libraries and the exact apt-get and dnf lines."""
    table = {**QT_GUI_LIBRARIES, **XCB_LIBRARIES}
    debian = " ".join(dict.fromkeys(table[s][0] for s in missing))
    fedora = " ".join(dict.fromkeys(table[s][1] for s in missing))
    return (f"DigitLab cannot start: Qt needs system libraries that are missing here: {', '.join(missing)}.\n"
            f"  Debian/Ubuntu: sudo apt-get install {debian}\n"
            f"  Fedora:        sudo dnf install {fedora}")


def exit_if_libraries_missing(environ=os.environ) -> None:
    """On Linux, print install_message and exit with status 1 if Qt could not start; else do nothing."""
    if not sys.platform.startswith("linux"):
        return
    missing = missing_libraries(platform_name(environ))
    if missing:
        print(install_message(missing), file=sys.stderr)
        raise SystemExit(1)
