"""File → Open Folder…, the recent libraries, and the interface's language: each asks for
the window to be rebuilt in its own place (another library, or the same one in another
language) through the ``replace`` it is given. A folder dropped on the window or handed
over by another launch comes here too, through :mod:`reader.ui.window.opening`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from reader.ui.plain_text import set_action_text
from reader.ui.prefs.language import SETTING, chosen_language, current_language, install_language

RECENT_KEY = "libraries/recent"
RECENT_LIMIT = 8

# Rebuild the window on a folder; True: show the same article again once it is open.
Replace = Callable[[Path, bool], object]


def recent_libraries(settings: QSettings) -> list[Path]:
    value = settings.value(RECENT_KEY, [])
    items: Iterable[object] = value if isinstance(value, (list, tuple)) else []
    paths = [value] if isinstance(value, str) else list(items)  # one item reads as str
    return [Path(str(p)) for p in paths if p and Path(str(p)).is_dir()]


def remember_library(settings: QSettings, folder: Path) -> None:
    folder = folder.resolve()
    others = [p for p in recent_libraries(settings) if p.resolve() != folder]
    settings.setValue(RECENT_KEY, [str(p) for p in [folder, *others][:RECENT_LIMIT]])


class LibraryMenu(QObject):
    def __init__(
        self,
        settings: QSettings,
        root: Path,
        replace: Replace,
        notice: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.root = root
        self.replace = replace
        self.notice = notice
        self.window = parent
        self.open_action = QAction(self.tr("&Open Folder…"), parent)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.ask)
        self.recent_menu = QMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self.fill_recent)

    def open_folder(self, folder: Path) -> None:
        """Open another library in a new window in this one's place."""
        if not folder.is_dir():
            self.notice(
                QCoreApplication.translate("LibraryMenu", "Not a folder: {0}").format(folder)
            )
            return
        if folder.resolve() != self.root.resolve():
            self.replace(folder, False)

    def switch_language(self, choice: str) -> None:
        """Remember the interface language (system, en or fr); a change rebuilds the window,
        on the same article, where the reader was in it."""
        self.settings.setValue(SETTING, choice)
        before = current_language()
        if install_language(chosen_language(self.settings)) != before:
            self.replace(self.root, True)

    def ask(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Open a Folder of Articles"))
        if folder:
            self.open_folder(Path(folder))

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = recent_libraries(self.settings)
        for folder in recent:
            action = self.recent_menu.addAction("")
            set_action_text(action, f"{folder.name}  —  {folder.parent}")
            action.triggered.connect(lambda _=False, f=folder: self.open_folder(f))
        if not recent:
            self.recent_menu.addAction(self.tr("No recent libraries")).setEnabled(False)
