"""The articles related to the one open, found off the GUI thread (a LibrarySession's companion).

The core's :func:`reader.core.search.related.related_articles`, shared with the command
line's ``related``, run on the ``search`` lane (it only reads the index and the catalog:
never the writer lane, so a refresh never holds it up, and the ``open`` lane stays free for
articles). It is asked for once an article is shown, so it never delays one; an answer
for an article the reader has already left is dropped, never shown.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.core.catalog.store import CatalogRow
from reader.ui.session.library_session import LibrarySession
from reader.ui.session.tasks import TaskContext, TaskRunner

if TYPE_CHECKING:  # the library's modules load on the lanes (see library_session)
    from reader.core.library.library import Library
    from reader.core.search.related import Related


class RelatedFinder(QObject):
    found = Signal(int, object)  # the article's id, its Related

    def __init__(self, session: LibrarySession, tasks: TaskRunner) -> None:
        super().__init__(session)
        self._session = session
        self._tasks = tasks
        self._generation = 0

    def request(self, row: CatalogRow) -> None:
        """Find the articles related to ``row``; any answer still coming for another is moot."""
        self._generation += 1
        generation = self._generation
        library: Library | None = self._session.library  # read-only use, off the GUI thread
        if library is None:
            return

        def work(ctx: TaskContext) -> tuple[int, Related | None]:
            from reader.core.search import related

            if generation != self._generation or ctx.stopping():
                return generation, None  # a newer article was opened before this started
            article = library.read_article(row)
            found = related.related_articles(
                library.index, library.catalog, library.read_article, row.id, article
            )
            return generation, found

        def failed(_exc: BaseException) -> None:
            from reader.core.search.related import Related

            done((generation, Related()))  # none found: the list says so

        done = partial(self._on_done, row.id)
        self._tasks.run("search", work, done, failed)

    def cancel(self) -> None:
        """Whatever is being found now is for an article no longer shown."""
        self._generation += 1

    def _on_done(self, article_id: int, result: tuple[int, Related | None]) -> None:
        generation, found = result
        if found is not None and generation == self._generation:
            self.found.emit(article_id, found)
