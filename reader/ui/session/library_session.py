"""One open library, seen from the GUI: everything it asks of the core, off its thread.

The :class:`Library` lives on the ``writer`` lane (opening, scanning, parsing,
indexing; big refreshes go to a child process, see ``reader.core.library.bulk``);
queries run on the ``search`` lane and article loading on the ``read`` lane.
Results come back as signals; stale search results (an older query finishing
after a newer one was asked) are dropped, never shown.
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from reader.core.annotations.annotating import Anchored, reanchor
from reader.core.annotations.reading_text import reading_text
from reader.core.annotations.userdata import ArticleState, UserData, UserDataError
from reader.core.articles.formats import parse_file
from reader.core.articles.language import load_model as load_language_model
from reader.core.catalog.store import CatalogRow
from reader.core.library.bulk import BULK_THRESHOLD, refresh_in_subprocess
from reader.core.library.library import Cancelled, ChangeSet, Library
from reader.core.render import byline_text, render_article
from reader.core.search.index import IndexCorrupt, QueryError
from reader.core.search.snippets import QueryTerms, article_snippet
from reader.core.search.user_filters import UserFilters
from reader.i18n import QT_TRANSLATE_NOOP
from reader.ui.session.error_text import read_only_text
from reader.ui.session.tasks import TaskContext, TaskRunner
from reader.ui.session.watcher import LibraryWatcher

SNIPPET_LIMIT = 30  # snippets for the first hits (a screenful is about 12); 1 ms each
SEARCH_LIMIT = 2000  # hits the list shows at most, best first (the count says how many match)
_CORRUPT = "\0corrupt"
PROGRESS = (  # what the core says while it works: translated where shown (progress_text)
    QT_TRANSLATE_NOOP("LibrarySession", "Scanning"),
    QT_TRANSLATE_NOOP("LibrarySession", "Reading articles"),
    QT_TRANSLATE_NOOP("LibrarySession", "Indexing"),
    QT_TRANSLATE_NOOP("LibrarySession", "Up to date"),
)


def progress_text(message: str) -> str:
    """A progress message in the interface's language (unknown ones as they are)."""
    return QCoreApplication.translate("LibrarySession", message)


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    ids: list[int]  # best first
    snippets: dict[int, str]  # id → snippet HTML
    total: int  # every matching article (may exceed len(ids))
    estimated: bool  # total is an estimate
    suggestion: str | None  # "did you mean"
    ignored: tuple[str, ...]  # clauses of a malformed query left out
    from_notes: dict[int, str] = field(default_factory=dict)  # id → the matching note


@dataclass(frozen=True)
class OpenedArticle:
    """An article ready to read: its HTML, its reading text and the reader's data on it."""

    id: int
    html: str  # "" when the file is gone
    text: str = ""  # the reading text highlights are anchored on
    byline: str = ""
    fingerprint: str = ""
    anchored: Anchored = field(default_factory=Anchored)
    state: ArticleState = field(default_factory=ArticleState)
    tags: tuple[str, ...] = ()


