"""What the system lacks for the window is one line and status 2, never a traceback or
Qt's abort: a missing shared library, a display that cannot be reached; and a locale
that is not UTF-8 draws no warning from Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.window_needs import (
    display_problem,
    missing_library_message,
    prefer_utf8_ctype,
)

ROOT = Path(__file__).resolve().parents[2]
GONE = "cannot open shared object file: No such file or directory"


def _without(*sonames: str) -> Callable[[str], bool]:
    """A loader that finds every library but these."""
    return lambda soname: soname not in sonames


def test_a_missing_gl_names_every_missing_package_at_once() -> None:
    error = ImportError(f"libGL.so.1: {GONE}")
    message = missing_library_message(error, load=_without("libGL.so.1", "libEGL.so.1"))
    assert message == (
        "article-reader: to open the window, install libegl1 libgl1 "
        "(Debian: sudo apt install libegl1 libgl1); the command line works without them."
    )


def test_a_library_outside_the_table_is_named_by_its_file() -> None:
    error = ImportError(f"libfoo-3.so.2: {GONE}")
    message = missing_library_message(error, load=_without("libfoo-3.so.2"))
    assert message is not None and "apt-file search libfoo-3.so.2" in message


def test_a_broken_library_file_is_named_too() -> None:
    error = ImportError("/usr/lib/x86_64-linux-gnu/libEGL.so.1: file too short")
    message = missing_library_message(error, load=_without("libEGL.so.1"))
    assert message is not None and "install libegl1 " in message


def test_an_import_error_that_is_no_library_is_not_hidden() -> None:
    assert missing_library_message(ImportError("No module named 'PySide6'")) is None


def test_the_x11_plugins_libraries_are_named_before_the_display() -> None:
    environ = {"DISPLAY": ":42"}
    message = display_problem(environ, load=_without("libxcb-cursor.so.0"))
    assert message is not None and "install libxcb-cursor0 " in message


def test_the_wayland_plugins_libraries_are_named_before_the_socket() -> None:
    environ = {"WAYLAND_DISPLAY": "wayland-0"}
    message = display_problem(environ, load=_without("libwayland-cursor.so.0"))
    assert message is not None and "on Wayland, install libwayland-cursor0 " in message


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":42"}, None),
        ({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "nowhere-9"}, "Wayland display"),
        ({"WAYLAND_DISPLAY": "nowhere-9", "XDG_RUNTIME_DIR": "/nonexistent"}, "no socket"),
        ({"DISPLAY": "not a display"}, "not a display name"),
    ],
)
def test_display_problem(environ: dict[str, str], expected: str | None) -> None:
    problem = display_problem(environ)
    assert problem is None if expected is None else expected in str(problem)


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "C.UTF-8"),
        ({"LANG": "C"}, "C.UTF-8"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LC_ALL": "C"}, None),  # the user's explicit choice
    ],
)
def test_prefer_utf8_ctype(
    environ: dict[str, str], expected: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LANG", "LC_ALL", "LC_CTYPE"):  # what setlocale reads is the process's
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    prefer_utf8_ctype(environ)
    assert environ.get("LC_CTYPE") == expected


def _launch(environ: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    keep = ("PATH", "HOME", "TMPDIR")
    base = {k: v for k, v in os.environ.items() if k in keep}
    base.update(ARTICLE_READER_HOME=str(tmp_path / "data"), **environ)
    pythonpath = [environ["PYTHONPATH"]] if "PYTHONPATH" in environ else []
    base["PYTHONPATH"] = os.pathsep.join([*pythonpath, str(ROOT)])
    return subprocess.run(
        [sys.executable, "-m", "reader", str(tmp_path)],
        capture_output=True, text=True, env=base, cwd=ROOT, timeout=120,
    )  # fmt: skip


def test_an_unreachable_display_is_one_line_and_status_2(tmp_path: Path) -> None:
    result = _launch({"DISPLAY": ":42"}, tmp_path)
    assert result.returncode == 2, result  # not Qt's abort (134, or -6 by the signal)
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("article-reader: cannot open the display ':42' ("), line
    assert "article-reader list|search" in line


def test_a_missing_qt_library_is_one_line_and_status_2(tmp_path: Path) -> None:
    """Importing QtGui fails as it does on a system without libGL."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import sys\n"
        "class NoGL:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name in ('PySide6.QtGui', 'PySide6.QtWidgets'):\n"
        f"            raise ImportError('libGL.so.1: {GONE}')\n"
        "sys.meta_path.insert(0, NoGL())\n"
    )
    result = _launch({"PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}, tmp_path)
    assert result.returncode == 2, result
    [line] = result.stderr.splitlines()
    assert "install libgl1 (Debian: sudo apt install libgl1)" in line, line


def test_no_locale_warning_without_lang(tmp_path: Path) -> None:
    """As the bundle starts: LANG unset and no locale coercion by Python (an embedded
    Python leaves the C locale as it is)."""
    environ = {"QT_QPA_PLATFORM": "offscreen", "ARTICLE_READER_SMOKE_TEST": "1"}
    result = _launch({**environ, "PYTHONCOERCECLOCALE": "0"}, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "not UTF-8" not in result.stderr, result.stderr


def test_a_running_x_server_is_reachable(x_server: str) -> None:
    assert display_problem({"DISPLAY": x_server}) is None
