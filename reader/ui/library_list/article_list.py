"""The article list's view: the star, then the title across the rest of the width.

Each row has the title over up to two lines, and under it source · date and the article's
opening (or the search snippet while searching; see
:mod:`reader.ui.library_list.snippet_delegate`). Source and date are no columns of their
own, so they spend none of the title's width; the list still sorts by them, from the
header's context menu. A click on the header sorts by title, A to Z, again Z to A, and a
third time back to newest first: the way back is where the reader left.

Every row is as high as what it shows (:func:`snippet_delegate.row_height`): one line
more while searching, and again after the font changes.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QActionGroup, QKeyEvent, QMouseEvent, QPalette, QResizeEvent
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
from reader.ui.library_list.snippet_delegate import (
    ROW_LINES,
    SEARCH_ROW_LINES,
    ArticleDelegate,
    row_height,
)
from reader.ui.plain_text import plain_label


class ArticleList(QTableView):
    star_clicked = Signal(int)  # article id: its star was clicked
    escape_pressed = Signal()  # the window clears the search

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleList")
        self.setAccessibleName(self.tr("Articles"))
        self.setHorizontalHeader(SortHeader(self))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Shift, Ctrl): the triage keys move them all; one is current.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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
        self.row_height = 0  # every row's, set by fit_rows
        self.fit_rows()
        header = self.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.setColumnHidden(SOURCE, True)  # on the row's muted line instead
        self.setColumnHidden(DATE, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._sort_menu)
        header.setToolTip(
            self.tr(
                "Click to sort by title, again for Z to A, a third time for newest first."
                " Right-click for every order."
            )
        )
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
        model.modelReset.connect(self.fit_rows)  # a search began or ended
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

    def fit_rows(self) -> None:
        """Rows as high as their lines: the title's two, then one (two while searching)."""
        model = self.model()
        searching = isinstance(model, ArticleListModel) and model.searching
        height = row_height(self.font(), SEARCH_ROW_LINES if searching else ROW_LINES)
        if height != self.row_height:
            self.row_height = height
            self.verticalHeader().setMinimumSectionSize(1)
            self.verticalHeader().setDefaultSectionSize(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit_rows()

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

    def rowsAboutToBeRemoved(self, parent: QModelIndex | QPersistentModelIndex, start: int,
                             end: int) -> None:  # fmt: skip
        """The current row is removed (its file deleted): the next becomes current, as in a
        mail reader (Qt does this for a single selection only)."""
        current, model = self.currentIndex(), self.model()
        removed = start <= current.row() <= end and current.isValid()
        if removed and model is not None and model.rowCount() > end - start + 1:
            row = end + 1 if end + 1 < model.rowCount() else start - 1
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.selectionModel().setCurrentIndex(
                model.index(row, 0), flags | QItemSelectionModel.SelectionFlag.Rows
            )
        super().rowsAboutToBeRemoved(parent, start, end)

    def sort_menu(self) -> QMenu:
        """Sort by title, source or date, newest or A to Z first (the current one checked)."""
        menu = QMenu(self.tr("Sort by"), self)
        group = QActionGroup(menu)
        header = self.horizontalHeader()
        choices = (
            (self.tr("Newest first"), DATE, Qt.SortOrder.DescendingOrder),
            (self.tr("Oldest first"), DATE, Qt.SortOrder.AscendingOrder),
            (self.tr("Title, A to Z"), TITLE, Qt.SortOrder.AscendingOrder),
            (self.tr("Title, Z to A"), TITLE, Qt.SortOrder.DescendingOrder),
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


class SortHeader(QHeaderView):
    """The list's header. A click on the title sorts A to Z, again Z to A, and a third time
    newest first again; the star's section sorts nothing (the Starred filter shows them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setSortIndicatorClearable(True)  # the third click: no column…
        self.sectionClicked.connect(self._clicked)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.logicalIndexAt(event.position().toPoint()) == STAR:
            event.ignore()  # not an order: no press, so the release sorts nothing
            return
        super().mousePressEvent(event)

    def _clicked(self, _section: int) -> None:
        if self.sortIndicatorSection() < 0:  # …means newest first
            self.setSortIndicator(DATE, Qt.SortOrder.DescendingOrder)


def _typed(event: QKeyEvent) -> bool:
    """A character typed (no Ctrl, Alt or Meta with it), which Qt would search titles for."""
    commands = (
        Qt.KeyboardModifier.ControlModifier
        | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.MetaModifier
    )
    text = event.text()
    return bool(text) and text.isprintable() and not event.modifiers() & commands
