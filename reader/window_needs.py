"""What the window needs from the system, checked before Qt gets the chance to fail.

Qt reports a missing system library as a Python traceback (at ``import PySide6.QtGui``)
and an X server it cannot reach with an abort (qFatal, status 134) that blames a
library. Each of these becomes one line naming what to do, and status 2; the command
line needs none of it. No Qt here: this runs before Qt is imported.
"""

from __future__ import annotations

import ctypes
import locale
import os
import re
import stat
import sys
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path

PROG = "article-reader"
COMMAND_LINE = f"The command line needs none: '{PROG} list|search …', see '{PROG} --help'."
# The shared libraries QtGui and QtWidgets load from the system, and Debian's package
# of each (the PySide6 wheels carry Qt itself, not these).
GUI_LIBRARIES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libX11.so.6": "libx11-6",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libpng16.so.16": "libpng16-16",
}
# What Qt's X11 platform plugin loads besides: without one of them Qt aborts.
XCB_LIBRARIES = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11-xcb.so.1": "libx11-xcb1",
}
# And what its Wayland platform plugin loads.
WAYLAND_LIBRARIES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}
# xcb_connection_has_error's codes, as a person would say them.
XCB_ERRORS = {
    1: "no X server answers there, or it refused this user",
    5: "not a display name",
    6: "the X server has no such screen",
}
# The loader's error, as ImportError carries it: "libGL.so.1: cannot open shared object
# file: …", or the file's path first when it is there but broken ("…/libGL.so.1: file
# too short").
LOADER_ERROR = re.compile(r"^(?:\S*/)?(lib[\w.+-]+?\.so(?:\.\d+)*): ")


def loadable(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing(libraries: Mapping[str, str], load: Callable[[str], bool] = loadable) -> list[str]:
    """Debian's packages for the libraries that cannot be loaded, each once, sorted."""
    return sorted({package for soname, package in libraries.items() if not load(soname)})


def install_line(packages: list[str], what: str) -> str:
    names = " ".join(packages)
    them = "them" if len(packages) > 1 else "it"
    return (
        f"{PROG}: {what}, install {names} (Debian: sudo apt install {names}); "
        f"the command line works without {them}."
    )


def missing_library_message(
    error: ImportError, load: Callable[[str], bool] = loadable
) -> str | None:
    """The line for an ImportError of Qt that is a shared library the system lacks, naming
    every one missing at once (the loader stops at the first); None for any other."""
    found = LOADER_ERROR.match(str(error))
    if found is None:
        return None
    soname = found.group(1)
    packages = missing(GUI_LIBRARIES, load)
    if soname in GUI_LIBRARIES:
        packages = sorted({*packages, GUI_LIBRARIES[soname]})
    if not packages:  # a library outside the table: name the file
        return (
            f"{PROG}: to open the window, install the package that provides {soname} "
            f"(Debian: apt-file search {soname}); the command line works without it."
        )
    return install_line(packages, "to open the window")


def _platforms(environ: Mapping[str, str]) -> list[str]:
    """The window systems Qt will try, as xcb and wayland; empty when it is not ours
    to judge (a headless or another platform)."""
    asked = [p.split(":")[0].strip() for p in environ.get("QT_QPA_PLATFORM", "").split(";")]
    asked = [p for p in asked if p]
    if not asked:
        found = ["wayland"] if environ.get("WAYLAND_DISPLAY") else []
        return found + (["xcb"] if environ.get("DISPLAY") else [])
    if all(p == "xcb" or p.startswith("wayland") for p in asked):
        return ["wayland" if p.startswith("wayland") else p for p in asked]
    return []


def xcb_error(display: str) -> int:
    """0 when the X server at ``display`` accepts a connection (its authorization
    honoured, as libxcb does for Qt), else xcb_connection_has_error's code."""
    xcb = ctypes.CDLL("libxcb.so.1")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(os.fsencode(display), None)
    try:
        return int(xcb.xcb_connection_has_error(connection))
    finally:
        xcb.xcb_disconnect(connection)


def _xcb_problem(environ: Mapping[str, str], load: Callable[[str], bool]) -> str | None:
    packages = missing(XCB_LIBRARIES, load)
    if packages:
        return install_line(packages, "to open the window on X11")
    display = environ.get("DISPLAY", "")
    if not display:
        return f"{PROG}: no X display to open the window on (DISPLAY is not set). {COMMAND_LINE}"
    error = xcb_error(display)
    if error:
        why = XCB_ERRORS.get(error, f"X connection error {error}")
        return f"{PROG}: cannot open the display '{display}' ({why}). {COMMAND_LINE}"
    return None


def _wayland_problem(environ: Mapping[str, str], load: Callable[[str], bool]) -> str | None:
    packages = missing(WAYLAND_LIBRARIES, load)
    if packages:
        return install_line(packages, "to open the window on Wayland")
    name = environ.get("WAYLAND_DISPLAY", "")
    if not name:
        return f"{PROG}: no Wayland display (WAYLAND_DISPLAY is not set). {COMMAND_LINE}"
    socket = Path(name) if name.startswith("/") else Path(environ.get("XDG_RUNTIME_DIR", "")) / name
    try:
        if stat.S_ISSOCK(socket.stat().st_mode):
            return None
    except OSError:
        pass
    return f"{PROG}: cannot open the Wayland display '{name}' (no socket {socket}). {COMMAND_LINE}"


def display_problem(
    environ: Mapping[str, str] = os.environ, load: Callable[[str], bool] = loadable
) -> str | None:
    """One line on why no window system Qt would try can be reached, or None when one
    can (or when Qt was asked for a platform that is not ours to judge)."""
    if sys.platform != "linux":
        return None
    problems = []
    for platform in _platforms(environ):
        check = _xcb_problem if platform == "xcb" else _wayland_problem
        problem = check(environ, load)
        if problem is None:
            return None
        problems.append(problem)
    return problems[0] if problems else None


def prefer_utf8_ctype(environ: MutableMapping[str, str] = os.environ) -> None:
    """Give Qt the UTF-8 character type it needs when the environment names none (LANG
    unset: a service, a container, a bare ``env -i``). Qt switches to C.UTF-8 itself
    then, but with a four-line warning; with LC_CTYPE set here it finds UTF-8 already.
    An explicit LC_ALL is the user's choice and is left alone, warning included."""
    if sys.platform != "linux" or environ.get("LC_ALL"):
        return
    saved = locale.setlocale(locale.LC_CTYPE)
    try:
        locale.setlocale(locale.LC_CTYPE, "")  # as Qt will: from the environment
        codeset = locale.nl_langinfo(locale.CODESET)
    except locale.Error:
        codeset = ""
    finally:
        locale.setlocale(locale.LC_CTYPE, saved)
    if codeset.replace("-", "").lower() != "utf8":
        environ["LC_CTYPE"] = "C.UTF-8"
