"""The three places an article can be, and what moving articles between them returns.

Independent of read state, stars and tags: an archived article may be unread, a
queued one starred. An article nobody moved is in the inbox (it has no row).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

State = Literal["inbox", "later", "archive"]
STATES: tuple[State, ...] = get_args(State)
Where = Literal["top", "up", "down", "bottom"]  # a move inside the queue


@dataclass(frozen=True)
class Placement:
    """Where one article is: its state and, in the queue, its place (smaller first)."""

    article_id: int
    state: State
    queue: int | None = None


@dataclass(frozen=True)
class TriageChange:
    """What one move did: each article's placement before and after, in the same order.

    ``Triage.undo`` puts back ``before``, ``Triage.redo`` puts back ``after``: the
    queue positions too, so an undone move to the archive returns an article to its
    place in the queue, not to its end.
    """

    before: tuple[Placement, ...]
    after: tuple[Placement, ...]

    def __bool__(self) -> bool:
        return self.before != self.after

    @property
    def article_ids(self) -> list[int]:
        return [placement.article_id for placement in self.after]
