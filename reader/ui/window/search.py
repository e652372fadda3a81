"""The window's search: the field, as-you-type queries, the list becoming the hits.

It gets the few parts it works with (:class:`SearchParts`), not the window: the
session that searches (its worker reads the catalog itself), the list and its model,
the search bar, the count label, and the window's commands it needs called back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel

from reader.ui.library_list.article_list import ArticleList
from reader.ui.library_list.article_model import ArticleListModel
from reader.ui.library_list.search_bar import SearchBar
from reader.ui.reading.hit_marks import HitMarks
from reader.ui.session.library_session import (
    LibrarySession,
    ResultsToList,
    ShownText,
    SnippetsToList,
)

if TYPE_CHECKING:  # the search's modules load with the first search (see library_session)
    from reader.core.operations import SearchResults
    from reader.core.search.snippets import QueryTerms

SEARCH_DEBOUNCE_MS = 200


@dataclass(frozen=True)
class SearchParts:
    """What the search works with, and what it asks of the window."""

    session: LibrarySession
    model: ArticleListModel
    list_view: ArticleList
    search_bar: SearchBar
    count_label: QLabel
    select_row: Callable[[int], None]
    marks: HitMarks  # the search's hits in the article shown
    shown_lang: Callable[[], str | None]  # the article shown's language (None: none is)
    update_count: Callable[[], None]  # the status bar's count
    keep_current_visible: Callable[[], None]  # select and show the article shown


class WindowSearch(QObject):
    """The search of one window, given its parts (see :class:`SearchParts`) by name."""

    def __init__(
        self,
        parent: QObject | None,
        *,
        session: LibrarySession,
        model: ArticleListModel,
        list_view: ArticleList,
        search_bar: SearchBar,
        count_label: QLabel,
        select_row: Callable[[int], None],
        marks: HitMarks,
        shown_lang: Callable[[], str | None],
        count: Callable[[], None],
        keep_visible: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self.parts = parts = SearchParts(
            session=session,
            model=model,
            list_view=list_view,
            search_bar=search_bar,
            count_label=count_label,
            select_row=select_row,
            marks=marks,
            shown_lang=shown_lang,
            update_count=count,
            keep_current_visible=keep_visible,
        )
        self.field = parts.search_bar.field
        self.terms: QueryTerms | None = None  # of the search the list shows
        self.listed: SearchResults | None = None  # the results the list shows
        self._snippets: dict[int, str] = {}  # id → snippet HTML of the hits listed
        self._listed_query = ""  # the query whose hits the list shows
        header = parts.list_view.horizontalHeader()  # the order left, restored after a search
        self.column_sort = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self.field.textChanged.connect(self._on_text)
        self.field.returnPressed.connect(self.run_now)
        self.field.down_pressed.connect(self._to_hits)
        parts.session.search.results_ready.connect(self._on_results)
        parts.session.search.snippets_ready.connect(self._on_snippets)
        parts.session.search.failed.connect(self._on_failed)
        parts.session.refresh.done.connect(self._on_index_changed)

    def _on_text(self, text: str) -> None:
        parts = self.parts
        if text.strip():
            self.timer.start()
            return
        self.timer.stop()
        parts.session.search.cancel()
        parts.model.set_hits(None)
        parts.model.set_snippets({})
        self.terms = None
        self.listed = None
        self._listed_query = ""
        self.mark_shown()
        parts.list_view.horizontalHeader().setSortIndicator(*self.column_sort)
        parts.update_count()
        parts.keep_current_visible()  # first: a list focused without a current row picks one
        parts.list_view.setFocus()

    def _to_hits(self) -> None:
        """Down in the field: into the list, on the first hit unless one is open."""
        parts = self.parts
        parts.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not parts.list_view.currentIndex().isValid() and parts.model.rowCount():
            parts.select_row(0)

    def run_now(self) -> None:
        self.timer.stop()
        self.run()

    def run(self) -> None:
        query = self.field.text().strip()
        if query:
            self.parts.session.search.run(query, shown=self._text_to_mark())

    def mark_shown(self, found: ResultsToList | None = None) -> None:
        """Mark the current search's hits in the article shown (or clear the marks);
        ``found``: an answer whose worker found them there (see ``ShownText``)."""
        lang = self.parts.shown_lang() or ""
        hits = None if found is None else (found.shown_key, found.shown_spans)
        self.parts.marks.mark(self.terms, lang, hits)

    def _text_to_mark(self) -> ShownText | None:
        """The article shown, for the search's worker to find the hits in."""
        lang = self.parts.shown_lang()
        return None if lang is None else self.parts.marks.text_to_mark(lang)

    def _on_index_changed(self) -> None:
        """The index is complete now: a search it answered while being built runs again
        (its caveat stays in the count until the new answer comes)."""
        if self.listed is not None and self.listed.while_indexing and self.field.text().strip():
            self.run()

    def _on_results(self, to_list: ResultsToList) -> None:
        parts = self.parts
        results = to_list.results
        query = results.query
        if query != self.field.text().strip():
            return  # the field changed since: a newer search is on its way
        # The same query again: the rest of its hits (or Enter). What came meanwhile stays.
        more = self.listed is not None and query == self.listed.query == self._listed_query
        self.listed = results
        if not more:
            from reader.core.search.snippets import QueryTerms

            parts.search_bar.show_suggestion(results.suggestion)
            self.terms = QueryTerms.parse(query)
            self._snippets = {}
        for article_id, line in to_list.snippets_html.items():  # the notes hits came by…
            if "<mark>" not in self._snippets.get(article_id, ""):  # …unless a passage
                self._snippets[article_id] = line
        parts.model.set_snippets(self._snippets)
        parts.model.set_hits(results.ids, to_list.ranks)
        # Relevance order: no column indicator. Clicking a header sorts the hits by that
        # column (newest first, say); Enter in the search field brings relevance back.
        header = parts.list_view.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.column_sort = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        if not more:
            self.mark_shown(to_list)  # the article shown may stay the same: its marks change
        parts.update_count()
        # Searching changes what the list shows, never what is open nor what is read:
        # the article shown stays selected if it is a hit; else no row is, until one is chosen.
        if not parts.list_view.currentIndex().isValid() and query != self._listed_query:
            parts.list_view.scrollToTop()
        self._listed_query = query
        parts.keep_current_visible()

    def _on_snippets(self, snippets: SnippetsToList) -> None:
        """Snippets (and "did you mean") of the hits listed, as they come after them."""
        if self.listed is None or snippets.query != self.listed.query:
            return
        if snippets.query != self.field.text().strip():
            return  # the field changed since: a newer search is on its way
        self._snippets.update(snippets.snippets_html)
        self.parts.model.set_snippets(self._snippets)
        if snippets.with_suggestion:
            self.parts.search_bar.show_suggestion(snippets.suggestion)

    def _on_failed(self, query: str, message: str) -> None:
        if query == self.field.text().strip():
            self.parts.model.set_hits([])
            self.parts.count_label.setText(self.tr("Search: {0}").format(message))
