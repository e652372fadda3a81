"""Launching as a desktop app is launched: --help names every command, --version, and
no display means one line and status 2, never Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import COMMANDS
from reader.entry import COMMAND_HELP, has_display, main


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_help_lists_every_command_with_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert set(COMMANDS) | {"desktop"} <= set(COMMAND_HELP)
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in COMMAND_HELP:
        assert any(line.split()[:1] == [command] for line in out.splitlines()), command


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"article-reader {__version__}\n"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, False),
        ({"DISPLAY": ":0"}, True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True),
        ({"QT_QPA_PLATFORM": "offscreen"}, True),
        ({"QT_QPA_PLATFORM": "xcb"}, False),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"}, False),
        ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, True),
    ],
)
def test_has_display(environ: dict[str, str], expected: bool) -> None:
    assert has_display(environ) is expected


def test_no_display_is_one_line_and_status_2(tmp_path: Path) -> None:
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = _run(str(tmp_path), env=environ)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "no display" in lines[0]
    assert "article-reader list|search" in lines[0]
