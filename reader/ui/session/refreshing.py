"""Keeping an open library in step with its folder: refreshes, polling, rebuilding the index.

A refresh brings the catalog and the index up to date on the ``writer`` lane (big ones
in a child process, see ``reader.core.library.bulk``); requests made while one runs
are merged into the next. What other processes change in the catalog is heard after
each refresh and by a poll every ``POLL_MS`` (the command line's ``index`` raises no
file event). A damaged index is rebuilt here too, as ``operations.recover_index`` does:
a fresh index, then this session's refresh.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.articles.names import os_path
from reader.core.catalog.store import CatalogRow
from reader.ui.session.tasks import TaskContext, TaskRunner
from reader.ui.session.watcher import MAX_WATCHED_FILES, LibraryWatcher

if TYPE_CHECKING:  # the library's modules load on the writer lane (see library_session)
    from reader.core.library.library import ChangeSet, Library

POLL_MS = 2000  # how often the catalog is asked whether another process changed it
Watch = tuple[list[str], list[str], bool]  # folders, files, whether the whole library


class LibraryRefresh(QObject):
    """The refreshes of one session's library, and what tells it to refresh."""

    rows_changed = Signal(list, list)  # upserted CatalogRows, removed ids
    progress = Signal(int, int, str)
    done = Signal()  # catalog and index are in step with the folder

    def __init__(
        self, library: Callable[[], Library | None], tasks: TaskRunner, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._tasks = tasks
        self._running = False
        self._again = False
        self._next_scope: set[str] | None = set()  # folders for the next refresh; None: all
        self.unavailable = ""  # why the folder is not there now (said until it is back), or ""
        self.watcher = LibraryWatcher(self)
        self.watcher.changed.connect(self.request)
        self._polling = False
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._poll_elsewhere)

    @property
    def running(self) -> bool:
        """True while the catalog or the index is being brought up to date."""
        return self._running

    def start_polling(self) -> None:
        self._poll.start()

    def stop(self) -> None:
        """Stop polling and watching (the library is closing)."""
        self._poll.stop()
        self.watcher.clear()

    def request(self, folders: list[str] | None = None) -> None:
        """Bring catalog and index up to date, for these folders or (None) all of it.

        Requests made while a refresh runs are merged into the next one.
        """
        library = self._library()
        if library is None:
            return
        if folders is None or self._next_scope is None:
            self._next_scope = None
        else:
            self._next_scope |= set(folders)
        if self._running:
            self._again = True
            return
        self._running = True
        scope = None if self._next_scope is None else [Path(f) for f in self._next_scope]
        self._next_scope = set()

        def work(ctx: TaskContext) -> Watch:
            from reader.core.library import bulk

            def on_batch(changes: ChangeSet) -> None:
                rows = library.catalog.rows_by_id(changes.added + changes.updated + changes.moved)
                ctx.partial((rows, list(changes.removed)))

            plan = library.plan(scope)
            if plan.work >= bulk.BULK_THRESHOLD:
                bulk.refresh_in_subprocess(
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
            on_done=self._on_done,
            on_error=self._on_failed,
            on_progress=self.progress,  # signal to signal: a bound .emit can be collected
            on_partial=lambda payload: self.rows_changed.emit(*payload),
        )

    def _on_done(self, watch: Watch) -> None:
        folders, files, whole = watch
        self.unavailable = ""
        if whole:
            self.watcher.watch(folders, files)
        else:
            self.watcher.add(folders, files)
        self._finish()

    def _on_failed(self, exc: BaseException) -> None:
        from reader.core.library.library import Cancelled, LibraryUnavailable

        if isinstance(exc, LibraryUnavailable):  # nothing was removed: the list stays
            self.unavailable = self.tr(
                "The library folder is empty or not mounted: its articles are kept."
            )
        elif not isinstance(exc, Cancelled):
            self.progress.emit(0, 0, self.tr("Could not update the library: {0}").format(exc))
        self._finish()

    def _finish(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.request([])  # with the scope gathered meanwhile
        else:
            self.done.emit()

    def _poll_elsewhere(self) -> None:
        """Did another process change the catalog? Asked on the writer lane, one at a time,
        never during a refresh (it asks after itself): one SELECT when nothing changed."""
        library = self._library()
        if library is None or self._running or self._polling:
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
        if isinstance(heard, tuple) and (heard[0] or heard[1]) and library is self._library():
            self.rows_changed.emit(*heard)

    def rebuild_index(self) -> None:
        """As ``operations.recover_index``: a fresh index, then this session's refresh."""
        library = self._library()
        if library is not None:
            self._tasks.run("writer", lambda ctx: library.rebuild_index(), self._after_rebuild)

    def _after_rebuild(self, _: object) -> None:
        self.request()
