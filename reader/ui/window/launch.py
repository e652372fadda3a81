"""What a launch opens: the folder asked for, else the library used last, else the bundled
sample; an article asked for is then opened as a drop on the window would open it (see
:mod:`reader.ui.window.opening`), and so is what a later launch hands over.

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

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from reader.defaults import default_library
from reader.i18n import qm_path
from reader.ui.prefs.language import current_language
from reader.ui.window.library_menu import recent_libraries
from reader.ui.window.opening import library_holding
from reader.ui.window.single_instance import AlreadyRunning, claim_or_hand_over

if TYPE_CHECKING:
    from reader.core.catalog.store import CatalogRow
    from reader.ui.window.main_window import MainWindow

SMOKE_TEST = "ARTICLE_READER_SMOKE_TEST"


def initial_library(argument: Path | None, settings: QSettings) -> Path:
    """The library a launch opens: a folder given, else the reader's library that holds
    the article given, else the library used last, else the bundled sample library
    (read-only to us, as every library). An article outside the reader's libraries opens
    in a reading window of its own (see :mod:`reader.ui.window.opening`): its folder is
    never taken for a library."""
    if argument is not None:
        argument = argument.expanduser().absolute()
        if argument.is_dir():
            return argument
        from reader.core.article_file import refusal  # the parsers: an article was given

        if not refusal(argument) and (holding := library_holding(argument, settings)):
            return holding
    recent = recent_libraries(settings)
    return recent[0] if recent else default_library()


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
    window = MainWindow(initial_library(argument, settings), settings)
    if argument is not None and not argument.is_dir():  # once the window is shown
        QTimer.singleShot(0, window, lambda: window.opener.open_path(argument))
    smoke_test(window)
    return window


def current_window() -> MainWindow | None:
    from reader.ui.window.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    visible = [w for w in windows if w.isVisible()]
    return next(iter(visible or windows), None)


def open_request(target: Path | None) -> None:
    """Another launch asked for ``target`` (or nothing): come forward and open it here,
    as a drop on the window would."""
    window = current_window()
    if window is None:
        return
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
    if target is not None:
        window.opener.open_path(target)


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
