"""The window's search: the field, as-you-type queries, the list becoming the hits."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from reader.core.search.snippets import QueryTerms
from reader.ui.library_list.article_model import DATE
from reader.ui.library_list.snippet_delegate import SNIPPET_LINES
from reader.ui.session.library_session import SearchOutcome

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow

SEARCH_DEBOUNCE_MS = 200


class WindowSearch(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.terms: QueryTerms | None = None  # of the search the list shows
        self.outcome: SearchOutcome | None = None
        self.column_sort = (DATE, Qt.SortOrder.DescendingOrder)  # restored after a search
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        window.search_field.textChanged.connect(self._on_text)
        window.search_field.returnPressed.connect(self.run_now)
        window.session.search_done.connect(self._on_done)
        window.session.search_failed.connect(self._on_failed)

    def _on_text(self, text: str) -> None:
        window = self.window
        if text.strip():
            self.timer.start()
            return
        self.timer.stop()
        window.session.cancel_search()
        window.model.set_hits(None)
        window.model.set_snippets({})
        self.terms = None
        self.outcome = None
        window._mark_hits()
        window.list_view.verticalHeader().setDefaultSectionSize(window._row_height)
        window.list_view.horizontalHeader().setSortIndicator(*self.column_sort)
        window._update_count()
        window.list_view.setFocus()
        window._keep_current_visible()

    def run_now(self) -> None:
        self.timer.stop()
        self.run()

    def run(self) -> None:
        query = self.window.search_field.text().strip()
        if query:
            self.window.session.search(query, self.window.model.article)

    def _on_done(self, outcome: SearchOutcome) -> None:
        window = self.window
        query = outcome.query
        if query != window.search_field.text().strip():
            return  # the field changed since: a newer search is on its way
        self.outcome = outcome
        window.search_bar.show_suggestion(outcome.suggestion)
        self.terms = QueryTerms.parse(query)
        window.model.set_snippets(outcome.snippets)
        lines = 1 + SNIPPET_LINES
        height = window.list_view.fontMetrics().lineSpacing() * lines + 10
        window.list_view.verticalHeader().setDefaultSectionSize(height)
        window.model.set_hits(outcome.ids)
        # Relevance order: no column indicator. Clicking a header sorts the hits by that
        # column (newest first, say); Enter in the search field brings relevance back.
        header = window.list_view.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.column_sort = (header.sortIndicatorSection(), header.sortIndicatorOrder())
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        window._mark_hits()  # the article shown may stay the same: its marks change
        window._update_count()
        if window.model.rowCount():
            window.select_row(0)

    def _on_failed(self, query: str, message: str) -> None:
        if query == self.window.search_field.text().strip():
            self.window.model.set_hits([])
            self.window.count_label.setText(self.tr("Search: {0}").format(message))
