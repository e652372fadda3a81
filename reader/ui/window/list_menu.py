"""What desktop readers expect around the list and the page: the list's context menu
(open, star, read or unread, tags, copy title and path, show in folder), "Mark All as
Read" for the list as filtered (one step of Edit → Undo: a slip of the menu must not
cost the reader which articles they had left to read), printing the article (Ctrl+P)
and full screen (F11)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QGuiApplication,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QTextBrowser

from reader.core.articles.names import os_path
from reader.ui.annotations.reading_state import ReadingState
from reader.ui.library_list.article_list import ArticleList
from reader.ui.library_list.article_model import ID_ROLE, ArticleListModel
from reader.ui.plain_text import literal


class MarkAllRead(QUndoCommand):
    """The articles that were unread become read; undone, they are unread again (those
    already read were never touched, so they stay read)."""

    def __init__(self, state: ReadingState, article_ids: list[int], label: str) -> None:
        super().__init__(label)
        self.state = state
        self.article_ids = article_ids

    def redo(self) -> None:
        self.state.mark_read(self.article_ids, True)

    def undo(self) -> None:
        self.state.mark_read(self.article_ids, False)


class ListActions(QObject):
    def __init__(
        self,
        window: QMainWindow,
        list_view: ArticleList,
        model: ArticleListModel,
        state: ReadingState,
        reading: QTextBrowser,
        root: Callable[[], Path],
        edit_tags: Callable[[int], None],
        undo_stack: QUndoStack,
    ) -> None:
        """``root`` gives the library's folder; ``edit_tags`` opens an article's tags;
        ``undo_stack``: the window's (Edit → Undo), where Mark All as Read goes."""
        super().__init__(window)
        self.window = window
        self.list_view = list_view
        self.model = model
        self.state = state
        self.reading = reading
        self.root = root
        self.edit_tags = edit_tags
        self.undo_stack = undo_stack
        self.menu: QMenu | None = None  # the context menu shown last
        self.mark_all_action = self._action(self.tr("Mark &All as Read"), "", self.mark_all_read)
        self.print_action = self._action(self.tr("&Print…"), "Ctrl+P", self.print_article)
        self.full_screen_action = self._action(
            self.tr("&Full Screen"), "F11", lambda: self.set_full_screen(not window.isFullScreen())
        )
        self.full_screen_action.setCheckable(True)
        list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        list_view.customContextMenuRequested.connect(self.show_menu)

    def _action(self, text: str, key: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    # --- the list's context menu -------------------------------------------------

    def show_menu(self, point: QPoint) -> None:
        index = self.list_view.indexAt(point)
        if not index.isValid():
            return
        article_id: int = index.data(ID_ROLE)
        row = self.model.article(article_id)
        if row is None:
            return
        if self.menu is not None:
            self.menu.deleteLater()
        menu = self.menu = QMenu(self.list_view)
        menu.addAction(self.tr("&Open"), lambda: self.list_view.setCurrentIndex(index))
        starred = self.model.starred(article_id)
        menu.addAction(
            self.tr("Uns&tar") if starred else self.tr("S&tar"),
            lambda: self.state.set_starred(article_id, not starred),
        )
        unread = self.model.unread(article_id)
        menu.addAction(
            self.tr("Mark as &Read") if unread else self.tr("Mark as &Unread"),
            lambda: self.state.mark_read([article_id], unread),
        )
        menu.addAction(self.tr("T&ags…"), lambda: self.edit_tags(article_id))
        menu.addSeparator()
        path = os_path(self.root(), row.path)
        clipboard = QGuiApplication.clipboard()
        menu.addAction(self.tr("Copy &Title"), lambda: clipboard.setText(row.title))
        menu.addAction(self.tr("Copy &Path"), lambda: clipboard.setText(str(path)))
        show = menu.addAction(
            self.tr("Show in &Folder"),
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))),
        )
        show.setToolTip(literal(str(path.parent)))
        menu.popup(self.list_view.viewport().mapToGlobal(point))

    # --- the window's commands ---------------------------------------------------------

    def mark_all_read(self) -> None:
        """Every article the list shows (as searched and filtered) becomes read."""
        ids = [self.model.index(r, 0).data(ID_ROLE) for r in range(self.model.rowCount())]
        unread = [i for i in ids if self.model.unread(i)]
        if not unread:
            return
        if self.state.session.read_only_reason:  # nothing is saved: nothing to undo
            self.state.mark_read(unread, True)  # says why
            return
        self.undo_stack.push(MarkAllRead(self.state, unread, self.tr("Mark All as Read")))

    def print_article(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reading.document().print_(printer)

    def set_full_screen(self, full: bool) -> None:
        if full:
            self.window.showFullScreen()
        else:
            self.window.showNormal()
        self.full_screen_action.setChecked(full)
