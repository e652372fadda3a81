"""Triage by keyboard alone: L puts an article in Later, E in the Archive, Shift+I back in
the inbox; the views' counts follow; Ctrl+Z takes a move back; Alt+arrows order the
queue; Space at the end of an article read from the queue goes to the queue's next."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.triage.triage import Triage
from reader.ui.library_list.article_model import ID_ROLE
from reader.ui.window.main_window import MainWindow
from reader.ui.window.shortcuts_dialog import ShortcutsDialog
from tests.ui.driving import open_article, settle

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def listed(window: MainWindow) -> list[int]:
    return [window.model.index(r, 0).data(ID_ROLE) for r in range(window.model.rowCount())]


def shown_id(window: MainWindow) -> int | None:
    opened = window.annotator.opened
    return opened.id if opened is not None else None


def saved(qtbot: QtBot, window: MainWindow) -> Triage:
    settle(qtbot, window)
    userdata = window.session.userdata
    assert userdata is not None
    return Triage(userdata)


def tab_texts(window: MainWindow) -> list[str]:
    tabs = window.triage.tabs
    return [tabs.tabText(n) for n in range(tabs.count())]


def open_and_press(qtbot: QtBot, window: MainWindow, title: str, key: Qt.Key) -> int:
    """Open the article titled so, press ``key`` in the list; the article's id."""
    open_article(qtbot, window, title)
    article_id = shown_id(window)
    assert article_id is not None
    qtbot.keyClick(window.list_view, key)
    return article_id


def test_l_e_and_shift_i_move_the_article_shown_and_ctrl_z_takes_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    window.list_view.setFocus()
    assert tab_texts(window) == ["Current", "Inbox 4", "Later 0", "Archive 0"]

    harbour = open_and_press(qtbot, window, "The harbour at dawn", Qt.Key.Key_L)
    assert window.model.place_of(harbour) == "later"
    assert tab_texts(window)[1:] == ["Inbox 3", "Later 1", "Archive 0"]
    assert saved(qtbot, window).queue() == [harbour]

    qtbot.keyClick(window.list_view, Qt.Key.Key_E)  # the same article, now to the Archive
    assert harbour not in listed(window)  # the default view hides the Archive
    qtbot.waitUntil(lambda: shown_id(window) not in (None, harbour))  # the next row's
    assert tab_texts(window)[1:] == ["Inbox 3", "Later 0", "Archive 1"]
    assert saved(qtbot, window).states() == {harbour: "archive"}

    qtbot.keyClick(window.list_view, Qt.Key.Key_Z, CTRL)  # back to Later, at its place
    assert harbour in listed(window)
    assert tab_texts(window)[1:] == ["Inbox 3", "Later 1", "Archive 0"]
    assert saved(qtbot, window).queue() == [harbour]

    open_article(qtbot, window, "The harbour at dawn")
    qtbot.keyClick(window.list_view, Qt.Key.Key_I, SHIFT)
    assert window.model.place_of(harbour) == "inbox"
    assert saved(qtbot, window).states() == {}
    qtbot.keyClick(window.list_view, Qt.Key.Key_Z, CTRL)
    assert saved(qtbot, window).states() == {harbour: "later"}


