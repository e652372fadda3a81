"""What a path the reader hands the window opens: one rule for a drop, a launch with an
argument and a launch handed over to the running window.

* A folder opens as a library, in the window's place (File → Open Folder… does the same).
* An article file of the open library is shown in it, selected in the list.
* An article file outside it opens in a reading window of its own
  (:mod:`reader.ui.window.article_window`): the library the reader has open stays as it
  was, and no folder is indexed because a file was opened from it.
* Anything else (a path that is gone, a file that is no article, a web address) is
  refused, and the window says why: it is never handed to a library, nor to Qt.

A drop is acted on only after its event has returned: a window replaced while Qt is
still delivering the drop to it takes the process down with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from reader.ui.library_list.article_model import ArticleListModel
from reader.ui.session.library_session import LibrarySession
from reader.ui.window.article_window import ArticleWindow
from reader.ui.window.library_menu import LibraryMenu, recent_libraries


class LibraryWindow(Protocol):
    """What opening needs of the window: its library, its list and its notices."""

    settings: QSettings
    session: LibrarySession
    libraries: LibraryMenu
    opener: Opener

    @property
    def model(self) -> ArticleListModel: ...  # read only: the window's may be a subclass

    def open_article(self, article_id: int, annotation_id: str = "") -> None: ...
    def show_notice(self, text: str) -> None: ...
    def replace_with(self, folder: Path, same_article: bool = False) -> LibraryWindow: ...


def inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def library_holding(path: Path, settings: QSettings) -> Path | None:
    """The reader's library that holds ``path``: the most recently used of those that do."""
    return next((folder for folder in recent_libraries(settings) if inside(path, folder)), None)


def refusal_text(path: Path) -> str:
    """Why the window does not open ``path`` ("" when it does), in the reader's language."""
    from reader.core.article_file import article_kinds, refusal  # the parsers: as needed

    why = refusal(path)
    if why == "missing":
        return QCoreApplication.translate(
            "Opening", "Not opened: {0} is not there any more."
        ).format(path)
    if why == "too-broad":
        return QCoreApplication.translate(
            "Opening",
            "Not opened: {0} holds the whole disk or your home folder; open a folder of articles.",
        ).format(path)
    if why == "not-article":
        return QCoreApplication.translate(
            "Opening", "Not opened: {0} is not a folder or an article file ({1})."
        ).format(path.name, article_kinds())
    return ""


def library_windows() -> list[QWidget]:
    """The library windows open, the visible first."""
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(_opener_of(w), Opener)]
    return sorted(windows, key=lambda w: not w.isVisible())


def _opener_of(widget: QWidget) -> object:
    return getattr(widget, "opener", None)


class Opener(QObject):
    """Opens what the reader hands one library window (see the module's docstring)."""

    def __init__(self, window: LibraryWindow, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = window

    def open_path(self, path: Path) -> QWidget | None:
        """Open ``path`` on purpose, or say why not; the window that shows it, if it is
        another one (a reading window), else None."""
        path = path.expanduser().absolute()
        why = refusal_text(path)
        if why:
            self.window.show_notice(why)
            return None
        if path.is_dir():
            self.window.libraries.open_folder(path)
            return None
        if inside(path, self.window.session.root):
            show_in_list(self.window, path)
            return None
        return self.open_alone(path)

    def open_alone(self, path: Path) -> ArticleWindow:
        """``path`` in a reading window of its own, in front of this one."""
        library = library_holding(path, self.window.settings)
        reading = ArticleWindow(path, self.window.settings, library, open_in_library)
        reading.show()
        reading.raise_()
        reading.activateWindow()
        return reading

    # --- drag and drop --------------------------------------------------------------

    def watch(self, *fields: QWidget) -> None:
        """Files dropped on these text fields are opened, not typed into them as paths
        (a drag of text, or of a web address, still lands there as text)."""
        for field in fields:
            field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            assert isinstance(event, QDropEvent)  # the base of the three
            if any(url.isLocalFile() for url in event.mimeData().urls()):
                if kind == QEvent.Type.Drop:
                    self.drop(event)
                else:
                    self.accept_drag(event)
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def accept_drag(event: QDropEvent) -> None:
        """Local files and folders are welcome (a refused one is told why on the drop)."""
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, self, lambda: self.open_dropped(paths))

    def open_dropped(self, paths: list[Path]) -> None:
        """The first of ``paths`` that can be opened is opened: one drop, one thing to
        read (a window per file of a careless selection would bury the reader). The
        window says what it left."""
        chosen = next((path for path in paths if not refusal_text(path)), None)
        if chosen is None:
            self.window.show_notice(
                refusal_text(paths[0])
                if len(paths) == 1
                else QCoreApplication.translate(
                    "Opening",
                    "Not opened: none of the {0} items dropped is a folder or an article.",
                ).format(len(paths))
            )
            return
        self.open_path(chosen)
        if len(paths) > 1:
            notice = QCoreApplication.translate(
                "Opening",
                "Opened {0}; the {1} other items dropped were left: drop them one by one.",
            )
            say(notice.format(chosen.name, len(paths) - 1))


def say(text: str) -> None:
    """A notice in the library window shown now (another may have taken this one's place)."""
    windows = library_windows()
    if windows:
        show_notice = getattr(windows[0], "show_notice", None)
        if callable(show_notice):
            show_notice(text)


def open_in_library(folder: Path, path: Path) -> None:
    """The reading window's offer: the library window opens ``folder`` (in its place, if
    it has another) and shows ``path`` there."""
    windows = library_windows()
    opener = _opener_of(windows[0]) if windows else None
    if not isinstance(opener, Opener):
        return
    window = opener.window
    if folder.resolve() != window.session.root.resolve():
        window = window.replace_with(folder)
    show_in_list(window, path)


class _ArticleShower(QObject):
    """Shows one article of a window's library as soon as the list has it: at once, when
    the catalog is read, or when a first scan of a new library finds it."""

    def __init__(self, window: LibraryWindow, relative: str, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        self.relative = relative
        window.session.opened.connect(self._attempt)
        window.session.refresh.rows_changed.connect(self._attempt)
        window.session.refresh.done.connect(self._give_up_unless_found)

    def _attempt(self, *_: object) -> bool:
        article_id = self.window.model.id_of_path(self.relative)
        if article_id is None:
            return False
        self.window.open_article(article_id)
        self._done()
        return True

    def _give_up_unless_found(self) -> None:
        if not self._attempt():  # not an article (a binary file, hidden…): the list is shown
            self._done()

    def _done(self) -> None:
        session = self.window.session
        for signal, slot in (
            (session.opened, self._attempt),
            (session.refresh.rows_changed, self._attempt),
            (session.refresh.done, self._give_up_unless_found),
        ):
            signal.disconnect(slot)
        self.deleteLater()


def show_in_list(window: LibraryWindow, article: Path) -> None:
    """Show ``article`` (a file of the window's library) once the library lists it."""
    try:
        relative = article.resolve().relative_to(window.session.root.resolve()).as_posix()
    except ValueError:
        return
    article_id = window.model.id_of_path(relative)
    if article_id is not None:
        window.open_article(article_id)
    else:
        _ArticleShower(window, relative, window.opener)
