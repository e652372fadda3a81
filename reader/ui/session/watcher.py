"""Watch a library's folders and tell, debounced, that something changed.

QFileSystemWatcher on every folder catches files added, renamed, moved and
deleted. Editing a file in place changes no folder entry, so files are
watched too, up to MAX_WATCHED_FILES (inotify watches are a limited
resource); beyond that, in-place edits of unwatched files are picked up by
the next change in their folder or the next launch. It reports which folders
changed, so a refresh need only look at those. A path this user cannot read is not
handed to the watcher: inotify refuses it, and Qt would log a warning for every one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 300
MAX_WATCHED_FILES = 8000


class LibraryWatcher(QObject):
    changed = Signal(list)  # the folders whose entries changed (absolute paths)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self._changed: set[str] = set()
        self._watcher.directoryChanged.connect(self._poke)
        self._watcher.fileChanged.connect(lambda path: self._poke(os.path.dirname(path)))

    def add(self, folders: Iterable[str], files: Iterable[str]) -> None:
        """Watch these paths too (after a refresh of part of the library)."""
        current = set(self._watcher.directories()) | set(self._watcher.files())
        room = max(0, MAX_WATCHED_FILES - len(self._watcher.files()))
        fresh = set(folders) - current
        fresh |= set(list(set(files) - current)[:room])
        if fresh := _readable(fresh):
            self._watcher.addPaths(sorted(fresh))

    def watch(self, folders: Iterable[str], files: Iterable[str]) -> None:
        """Watch exactly these paths (only the difference is added or removed)."""
        wanted = set(folders)
        for path in files:
            if len(wanted) >= MAX_WATCHED_FILES:
                break
            wanted.add(path)
        current = set(self._watcher.directories()) | set(self._watcher.files())
        stale = current - wanted
        fresh = wanted - current
        if stale:
            self._watcher.removePaths(sorted(stale))
        if fresh := _readable(fresh):
            self._watcher.addPaths(sorted(fresh))

    def paths(self) -> list[str]:
        return self._watcher.directories() + self._watcher.files()

    def clear(self) -> None:
        paths = self.paths()
        if paths:
            self._watcher.removePaths(paths)
        self._timer.stop()
        self._changed.clear()

    def _poke(self, folder: str) -> None:
        self._changed.add(folder)
        self._timer.start()  # restart: a burst of changes makes one refresh

    def _emit(self) -> None:
        changed, self._changed = sorted(self._changed), set()
        self.changed.emit(changed)


def _readable(paths: set[str]) -> set[str]:
    """The paths inotify will watch for this user (a mode-000 file is refused)."""
    return {path for path in paths if os.access(path, os.R_OK)}
