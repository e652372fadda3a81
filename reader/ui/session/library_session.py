"""One open library, seen from the GUI: everything it asks of the core, off its thread.

The :class:`Library` lives on the ``writer`` lane (opening, scanning, parsing,
indexing; big refreshes go to a child process, see ``reader.core.library.bulk``);
queries run on the ``search`` lane and article opening on the ``open`` lane; what
re-anchoring changed is saved on the ``user`` lane, with the reader's other changes.
Searching and opening are the core's use cases (:mod:`reader.core.operations`),
shared with the command line: this adapts them to lanes and signals. Results come
back as signals; stale search results (an older query finishing after a newer one
was asked) are dropped, never shown. What other processes change in the catalog is heard
after each refresh and by a poll every ``POLL_MS`` (the command line's ``index``: no file event).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.annotations.userdata import UserData
from reader.core.articles.language import load_model as load_language_model
from reader.core.articles.names import os_path
from reader.core.catalog.store import CatalogRow
from reader.core.library.bulk import BULK_THRESHOLD, refresh_in_subprocess
from reader.core.library.library import Cancelled, ChangeSet, Library, LibraryUnavailable, Progress
from reader.core.operations import (
    IndexDamaged,
    OpenedArticle,
    OpenStopped,
    SearchResults,
    open_article,
    save_placements,
    search_library,
)
from reader.core.search.index import QueryError
from reader.ui.session.error_text import read_only_text
from reader.ui.session.progress_text import progress_text
from reader.ui.session.row_pages import FirstPage, MoreRows, Opened, read_library
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
from reader.ui.session.shown_article import Notices, ShownArticle, shown_article
from reader.ui.session.tasks import TaskContext, TaskRunner
from reader.ui.session.watcher import MAX_WATCHED_FILES, LibraryWatcher

POLL_MS = 2000  # how often the catalog is asked whether another process changed it
__all__ = [
    "LibrarySession",
    "OpenedArticle",
    "ResultsToList",
    "SearchFailed",
    "SearchResults",
    "ShownArticle",
    "SnippetsToList",
    "progress_text",
]


class LibrarySession(QObject):
    opened = Signal(list)  # every CatalogRow, as the catalog had them
    open_failed = Signal(str)
    rows_changed = Signal(list, list)  # upserted CatalogRows, removed ids
    progress = Signal(int, int, str)
    refreshed = Signal()  # catalog and index are in step with the folder
    search_done = Signal(object)  # a ResultsToList: the hits, as soon as the index answers
    search_details = Signal(object)  # a SnippetsToList: snippets (and did you mean), after
    search_failed = Signal(str, str)  # query, message
    article_ready = Signal(object)  # a ShownArticle (its OpenedArticle, what the pane shows)

    def __init__(self, root: Path, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self._tasks = tasks
        self._library: Library | None = None
        self._refreshing = False
        self._refresh_again = False
        self.unavailable = ""  # why the folder is not there now (said until it is back), or ""
        self._next_scope: set[str] | None = set()  # folders for the next refresh; None: all
        self._search_generation = 0
        self._article_generation = 0
        self.watcher = LibraryWatcher(self)
        self.watcher.changed.connect(self.request_refresh)
        self._more: MoreRows | None = None  # a first page's end, until every row is read
        self._polling = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._poll_elsewhere)

    @property
    def is_open(self) -> bool:
        return self._library is not None

    @property
    def userdata(self) -> UserData | None:
        return self._library.userdata if self._library is not None else None

    @property
    def read_only_reason(self) -> str:
        """Why nothing can be saved, in the interface's language ("" when it can)."""
        return read_only_text() if self._library is not None and self._library.read_only else ""

    @property
    def refreshing(self) -> bool:
        """True while the catalog or the index is being brought up to date."""
        return self._refreshing

    # --- opening and refreshing ---------------------------------------------------

    def open(self) -> None:
        self._tasks.run("writer", lambda ctx: read_library(self.root, ctx.partial),
                        self._on_opened, self._on_open_failed, None, self._on_page)  # fmt: skip

    def _on_page(self, page: FirstPage) -> None:
        self._more = MoreRows(page.library.catalog, page.total, self)
        self._on_opened((page.library, [*page.rows, self._more]), first=True)

    def _on_opened(self, result: Opened, first: bool = False) -> None:
        more, self._more = (None, self._more) if first else (self._more, None)
        if more is not None:  # after a first page: every row
            more.arrived.emit(result[1])
            return
        self._library, rows = result
        self.root = self._library.root
        self.opened.emit(rows)
        self.request_refresh()
        self._poll.start()
        # Load the language model now, on the idle read lane (0.8 s): else the first
        # file added while the app runs would wait for it before it is listed. Not for
        # a big library (a first page): its 125 MB would make a relaunch's peak memory.
        if not first:
            self._tasks.run("read", lambda ctx: load_language_model())

    def _on_open_failed(self, exc: BaseException) -> None:
        self.open_failed.emit(str(exc))

    def request_refresh(self, folders: list[str] | None = None) -> None:
        """Bring catalog and index up to date, for these folders or (None) all of it.

        Requests made while a refresh runs are merged into the next one.
        """
        if self._library is None:
            return
        if folders is None or self._next_scope is None:
            self._next_scope = None
        else:
            self._next_scope |= set(folders)
        if self._refreshing:
            self._refresh_again = True
            return
        self._refreshing = True
        library = self._library
        scope = None if self._next_scope is None else [Path(f) for f in self._next_scope]
        self._next_scope = set()

        def work(ctx: TaskContext) -> tuple[list[str], list[str], bool]:
            def on_batch(changes: ChangeSet) -> None:
                rows = library.catalog.rows_by_id(changes.added + changes.updated + changes.moved)
                ctx.partial((rows, list(changes.removed)))

            plan = library.plan(scope)
            if plan.work >= BULK_THRESHOLD:
                refresh_in_subprocess(
                    library.root, library.data_dir, ctx.progress, on_batch, ctx.stopping
                )
            else:
                library.refresh(ctx.progress, on_batch, ctx.stopping, plan=plan)
            if heard := library.changes_elsewhere():  # the command line's, say
                on_batch(heard)
            whole = plan.scoped_to is None
            walked = library.folders if plan.scoped_to is None else plan.scoped_to
            folders = [str(folder) for folder in walked]
            watched = list(plan.on_disk)[:MAX_WATCHED_FILES]  # the watcher takes no more
            files = [str(os_path(library.root, rel)) for rel in watched]
            return folders, files, whole

        self._tasks.run(
            "writer",
            work,
            on_done=self._on_refreshed,
            on_error=self._on_refresh_failed,
            on_progress=self.progress,  # signal to signal: a bound .emit can be collected
            on_partial=lambda payload: self.rows_changed.emit(*payload),
        )

    def _on_refreshed(self, watch: tuple[list[str], list[str], bool]) -> None:
        folders, files, whole = watch
        self.unavailable = ""
        if whole:
            self.watcher.watch(folders, files)
        else:
            self.watcher.add(folders, files)
        self._finish_refresh()

    def _on_refresh_failed(self, exc: BaseException) -> None:
        if isinstance(exc, LibraryUnavailable):  # nothing was removed: the list stays
            self.unavailable = self.tr(
                "The library folder is empty or not mounted: its articles are kept."
            )
        elif not isinstance(exc, Cancelled):
            self.progress.emit(0, 0, self.tr("Could not update the library: {0}").format(exc))
        self._finish_refresh()

    def _finish_refresh(self) -> None:
        self._refreshing = False
        if self._refresh_again:
            self._refresh_again = False
            self.request_refresh([])  # with the scope gathered meanwhile
        else:
            self.refreshed.emit()

    def _poll_elsewhere(self) -> None:
        """Did another process change the catalog? Asked on the writer lane, one at a time,
        never during a refresh (it asks after itself): one SELECT when nothing changed."""
        library = self._library
        if library is None or self._refreshing or self._polling:
            return
        self._polling = True

        def work(ctx: TaskContext) -> tuple[list[CatalogRow], list[int]]:
            heard = library.changes_elsewhere()
            ids = heard.added + heard.updated + heard.moved
            return (library.catalog.rows_by_id(ids) if ids else []), list(heard.removed)

        polled = partial(self._on_polled, library)
        self._tasks.run("writer", work, polled, polled)

    def _on_polled(
        self, library: Library, heard: tuple[list[CatalogRow], list[int]] | BaseException
    ) -> None:
        self._polling = False  # failed (the catalog busy now)? The next poll asks again.
        if isinstance(heard, tuple) and (heard[0] or heard[1]) and library is self._library:
            self.rows_changed.emit(*heard)

    # --- searching ----------------------------------------------------------------

    def search(self, query: str, limit: int = FIRST_HITS, generation: int = 0) -> None:
        """Search off the GUI thread; the worker reads the hits' rows from the catalog.
        ``limit``, ``generation``: the rest of the hits of a search (see search_steps)."""
        if not generation:
            self._search_generation += 1
        generation = generation or self._search_generation
        library = self._library
        if library is None:
            return
        in_highlights = self.tr("✎ In your highlights: {0}")  # the worker never calls Qt
        while_indexing = self._refreshing  # the index may change under it: said, and re-run

        def work(ctx: TaskContext) -> Answer:
            if generation != self._search_generation:
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

        done = partial(self._on_search_done, query, library, in_highlights, limit)
        self._tasks.run("search", work, done)

    def _ask_details(
        self, generation: int, library: Library, results: SearchResults, in_highlights: str
    ) -> None:
        """Queue, behind the hits on the search lane: the first screenful's snippets (with
        "did you mean"), the rest of the hits if there are more, the other snippets. A
        newer query makes them moot, and they stop."""
        rows = [hit.row for hit in results.hits[:SNIPPET_LIMIT]]

        def outdated() -> bool:
            return generation != self._search_generation

        def details(batch: list[CatalogRow], first: bool) -> None:
            work = partial(
                snippets_to_list, library, results, batch, first, in_highlights, outdated
            )
            self._tasks.run("search", work, done)

        done = partial(self._on_details, generation)
        details(rows[:SCREENFUL], True)
        if len(results.hits) < min(results.total, SEARCH_LIMIT):
            self.search(results.query, SEARCH_LIMIT, generation)
        if rows[SCREENFUL:]:
            details(rows[SCREENFUL:], False)

    def _on_details(self, generation: int, details: object) -> None:
        if generation == self._search_generation and isinstance(details, SnippetsToList):
            self.search_details.emit(details)

    def cancel_search(self) -> None:
        self._search_generation += 1  # whatever is running now is outdated

    def _on_search_done(
        self, query: str, library: Library, in_highlights: str, limit: int, answer: Answer
    ) -> None:
        generation, outcome = answer
        if generation != self._search_generation:
            return  # outdated: a newer query was asked meanwhile
        if isinstance(outcome, ResultsToList):
            self.search_done.emit(outcome)
            if limit == FIRST_HITS:  # not the rest of the hits
                self._ask_details(generation, library, outcome.results, in_highlights)
        elif outcome.damaged:
            damaged = self.tr("the search index was damaged; rebuilding it")
            self.search_failed.emit(query, damaged)
            self._rebuild_index()
        else:
            self.search_failed.emit(query, outcome.message)

    def _rebuild_index(self) -> None:
        """As ``operations.recover_index``: a fresh index, then this session's refresh."""
        library = self._library
        if library is not None:
            self._tasks.run("writer", lambda ctx: library.rebuild_index(), self._after_rebuild)

    def _after_rebuild(self, _: object) -> None:
        self.request_refresh()

    # --- reading ------------------------------------------------------------------

    def load_article(self, row: CatalogRow, lang: str = "en") -> None:
        """Read, render (byline in ``lang``) and anchor an article, and read its images,
        off the GUI thread (see :mod:`reader.ui.session.shown_article`).

        On the ``open`` lane, whose threads let a newer article open beside one slow to
        render; an open that a newer one made moot before it started is skipped.
        """
        self._article_generation += 1
        generation = self._article_generation
        library = self._library
        if library is None:
            return
        notices = Notices(
            self.tr(
                "Showing the first {0} characters of {1}: this article is too long to show whole."
            ),
            self.tr("Shown as plain text: this article is too complex to render."),
            french_numbers=lang == "fr",
        )  # translated here: the worker never calls Qt's tr

        def moot() -> bool:
            return generation != self._article_generation  # a newer article was asked for

        def work(ctx: TaskContext) -> tuple[int, ShownArticle | None]:
            if moot():
                return generation, None
            try:
                opened = open_article(library, row, lang, should_stop=moot)
            except OpenStopped:  # its render was stopped: nothing to show or save
                return generation, None
            folder = os_path(library.root, row.path).parent
            return generation, shown_article(opened, folder, notices)

        self._tasks.run("open", work, partial(self._on_article, library))

    def _on_article(self, library: Library, result: tuple[int, ShownArticle | None]) -> None:
        generation, shown = result
        if shown is None:
            return
        opened = shown.opened
        if opened.to_save:
            # On the user lane, with the reader's own changes. Not saved: they are
            # anchored again next time (the window says why it cannot save).
            self._tasks.run("user", lambda ctx: save_placements(library, opened))
        if generation == self._article_generation:
            self.article_ready.emit(shown)

    def run_on_library(
        self,
        fn: Callable[[Library, Progress], object],
        on_done: Callable[[object], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> None:
        """Work that reads or writes the catalog (export, import): on the writer lane.
        ``fn`` gets the library and a progress callback, heard by ``on_progress``."""
        library = self._library
        if library is None:
            on_error(RuntimeError("the library is not open yet"))
            return
        self._tasks.run(
            "writer", lambda ctx: fn(library, ctx.progress), on_done, on_error, on_progress
        )

    def close(self) -> None:
        """Stop watching and close the library. Call once the task lanes are idle."""
        self._poll.stop()
        self.watcher.clear()
        library, self._library = self._library, None
        if library is not None:
            library.close()
