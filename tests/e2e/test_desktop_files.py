"""The desktop files: valid by freedesktop's own validators, and put in (and taken out
of) a user's XDG data folder by ``article-reader desktop install|uninstall``."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from reader import desktop

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
DESKTOP_FILE = RESOURCES / "article-reader.desktop"
METAINFO = RESOURCES / desktop.METAINFO


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils / appstream)")
    return found


def test_the_desktop_entry_is_valid() -> None:
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP_FILE)], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_the_metainfo_is_valid() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_saved_web_pages_open_with_the_app() -> None:
    """Saved pages (.html, .xhtml, .mhtml) are articles: "Open with" offers the app for
    them, and the metainfo's provides says so to software centres."""
    entry = DESKTOP_FILE.read_text(encoding="utf-8").splitlines()
    types = next(line for line in entry if line.startswith("MimeType=")).split("=", 1)[1]
    pages = {"text/html", "application/xhtml+xml", "application/x-mimearchive"}
    assert pages | {"text/markdown", "text/plain", "inode/directory"} <= set(types.split(";"))
    metainfo = METAINFO.read_text(encoding="utf-8")
    for media_type in pages:
        assert f"<mediatype>{media_type}</mediatype>" in metainfo, media_type


def test_every_icon_size_is_there_at_its_size() -> None:
    for size in desktop.ICON_SIZES:
        png = RESOURCES / "icons" / f"article-reader-{size}.png"
        header = png.read_bytes()[:24]
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", header[16:24]) == (size, size), png.name


def test_install_then_uninstall(tmp_path: Path) -> None:
    launcher = tmp_path / "my apps" / "article-reader"  # a space: Exec quotes it
    written = desktop.install(tmp_path / "share", launcher)
    share = tmp_path / "share"
    entry = share / "applications" / "article-reader.desktop"
    assert entry in written
    assert f'Exec="{launcher}" %F' in entry.read_text(encoding="utf-8").splitlines()
    for size in desktop.ICON_SIZES:
        assert (share / "icons/hicolor" / f"{size}x{size}/apps/article-reader.png").is_file()
    assert (share / "icons/hicolor/scalable/apps/article-reader.svg").is_file()
    assert (share / "metainfo" / desktop.METAINFO).is_file()
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True)
        assert result.returncode == 0, result.stdout

    removed = desktop.uninstall(share)
    assert sorted(removed) == sorted(written)
    left = [p.name for p in share.rglob("*") if p.is_file()]
    assert left in ([], ["mimeinfo.cache"])  # update-desktop-database's index stays
    assert desktop.uninstall(share) == []  # twice is fine


def test_the_command_writes_under_xdg_data_home(tmp_path: Path) -> None:
    environment = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    command = [sys.executable, "-m", "reader", "desktop", "install"]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    entry = (tmp_path / "applications" / "article-reader.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    launcher = exec_line.removeprefix("Exec=").removesuffix(" %F").strip('"')
    assert Path(launcher).is_absolute() and Path(launcher).name == "article-reader"
    assert Path(launcher).exists()

    command[-1] = "uninstall"
    result = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "applications" / "article-reader.desktop").exists()
