"""A file the user cannot read is not handed to the file watcher: inotify refuses it and
Qt would log "Permission denied" for each one, filling the log of a library with a few
locked files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.ui.session import watcher as watcher_module
from reader.ui.session.watcher import LibraryWatcher


def _files(folder: Path) -> tuple[Path, Path]:
    readable, locked = folder / "a.txt", folder / "locked.txt"
    readable.write_text("A\n\nbody\n", encoding="utf-8")
    locked.write_text("B\n\nbody\n", encoding="utf-8")
    return readable, locked


def test_a_path_that_cannot_be_read_is_not_watched(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readable, locked = _files(tmp_path)
    real_access = os.access
    monkeypatch.setattr(
        watcher_module.os,
        "access",
        lambda path, mode: path != str(locked) and real_access(path, mode),
    )
    watcher = LibraryWatcher()
    watcher.watch([str(tmp_path)], [str(readable), str(locked)])
    watcher.add([], [str(locked)])
    assert set(watcher.paths()) == {str(tmp_path), str(readable)}
    watcher.clear()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a mode-000 file")
def test_a_mode_000_file_draws_no_warning(qtbot: QtBot, tmp_path: Path) -> None:
    readable, locked = _files(tmp_path)
    locked.chmod(0)
    try:
        watcher = LibraryWatcher()  # a Qt warning fails the test (qt_log_level_fail)
        watcher.watch([str(tmp_path)], [str(readable), str(locked)])
        assert str(locked) not in watcher.paths()
        watcher.clear()
    finally:
        locked.chmod(0o644)