def test_the_views_show_their_articles_and_a_search_finds_the_archived(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    window.list_view.setFocus()
    harbour = open_and_press(qtbot, window, "The harbour at dawn", Qt.Key.Key_E)
    settle(qtbot, window)
    qtbot.keyClick(window.list_view, Qt.Key.Key_4, ALT)  # View → Views → Archive
    assert window.triage.tabs.currentIndex() == 3
    assert listed(window) == [harbour]
    assert "1 of 4 articles shown" in window.count_label.text()
    qtbot.keyClick(window.list_view, Qt.Key.Key_2, ALT)  # the Inbox: the three others
    assert len(listed(window)) == 3 and harbour not in listed(window)
    qtbot.keyClick(window.list_view, Qt.Key.Key_1, ALT)  # Current: not archived
    assert harbour not in listed(window)

    qtbot.keyClick(window.list_view, Qt.Key.Key_Slash)
    qtbot.keyClicks(window.search_field, "harbour")
    qtbot.waitUntil(lambda: harbour in listed(window), timeout=10_000)  # found, archived


def test_several_rows_selected_move_together(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.list_view.setFocus()
    open_article(qtbot, window, listed_title(window, 0))
    qtbot.keyClick(window.list_view, Qt.Key.Key_Down, SHIFT)
    chosen = set(listed(window)[:2])
    assert len(window.list_view.selectionModel().selectedRows()) == 2
    qtbot.keyClick(window.list_view, Qt.Key.Key_L)
    assert {i for i in chosen if window.model.place_of(i) == "later"} == chosen
    assert set(saved(qtbot, window).queue()) == chosen


def listed_title(window: MainWindow, row: int) -> str:
    return str(window.model.index(row, 0).data())


def test_the_queue_is_ordered_by_keys_and_space_goes_to_its_next(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    window.list_view.setFocus()
    titles = ["The harbour at dawn", "Jardins partagés", "Le Mali"]
    queued = [open_and_press(qtbot, window, title, Qt.Key.Key_L) for title in titles]
    assert saved(qtbot, window).queue() == queued
    qtbot.keyClick(window.list_view, Qt.Key.Key_3, ALT)  # the Later view: in queue order
    assert listed(window) == queued

    open_article(qtbot, window, "Le Mali")  # the last: to the top, then down one
    qtbot.keyClick(window.list_view, Qt.Key.Key_Home, ALT)
    assert listed(window) == [queued[2], queued[0], queued[1]]
    qtbot.keyClick(window.list_view, Qt.Key.Key_Down, ALT)
    order = [queued[0], queued[2], queued[1]]
    assert listed(window) == order
    assert saved(qtbot, window).queue() == order
    qtbot.keyClick(window.list_view, Qt.Key.Key_Z, CTRL)  # a queue move is undone too
    assert saved(qtbot, window).queue() == [queued[2], queued[0], queued[1]]
    qtbot.keyClick(window.list_view, Qt.Key.Key_Z, CTRL)
    assert saved(qtbot, window).queue() == queued

    open_article(qtbot, window, "The harbour at dawn")  # short: its end is in view
    qtbot.keyClick(window.reading, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: shown_id(window) == queued[1])
    qtbot.keyClick(window.reading, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: shown_id(window) == queued[2])


def test_finishing_an_article_of_the_queue_archives_it_when_asked(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    window.list_view.setFocus()
    finish = window.triage.finishing.archive_action
    assert not finish.isChecked()  # off unless the reader turns it on
    queued = [open_and_press(qtbot, window, t, Qt.Key.Key_L) for t in ("Le Mali", "Jardins")]
    qtbot.keyClick(window.list_view, Qt.Key.Key_3, ALT)
    open_article(qtbot, window, "Le Mali")
    qtbot.keyClick(window.reading, Qt.Key.Key_Space)  # at the end, finish off: not archived
    qtbot.waitUntil(lambda: shown_id(window) == queued[1])
    assert window.model.place_of(queued[0]) == "later"

    finish.trigger()
    open_article(qtbot, window, "Le Mali")
    qtbot.keyClick(window.reading, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: shown_id(window) == queued[1])  # the queue's next, as before
    assert saved(qtbot, window).states()[queued[0]] == "archive"
    assert listed(window) == [queued[1]]


def test_the_cheat_sheet_lists_the_triage_and_review_keys(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window.list_view, Qt.Key.Key_Question)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ShortcutsDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ShortcutsDialog)
    entries = dialog.entries()
    assert entries["Read Later"] == "L" and entries["Archive"] == "E"
    assert entries["Move to Inbox"] == "Shift+I"
    assert entries["Queue → Move Up in Queue"] == "Alt+Up"
    assert entries["Views → Later (Queue)"] == "Alt+3"
    assert entries["Daily Review"] == "Ctrl+Shift+R"
    assert entries["Keep"] == "K" and entries["Skip (Not Now)"] == "N"
    dialog.reject()
