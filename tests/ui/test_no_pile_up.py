"""Dialogs and menus opened again and again do not pile up: each goes when it closes."""

from __future__ import annotations

from driving import open_article, select_words
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMenu
from pytestqt.qtbot import QtBot

from reader.ui.window.main_window import MainWindow


def live_dialogs(window: MainWindow) -> set[QDialog]:
    tops = {w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog)}
    return tops | set(window.findChildren(QDialog))


def live_menus(window: MainWindow) -> set[QMenu]:
    tops = {w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu)}
    return tops | set(window.findChildren(QMenu))


def close_active_dialog(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_tags_and_shortcuts_dialogs_go_when_closed(qtbot: QtBot, window: MainWindow) -> None:
    open_article(qtbot, window, "Le Mali")
    before = live_dialogs(window)
    for _ in range(5):
        qtbot.keyClick(window.reading, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
        close_active_dialog(qtbot)
        qtbot.keyClick(window.list_view, Qt.Key.Key_Question)
        close_active_dialog(qtbot)

    def gone() -> None:
        assert [type(d).__name__ for d in live_dialogs(window) - before] == []

    qtbot.waitUntil(gone, timeout=5000)


def test_context_menus_go_when_closed(qtbot: QtBot, window: MainWindow) -> None:
    open_article(qtbot, window, "Le Mali")
    select_words(window, "forces armées")
    window.annotator.highlight_selection("yellow")
    view = window.reading
    select_words(window, "forces armées")
    point = view.cursorRect(view.textCursor()).center()  # over the highlight: a submenu too
    before = live_menus(window)
    for _ in range(5):
        view.customContextMenuRequested.emit(point)  # a right click
        shown = [m for m in live_menus(window) - before if m.isVisible()]
        assert shown
        for menu in shown:
            menu.close()

    def gone() -> None:  # at most the last menu and its submenu, closed, may stay
        assert len(live_menus(window) - before) <= 2

    qtbot.waitUntil(gone, timeout=5000)
