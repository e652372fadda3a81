"""What a launch opens: the folder or article asked for, else the library used last, else
the bundled sample; and an article shown once its library lists it.

``ARTICLE_READER_SMOKE_TEST=SECONDS`` (for packaging checks, not for people): once the
window's library is scanned, print one JSON line on stdout (the language in effect, the
translation file loaded, the library, how many articles, when the list was first shown
and when complete) and close the window that many seconds later: the app exits by itself.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from reader.defaults import default_library
from reader.i18n import qm_path
from reader.ui.prefs.language import current_language
from reader.ui.window.library_menu import recent_libraries
from reader.ui.window.single_instance import AlreadyRunning, claim_or_hand_over

if TYPE_CHECKING:
    from reader.core.catalog.store import CatalogRow
    from reader.ui.window.main_window import MainWindow

SMOKE_TEST = "ARTICLE_READER_SMOKE_TEST"


def split_target(target: Path) -> tuple[Path, Path | None]:
    """A folder is a library; a file is an article shown in its folder."""
    target = target.expanduser().absolute()
    if target.is_file():
        return target.parent, target
    return target, None


def initial_target(argument: Path | None, settings: QSettings) -> tuple[Path, Path | None]:
    """The library (and article) a launch opens: the argument, else the library used last,
    else the bundled sample library (read-only to us, as every library)."""
    if argument is not None:
        return split_target(argument)
    recent = recent_libraries(settings)
    return (recent[0] if recent else default_library()), None


class _ArticleShower(QObject):
    """Shows one article of a window's library as soon as the list has it: at once, when
    the catalog is read, or when a first scan of a new library finds it."""

    def __init__(self, window: MainWindow, relative: str) -> None:
        super().__init__(window)
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


def show_article(window: MainWindow, article: Path | None) -> None:
    """Show ``article`` (a file of the window's library) once the library lists it."""
    if article is None:
        return
    try:
        relative = article.resolve().relative_to(window.session.root.resolve()).as_posix()
    except ValueError:
        return
    article_id = window.model.id_of_path(relative)
    if article_id is not None:
        window.open_article(article_id)
    else:
        _ArticleShower(window, relative)


def open_first_window(argument: Path | None, settings: QSettings) -> MainWindow | None:
    """The window of this launch, not yet shown; None when a running instance took the
    argument instead (this process then exits 0). Exits 1 if that instance is stuck."""
    from reader.ui.window.main_window import MainWindow

    try:
        instance = claim_or_hand_over(argument)
    except AlreadyRunning as exc:
        raise SystemExit(str(exc)) from exc
    if instance is None:
        return None
    instance.setParent(QCoreApplication.instance())  # listens as long as the app runs
    instance.requested.connect(open_request)
    library, article = initial_target(argument, settings)
    window = MainWindow(library, settings)
    show_article(window, article)
    smoke_test(window)
    return window


def current_window() -> MainWindow | None:
    from reader.ui.window.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    visible = [w for w in windows if w.isVisible()]
    return next(iter(visible or windows), None)


def open_request(target: Path | None) -> None:
    """Another launch asked for ``target`` (or nothing): come forward and open it here."""
    window = current_window()
    if window is None:
        return
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    if target is None:
        return
    library, article = split_target(target)
    window.libraries.open_folder(library)  # another library: a window in this one's place
    window = current_window()
    if window is not None and library.resolve() == window.session.root.resolve():
        show_article(window, article)


def smoke_test(window: MainWindow) -> None:
    """See the module's docstring; does nothing unless the variable is set."""
    seconds = os.environ.get(SMOKE_TEST, "")
    if not seconds:
        return
    shown: list[float] = []

    def listed(_rows: list[CatalogRow]) -> None:  # the window shows the catalog's list
        shown.append(time.time())

    def report() -> None:  # the folder is scanned: every article is listed
        lang = current_language()
        line = {
            "shown_at": shown[0] if shown else None,
            "listed_at": time.time(),
            "language": lang,
            "translation": str(qm_path(lang)) if lang != "en" else None,
            "library": str(window.session.root),
            "articles": window.model.rowCount(),
            "title": window.windowTitle(),
        }
        print(json.dumps(line, ensure_ascii=False), flush=True)
        QTimer.singleShot(int(float(seconds) * 1000), window.close)

    def failed(message: str) -> None:
        print(f"the library cannot be opened: {message}", file=sys.stderr, flush=True)
        QTimer.singleShot(0, window.close)

    once = Qt.ConnectionType.SingleShotConnection
    window.session.opened.connect(listed, type=once)
    window.session.refresh.done.connect(report, type=once)
    window.session.open_failed.connect(failed, type=once)
