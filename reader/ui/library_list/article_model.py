"""The article list: one table model that holds catalog rows, sorts them and filters them.

Why no QSortFilterProxyModel: its sort and filter call back into Python for
every comparison and every row, which holds the GUI thread for seconds on a big
library. Here ordering is one ``sorted()`` over plain keys, kept for every row
(:mod:`reader.ui.library_list.list_order`), and a search shows its hits in relevance
order, ranked on the search's worker: the GUI thread swaps orders, never sorts 30,000.

The model holds lightweight :class:`CatalogRow` objects only (no bodies),
keyed by the article's stable id, and applies change sets in place so the
current row, selection and scroll position survive live updates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from reader.core.articles.dates import short_date
from reader.core.catalog.store import CatalogRow
from reader.i18n import QT_TRANSLATE_NOOP
from reader.ui.library_list.list_order import ListOrder, positions
from reader.ui.library_list.ordering import DATE, SOURCE, STAR, TITLE, natural_key
from reader.ui.plain_text import literal
from reader.ui.prefs.language import current_language
from reader.ui.session.row_pages import MoreRows

__all__ = [
    "DATE", "EXCERPT_ROLE", "FILTERS", "HEADERS", "ID_ROLE", "READ_ERRORS", "ROW_ROLE",
    "SNIPPET_ROLE", "SOURCE", "STAR", "TAGS_ROLE", "TITLE", "ArticleListModel", "natural_key",
]  # fmt: skip
HEADERS = (  # translated where shown
    QT_TRANSLATE_NOOP("ArticleListModel", "Title"),
    QT_TRANSLATE_NOOP("ArticleListModel", "Source"),
    QT_TRANSLATE_NOOP("ArticleListModel", "Date"),
    "★",
)
FILTERS = ("all", "unread", "starred")
READ_ERRORS = (  # the core's fixed reasons (kept in the catalog in English), shown translated
    QT_TRANSLATE_NOOP("ArticleListModel", "empty file"),
    QT_TRANSLATE_NOOP("ArticleListModel", "binary file, not text"),
    QT_TRANSLATE_NOOP("ArticleListModel", "cannot read the file: permission denied"),
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 4  # HTML of the search snippet, with <mark>s
EXCERPT_ROLE = Qt.ItemDataRole.UserRole + 5  # the title's second line: the opening, or an error
TAGS_ROLE = Qt.ItemDataRole.UserRole + 6  # the article's tags, its file's then the reader's

Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[int, CatalogRow] = {}  # every article, by id
        self._visible: list[int] = []  # ids shown, in display order
        self._position: dict[int, int] = {}  # id → row shown (never changed in place)
        self._by = ListOrder()  # the column or the search's ranks
        self._snippets: dict[int, str] = {}
        self._warning: QIcon | None = None
        self._starred: set[int] = set()
        self._read: set[int] = set()
        self._user_tags: dict[int, list[str]] = {}
        self._filter = "all"
        self._tag = ""  # "": any tag
        self._source = ""  # "": any source
        self._bold: QFont | None = None
        self._more: MoreRows | None = None  # a first page's: every row is still coming

    # --- Qt model interface ---------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return self.tr(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        row = self._rows[self._visible[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return row.title
            if column == SOURCE:
                return row.source
            if column == DATE:
                return short_date(row.date, current_language())
            if column == STAR:
                return "★" if row.id in self._starred else ""
            return None
        if role == Qt.ItemDataRole.FontRole and column == TITLE and self.unread(row.id):
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == STAR:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.AccessibleTextRole and column == STAR:
            return self.tr("starred") if row.id in self._starred else self.tr("not starred")
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == SNIPPET_ROLE:
            return self._snippets.get(row.id)
        if role == EXCERPT_ROLE:
            return self._unreadable(row) if row.error else row.excerpt
        if role == TAGS_ROLE:
            return self.tags_of(row.id)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.error:  # titles and file names shown as written, never as HTML
                return literal(f"{row.path}\n{self._unreadable(row)}")
            return literal(f"{row.title}\n{row.path}")
        if role == Qt.ItemDataRole.DecorationRole and column == TITLE and row.error:
            return self._warning_icon()
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and row.error:
            return self._unreadable(row)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and column == TITLE:
            return self.tr("unread") if self.unread(row.id) else self.tr("read")
        return None

    def _unreadable(self, row: CatalogRow) -> str:
        return self.tr("Cannot be read: {0}").format(self.tr(row.error or ""))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (a header click); during a search this leaves relevance order."""
        if column not in (TITLE, SOURCE, DATE):  # the star, or no column: no order
            return
        self._by.by_column(column, order == Qt.SortOrder.DescendingOrder)
        self._relayout()

    def _warning_icon(self) -> QIcon:
        if self._warning is None:
            style = QApplication.style()
            self._warning = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warning

    # --- what is shown --------------------------------------------------------

    @property
    def searching(self) -> bool:
        return self._by.ranks is not None

    @property
    def relevance_order(self) -> bool:
        return self._by.ranks is not None and self._by.relevance

    def total(self) -> int:
        """Every article of the library, shown or not."""
        return self._more.total if self._more is not None else len(self._rows)

    def set_hits(self, ids_in_order: list[int] | None, ranks: dict[int, int] | None = None) -> None:
        """Show only these ids, best first; ``None`` shows every article again.
        ``ranks``: each id's place in ``ids_in_order``, if known (built off the GUI thread)."""
        if ids_in_order is not None and ranks is None:
            ranks = positions(ids_in_order)
        self.beginResetModel()
        self._by.search(None if ids_in_order is None else ranks)
        self._visible, self._position = self._by.shown(self._rows, self._filtering())
        self.endResetModel()

    def set_snippets(self, snippets: dict[int, str]) -> None:
        """Search snippets by article id (empty: none); the title cells repaint."""
        changed = set(self._snippets) | set(snippets)
        self._snippets = dict(snippets)
        for article_id in changed:
            position = self._position.get(article_id)
            if position is not None:
                cell = self.index(position, TITLE)
                self.dataChanged.emit(cell, cell, [SNIPPET_ROLE])

    # --- the reader's state: stars, read, tags, and the filter over them ------------

    def unread(self, article_id: int) -> bool:
        row = self._rows.get(article_id)
        return row is not None and not row.error and article_id not in self._read

    def starred(self, article_id: int) -> bool:
        return article_id in self._starred

    def tags_of(self, article_id: int) -> list[str]:
        row = self._rows.get(article_id)
        file_tags = list(row.tags) if row else []
        return file_tags + [t for t in self._user_tags.get(article_id, []) if t not in file_tags]

    def sources(self) -> list[str]:
        """The library's sources, once each (whatever their case), in alphabetical order."""
        rows, more = self._rows.values(), self._more  # rows still coming? ask the catalog
        found = more.catalog.sources() if more and more.catalog else {r.source for r in rows}
        found.discard("")
        names: dict[str, str] = {}
        for name in sorted(found):
            names.setdefault(name.casefold(), name)
        return sorted(names.values(), key=str.casefold)

    def all_tags(self) -> list[str]:
        rows, more = self._rows.values(), self._more
        names = (
            more.catalog.file_tags()
            if more and more.catalog
            else {tag for row in rows for tag in row.tags}
        )
        names |= {tag for tags in self._user_tags.values() for tag in tags}
        return sorted(names, key=str.casefold)

    def set_user_state(
        self, starred: set[int], read: set[int], user_tags: dict[int, list[str]]
    ) -> None:
        self._starred, self._read, self._user_tags = set(starred), set(read), dict(user_tags)
        self._refilter()

    def set_state(
        self, article_id: int, starred: bool | None = None, read: bool | None = None
    ) -> None:
        for value, ids in ((starred, self._starred), (read, self._read)):
            if value is True:
                ids.add(article_id)
            elif value is False:
                ids.discard(article_id)
        position = self._position.get(article_id)
        if position is not None:
            self.dataChanged.emit(self.index(position, 0), self.index(position, STAR))

    def set_user_tags(self, user_tags: dict[int, list[str]]) -> None:
        self._user_tags = dict(user_tags)
        self._refilter()  # the rows show their tags

    def set_filter(self, kind: str, tag: str = "", source: str = "") -> None:
        """Show all, only unread or only starred articles, optionally of one tag and source."""
        if kind not in FILTERS:
            raise ValueError(f"filter must be one of {FILTERS}")
        self._filter, self._tag, self._source = kind, tag, source
        self._refilter()

    @property
    def filter(self) -> tuple[str, str, str]:
        """(kind, tag, source); ("all", "", "") shows every article."""
        return self._filter, self._tag, self._source

    def _refilter(self) -> None:
        visible, position = self._by.shown(self._rows, self._filtering())
        if visible == self._visible:  # same rows: repaint them, keep selection and scroll
            if visible:
                self.dataChanged.emit(self.index(0, 0), self.index(len(visible) - 1, STAR))
            return
        self.beginResetModel()
        self._visible, self._position = visible, position
        self.endResetModel()

    def _filtering(self) -> Callable[[int], bool] | None:
        """The filter's test, None when every article passes."""
        if self._filter == "all" and not self._tag and not self._source:
            return None
        return self._passes

    def _passes(self, article_id: int) -> bool:
        if self._filter == "unread" and not self.unread(article_id):
            return False
        if self._filter == "starred" and article_id not in self._starred:
            return False
        if self._source:
            row = self._rows.get(article_id)
            if row is None or row.source.casefold() != self._source.casefold():
                return False
        if self._tag:
            wanted = self._tag.casefold()
            return any(tag.casefold() == wanted for tag in self.tags_of(article_id))
        return True

    def row_of(self, article_id: int) -> int | None:
        """The row where this article is shown, or None."""
        return self._position.get(article_id)

    def id_of_path(self, path: str) -> int | None:
        """The article at this library-relative path (a click on a link: one scan is fine).

        While rows are still coming, one not here yet is read from the catalog and
        shown in its place (the article a library was left on, say)."""
        found = next((row.id for row in self._rows.values() if row.path == path), None)
        if found is None and self._more is not None and self._more.catalog and path:
            row = self._more.catalog.row_by_path(path)
            if row is not None:
                self._add_early(row)
                return row.id
        return found

    def _add_early(self, row: CatalogRow) -> None:
        """One row before the rest, in its place among those shown."""
        self._rows[row.id] = row
        self._by.rows_changed()
        if (self._by.ranks is None or row.id in self._by.ranks) and self._passes(row.id):
            place = self._by.ordered([*self._visible, row.id], self._rows).index(row.id)
            self.beginInsertRows(QModelIndex(), place, place)
            self._visible.insert(place, row.id)
            self._reindex()
            self.endInsertRows()

    def article(self, article_id: int) -> CatalogRow | None:
        return self._rows.get(article_id)

    def all_rows(self) -> list[CatalogRow]:
        """Every catalogued article, shown or filtered out."""
        return list(self._rows.values())

    # --- updates ------------------------------------------------------------------

    def reset_rows(self, rows: list[CatalogRow]) -> None:
        """Show these rows. A list ending with a :class:`MoreRows` is a first page: every
        row follows (see :mod:`reader.ui.session.row_pages`), and is shown by a reset,
        which keeps the article shown selected and in view (``ListPlace``)."""
        if self._more is not None:
            self._more.arrived.disconnect(self.reset_rows)
            self._more = None
        if rows and isinstance(rows[-1], MoreRows):
            more: MoreRows = rows[-1]
            rows = rows[:-1]
            self._more = more
            more.arrived.connect(self.reset_rows)
        self.beginResetModel()
        self._rows = {row.id: row for row in rows}
        self._by.rows_changed()
        self._visible, self._position = self._by.shown(self._rows, self._filtering())
        self.endResetModel()

    def apply(self, upserts: Iterable[CatalogRow], removed: Iterable[int]) -> None:
        """Insert new rows, update known ones in place, remove the gone ones."""
        self._by.rows_changed()
        gone = []
        for article_id in removed:
            self._rows.pop(article_id, None)
            if (where := self._position.get(article_id)) is not None:
                gone.append(where)
        for position in sorted(gone, reverse=True):  # later rows first: earlier ones stay put
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._visible[position]
            self.endRemoveRows()
        if gone:
            self._reindex()
        fresh: list[int] = []
        for row in upserts:
            known = row.id in self._rows
            self._rows[row.id] = row
            shown_at = self._position.get(row.id)
            if shown_at is not None:
                last = self.index(shown_at, len(HEADERS) - 1)
                self.dataChanged.emit(self.index(shown_at, 0), last)
            elif (
                not known
                and (self._by.ranks is None or row.id in self._by.ranks)
                and self._passes(row.id)
            ):
                fresh.append(row.id)
        if fresh:
            first = len(self._visible)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._visible.extend(fresh)
            self._reindex()
            self.endInsertRows()
        self._relayout()  # new or edited rows take their place in the order

    # --- ordering -----------------------------------------------------------------

    @property
    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        """The column the list is sorted by and how (kept while a search shows relevance)."""
        descending = Qt.SortOrder.DescendingOrder
        return self._by.column, descending if self._by.descending else Qt.SortOrder.AscendingOrder

    def _reindex(self) -> None:
        self._position = positions(self._visible)

    def _relayout(self) -> None:
        """Re-sort what is shown, keeping persistent indexes (current row, selection)."""
        ordered = self._by.ordered(self._visible, self._rows)
        if ordered == self._visible:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._visible[index.row()] if index.isValid() else None for index in persistent]
        self._visible = ordered
        self._reindex()
        moved = [
            self.index(self._position[i], index.column()) if i is not None else QModelIndex()
            for i, index in zip(ids, persistent, strict=True)
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
