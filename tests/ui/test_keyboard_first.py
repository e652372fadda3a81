"""Keyboard first: the focus starts in the list, / goes to search without typing itself,
Ctrl+T types a tag at once; Ctrl+P prints, F11 goes full screen; the list's context
menu and "Mark All as Read" for the list as filtered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from reader.ui.annotations.tags_dialog import TagsDialog
from reader.ui.library_list.article_model import ID_ROLE
from reader.ui.window import list_menu
from reader.ui.window.main_window import MainWindow
from tests.ui.driving import open_article


def row_titled(window: MainWindow, title: str) -> int:
    for row in range(window.model.rowCount()):
        if window.model.index(row, 0).data() == title:
            return row
    raise AssertionError(title)


def id_titled(window: MainWindow, title: str) -> int:
    return int(window.model.index(row_titled(window, title), 0).data(ID_ROLE))


def test_the_focus_starts_in_the_list_and_slash_is_never_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.list_view)
    qtbot.waitUntil(lambda: window.annotator.opened is not None, timeout=10_000)
    first = window.list_view.currentIndex().row()
    qtbot.keyClick(window.list_view, Qt.Key.Key_J)  # the next article, not a search for "j"
    assert window.list_view.currentIndex().row() == first + 1
    assert window.search_field.text() == ""
    qtbot.keyClick(window.list_view, Qt.Key.Key_Slash)
    assert window.search_field.hasFocus()
    qtbot.keyClick(window.search_field, Qt.Key.Key_Slash)  # pressed again: still no "/"
    assert window.search_field.text() == ""
    qtbot.keyClicks(window.search_field, "macron")
    assert window.search_field.text() == "macron"


def test_ctrl_t_puts_the_cursor_in_the_new_tag_field(qtbot: QtBot, window: MainWindow) -> None:
    open_article(qtbot, window, "The harbour at dawn")
    window.activateWindow()
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), TagsDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, TagsDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.field)
    qtbot.keyClicks(QApplication.focusWidget(), "boats")
    assert dialog.field.text() == "boats"
    dialog.reject()


def test_ctrl_p_prints_the_article(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = tmp_path / "printed.pdf"

    class PrintDialog:  # the reader chose a PDF printer and pressed Print
        def __init__(self, printer: QPrinter, parent: QWidget) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(pdf))

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(list_menu, "QPrintDialog", PrintDialog)
    open_article(qtbot, window, "The harbour at dawn")
    window.activateWindow()
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert pdf.read_bytes().startswith(b"%PDF")


def test_f11_goes_full_screen_and_back(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.list_view.setFocus()
    qtbot.keyClick(window.list_view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: bool(window.windowState() & Qt.WindowState.WindowFullScreen))
    assert window.list_actions.full_screen_action.isChecked()
    qtbot.keyClick(window.list_view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.windowState() & Qt.WindowState.WindowFullScreen)


def test_the_list_context_menu(
    qtbot: QtBot, window: MainWindow, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(list_menu.QDesktopServices, "openUrl", opened.append)
    view = window.list_view

    def menu_for(title: str) -> dict[str, list[object]]:
        point = view.visualRect(window.model.index(row_titled(window, title), 0)).center()
        view.customContextMenuRequested.emit(point)  # a right click on its row
        menu = window.list_actions.menu
        assert isinstance(menu, QMenu) and menu.isVisible()
        entries = {a.text().replace("&", ""): [a] for a in menu.actions() if a.text()}
        menu.close()
        return entries  # type: ignore[return-value]

    def choose(title: str, entry: str) -> None:
        menu_for(title)[entry][0].trigger()  # type: ignore[attr-defined]

    entries = menu_for("The harbour at dawn")
    assert list(entries) == [
        "Open", "Star", "Mark as Read", "Tags…", "Copy Title", "Copy Path", "Show in Folder",
    ]  # fmt: skip
    choose("The harbour at dawn", "Copy Title")
    assert QGuiApplication.clipboard().text() == "The harbour at dawn"
    choose("The harbour at dawn", "Copy Path")
    assert QGuiApplication.clipboard().text() == str(library / "harbour.md")
    choose("The harbour at dawn", "Show in Folder")
    assert opened == [QUrl.fromLocalFile(str(library))]
    harbour = id_titled(window, "The harbour at dawn")
    choose("The harbour at dawn", "Mark as Read")
    assert not window.model.unread(harbour)
    assert "Mark as Unread" in menu_for("The harbour at dawn")
    choose("The harbour at dawn", "Star")
    assert window.model.starred(harbour)
    choose("The harbour at dawn", "Open")
    qtbot.waitUntil(lambda: window.annotator.opened is not None
                    and window.annotator.opened.id == harbour, timeout=10_000)  # fmt: skip


def test_mark_all_as_read_marks_the_list_as_filtered(qtbot: QtBot, window: MainWindow) -> None:
    mali = id_titled(window, "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako")
    with qtbot.waitSignal(window.session.search.results_ready, timeout=10_000):
        window.search_field.setText("harbour OR jardins")
    shown = [window.model.index(r, 0).data(ID_ROLE) for r in range(window.model.rowCount())]
    assert len(shown) == 2 and mali not in shown
    window.list_actions.mark_all_action.trigger()
    assert not any(window.model.unread(i) for i in shown)
    assert window.model.unread(mali)
    window.tasks.wait_idle()
    userdata = window.session.userdata
    assert userdata is not None and set(shown) <= userdata.read_ids()
