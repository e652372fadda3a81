"""Opening what the reader hands the window: a drop on the list, the pane or the window,
and what another launch hands over. A folder is a library; an article of the open
library is shown in it; an article from elsewhere opens in a reading window of its own,
the library left as it was; anything else is refused, and said."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.ui.window.article_window import OPEN_ARTICLE_WINDOWS, ArticleWindow
from reader.ui.window.launch import current_window, open_request
from reader.ui.window.library_menu import remember_library
from reader.ui.window.main_window import MainWindow

ARTICLE = "---\ntitle: {0}\ndate: 2024-01-02\n---\n\n{0}: a paragraph about harbours.\n"


def _library(folder: Path, *titles: str) -> Path:
    folder.mkdir(parents=True)
    for title in titles:
        (folder / f"{title.lower()}.md").write_text(ARTICLE.format(title), encoding="utf-8")
    return folder


def drop(target: QWidget, *items: Path | str) -> QDropEvent:
    """Drag ``items`` (paths, or URLs as text) over ``target`` and drop them there."""
    mime = QMimeData()
    urls = [QUrl(i) if isinstance(i, str) else QUrl.fromLocalFile(str(i)) for i in items]
    mime.setUrls(urls)
    mime.setText("\n".join(url.toString() for url in urls))  # as file managers give them
    point = QPoint(target.width() // 2, target.height() // 2)
    action, buttons, keys = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, QDragEnterEvent(point, action, mime, buttons, keys))
    event = QDropEvent(QPointF(point), action, mime, buttons, keys)
    QApplication.sendEvent(target, event)
    return event


def reading_windows() -> list[ArticleWindow]:
    return [w for w in OPEN_ARTICLE_WINDOWS if w.isVisible()]


def shown_root(window: MainWindow | None = None) -> Path | None:
    window = window or current_window()
    return window.session.root.resolve() if window is not None else None


def shown_path(window: MainWindow | None = None) -> str | None:
    window = window or current_window()
    row = window.current_row() if window is not None else None
    return row.path if row is not None else None


@pytest.fixture(autouse=True)
def close_all(qtbot: QtBot) -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, (MainWindow, ArticleWindow)) and widget.isVisible():
            widget.close()


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    return _library(tmp_path / "elsewhere", "Lighthouse", "Tides")


TARGETS = ["list", "pane", "window", "search field"]


def target_of(window: MainWindow, where: str) -> QWidget:
    return {
        "list": window.list_view.viewport(),
        "pane": window.reading.viewport(),
        "window": window.statusBar(),  # the window's own frame, no child's
        "search field": window.search_field,  # a text field: the path is not typed in
    }[where]


@pytest.mark.parametrize("where", TARGETS)
def test_a_dropped_folder_opens_as_the_library_once_the_drop_is_over(
    window: MainWindow, elsewhere: Path, qtbot: QtBot, where: str
) -> None:
    event = drop(target_of(window, where), elsewhere)
    assert event.isAccepted()
    # Qt still delivers the drop to this window when our handler returns: replacing
    # the window there took the process down. It stands until the event is over.
    assert window.isVisible() and current_window() is window
    qtbot.waitUntil(lambda: shown_root() == elsewhere.resolve())
    qtbot.waitUntil(lambda: shown_path() is not None)
    assert window.search_field.text() == ""  # the path was not typed into the search


@pytest.mark.parametrize("where", TARGETS)
def test_a_dropped_article_of_the_library_is_shown_in_it(
    window: MainWindow, library: Path, qtbot: QtBot, where: str
) -> None:
    assert shown_path(window) != "harbour.md"
    drop(target_of(window, where), library / "harbour.md")
    qtbot.waitUntil(lambda: shown_path(window) == "harbour.md")
    assert window.isVisible() and shown_root(window) == library.resolve()


def test_a_dropped_article_from_elsewhere_opens_on_its_own_and_the_library_stays(
    window: MainWindow, library: Path, elsewhere: Path, qtbot: QtBot
) -> None:
    before = shown_path(window)
    drop(window.reading.viewport(), elsewhere / "tides.md")
    qtbot.waitUntil(lambda: len(reading_windows()) == 1)
    reading = reading_windows()[0]
    qtbot.waitUntil(lambda: "a paragraph about harbours" in reading.reading.toPlainText())
    assert "Tides" in reading.windowTitle()
    assert reading.focusWidget() is reading.reading  # the keys scroll it, never the offer
    assert window.isVisible() and current_window() is window  # nothing thrown away
    assert shown_root(window) == library.resolve() and shown_path(window) == before
    qtbot.waitUntil(reading.isActiveWindow)  # it came in front of the library
    qtbot.keyClick(reading.reading, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not reading_windows())


def test_refused_drops_are_said_and_open_nothing(
    window: MainWindow, library: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    gone = tmp_path / "gone.md"
    for items, said in (
        ((picture,), "photo.png is not a folder or an article file"),
        ((gone,), "is not there any more"),
        ((picture, gone), "none of the 2 items dropped"),
    ):
        window.statusBar().clearMessage()
        drop(window.list_view.viewport(), *items)
        qtbot.waitUntil(lambda said=said: said in window.statusBar().currentMessage())
    assert drop(window, "https://example.org/page.html").isAccepted() is False
    drop(window.search_field, "https://example.org/page.html")  # a web address is text
    assert window.search_field.text() == "https://example.org/page.html"
    assert not reading_windows() and current_window() is window
    assert shown_root(window) == library.resolve()


def test_of_several_items_dropped_the_first_that_opens_is_opened_and_the_rest_said(
    window: MainWindow, tmp_path: Path, elsewhere: Path, qtbot: QtBot
) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    drop(window, picture, elsewhere / "tides.md", elsewhere / "lighthouse.md", elsewhere)
    qtbot.waitUntil(lambda: len(reading_windows()) == 1)
    assert "tides.md" in str(reading_windows()[0].path)
    said = window.statusBar().currentMessage()
    assert "Opened tides.md" in said and "3 other items" in said


def test_a_handed_over_article_from_elsewhere_keeps_the_library(
    window: MainWindow, library: Path, elsewhere: Path, qtbot: QtBot
) -> None:
    open_request(elsewhere / "lighthouse.md")  # `article-reader FILE` while the window is open
    qtbot.waitUntil(lambda: len(reading_windows()) == 1)
    assert current_window() is window and shown_root(window) == library.resolve()


def test_a_handed_over_article_of_the_library_is_selected(
    window: MainWindow, library: Path, qtbot: QtBot
) -> None:
    open_request(library / "jardins.txt")
    qtbot.waitUntil(lambda: shown_path(window) == "jardins.txt")
    assert not reading_windows() and current_window() is window


def test_a_handed_over_path_that_is_no_article_is_refused(
    window: MainWindow, library: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    open_request(tmp_path / "no-such-folder")
    qtbot.waitUntil(lambda: "is not there any more" in window.statusBar().currentMessage())
    assert current_window() is window and shown_root(window) == library.resolve()


@pytest.mark.parametrize("folder", ["/", "home's parent"])
def test_a_folder_holding_the_whole_disk_or_the_home_is_refused(
    window: MainWindow, library: Path, qtbot: QtBot, folder: str
) -> None:
    asked = Path("/") if folder == "/" else Path.home().resolve().parent
    open_request(asked)  # another launch, or another program on the socket, asks for it
    qtbot.waitUntil(lambda: "holds the whole disk" in window.statusBar().currentMessage())
    assert current_window() is window and shown_root(window) == library.resolve()


def test_an_article_of_a_recent_library_is_offered_its_library(
    window: MainWindow, library: Path, elsewhere: Path, qtbot: QtBot
) -> None:
    remember_library(window.settings, elsewhere)
    remember_library(window.settings, library)  # the open one is still the last used
    drop(window, elsewhere / "lighthouse.md")
    qtbot.waitUntil(lambda: len(reading_windows()) == 1)
    reading = reading_windows()[0]
    assert "elsewhere" in reading.offer_label.text()
    qtbot.mouseClick(reading.offer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown_root() == elsewhere.resolve())
    qtbot.waitUntil(lambda: shown_path() == "lighthouse.md")
    assert not reading_windows()
