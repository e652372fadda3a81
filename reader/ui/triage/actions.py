"""The triage keys: L puts the article (or the rows selected) in Later, E in the Archive,
Shift+I back in the inbox; Alt+Up / Alt+Down move a queued article up and down the queue,
Alt+Home / Alt+End to its top and bottom; Alt+1 … Alt+4 show a view.

L and E are Readwise Reader's keys for Later and Archive (and e is Gmail's archive);
Shift+I its key for the inbox, shifted because a bare I is too easily hit to undo a
triage. None of them is taken: j, k, s, m, r, u, / and ? are the other reader keys.

A key moves the rows selected when there are several, else the article shown. An
article moved out of the view shown makes way for the next row, as a mail reader's
archive does; Edit → Undo (Ctrl+Z) takes any move back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.core.triage.states import State, Where
from reader.ui.library_list.article_list import ArticleList
from reader.ui.library_list.article_model import ID_ROLE
from reader.ui.triage.moves import TriageMoves
from reader.ui.triage.views import VIEWS, TriagedListModel, View


class TriageActions(QObject):
    def __init__(
        self,
        moves: TriageMoves,
        list_view: ArticleList,
        current: Callable[[], int | None],
        select_row: Callable[[int], None],
        owner: QWidget,
    ) -> None:
        """``current`` gives the id of the article shown; ``owner`` (the window) holds
        the actions, so their keys work from the list and the pane alike."""
        super().__init__(owner)
        self.moves = moves
        self.model: TriagedListModel = moves.model
        self.list_view = list_view
        self.current = current
        self.select_row = select_row
        self.owner = owner
        self.left_at: tuple[int, int] | None = None  # an article moved out of the list: its row
        self.later_action = self._action(self.tr("Read &Later"), ["L"], lambda: self.move("later"))
        self.archive_action = self._action(self.tr("Archi&ve"), ["E"], lambda: self.move("archive"))
        self.inbox_action = self._action(
            self.tr("Move to &Inbox"), ["Shift+I"], lambda: self.move("inbox")
        )
        self.move_actions = [self.later_action, self.archive_action, self.inbox_action]
        queue: tuple[tuple[str, str, Where], ...] = (
            (self.tr("Move to &Top of Queue"), "Alt+Home", "top"),
            (self.tr("Move &Up in Queue"), "Alt+Up", "up"),
            (self.tr("Move &Down in Queue"), "Alt+Down", "down"),
            (self.tr("Move to &Bottom of Queue"), "Alt+End", "bottom"),
        )
        self.queue_actions = [
            self._action(text, [key], self._queue_mover(where)) for text, key, where in queue
        ]
        self.view_actions = self._view_actions()
        self.model.view_changed.connect(self._follow_view)

    def _queue_mover(self, where: Where) -> Callable[[], None]:
        return lambda: self.move_in_queue(where)

    def _action(self, text: str, keys: list[str], slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.owner)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.triggered.connect(slot)
        self.owner.addAction(action)
        return action

    def _view_actions(self) -> dict[str, QAction]:
        labels = {
            "unarchived": self.tr("&Current (Not Archived)"),
            "inbox": self.tr("&Inbox"),
            "later": self.tr("&Later (Queue)"),
            "archive": self.tr("A&rchive"),
        }
        group = QActionGroup(self)
        actions: dict[str, QAction] = {}
        for n, view in enumerate(VIEWS, start=1):
            action = self._action(labels[view], [f"Alt+{n}"], self._viewer(view))
            action.setCheckable(True)
            action.setChecked(view == self.model.view)
            action.setActionGroup(group)
            actions[view] = action
        return actions

    def _viewer(self, view: View) -> Callable[[], None]:
        return lambda: self.model.set_view(view)

    def _follow_view(self, view: str) -> None:
        if view in self.view_actions:
            self.view_actions[view].setChecked(True)

    # --- what a key moves ---------------------------------------------------------------

    def targets(self) -> list[int]:
        """The rows selected when there are several, else the article shown."""
        rows = self.list_view.selectionModel().selectedRows()
        if len(rows) > 1:
            ordered = sorted(rows, key=lambda index: index.row())
            return [index.data(ID_ROLE) for index in ordered]
        shown = self.current()
        return [shown] if shown is not None else []

    def move(self, state: State, ids: list[int] | None = None, make_way: bool = True) -> None:
        """Move ``ids`` (by default what a key moves) to ``state``; if the article shown
        leaves the list, the next row is shown (unless ``make_way`` is False)."""
        ids = self.targets() if ids is None else ids
        labels = {
            "later": self.tr("Read Later", "undo step"),
            "archive": self.tr("Archive", "undo step"),
            "inbox": self.tr("Move to Inbox", "undo step"),
        }
        shown = self.current()
        row = self.model.row_of(shown) if shown is not None else None
        self.moves.move(ids, state, labels[state])
        if shown is not None and row is not None and self.model.row_of(shown) is None:
            self.left_at = (shown, row)
            if make_way and self.model.rowCount():
                self.select_row(min(row, self.model.rowCount() - 1))  # the next row

    def move_in_queue(self, where: Where) -> None:
        shown = self.current()
        if shown is None:
            return
        labels = {
            "top": self.tr("Move to Top of Queue", "undo step"),
            "up": self.tr("Move Up in Queue", "undo step"),
            "down": self.tr("Move Down in Queue", "undo step"),
            "bottom": self.tr("Move to Bottom of Queue", "undo step"),
        }
        self.moves.move_in_queue(shown, where, labels[where])
        row = self.model.row_of(shown)
        if row is not None:
            self.list_view.scrollTo(self.model.index(row, 0))
