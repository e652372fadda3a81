"""The session's searches: the query on the ``search`` lane, its results back by signal.

Searching is the core's use case (:func:`reader.core.operations.search_library`), shared
with the command line; this runs it in steps (see :mod:`reader.ui.session.search_steps`)
and drops stale answers: a query answered after a newer one was asked is never shown.

A search lane runs one thing at a time and a Whoosh search cannot be stopped midway, so
what a reader typing on does not need waits: the snippets are one task that stops at
the next snippet once the query is outdated, and the rest of the hits (a top
``SEARCH_LIMIT``, many times the work of the first) is asked only once the query has
stood for ``REST_AFTER_MS``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.ui.session.refreshing import LibraryRefresh
from reader.ui.session.search_steps import (
    FIRST_HITS,
    SCREENFUL,
    SEARCH_LIMIT,
    SNIPPET_LIMIT,
    Answer,
    ResultsToList,
    SearchFailed,
    ShownText,
    SnippetsToList,
    results_to_list,
    snippets_to_list,
)
from reader.ui.session.tasks import TaskContext, TaskRunner

if TYPE_CHECKING:  # loaded on the search lane, by the first search
    from reader.core.library.library import Library
    from reader.core.operations import SearchResults

# The rest of the hits is asked once the first have been listed this long and no newer
# query came: past the search field's debounce, so a reader still typing never waits
# behind it.
REST_AFTER_MS = 400


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
        self._rest: tuple[int, SearchResults] | None = None  # asked when the timer fires
        self._rest_timer = QTimer(self)  # one timer, restarted: no new object per query
        self._rest_timer.setSingleShot(True)
        self._rest_timer.setInterval(REST_AFTER_MS)
        self._rest_timer.timeout.connect(self._ask_rest)

    def run(
        self,
        query: str,
        limit: int = FIRST_HITS,
        generation: int = 0,
        shown: ShownText | None = None,
    ) -> None:
        """Search off the GUI thread; the worker reads the hits' rows from the catalog,
        and finds the query's hits in ``shown`` (the article shown), if given.
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
            from reader.core import operations
            from reader.core.search.index import QueryError

            if generation != self._generation:
                return generation, SearchFailed()  # a newer query is queued: skip it
            try:
                results = operations.search_library(
                    library,
                    query,
                    limit=limit,
                    snippets=0,
                    suggest=False,
                    while_indexing=while_indexing,
                )
            except QueryError as exc:
                return generation, SearchFailed(str(exc))
            except operations.IndexDamaged:
                return generation, SearchFailed(damaged=True)
            return generation, results_to_list(results, in_highlights, shown)

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
                # Once the hits are painted: a worker running Python beside the paint
                # would take turns with it on the GIL.
                ask = partial(self._ask_snippets, generation, library, reply.results)
                QTimer.singleShot(0, self, partial(ask, in_highlights))
        elif reply.damaged:
            self.failed.emit(query, self.tr("the search index was damaged; rebuilding it"))
            self._refresh.rebuild_index()
        else:
            self.failed.emit(query, reply.message)

    def _ask_snippets(
        self, generation: int, library: Library, results: SearchResults, in_highlights: str
    ) -> None:
        if generation == self._generation and self._library() is library:  # not closed since
            self._queue_details(generation, library, results, in_highlights)

    def _queue_details(
        self, generation: int, library: Library, results: SearchResults, in_highlights: str
    ) -> None:
        """Queue, behind the hits on the search lane, one task: the first screenful's
        snippets (with "did you mean"), then the other snippets; and once the query has
        stood a while, the rest of the hits if there are more. A newer query makes them
        moot, and they stop."""
        rows = [hit.row for hit in results.hits[:SNIPPET_LIMIT]]

        def outdated() -> bool:
            return generation != self._generation

        def work(ctx: TaskContext) -> SnippetsToList | None:
            first = snippets_to_list(
                library, results, rows[:SCREENFUL], True, in_highlights, outdated
            )
            if first is None or not rows[SCREENFUL:]:
                return first
            ctx.partial(first)
            return snippets_to_list(
                library, results, rows[SCREENFUL:], False, in_highlights, outdated
            )

        done = partial(self._on_snippets, generation)
        self._tasks.run("search", work, done, on_partial=done)
        if len(results.hits) < min(results.total, SEARCH_LIMIT):
            self._rest = generation, results
            self._rest_timer.start()

    def _ask_rest(self) -> None:
        rest, self._rest = self._rest, None
        if rest is not None and rest[0] == self._generation:  # no newer query came meanwhile
            self.run(rest[1].query, SEARCH_LIMIT, rest[0])

    def _on_snippets(self, generation: int, snippets: object) -> None:
        if generation == self._generation and isinstance(snippets, SnippetsToList):
            self.snippets_ready.emit(snippets)
