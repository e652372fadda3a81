"""File → Open Folder…, the recent libraries, and a folder dropped on the window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

RECENT_KEY = "libraries/recent"
RECENT_LIMIT = 8


def recent_libraries(settings: QSettings) -> list[Path]:
    value = settings.value(RECENT_KEY, [])
    paths = [value] if isinstance(value, str) else list(value or [])  # one item reads as str
    return [Path(p) for p in paths if p and Path(p).is_dir()]


def remember_library(settings: QSettings, folder: Path) -> None:
    folder = folder.resolve()
    others = [p for p in recent_libraries(settings) if p.resolve() != folder]
    settings.setValue(RECENT_KEY, [str(p) for p in [folder, *others][:RECENT_LIMIT]])


def dropped_folder(mime: QMimeData) -> Path | None:
    """The first local folder among dropped URLs, if any."""
    for url in mime.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).is_dir():
            return Path(url.toLocalFile())
    return None


class LibraryMenu(QObject):
    def __init__(
        self, settings: QSettings, open_folder: Callable[[Path], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.open_folder = open_folder
        self.window = parent
        self.open_action = QAction("&Open Folder…", parent)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.ask)
        self.recent_menu = QMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self.fill_recent)

    def ask(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Open a Folder of Articles")
        if folder:
            self.open_folder(Path(folder))

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = recent_libraries(self.settings)
        for folder in recent:
            action = self.recent_menu.addAction(f"{folder.name}  —  {folder.parent}")
            action.triggered.connect(lambda _=False, f=folder: self.open_folder(f))
        if not recent:
            self.recent_menu.addAction("No recent libraries").setEnabled(False)
