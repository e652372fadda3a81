"""The session's searches: the query on the ``search`` lane, its results back by signal.

Searching is the core's use case (:func:`reader.core.operations.search_library`), shared
with the command line; this runs it in steps (see :mod:`reader.ui.session.search_steps`)
and drops stale answers: a query answered after a newer one was asked is never shown.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal

from reader.core.catalog.store import CatalogRow
from reader.core.library.library import Library
from reader.core.operations import IndexDamaged, SearchResults, search_library
from reader.core.search.index import QueryError
from reader.ui.session.refreshing import LibraryRefresh
from reader.ui.session.search_steps import (
    FIRST_HITS,
    SCREENFUL,
    SEARCH_LIMIT,
    SNIPPET_LIMIT,
    Answer,
    ResultsToList,
    SearchFailed,
    SnippetsToList,
    results_to_list,
    snippets_to_list,
)
from reader.ui.session.tasks import TaskContext, TaskRunner


class SessionSearch(QObject):
    """The searches of one session's library, off the GUI thread."""

    results_ready = Signal(object)  # a ResultsToList: the hits, as soon as the index answers
    snippets_ready = Signal(object)  # a SnippetsToList: snippets (and did you mean), after
    failed = Signal(str, str)  # query, message

    def __init__(
        self,
        library: Callable[[], Library | None],
        tasks: TaskRunner,
        refresh: LibraryRefresh,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._tasks = tasks
        self._refresh = refresh
        self._generation = 0

    def run(self, query: str, limit: int = FIRST_HITS, generation: int = 0) -> None:
        """Search off the GUI thread; the worker reads the hits' rows from the catalog.
        ``limit``, ``generation``: the rest of the hits of a search (see search_steps)."""
        if not generation:
            self._generation += 1
        generation = generation or self._generation
        library = self._library()
        if library is None:
            return
        in_highlights = self.tr("✎ In your highlights: {0}")  # the worker never calls Qt
        while_indexing = self._refresh.running  # the index may change under it: said, re-run

        def work(ctx: TaskContext) -> Answer:
            if generation != self._generation:
                return generation, SearchFailed()  # a newer query is queued: skip it
            try:
                results = search_library(
                    library,
                    query,
                    limit=limit,
                    snippets=0,
                    suggest=False,
                    while_indexing=while_indexing,
                )
            except QueryError as exc:
                return generation, SearchFailed(str(exc))
            except IndexDamaged:
                return generation, SearchFailed(damaged=True)
            return generation, results_to_list(results, in_highlights)

        done = partial(self._on_answer, query, library, in_highlights, limit)
        self._tasks.run("search", work, done)

    def cancel(self) -> None:
        self._generation += 1  # whatever is running now is outdated

    def _on_answer(
        self, query: str, library: Library, in_highlights: str, limit: int, answer: Answer
    ) -> None:
        generation, reply = answer
        if generation != self._generation:
            return  # outdated: a newer query was asked meanwhile
        if isinstance(reply, ResultsToList):
            self.results_ready.emit(reply)
            if limit == FIRST_HITS:  # not the rest of the hits
                self._ask_snippets(generation, library, reply.results, in_highlights)
        elif reply.damaged:
            self.failed.emit(query, self.tr("the search index was damaged; rebuilding it"))
            self._refresh.rebuild_index()
        else:
            self.failed.emit(query, reply.message)

    def _ask_snippets(
        self, generation: int, library: Library, results: SearchResults, in_highlights: str
    ) -> None:
        """Queue, behind the hits on the search lane: the first screenful's snippets (with
        "did you mean"), the rest of the hits if there are more, the other snippets. A
        newer query makes them moot, and they stop."""
        rows = [hit.row for hit in results.hits[:SNIPPET_LIMIT]]

        def outdated() -> bool:
            return generation != self._generation

        def snippets(batch: list[CatalogRow], suggest: bool) -> None:
            work = partial(
                snippets_to_list, library, results, batch, suggest, in_highlights, outdated
            )
            self._tasks.run("search", work, done)

        done = partial(self._on_snippets, generation)
        snippets(rows[:SCREENFUL], True)
        if len(results.hits) < min(results.total, SEARCH_LIMIT):
            self.run(results.query, SEARCH_LIMIT, generation)
        if rows[SCREENFUL:]:
            snippets(rows[SCREENFUL:], False)

    def _on_snippets(self, generation: int, snippets: object) -> None:
        if generation == self._generation and isinstance(snippets, SnippetsToList):
            self.snippets_ready.emit(snippets)
