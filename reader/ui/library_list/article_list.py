"""The article list's view: the star, then the title across the rest of the width.

Each row has the title over up to two lines, and under it source · date and the article's
opening (or the search snippet while searching; see
:mod:`reader.ui.library_list.snippet_delegate`). Source and date are no columns of their
own, so they spend none of the title's width; the list still sorts by them, from the
header's context menu (a click on the header sorts by title).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QActionGroup, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QWidget,
)

from reader.ui.library_list.article_model import (
    DATE,
    ID_ROLE,
    SOURCE,
    STAR,
    TITLE,
    ArticleListModel,
)
from reader.ui.library_list.snippet_delegate import ArticleDelegate, row_height
from reader.ui.plain_text import plain_label


class ArticleList(QTableView):
    star_clicked = Signal(int)  # article id: its star was clicked
    escape_pressed = Signal()  # the window clears the search

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setAccessibleName(self.tr("Articles"))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the list (rows are chosen with arrows)
        self.setItemDelegate(ArticleDelegate(self))
        self.row_height = row_height(self.fontMetrics())  # the title and one line under it
        self.verticalHeader().setDefaultSectionSize(self.row_height)
        header = self.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.setColumnHidden(SOURCE, True)  # on the row's muted line instead
        self.setColumnHidden(DATE, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._sort_menu)
        header.setToolTip(self.tr("Right-click to sort by date, title or source"))
        header.moveSection(STAR, 0)  # the star first, as mail readers do
        header.setSectionResizeMode(STAR, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(STAR, 28)
        self.clicked.connect(self._on_clicked)
        self.placeholder = ""  # what to do, shown when the list is empty
        self._empty = plain_label(QLabel(self.viewport()))  # it may quote the query
        self._empty.setObjectName("emptyList")
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._empty.hide()
        model.modelReset.connect(self._update_empty)
        model.rowsInserted.connect(self._update_empty)
        model.rowsRemoved.connect(self._update_empty)

    def set_placeholder(self, text: str) -> None:
        self.placeholder = text
        self._empty.setText(text)
        self._update_empty()

    def _update_empty(self) -> None:
        model = self.model()
        empty = bool(self.placeholder) and model is not None and model.rowCount() == 0
        self._empty.setVisible(empty)
        if empty:
            self._empty.setGeometry(self.viewport().rect().adjusted(24, 24, -24, -24))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_empty()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.escape_pressed.emit()
            return
        if _typed(event):
            # No type-ahead (Qt's keyboardSearch): a letter is a command here (j, k, s, m,
            # u…) or nothing, never a jump to whichever title starts with it; finding a
            # title is the search field's.
            event.ignore()
            return
        super().keyPressEvent(event)

    def sort_menu(self) -> QMenu:
        """Sort by title, source or date, newest or A to Z first (the current one checked)."""
        menu = QMenu(self.tr("Sort by"), self)
        group = QActionGroup(menu)
        header = self.horizontalHeader()
        choices = (
            (self.tr("Date, newest first"), DATE, Qt.SortOrder.DescendingOrder),
            (self.tr("Date, oldest first"), DATE, Qt.SortOrder.AscendingOrder),
            (self.tr("Title"), TITLE, Qt.SortOrder.AscendingOrder),
            (self.tr("Source"), SOURCE, Qt.SortOrder.AscendingOrder),
        )
        for text, column, order in choices:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(
                header.sortIndicatorSection() == column and header.sortIndicatorOrder() == order
            )
            group.addAction(action)
            action.triggered.connect(lambda _=False, c=column, o=order: self.sortByColumn(c, o))
        return menu

    def _sort_menu(self, at: QPoint) -> None:
        menu = self.sort_menu()
        menu.exec(self.horizontalHeader().mapToGlobal(at))
        menu.deleteLater()

    def _on_clicked(self, index: QModelIndex) -> None:
        if index.column() == STAR:
            self.star_clicked.emit(index.data(ID_ROLE))


def _typed(event: QKeyEvent) -> bool:
    """A character typed (no Ctrl, Alt or Meta with it), which Qt would search titles for."""
    commands = (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    )
    text = event.text()
    return bool(text) and text.isprintable() and not event.modifiers() & commands
