"""A reading flow to trust: searching changes what the list shows, never what is open
or read; a search answered while indexing runs again; the reader's place is kept
(Escape after a search, Back and Forward, a relaunch, rows streaming in)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import QAbstractSlider, QApplication, QMenu
from pytestqt.qtbot import QtBot

from reader.ui.annotations import reading_state
from reader.ui.library_list import snippet_delegate
from reader.ui.library_list.article_model import ID_ROLE
from reader.ui.window.main_window import MainWindow
from tests.ui.driving import open_article, settle

LONG_BODY = "\n\n".join(f"Paragraph {n} of a long read about the tides." for n in range(200))


def shown_title(window: MainWindow) -> str:
    opened = window.annotator.opened
    row = window.model.article(opened.id) if opened is not None else None
    return row.title if row is not None else ""


def search(qtbot: QtBot, window: MainWindow, query: str) -> None:
    with qtbot.waitSignal(window.session.search.results_ready, timeout=10_000):
        window.search_field.setText(query)


def id_titled(window: MainWindow, title: str) -> int:
    for row in window.model._rows.values():
        if row.title == title:
            return row.id
    raise AssertionError(title)


def current_title(window: MainWindow) -> str:
    index = window.list_view.currentIndex()
    return str(index.siblingAtColumn(0).data()) if index.isValid() else ""


def in_view(window: MainWindow) -> bool:
    rect = window.list_view.visualRect(window.list_view.currentIndex())
    return rect.isValid() and window.list_view.viewport().rect().contains(rect.center())


def outlast_read_time(qtbot: QtBot) -> None:
    """Return once a read timer started before now would have fired: Qt fires timers in
    the order they fall due, and this one, twice as long and precise, falls due after it.
    (READ_AFTER_MS as the test set it, with ``quick_read``.)"""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(2 * reading_state.READ_AFTER_MS)
    with qtbot.waitSignal(timer.timeout, timeout=10_000):
        timer.start()


@pytest.fixture
def quick_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading_state, "READ_AFTER_MS", 150)


@pytest.fixture
def many(library: Path) -> Path:
    """The small library and 60 more articles, so a list has to scroll."""
    for n in range(60):
        text = f"---\ntitle: Filler {n:02d}\ndate: 2000-01-{n % 28 + 1:02d}\n---\n\nFiller {n}.\n"
        (library / f"filler{n:02d}.md").write_text(text, encoding="utf-8")
    return library


# --- results you can trust ------------------------------------------------------------


def test_a_search_typed_while_indexing_runs_again_when_the_index_is_complete(
    qtbot: QtBot, window: MainWindow, library: Path
) -> None:
    session = window.session
    session.refresh._running = True  # as during the first indexing
    search(qtbot, window, "harbour")
    assert "still indexing" in window.count_label.text()
    (library / "harbour2.md").write_text(
        "---\ntitle: Another harbour\ndate: 1990-01-01\n---\n\nThe harbour again.\n", "utf-8"
    )
    session.refresh._running = False
    window._update_count()  # the list is still the answer of a partial index: it says so
    assert "still indexing" in window.count_label.text()
    with qtbot.waitSignal(session.refresh.done, timeout=10_000):
        session.refresh.request()  # the indexing ends (and found the new file)
    qtbot.waitUntil(lambda: window.count_label.text() == "2 of 5 articles match", timeout=10_000)


def test_typing_a_query_opens_nothing_and_marks_nothing_read(
    qtbot: QtBot, quick_read: None, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    window = open_window(library)
    qtbot.waitUntil(lambda: window.annotator.opened is not None, timeout=10_000)
    launched = window.annotator.opened
    assert launched is not None
    outlast_read_time(qtbot)
    assert window.model.unread(launched.id)  # shown at launch, not chosen: not read
    search(qtbot, window, "harbour")
    settle(qtbot, window)  # an article the search opened would be shown by now
    outlast_read_time(qtbot)  # … and read
    assert window.annotator.opened is launched  # what is open did not change
    assert not window.list_view.currentIndex().isValid()  # no hit chosen yet
    assert all(window.model.unread(window.model.index(r, 0).data(ID_ROLE))
               for r in range(window.model.rowCount()))  # fmt: skip
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)  # the reader chooses the first hit
    qtbot.waitUntil(lambda: shown_title(window) == "The harbour at dawn", timeout=10_000)
    qtbot.waitUntil(lambda: not window.model.unread(id_titled(window, "The harbour at dawn")))


def test_the_article_shown_at_launch_counts_its_time_once_scrolled(
    qtbot: QtBot, quick_read: None, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    text = f"---\ntitle: The long read\ndate: 2030-01-01\n---\n\n{LONG_BODY}\n"
    (library / "long.md").write_text(text, encoding="utf-8")
    window = open_window(library)
    window.resize(900, 500)
    qtbot.waitUntil(lambda: shown_title(window) == "The long read", timeout=10_000)
    article_id = id_titled(window, "The long read")
    outlast_read_time(qtbot)
    assert window.model.unread(article_id)
    bar = window.reading.verticalScrollBar()
    bar.triggerAction(QAbstractSlider.SliderAction.SliderSingleStepAdd)  # the wheel, a key
    qtbot.waitUntil(lambda: not window.model.unread(article_id), timeout=5000)


def test_hit_rows_are_bold_only_while_unread(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_article(qtbot, window, "The harbour at dawn")
    window.state.toggle_read()  # read now
    search(qtbot, window, "harbour OR jardins")
    painted: dict[str, bool] = {}
    draw = snippet_delegate._draw_line

    def spy(painter: object, rect: object, text: str, font: QFont, *rest: object) -> None:
        painted.setdefault(text, font.bold())
        draw(painter, rect, text, font, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(snippet_delegate, "_draw_line", spy)
    window.list_view.viewport().grab()
    assert painted["The harbour at dawn"] is False
    assert painted["Jardins partagés : la ville en vert"] is True


# --- never lose your place ------------------------------------------------------------


def test_escape_after_a_search_brings_back_the_article_read(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], many: Path
) -> None:
    window = open_window(many)
    window.resize(1024, 600)
    open_article(qtbot, window, "Filler 03")
    search(qtbot, window, "harbour")
    window.search_field.setFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: current_title(window) == "Filler 03" and in_view(window))
    assert shown_title(window) == "Filler 03"
    # …or the hit opened last
    search(qtbot, window, "harbour")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: shown_title(window) == "The harbour at dawn", timeout=10_000)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.model.rowCount() == 64)
    qtbot.waitUntil(lambda: current_title(window) == "The harbour at dawn" and in_view(window))


def test_back_and_forward_through_the_list_search_and_mouse(
    qtbot: QtBot, window: MainWindow
) -> None:
    open_article(qtbot, window, "The harbour at dawn")
    harbour = id_titled(window, "The harbour at dawn")
    qtbot.waitUntil(lambda: window.history.current == harbour, timeout=10_000)  # read a moment
    search(qtbot, window, "jardins")
    qtbot.keyClick(window.search_field, Qt.Key.Key_Down)  # a hit
    qtbot.waitUntil(lambda: shown_title(window).startswith("Jardins"), timeout=10_000)
    jardins = id_titled(window, "Jardins partagés : la ville en vert")
    qtbot.waitUntil(lambda: window.history.current == jardins, timeout=10_000)
    window.activateWindow()
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: shown_title(window) == "The harbour at dawn", timeout=10_000)
    qtbot.keyClick(window.list_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: shown_title(window).startswith("Jardins"), timeout=10_000)
    viewport = window.reading.viewport()
    for button in (Qt.MouseButton.BackButton,):
        press = QMouseEvent(
            QMouseEvent.Type.MouseButtonPress, QPointF(QPoint(10, 10)), QPointF(QPoint(10, 10)),
            button, button, Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        QApplication.sendEvent(viewport, press)
    qtbot.waitUntil(lambda: shown_title(window) == "The harbour at dawn", timeout=10_000)
    menu_texts = [a.text().replace("&", "") for a in window.menuBar().actions()]
    article_menu = window.menuBar().actions()[menu_texts.index("Article")].menu()
    assert isinstance(article_menu, QMenu)
    names = [a.text().replace("&", "") for a in article_menu.actions()]
    assert "Back" in names and "Forward" in names
    assert window.history.forward_action.isEnabled()


def test_a_relaunch_reopens_the_last_article_where_it_was_read(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library: Path
) -> None:
    text = f"---\ntitle: The long read\ndate: 1900-01-01\n---\n\n{LONG_BODY}\n"
    (library / "long.md").write_text(text, encoding="utf-8")
    window = open_window(library)
    window.resize(900, 500)
    open_article(qtbot, window, "The long read")
    bar = window.reading.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    offset = window.reading.top_offset()
    assert offset > 0
    window.close()
    again = open_window(library)
    again.resize(900, 500)
    qtbot.waitUntil(lambda: shown_title(again) == "The long read", timeout=10_000)
    qtbot.waitUntil(lambda: abs(again.reading.top_offset() - offset) < 200, timeout=5000)
    assert current_title(again) == "The long read"
    assert again.list_view.hasFocus() or QApplication.focusWidget() is again.list_view


def test_rows_streaming_in_keep_the_selection_in_view(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], many: Path
) -> None:
    window = open_window(many)
    window.resize(1024, 600)
    open_article(qtbot, window, "The harbour at dawn")
    window.place.keep_visible()
    top = window.list_view.visualRect(window.list_view.currentIndex()).top()
    for n in range(40):  # newer: they sort above it
        text = f"---\ntitle: New {n:02d}\ndate: 2024-01-{n % 28 + 1:02d}\n---\n\nNew {n}.\n"
        (many / f"new{n:02d}.md").write_text(text, encoding="utf-8")
    window.session.refresh.request()
    qtbot.waitUntil(lambda: window.model.rowCount() == 104, timeout=15_000)
    assert current_title(window) == "The harbour at dawn"
    assert in_view(window)
    assert abs(window.list_view.visualRect(window.list_view.currentIndex()).top() - top) < 80