class LibrarySession(QObject):
    opened = Signal(list)  # every CatalogRow, as the catalog had them
    open_failed = Signal(str)
    rows_changed = Signal(list, list)  # upserted CatalogRows, removed ids
    progress = Signal(int, int, str)
    refreshed = Signal()  # catalog and index are in step with the folder
    search_done = Signal(object)  # a SearchOutcome
    search_failed = Signal(str, str)  # query, message
    article_ready = Signal(object)  # an OpenedArticle

    def __init__(self, root: Path, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self._tasks = tasks
        self._library: Library | None = None
        self._refreshing = False
        self._refresh_again = False
        self._next_scope: set[str] | None = set()  # folders for the next refresh; None: all
        self._search_generation = 0
        self._article_generation = 0
        self.watcher = LibraryWatcher(self)
        self.watcher.changed.connect(self.request_refresh)

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
        def work(ctx: TaskContext) -> tuple[Library, list[CatalogRow]]:
            library = Library(self.root)
            return library, library.catalog.rows()

        self._tasks.run("writer", work, self._on_opened, self._on_open_failed)

    def _on_opened(self, result: tuple[Library, list[CatalogRow]]) -> None:
        self._library, rows = result
        self.root = self._library.root
        self.opened.emit(rows)
        self.request_refresh()
        # Load the language model now, on the idle read lane (0.8 s): else the first
        # file added while the app runs would wait for it before it is listed.
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
            whole = plan.scoped_to is None
            folders = [str(folder) for folder in (library.folders if whole else plan.scoped_to)]
            files = [str(library.root / rel) for rel in plan.on_disk]
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
        if whole:
            self.watcher.watch(folders, files)
        else:
            self.watcher.add(folders, files)
        self._finish_refresh()

    def _on_refresh_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, Cancelled):
            self.progress.emit(0, 0, self.tr("Could not update the library: {0}").format(exc))
        self._finish_refresh()

    def _finish_refresh(self) -> None:
        self._refreshing = False
        if self._refresh_again:
            self._refresh_again = False
            self.request_refresh([])  # with the scope gathered meanwhile
        else:
            self.refreshed.emit()

    # --- searching ----------------------------------------------------------------

    def search(self, query: str, lookup: Callable[[int], CatalogRow | None]) -> None:
        """Search off the GUI thread; ``lookup`` finds a hit's row (path, language)."""
        self._search_generation += 1
        generation = self._search_generation
        library = self._library
        if library is None:
            return
        in_highlights = self.tr("✎ In your highlights: {0}")  # the worker never calls Qt

        def work(ctx: TaskContext) -> tuple[int, SearchOutcome | str]:
            if generation != self._search_generation:
                return generation, ""  # a newer query is queued: skip the work
            try:
                user = UserFilters(library.userdata)
                result = library.index.query(query, limit=SEARCH_LIMIT, user=user)
            except QueryError as exc:
                return generation, str(exc)
            except IndexCorrupt:
                return generation, _CORRUPT
            ids = [hit.id for hit in result.hits]
            snippets = {}
            terms = QueryTerms.parse(query)
            for article_id in ids[:SNIPPET_LIMIT]:
                if generation != self._search_generation:
                    break  # outdated while we worked: stop early, it will be dropped
                row = lookup(article_id)
                if row is not None and not row.error:
                    snippet = article_snippet(self.root, row.path, row.lang, terms)
                    snippets[article_id] = snippet.html() if snippet else ""
            from_notes = user.matched_notes(SEARCH_LIMIT)
            for article_id, line in from_notes.items():
                if "<mark>" not in snippets.get(article_id, ""):  # found by a note alone
                    snippets[article_id] = in_highlights.format(html.escape(line))
            outcome = SearchOutcome(
                query, ids, snippets, result.total, result.estimated, result.suggestion,
                result.ignored, from_notes,
            )  # fmt: skip
            return generation, outcome

        self._tasks.run("search", work, partial(self._on_search_done, query))

    def cancel_search(self) -> None:
        self._search_generation += 1  # whatever is running now is outdated

    def _on_search_done(self, query: str, result: tuple[int, SearchOutcome | str]) -> None:
        generation, outcome = result
        if generation != self._search_generation:
            return  # outdated: a newer query was asked meanwhile
        if outcome == _CORRUPT:
            damaged = self.tr("the search index was damaged; rebuilding it")
            self.search_failed.emit(query, damaged)
            self._rebuild_index()
        elif isinstance(outcome, str):
            self.search_failed.emit(query, outcome)
        else:
            self.search_done.emit(outcome)

    def _rebuild_index(self) -> None:
        library = self._library
        if library is not None:
            self._tasks.run("writer", lambda ctx: library.rebuild_index(), self._after_rebuild)

    def _after_rebuild(self, _: object) -> None:
        self.request_refresh()

    # --- reading ------------------------------------------------------------------

    def load_article(self, row: CatalogRow, lang: str = "en") -> None:
        """Read, render (byline in ``lang``) and anchor an article, off the GUI thread."""
        self._article_generation += 1
        generation = self._article_generation
        root = self.root
        library = self._library

        def work(ctx: TaskContext) -> tuple[int, OpenedArticle]:
            try:
                article = parse_file(root, row.path, detect=False)
            except FileNotFoundError:
                return generation, OpenedArticle(row.id, "")
            article.lang = row.lang
            html = render_article(article, lang)
            if library is None:
                return generation, OpenedArticle(row.id, html)
            text = reading_text(article)
            userdata = library.userdata
            anchored = reanchor(userdata.annotations(row.id), text, article.fingerprint)
            if anchored.changed and not userdata.read_only:
                # Not saved: they are anchored again next time (the window says why).
                with contextlib.suppress(UserDataError):
                    userdata.save_anchoring(anchored.changed)
            opened = OpenedArticle(
                row.id, html, text, byline_text(article, lang), article.fingerprint, anchored,
                userdata.state(row.id), tuple(userdata.tags(row.id)),
            )  # fmt: skip
            return generation, opened

        self._tasks.run("read", work, self._on_article)

    def _on_article(self, result: tuple[int, OpenedArticle]) -> None:
        generation, opened = result
        if generation == self._article_generation:
            self.article_ready.emit(opened)

    def run_on_library(
        self,
        fn: Callable[[Library], object],
        on_done: Callable[[object], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Work that reads or writes the catalog (export, import): on the writer lane."""
        library = self._library
        if library is None:
            on_error(RuntimeError("the library is not open yet"))
            return
        self._tasks.run("writer", lambda ctx: fn(library), on_done, on_error)

    def close(self) -> None:
        """Stop watching and close the library. Call once the task lanes are idle."""
        self.watcher.clear()
        library, self._library = self._library, None
        if library is not None:
            library.close()
