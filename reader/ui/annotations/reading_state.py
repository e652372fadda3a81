"""Stars, read state, reading position and tags: what the window remembers per article.

* Star an article with Ctrl+D (or a click in the list's star column).
* An article becomes read once it has been open for READ_AFTER_MS, or when it is
  scrolled to its end; Ctrl+U marks it read or unread by hand. An article the reader
  did not choose (the one shown at launch) counts its time only once they scroll it.
* Where the reader was in an article is saved as an offset in its reading text
  (not a scroll fraction: it survives a change of window or font size) a moment
  after scrolling stops and when another article is opened; reopening restores it.
* Tags given in the app live with the library's data (the tags in a file's front
  matter are the file's: shown and searchable, never changed).

Every save goes through the ``user`` lane; the GUI thread never waits for disk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.core.annotations.userdata import UserData
from reader.ui.library_list.article_model import ArticleListModel
from reader.ui.reading.reading_view import ReadingView
from reader.ui.session.error_text import save_error_text
from reader.ui.session.library_session import LibrarySession
from reader.ui.session.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.core.operations import OpenedArticle

READ_AFTER_MS = 4000  # open this long and it counts as read
POSITION_SAVE_MS = 800  # the position is saved this long after scrolling stops


class ReadingState(QObject):
    message = Signal(str)
    tags_changed = Signal()  # the app's tags changed: completions and filters follow
    loaded = Signal()  # stars, read state and tags of the library loaded (at open, refreshes)

    def __init__(
        self,
        view: ReadingView,
        model: ArticleListModel,
        session: LibrarySession,
        tasks: TaskRunner,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self.model = model
        self.session = session
        self.tasks = tasks
        self.current: OpenedArticle | None = None
        self._restoring = False
        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(READ_AFTER_MS)
        self._read_timer.timeout.connect(lambda: self._mark_current_read(True, automatic=True))
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(POSITION_SAVE_MS)
        self._position_timer.timeout.connect(self.save_position)
        self._unchosen = False  # shown without the reader choosing it: not read yet
        view.verticalScrollBar().valueChanged.connect(self._on_scroll)
        view.verticalScrollBar().actionTriggered.connect(self._on_reader_scroll)

        self.star_action = QAction(self.tr("&Star"), parent)
        self.star_action.setShortcut(QKeySequence("Ctrl+D"))
        self.star_action.setCheckable(True)
        self.star_action.triggered.connect(lambda: self.toggle_star())
        self.read_action = QAction(self.tr("Mark as &Unread"), parent)
        self.read_action.setShortcut(QKeySequence("Ctrl+U"))
        self.read_action.triggered.connect(self.toggle_read)

    # --- loading --------------------------------------------------------------------

    def load(self) -> None:
        """Stars, read state and tags of the whole library, read off the GUI thread."""
        userdata = self.session.userdata
        if userdata is None:
            return

        def work(_: object) -> tuple[set[int], set[int], dict[int, list[str]]]:
            return userdata.starred_ids(), userdata.read_ids(), userdata.all_tags()

        self.tasks.run("read", work, self._on_loaded)

    def _on_loaded(self, state: tuple[set[int], set[int], dict[int, list[str]]]) -> None:
        self.model.set_user_state(*state)
        if self.current is not None and self.current.html:
            self.view.set_tags(self.model.tags_of(self.current.id))
        self.loaded.emit()  # the reader's tags are in now (and a file's): the filter lists them

    # --- the article shown -----------------------------------------------------------

    def article_shown(self, opened: OpenedArticle | None, chosen: bool = True) -> None:
        """Call once the view shows ``opened`` (``leave()`` before it is replaced);
        ``chosen`` False when the reader did not pick it (at launch): its time counts
        only from their first scroll in it."""
        self._read_timer.stop()
        self._position_timer.stop()
        self.current = opened
        self._unchosen = not chosen
        self._update_actions()
        if opened is None or not opened.html:
            return
        self.view.set_tags(self.model.tags_of(opened.id))  # under the byline
        if chosen:
            self._read_timer.start()
        if opened.state.position:
            self._restoring = True
            QTimer.singleShot(0, lambda o=opened: self._restore(o))

    def leave(self) -> None:
        """The article is about to be replaced: its position is saved now."""
        self._read_timer.stop()
        if self._position_timer.isActive():
            self._position_timer.stop()
            self.save_position()

    def _on_reader_scroll(self, _action: int) -> None:
        """The reader scrolled (wheel, keys, scroll bar): an article shown unchosen is
        being read now, so its time starts counting."""
        if self._unchosen and self.current is not None:
            self._unchosen = False
            self._read_timer.start()

    def _restore(self, opened: OpenedArticle) -> None:
        self._restoring = False
        if opened is self.current:
            self.view.scroll_to_offset(opened.state.position)

    def top_offset(self) -> int:
        """The reading-text offset of the first line in view."""
        return self.view.top_offset()

    def _on_scroll(self, value: int) -> None:
        if self.current is None or self._restoring or not self.current.html:
            return
        self._position_timer.start()
        bar = self.view.verticalScrollBar()
        if bar.maximum() > 0 and value >= bar.maximum():
            self._mark_current_read(True, automatic=True)

    def save_position(self) -> None:
        opened = self.current
        if opened is None or not opened.html:
            return
        offset = self.top_offset()
        self._save(lambda userdata: userdata.set_position(opened.id, offset), quiet=True)

    # --- stars and read state --------------------------------------------------------

    def toggle_star(self, article_id: int | None = None) -> None:
        """Star or unstar an article (by default the one shown)."""
        if article_id is None:
            if self.current is None:
                return
            article_id = self.current.id
        self.set_starred(article_id, not self.model.starred(article_id))

    def set_starred(self, article_id: int, starred: bool) -> None:
        before = self.model.starred(article_id)
        if self._save(
            lambda userdata: userdata.set_starred([article_id], starred),
            undo=lambda: self._set_state(article_id, starred=before),
        ):
            self._set_state(article_id, starred=starred)

    def toggle_read(self) -> None:
        if self.current is not None:
            self._mark_current_read(self.model.unread(self.current.id), automatic=False)

    def _mark_current_read(self, read: bool, automatic: bool) -> None:
        opened = self.current
        if opened is None or not opened.html:
            return
        if automatic and (not self.model.unread(opened.id) or self.session.read_only_reason):
            return
        self._read_timer.stop()  # by hand, it stays as the reader said
        was_read = not self.model.unread(opened.id)
        if self._save(
            lambda userdata: userdata.set_read([opened.id], read),
            quiet=automatic,
            undo=lambda: self._set_state(opened.id, read=was_read),
        ):
            self._set_state(opened.id, read=read)

    def mark_read(self, article_ids: list[int], read: bool) -> None:
        """Mark these articles read (or unread) by hand, all in one save."""
        if not article_ids:
            return
        before = {i: not self.model.unread(i) for i in article_ids}

        def undo() -> None:
            for article_id, was_read in before.items():
                self._set_state(article_id, read=was_read)

        if self._save(lambda userdata: userdata.set_read(article_ids, read), undo=undo):
            if self.current is not None and self.current.id in before:
                self._read_timer.stop()  # as the reader said
            for article_id in article_ids:
                self._set_state(article_id, read=read)

    def _set_state(
        self, article_id: int, starred: bool | None = None, read: bool | None = None
    ) -> None:
        self.model.set_state(article_id, starred=starred, read=read)
        self._update_actions()

    def _update_actions(self) -> None:
        article_id = self.current.id if self.current else None
        self.star_action.setEnabled(article_id is not None)
        self.read_action.setEnabled(article_id is not None)
        if article_id is not None:
            self.star_action.setChecked(self.model.starred(article_id))
            unread = self.model.unread(article_id)
            self.read_action.setText(
                self.tr("Mark as &Read") if unread else self.tr("Mark as &Unread")
            )

    # --- tags -----------------------------------------------------------------------

    def add_tag(self, article_id: int, tag: str) -> None:
        self._save(lambda userdata: userdata.add_tag([article_id], tag), then=self._reload_tags)

    def remove_tag(self, article_id: int, tag: str) -> None:
        self._save(lambda userdata: userdata.remove_tag([article_id], tag), then=self._reload_tags)

    def rename_tag(self, old: str, new: str) -> None:
        self._save(lambda userdata: userdata.rename_tag(old, new), then=self._reload_tags)

    def _reload_tags(self) -> None:
        userdata = self.session.userdata
        if userdata is not None:
            self.tasks.run("user", lambda ctx: userdata.all_tags(), self._on_tags)

    def _on_tags(self, tags: dict[int, list[str]]) -> None:
        self.model.set_user_tags(tags)
        if self.current is not None and self.current.html:
            self.view.set_tags(self.model.tags_of(self.current.id))
        self.tags_changed.emit()

    # --- saving ----------------------------------------------------------------------

    def _save(
        self,
        change: Callable[[UserData], None],
        quiet: bool = False,
        then: Callable[[], None] | None = None,
        undo: Callable[[], None] | None = None,
    ) -> bool:
        """Queue a change on the user lane; False (and a message) if nothing can be saved.
        If the save fails, ``undo`` takes the change back from the list, and we say so."""
        userdata = self.session.userdata
        reason = self.session.read_only_reason
        if userdata is None or reason:
            if not quiet and reason:
                self.message.emit(self.tr("Not saved: {0}.").format(reason))
            return False
        self.tasks.run(
            "user",
            lambda ctx: change(userdata),
            on_done=(lambda _: then()) if then else None,
            on_error=lambda exc: self._save_failed(exc, undo),
        )
        return True

    def _save_failed(self, exc: BaseException, undo: Callable[[], None] | None) -> None:
        if undo is None:
            self.message.emit(self.tr("Not saved: {0}.").format(save_error_text(exc)))
            return
        undo()
        self.message.emit(
            self.tr("Not saved: {0}. The list shows what is saved again.").format(
                save_error_text(exc)
            )
        )
