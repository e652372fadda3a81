"""Opening an article for the reading pane: read, rendered and anchored off the GUI thread.

Opening is the core's use case (:func:`reader.core.operations.open_article`), shared
with the command line; this runs it on the ``open`` lane, whose threads let a newer
article open beside one slow to render, and reads its images there too (see
:mod:`reader.ui.session.shown_article`). What re-anchoring changed is saved on the
``user`` lane, with the reader's other changes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.core.articles.names import os_path
from reader.core.catalog.store import CatalogRow
from reader.ui.session.shown_article import Notices, ShownArticle, shown_article
from reader.ui.session.tasks import TaskContext, TaskRunner

if TYPE_CHECKING:  # the library's modules load on the lanes (see library_session)
    from reader.core.library.library import Library
    from reader.core.operations import OpenedArticle


class ArticleLoading(QObject):
    """The articles one session opens for reading; the newest asked for wins."""

    ready = Signal(object)  # a ShownArticle (its OpenedArticle, what the pane shows)

    def __init__(
        self, library: Callable[[], Library | None], tasks: TaskRunner, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._tasks = tasks
        self._generation = 0

    def load(self, row: CatalogRow, lang: str = "en") -> None:
        """Read, render (byline in ``lang``) and anchor an article, and read its images.

        An open that a newer one made moot before it started is skipped.
        """
        self._generation += 1
        generation = self._generation
        library = self._library()
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
            return generation != self._generation  # a newer article was asked for

        def work(ctx: TaskContext) -> tuple[int, ShownArticle | None]:
            from reader.core import operations

            if moot():
                return generation, None
            try:
                opened = operations.open_article(library, row, lang, should_stop=moot)
            except operations.OpenStopped:  # its render was stopped: nothing to show or save
                return generation, None
            folder = os_path(library.root, row.path).parent
            return generation, shown_article(opened, folder, notices)

        self._tasks.run("open", work, partial(self._on_loaded, library))

    def _on_loaded(self, library: Library, result: tuple[int, ShownArticle | None]) -> None:
        generation, shown = result
        if shown is None:
            return
        opened = shown.opened
        if opened.to_save:
            # On the user lane, with the reader's own changes. Not saved: they are
            # anchored again next time (the window says why it cannot save).
            self._tasks.run("user", partial(_save_placements, library, opened))
        if generation == self._generation:
            self.ready.emit(shown)


def _save_placements(library: Library, opened: OpenedArticle, _task: object = None) -> None:
    from reader.core import operations

    operations.save_placements(library, opened)
