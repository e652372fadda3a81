"""The article list: a table model over catalog rows, and a proxy that sorts and filters.

The model holds lightweight :class:`CatalogRow` objects only (no bodies), keyed
by the article's stable id, and applies change sets in place so selection
and scroll position survive live updates. The proxy sorts by date, title or
source, and while a search is active shows only the hits, in relevance order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from reader.core.render import format_date
from reader.core.store import CatalogRow

TITLE, SOURCE, DATE = range(3)
HEADERS = ("Title", "Source", "Date")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 4  # HTML of the search snippet, with <mark>s

Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CatalogRow] = []
        self._position: dict[int, int] = {}  # article id → row number
        self._warning: QIcon | None = None
        self._snippets: dict[int, str] = {}

    # --- Qt model interface ---------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return row.title
            if column == SOURCE:
                return row.source
            if column == DATE:
                return format_date(row.date) if row.date and len(row.date) < 10 else row.date
            return None
        if role == SORT_ROLE:
            if column == DATE:
                return row.date or ""
            return (row.title if column == TITLE else row.source).casefold()
        if role == ID_ROLE:
            return row.id
        if role == SNIPPET_ROLE:
            return self._snippets.get(row.id)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.error:
                return f"{row.path}\nCannot be read: {row.error}"
            return f"{row.title}\n{row.path}"
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE and row.error:
            return self._warning_icon()
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and row.error:
            return f"Cannot be read: {row.error}"
        return None

    def _warning_icon(self) -> QIcon:
        if self._warning is None:
            style = QApplication.style()
            self._warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warning

    # --- updates ----------------------------------------------------------------

    def reset_rows(self, rows: list[CatalogRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._position = {row.id: n for n, row in enumerate(self._rows)}
        self.endResetModel()

    def apply(self, upserts: Iterable[CatalogRow], removed: Iterable[int]) -> None:
        """Insert new rows, update known ones in place, remove the gone ones."""
        for article_id in sorted(
            (i for i in removed if i in self._position), key=self._position.get, reverse=True
        ):
            position = self._position[article_id]
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            self.endRemoveRows()
            self._position = {row.id: n for n, row in enumerate(self._rows)}
        fresh: list[CatalogRow] = []
        for row in upserts:
            position = self._position.get(row.id)
            if position is None:
                fresh.append(row)
                continue
            self._rows[position] = row
            last = self.index(position, len(HEADERS) - 1)
            self.dataChanged.emit(self.index(position, 0), last)
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend(fresh)
            for n, row in enumerate(fresh, start=first):
                self._position[row.id] = n
            self.endInsertRows()

    def set_snippets(self, snippets: dict[int, str]) -> None:
        """Search snippets by article id (empty: none); the title cells repaint."""
        changed = set(self._snippets) | set(snippets)
        self._snippets = dict(snippets)
        for article_id in changed:
            position = self._position.get(article_id)
            if position is not None:
                cell = self.index(position, TITLE)
                self.dataChanged.emit(cell, cell, [SNIPPET_ROLE])

    def row_of(self, article_id: int) -> int | None:
        return self._position.get(article_id)

    def article(self, article_id: int) -> CatalogRow | None:
        position = self._position.get(article_id)
        return None if position is None else self._rows[position]


class ArticleFilterProxy(QSortFilterProxyModel):
    """Sorts by the chosen column; while searching, shows hits in relevance order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)
        self._ranks: dict[int, int] | None = None

    @property
    def searching(self) -> bool:
        return self._ranks is not None

    def set_hits(self, ids_in_order: list[int] | None) -> None:
        """Show only these ids, best first; ``None`` shows everything again."""
        self._ranks = None if ids_in_order is None else {i: n for n, i in enumerate(ids_in_order)}
        self.invalidate()  # both the filter and the order change

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._ranks is None:
            return True
        article_id = self.sourceModel().index(source_row, 0, source_parent).data(ID_ROLE)
        return article_id in self._ranks

    def lessThan(self, left: Index, right: Index) -> bool:
        if self._ranks is not None:
            left_rank = self._ranks.get(left.data(ID_ROLE), 1 << 30)
            right_rank = self._ranks.get(right.data(ID_ROLE), 1 << 30)
            # Relevance ignores the column order: best hit on top either way.
            if self.sortOrder() == Qt.SortOrder.DescendingOrder:
                return left_rank > right_rank
            return left_rank < right_rank
        return bool(super().lessThan(left, right))
