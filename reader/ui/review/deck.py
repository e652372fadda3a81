"""The day's review as the page shows it: its highlights, where the reader is in them,
and every answer and edit saved on the ``user`` lane (the GUI thread never waits).

An answer shows at once (the next highlight comes) and is one step of Edit → Undo,
which takes it back (the core keeps the record it replaced). The day is the reader's
local calendar day, read when the review is opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core.annotations.userdata import now
from reader.core.limits import MAX_NOTE_CHARS
from reader.core.review.daily import ReviewDeck, ReviewItem, ReviewProgress
from reader.core.review.schedule import Answer
from reader.ui.session.error_text import save_error_text
from reader.ui.session.library_session import LibrarySession
from reader.ui.session.tasks import TaskRunner

Day = tuple[list[ReviewItem], ReviewProgress]


class ReviewAnswer(QUndoCommand):
    def __init__(self, deck: DayReview, item: ReviewItem, answer: Answer, label: str) -> None:
        super().__init__(label)
        self.deck = deck
        self.item = item
        self.answer = answer

    def redo(self) -> None:
        self.deck.record(self.item, self.answer)

    def undo(self) -> None:
        self.deck.record(self.item, None)


class DayReview(QObject):
    changed = Signal()  # the items, the one shown, or the progress changed
    message = Signal(str)  # a save failed: why
    edited = Signal(int)  # an article id: one of its highlights was edited here

    def __init__(
        self,
        session: LibrarySession,
        tasks: TaskRunner,
        undo_stack: QUndoStack,
        parent: QObject,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.undo_stack = undo_stack
        self.today = today  # the reader's local day (tests give theirs)
        self.day = today()
        self.items: list[ReviewItem] = []
        self.at = 0  # the item shown
        self.progress = ReviewProgress(0, 0, 0)
        self.loaded = False

    @property
    def item(self) -> ReviewItem | None:
        return self.items[self.at] if 0 <= self.at < len(self.items) else None

    def load(self) -> None:
        """Draw (or read again) today's list, off the GUI thread."""
        userdata = self.session.userdata
        if userdata is None:
            return
        self.day = day = self.today()

        def work(_: object) -> Day:
            deck = ReviewDeck(userdata)
            return deck.items(day), deck.progress(day)

        self.tasks.run("user", work, self._loaded, self._failed)

    def _loaded(self, found: Day) -> None:
        self.items, self.progress = found
        self.loaded = True
        self.at = self._first_unanswered(0)
        self.changed.emit()

    def _first_unanswered(self, start: int) -> int:
        """The first item not answered from ``start`` on (then from the top); else start."""
        order = [*range(start, len(self.items)), *range(0, start)]
        found = next((n for n in order if self.items[n].answered is None), None)
        return found if found is not None else min(start, max(0, len(self.items) - 1))

    def step(self, by: int) -> None:
        """Show the next (1) or previous (-1) highlight, answered or not."""
        if self.items and 0 <= self.at + by < len(self.items):
            self.at += by
            self.changed.emit()

    # --- answers ----------------------------------------------------------------------

    def answer(self, answer: Answer, label: str) -> None:
        item = self.item
        if item is None or not self._can_save():
            return
        self.undo_stack.push(ReviewAnswer(self, item, answer, label))

    def record(self, item: ReviewItem, answer: Answer | None) -> None:
        """Show ``answer`` (None: taken back) and save it; the undo stack calls this."""
        userdata = self.session.userdata
        at = next((n for n, i in enumerate(self.items) if i.annotation_id == item.annotation_id),
                  None)  # fmt: skip
        if userdata is None or at is None:
            return
        self.items[at] = replace(self.items[at], answered=answer)
        left = sum(1 for i in self.items if i.answered is None)
        self.progress = replace(self.progress, left=left, done=len(self.items) - left)
        self.at = self._first_unanswered(at) if answer is not None else at
        self.changed.emit()
        day, annotation_id = self.day, item.annotation_id

        def work(_: object) -> ReviewProgress:
            deck = ReviewDeck(userdata)
            if answer is None:
                deck.take_back(annotation_id, day)
            else:
                deck.answer(annotation_id, answer, day)
            return deck.progress(day)

        self.tasks.run("user", work, self._progressed, self._failed)

    def _progressed(self, progress: ReviewProgress) -> None:
        self.progress = progress
        self.changed.emit()

    # --- edits of the highlight shown ----------------------------------------------------

    def edit(
        self, note: str | None = None, color: str | None = None, tags: tuple[str, ...] | None = None
    ) -> None:
        """Change the note, colour or tags of the highlight shown (saved at once)."""
        item = self.item
        userdata = self.session.userdata
        if item is None or userdata is None or not self._can_save():
            return
        note = item.note if note is None else note[:MAX_NOTE_CHARS]
        color = item.color if color is None else color
        tags = item.tags if tags is None else tags
        self.items[self.at] = replace(item, note=note, color=color, tags=tags)
        self.changed.emit()
        annotation_id = item.annotation_id

        def work(_: object) -> int:
            saved = userdata.annotation(annotation_id)
            if saved is not None:
                userdata.save(replace(saved, note=note, color=color, tags=tags, modified=now()))
            return item.article_id

        self.tasks.run("user", work, self.edited.emit, self._failed)

    # --- saving ----------------------------------------------------------------------

    def _can_save(self) -> bool:
        reason = self.session.read_only_reason
        if reason:
            self.message.emit(self.tr("Not saved: {0}.").format(reason))
        return self.session.userdata is not None and not reason

    def _failed(self, exc: BaseException) -> None:
        self.undo_stack.clear()
        self.message.emit(self.tr("Not saved: {0}.").format(save_error_text(exc)))
        self.load()  # show what is saved
