"""Moving articles between inbox, queue and archive, in the catalog (table ``triage``).

Every move is one transaction of :meth:`UserData.writing` (durable when it returns,
``UserDataError`` when it cannot be saved) and returns a :class:`TriageChange` that
undoes it. The queue is ordered by an integer per queued article: one joining it goes
to the end, "top" goes before the first, "bottom" after the last; up and down swap
places with the neighbour (one or two rows written, whatever the queue's length). Rows of
articles that left the library are detached and adopted with their other rows (see
``UserData.detach``): an archived article renamed or edited stays archived.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from reader.core.annotations.userdata import UserData, now
from reader.core.triage.states import STATES, Placement, State, TriageChange, Where

__all__ = ["STATES", "Placement", "State", "Triage", "TriageChange", "Where"]


class Triage:
    """The triage of one library, over its :class:`UserData` (cheap: make one anywhere)."""

    def __init__(self, userdata: UserData) -> None:
        self.userdata = userdata

    # --- reading --------------------------------------------------------------------

    def states(self) -> dict[int, State]:
        """Article id → state, for the articles out of the inbox (any other id: inbox)."""
        cursor = self.userdata.reading().execute(
            "SELECT article_id, state FROM triage WHERE article_id > 0"
        )
        return {article_id: _state(state) for article_id, state in cursor}

    def state(self, article_id: int) -> State:
        return self.states_of([article_id])[article_id]

    def states_of(self, article_ids: Iterable[int]) -> dict[int, State]:
        placements = _placements(self.userdata.reading(), article_ids)
        return {placement.article_id: placement.state for placement in placements}

    def ids_in(self, state: State) -> set[int]:
        """The articles in ``state`` (for the inbox: those of the catalog with no row)."""
        db = self.userdata.reading()
        if state == "inbox":
            query = "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM triage)"
            return {row[0] for row in db.execute(query)}
        cursor = db.execute(
            "SELECT t.article_id FROM triage t JOIN articles a ON a.id = t.article_id"
            " WHERE t.state = ?",
            (state,),
        )
        return {row[0] for row in cursor}

    def counts(self) -> dict[State, int]:
        """How many articles of the catalog are in each state."""
        db = self.userdata.reading()
        total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        counts: dict[State, int] = {"inbox": total, "later": 0, "archive": 0}
        cursor = db.execute(
            "SELECT t.state, count(*) FROM triage t JOIN articles a ON a.id = t.article_id"
            " GROUP BY t.state"
        )
        for state, count in cursor:
            counts[_state(state)] = count
            counts["inbox"] -= count
        return counts

    def queue(self) -> list[int]:
        """The queued articles of the catalog, first to read first."""
        cursor = self.userdata.reading().execute(
            "SELECT t.article_id FROM triage t JOIN articles a ON a.id = t.article_id"
            " WHERE t.state = 'later' ORDER BY t.queue, t.article_id"
        )
        return [row[0] for row in cursor]

    # --- moving ---------------------------------------------------------------------

    def set_state(self, article_ids: Sequence[int], state: State) -> TriageChange:
        """Move articles (of the catalog; other ids are ignored) to ``state``.

        Those already there stay where they are (a queued article keeps its place);
        the others joining the queue go to its end, in the order given.
        """
        if state not in STATES:
            raise ValueError(f"not a state: {state!r}")
        with self.userdata.writing() as db:
            known = _in_catalog(db, article_ids)
            before = _placements(db, known)
            end = _queue_end(db)
            after = []
            for placement in before:
                if placement.state == state:
                    after.append(placement)
                elif state == "later":
                    end += 1
                    after.append(Placement(placement.article_id, state, end))
                else:
                    after.append(Placement(placement.article_id, state))
            _write(db, after)
        return TriageChange(tuple(before), tuple(after))

    def move_in_queue(self, article_id: int, where: Where) -> TriageChange:
        """Move a queued article to the top, up one, down one or to the bottom.

        An article not in the queue, or already at that end, is left alone: the change
        returned is then empty (false).
        """
        with self.userdata.writing() as db:
            order = [
                Placement(queued, "later", place)
                for queued, place in db.execute(
                    "SELECT t.article_id, t.queue FROM triage t JOIN articles a"
                    " ON a.id = t.article_id WHERE t.state = 'later'"
                    " ORDER BY t.queue, t.article_id"
                )
            ]
            ids = [placement.article_id for placement in order]
            if article_id not in ids:
                return TriageChange((), ())
            index = ids.index(article_id)
            moved = order[index]
            other = {"top": 0, "up": index - 1, "down": index + 1, "bottom": len(ids) - 1}[where]
            if other == index or not 0 <= other < len(ids):
                return TriageChange((), ())
            neighbour = order[other]
            if where == "top":
                after = [Placement(article_id, "later", _place(neighbour) - 1)]
            elif where == "bottom":
                after = [Placement(article_id, "later", _place(neighbour) + 1)]
            elif neighbour.queue != moved.queue:  # up or down: the two swap places
                after = [
                    Placement(article_id, "later", neighbour.queue),
                    Placement(neighbour.article_id, "later", moved.queue),
                ]
            else:  # the same place (an undo brought back one taken since): all renumbered
                ids[index], ids[other] = ids[other], ids[index]
                after = [
                    Placement(queued, "later", place)
                    for place, (old, queued) in enumerate(zip(order, ids, strict=True), 1)
                    if old.article_id != queued or old.queue != place
                ]
            was = {placement.article_id: placement for placement in order}
            before = [was[placement.article_id] for placement in after]
            _write(db, after)
        return TriageChange(tuple(before), tuple(after))

    def undo(self, change: TriageChange) -> None:
        """Put every article of ``change`` back where it was before it."""
        with self.userdata.writing() as db:
            _write(db, change.before)

    def redo(self, change: TriageChange) -> None:
        """Make ``change`` again, exactly (the same places in the queue)."""
        with self.userdata.writing() as db:
            _write(db, change.after)


def _state(value: str) -> State:
    return "later" if value == "later" else "archive" if value == "archive" else "inbox"


def _place(placement: Placement) -> int:
    return placement.queue if placement.queue is not None else 0


def _in_catalog(db: sqlite3.Connection, article_ids: Iterable[int]) -> list[int]:
    wanted = list(dict.fromkeys(article_ids))
    known: set[int] = set()
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        marks = ",".join("?" * len(part))
        known.update(
            row[0] for row in db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", part)
        )
    return [article_id for article_id in wanted if article_id in known]


def _placements(db: sqlite3.Connection, article_ids: Iterable[int]) -> list[Placement]:
    wanted = list(dict.fromkeys(article_ids))
    found: dict[int, Placement] = {}
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        marks = ",".join("?" * len(part))
        for article_id, state, queue in db.execute(
            f"SELECT article_id, state, queue FROM triage WHERE article_id IN ({marks})", part
        ):
            found[article_id] = Placement(article_id, _state(state), queue)
    return [found.get(article_id, Placement(article_id, "inbox")) for article_id in wanted]


def _queue_end(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT max(queue) FROM triage WHERE state = 'later'").fetchone()
    return int(row[0]) if row[0] is not None else 0


def _write(db: sqlite3.Connection, placements: Iterable[Placement]) -> None:
    stamp = now()
    for placement in placements:
        if placement.state == "inbox":
            db.execute("DELETE FROM triage WHERE article_id=?", (placement.article_id,))
        else:
            db.execute(
                "INSERT OR REPLACE INTO triage (article_id, state, queue, changed)"
                " VALUES (?, ?, ?, ?)",
                (placement.article_id, placement.state, placement.queue, stamp),
            )
