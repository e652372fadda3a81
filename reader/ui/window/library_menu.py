"""File → Open Folder…, the recent libraries, a folder dropped on the window, and a
window rebuilt in its own place (another library, or the interface in another language)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, QSettings
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from reader.ui.prefs.language import SETTING, chosen_language, current_language, install_language

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

RECENT_KEY = "libraries/recent"
RECENT_LIMIT = 8
OPEN_WINDOWS: set[MainWindow] = set()  # windows opened in another's place, kept alive here


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


def accept_drag(event: QDragEnterEvent) -> None:
    if dropped_folder(event.mimeData()) is not None:
        event.acceptProposedAction()


def drop(window: MainWindow, event: QDropEvent) -> None:
    folder = dropped_folder(event.mimeData())
    if folder is not None:
        event.acceptProposedAction()
        open_library(window, folder)


def open_library(window: MainWindow, folder: Path) -> None:
    """Open another library in a new window in this one's place."""
    if not folder.is_dir():
        window.show_notice(
            QCoreApplication.translate("LibraryMenu", "Not a folder: {0}").format(folder)
        )
        return
    if folder.resolve() != window.session.root.resolve():
        replace_window(window, folder)


def switch_language(window: MainWindow, choice: str) -> None:
    """Remember the interface language (system, en or fr); a change rebuilds the window."""
    window.settings.setValue(SETTING, choice)
    before = current_language()
    if install_language(chosen_language(window.settings)) != before:
        row = window.current_row()
        replacement = replace_window(window, window.session.root)
        if row is not None:  # the same article again, where the reader was in it
            replacement.session.opened.connect(lambda _: replacement.open_article(row.id))


def replace_window(window: MainWindow, folder: Path) -> MainWindow:
    """A new window on ``folder`` where this one was. This one closes first, so its
    library is closed (and its state saved) before the new one opens it."""
    from reader.ui.window.main_window import MainWindow

    geometry = window.geometry()
    window.close()
    replacement = MainWindow(folder, window.settings)
    OPEN_WINDOWS.add(replacement)
    replacement.setGeometry(geometry)
    replacement.show()
    return replacement


class LibraryMenu(QObject):
    def __init__(
        self, settings: QSettings, open_folder: Callable[[Path], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.open_folder = open_folder
        self.window = parent
        self.open_action = QAction(self.tr("&Open Folder…"), parent)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.ask)
        self.recent_menu = QMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self.fill_recent)

    def ask(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Open a Folder of Articles"))
        if folder:
            self.open_folder(Path(folder))

    def fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = recent_libraries(self.settings)
        for folder in recent:
            action = self.recent_menu.addAction(f"{folder.name}  —  {folder.parent}")
            action.triggered.connect(lambda _=False, f=folder: self.open_folder(f))
        if not recent:
            self.recent_menu.addAction(self.tr("No recent libraries")).setEnabled(False)
