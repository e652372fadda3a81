"""Moving articles between the inbox, Later and the Archive, and inside Later's queue:
each move is one step of Edit → Undo, shown in the list at once and saved on the
``user`` lane (the GUI thread never waits for the disk).

The list shows a move before it is saved (the reader sees their key do something);
the lane then reads back where every article really is, so the list ends as saved
(a failed save puts it back, and the window says why).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core.triage.states import State, TriageChange, Where
from reader.core.triage.triage import Triage
from reader.ui.session.error_text import save_error_text
from reader.ui.session.library_session import LibrarySession
from reader.ui.session.tasks import TaskRunner
from reader.ui.triage.views import TriagedListModel

Saved = tuple[dict[int, State], list[int]]  # where the articles out of the inbox are; the queue


class TriageMove(QUndoCommand):
    """One move (to a state, or inside the queue). The first redo asks the core for
    the change; later redos and undos replay it exactly (queue places included)."""

    def __init__(
        self,
        moves: TriageMoves,
        make: Callable[[Triage], TriageChange],
        shown_after: Saved,
        label: str,
    ) -> None:
        super().__init__(label)
        self.moves = moves
        self.make = make
        self.shown_before = moves.shown()
        self.shown_after = shown_after
        self.change: TriageChange | None = None  # set and read on the user lane only

    def redo(self) -> None:
        def work(triage: Triage) -> None:
            if self.change is None:
                self.change = self.make(triage)
            else:
                triage.redo(self.change)

        self.moves.write(work, self.shown_after)

    def undo(self) -> None:
        def work(triage: Triage) -> None:
            if self.change is not None:
                triage.undo(self.change)

        self.moves.write(work, self.shown_before)


class TriageMoves(QObject):
    message = Signal(str)  # a move could not be saved: why
    moved = Signal(list, str)  # article ids, the state they were moved to (by the reader)

    def __init__(
        self,
        model: TriagedListModel,
        session: LibrarySession,
        tasks: TaskRunner,
        undo_stack: QUndoStack,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.session = session
        self.tasks = tasks
        self.undo_stack = undo_stack
        self._writing = 0  # saves queued: only the last one's answer is shown

    def load(self) -> None:
        """Where every article is, read off the GUI thread (at open, after a refresh)."""
        userdata = self.session.userdata
        if userdata is not None:  # behind the saves queued: it reads what they wrote
            self.tasks.run("user", lambda _: _saved(Triage(userdata)), self._loaded)

    def _loaded(self, saved: Saved) -> None:
        if not self._writing:  # else a save's answer, newer, is coming
            self._show(saved)

    def shown(self) -> Saved:
        states: dict[int, State] = {}
        for article_id in self.model.placed_ids():
            states[article_id] = self.model.place_of(article_id)
        return states, self.model.queue()

    # --- the reader's moves ------------------------------------------------------------

    def move(self, article_ids: list[int], state: State, label: str) -> None:
        """Move these articles to ``state`` (one undo step)."""
        moving = [i for i in article_ids if self.model.place_of(i) != state]
        if not moving or not self._can_save():
            return
        states, queue = self.shown()
        for article_id in moving:
            states[article_id] = state
        queue = [i for i in queue if i not in moving]
        if state == "later":
            queue += moving  # joining the queue: at its end
        self.undo_stack.push(
            TriageMove(self, lambda t: t.set_state(moving, state), (states, queue), label)
        )
        self.moved.emit(moving, state)

    def move_in_queue(self, article_id: int, where: Where, label: str) -> None:
        """Move a queued article to the top, up, down or to the bottom (one undo step)."""
        states, queue = self.shown()
        if article_id not in queue or not self._can_save():
            return
        at = queue.index(article_id)
        target = {"top": 0, "up": at - 1, "down": at + 1, "bottom": len(queue) - 1}[where]
        target = max(0, min(target, len(queue) - 1))
        if target == at:
            return
        queue.insert(target, queue.pop(at))
        self.undo_stack.push(
            TriageMove(self, lambda t: t.move_in_queue(article_id, where), (states, queue), label)
        )

    # --- saving ------------------------------------------------------------------------

    def _can_save(self) -> bool:
        reason = self.session.read_only_reason
        if self.session.userdata is None or reason:
            if reason:
                self.message.emit(self.tr("Not saved: {0}.").format(reason))
            return False
        return True

    def write(self, work: Callable[[Triage], None], shown: Saved) -> None:
        """Show ``shown`` now, save with ``work`` on the user lane, then show what is saved."""
        userdata = self.session.userdata
        if userdata is None:
            return
        self._show(shown)
        self._writing += 1

        def save(_: object) -> Saved:
            triage = Triage(userdata)
            work(triage)
            return _saved(triage)

        self.tasks.run("user", save, self._saved, self._save_failed)

    def _saved(self, saved: Saved) -> None:
        self._writing -= 1
        if not self._writing:  # a later move's answer is coming: it shows this one too
            self._show(saved)

    def _save_failed(self, exc: BaseException) -> None:
        self._writing -= 1
        self.undo_stack.clear()  # its steps no longer match what is saved
        self.message.emit(
            self.tr("Not saved: {0}. The list shows what is saved again.").format(
                save_error_text(exc)
            )
        )
        self.load()

    def _show(self, saved: Saved) -> None:
        self.model.set_places(*saved)


def _saved(triage: Triage) -> Saved:
    return triage.states(), triage.queue()
