"""The reader's triage and review in the exports, and back in from an import.

In the W3C JSON-LD (namespace ``reader:``, see :mod:`reader.core.annotations.export`):

* ``reader:triage`` on the collection: ``[{"source": path, "state": "later"}, …]``,
  the queued articles in the queue's order, then the archived ones (the inbox is
  everything else, so it is not written);
* ``reader:review`` on a highlight: ``{"step", "due", "reviews", "last", "mastered"}``
  (:func:`reader.core.review.records.to_json`).

An import adds, never overrides: a state is given only to an article still in the
inbox (queued ones join the end of the queue, in the file's order), a review record
only to a highlight the import itself added. In the Markdown, an article's line says
"in the queue" or "archived", a highlight's last line when it comes back, and the
library's export ends with the reading queue in its order.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reader.core.annotations.export import NAMESPACE
from reader.core.annotations.library_view import LibraryView
from reader.core.articles.markdown_escape import escape_markdown
from reader.core.review import records
from reader.core.review.daily import ReviewDeck
from reader.core.review.schedule import ReviewRecord
from reader.core.triage.triage import State, Triage

TRIAGE_KEY = "reader:triage"
REVIEW_KEY = "reader:review"
QUEUE_HEADING = "Reading queue"
_WORDS: dict[State, str] = {"inbox": "", "later": "in the queue", "archive": "archived"}


class ReaderExtras:
    """:class:`~reader.core.annotations.library_view.ExportExtras` of a library."""

    def __init__(self, library: LibraryView) -> None:
        self.library = library
        self.triage = Triage(library.userdata)
        self.deck = ReviewDeck(library.userdata)
        self._states: dict[int, State] | None = None
        self._records: dict[str, ReviewRecord] | None = None

    def _all_states(self) -> dict[int, State]:
        if self._states is None:
            self._states = self.triage.states()
        return self._states

    def _all_records(self) -> dict[str, ReviewRecord]:
        if self._records is None:
            self._records = records.load_all(self.library.userdata.reading())
        return self._records

    # --- out ------------------------------------------------------------------------

    def collection_fields(self, article_id: int | None) -> dict[str, Any]:
        states = self._all_states()
        order = [i for i in self.triage.queue() if article_id in (None, i)]
        order += sorted(
            i for i, state in states.items() if state == "archive" and article_id in (None, i)
        )
        paths = {row.id: row.path for row in self.library.catalog.rows_by_id(order)}
        entries = [
            {"source": paths[i], "state": states[i]} for i in order if i in paths and i in states
        ]
        return {TRIAGE_KEY: entries} if entries else {}

    def annotation_fields(self, annotation_id: str) -> dict[str, Any]:
        record = self._all_records().get(annotation_id)
        return {REVIEW_KEY: records.to_json(record)} if record else {}

    def article_details(self, article_id: int) -> tuple[str, ...]:
        word = _WORDS[self._all_states().get(article_id, "inbox")]
        return (word,) if word else ()

    def annotation_details(self, annotation_id: str) -> tuple[str, ...]:
        record = self._all_records().get(annotation_id)
        if record is None:
            return ()
        if record.mastered:
            return ("review: mastered",)
        return (f"review: back on {record.due.isoformat()}",)

    def markdown_sections(self, article_id: int | None) -> list[str]:
        if article_id is not None:
            return []
        queue = self.triage.queue()
        if not queue:
            return []
        rows = {row.id: row for row in self.library.catalog.rows_by_id(queue)}
        lines = [f"## {QUEUE_HEADING}", ""]
        for number, queued in enumerate((i for i in queue if i in rows), 1):
            row = rows[queued]
            title = escape_markdown(" ".join(row.title.split()) or row.path)
            path = f"`` {row.path} ``" if "`" in row.path else f"`{row.path}`"
            lines.append(f"{number}. {title} · {path}")
        return [*lines, ""]

    # --- back in --------------------------------------------------------------------

    def imported(self, data: object, stored: Mapping[str, Mapping[str, Any]]) -> None:
        found = {}
        for annotation_id, raw in stored.items():
            record = records.from_json(raw.get(REVIEW_KEY, raw.get(f"{NAMESPACE}review")))
            if record is not None:
                found[annotation_id] = record
        if found:
            self.deck.import_records(found)
        if not isinstance(data, dict):
            return
        entries = data.get(TRIAGE_KEY, data.get(f"{NAMESPACE}triage"))
        if not isinstance(entries, list):
            return
        states = self.triage.states()
        wanted: dict[State, list[int]] = {"later": [], "archive": []}
        for entry in entries[: self.library.catalog.count()]:  # one per article at most
            if not isinstance(entry, dict) or entry.get("state") not in wanted:
                continue
            source = entry.get("source")
            row = self.library.catalog.row_by_path(source) if isinstance(source, str) else None
            if row is not None and row.id not in states:
                wanted[entry["state"]].append(row.id)
        for state, ids in wanted.items():
            if ids:
                self.triage.set_state(ids, state)
