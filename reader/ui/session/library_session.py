"""One open library, seen from the GUI: its state, its opening and closing, and the
operations the window asks of it.

Each operation has its own module and object:

* ``session.refresh`` (:mod:`reader.ui.session.refreshing`): keeping the catalog and
  the index in step with the folder, hearing other processes' changes, rebuilding a
  damaged index;
* ``session.search`` (:mod:`reader.ui.session.searching`): searches, in steps;
* ``session.articles`` (:mod:`reader.ui.session.article_loading`): opening an article
  for the reading pane.

Each one runs its work on a lane of the :class:`TaskRunner` and answers by its own
signals: the GUI thread never waits. The :class:`Library` lives on the ``writer`` lane
(opening, scanning, parsing, indexing); the window connects to the signals of the
operation it uses (``session.search.results_ready``, ``session.refresh.done``…).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.ui.session.article_loading import ArticleLoading
from reader.ui.session.error_text import read_only_text
from reader.ui.session.progress_text import progress_text
from reader.ui.session.refreshing import LibraryRefresh
from reader.ui.session.row_pages import FirstPage, MoreRows, Opened, Peek, read_library
from reader.ui.session.search_steps import (
    ResultsToList,
    SearchFailed,
    ShownText,
    SnippetsToList,
)
from reader.ui.session.searching import SessionSearch
from reader.ui.session.shown_article import ShownArticle
from reader.ui.session.tasks import TaskRunner

if TYPE_CHECKING:  # loaded on the lanes, once the list is shown: see below
    from reader.core.annotations.userdata import UserData
    from reader.core.library.library import Library, Progress

__all__ = [
    "LibrarySession",
    "ResultsToList",
    "SearchFailed",
    "ShownArticle",
    "ShownText",
    "SnippetsToList",
    "progress_text",
]


class LibrarySession(QObject):
    opened = Signal(list)  # every CatalogRow, as the catalog had them
    # A big library's first rows, before it is open (ending with a MoreRows): shown, and
    # nothing else, until ``opened`` (see row_pages).
    listed = Signal(list)
    open_failed = Signal(str)

    def __init__(self, root: Path, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root
        self._tasks = tasks
        self._library: Library | None = None
        self._more: MoreRows | None = None  # a first page's end, until every row is read
        self.refresh = LibraryRefresh(lambda: self._library, tasks, self)
        self.search = SessionSearch(lambda: self._library, tasks, self.refresh, self)
        self.articles = ArticleLoading(lambda: self._library, tasks, self)

    @property
    def library(self) -> Library | None:
        """The open library, for work on a lane (None until it is open, and once closed)."""
        return self._library

    @property
    def is_open(self) -> bool:
        return self._library is not None

    @property
    def userdata(self) -> UserData | None:
        return self._library.userdata if self._library is not None else None

    @property
    def read_only_reason(self) -> str:
        """Why nothing can be saved, in the interface's language ("" when it can)."""
        library = self._library
        if library is None or not library.read_only:
            return ""
        return read_only_text(library.catalog_read_only)

    # --- opening and closing ------------------------------------------------------

    def open(self) -> None:
        self._tasks.run(
            "writer",
            lambda ctx: read_library(self.root, ctx.partial),
            on_done=self._on_opened,
            on_error=self._on_open_failed,
            on_partial=self._on_page,
        )

    def _on_page(self, page: FirstPage | Peek) -> None:
        if isinstance(page, Peek):
            self.listed.emit([*page.rows, MoreRows(None, page.total, self)])
            return
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
        self.refresh.request()
        self.refresh.start_polling()
        # Load the language model now, on the idle read lane: else the first file added
        # while the app runs would wait for it before it is listed. Not for a big library
        # (a first page): the model's memory would add to a relaunch's peak.
        if not first:
            self._tasks.run("read", _load_language_model)

    def _on_open_failed(self, exc: BaseException) -> None:
        self.open_failed.emit(str(exc))

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
        self.refresh.stop()
        library, self._library = self._library, None
        if library is not None:
            library.close()


def _load_language_model(_task: object = None) -> None:
    from reader.core.articles.language import load_model

    load_model()
