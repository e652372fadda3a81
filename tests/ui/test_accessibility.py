"""Every control can be reached from the keyboard and tells a screen reader what it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.ui.window.main_window import MainWindow


def focusable(window: MainWindow) -> list[QWidget]:
    return [
        child
        for child in window.findChildren(QWidget)
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus and child.isVisibleTo(window)
    ]


def test_every_focusable_control_has_an_accessible_name(qtbot: QtBot, window: MainWindow) -> None:
    window.panel.show()
    window.find_bar.open_bar()
    nameless = []
    for child in focusable(window):
        text = child.text() if isinstance(child, QAbstractButton) else ""
        if not (child.accessibleName() or text):
            nameless.append(f"{type(child).__name__} {child.objectName()!r}")
    assert nameless == []
    assert len(focusable(window)) > 10


def test_tab_walks_through_the_search_the_filters_the_list_and_the_article(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    window.focus_search()
    seen = []
    for _ in range(20):
        widget = QApplication.focusWidget()
        if widget is not None:
            seen.append(widget.accessibleName())
        qtbot.keyClick(widget or window, Qt.Key.Key_Tab)
    for name in ("Search articles", "Show", "Tag", "Source", "Articles", "Article"):
        assert any(name == seen_name for seen_name in seen), (name, seen)
