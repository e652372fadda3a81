"""Driving the window in tests the way a reader would: open an article, select words."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.core.annotations.userdata import Annotation
from reader.ui.library_list.article_model import ID_ROLE
from reader.ui.window.main_window import MainWindow


def open_article(qtbot: QtBot, window: MainWindow, title_start: str) -> None:
    for row in range(window.model.rowCount()):
        if window.model.index(row, 0).data().startswith(title_start):
            wanted = window.model.index(row, 0).data(ID_ROLE)
            window.select_row(row)
            qtbot.waitUntil(lambda wanted=wanted: _shown(window, wanted), timeout=10_000)
            return
    raise AssertionError(f"no article titled {title_start!r}")


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until every background task asked for so far has finished and its answer was
    handled: after this, an answer that should never arrive (a stale search, an article
    opened too late) would have arrived, so asserting it did not can fail."""
    qtbot.waitUntil(window.tasks.idle, timeout=10_000)


def select_words(window: MainWindow, words: str, occurrence: int = 0) -> None:
    """Select text in the reading pane the way a mouse drag would leave it."""
    view = window.reading
    found = view.document().find(words)
    for _ in range(occurrence):
        found = view.document().find(words, found)
    assert not found.isNull(), f"{words!r} is not shown"
    view.setTextCursor(found)


def saved(window: MainWindow) -> list[Annotation]:
    window.tasks.wait_idle()
    userdata = window.session.userdata
    assert userdata is not None
    return userdata.all_annotations()


def highlighted_text(window: MainWindow) -> list[str]:
    document = window.reading.document()
    texts = []
    for start, end, _ in window.annotator.layer.spans:
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        texts.append(cursor.selectedText())
    return texts


def _shown(window: MainWindow, article_id: int) -> bool:
    opened = window.annotator.opened
    return opened is not None and opened.id == article_id
