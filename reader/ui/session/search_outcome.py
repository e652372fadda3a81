"""What a search gives the window, in steps: the first hits, their details, the rest.

The hits (ids, count, notes they matched by) come as a :class:`SearchOutcome` as soon
as the index answers, the first ``FIRST_HITS``, later all of them (a second outcome of
the same query). Snippets and "did you mean" follow as :class:`SearchDetails`:
a snippet reads and parses its article's file (a millisecond for a text file, tens
for a saved page), and a suggestion runs more searches; neither delays the list.
Plain data, built on worker threads (no Qt calls).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.core.catalog.store import CatalogRow
from reader.core.library.library import Library
from reader.core.operations import LibrarySearch, did_you_mean, hit_snippets
from reader.core.search.snippets import Snippet

# The list asks for the first FIRST_HITS hits, then (behind the first SCREENFUL
# snippets and "did you mean") for the rest up to SEARCH_LIMIT, then the other snippets
# up to SNIPPET_LIMIT. A top 2,000 scores nearly every matching article: 150–280 ms for
# a common word at 30,000 articles, where a top 50 takes 30–60 ms.
FIRST_HITS = 50
SEARCH_LIMIT = 2000  # hits the list shows at most, best first (the count says how many match)
SCREENFUL = 12
SNIPPET_LIMIT = 30


@dataclass(frozen=True)
class SearchOutcome:
    query: str
    ids: list[int]  # best first
    snippets: dict[int, str]  # id → snippet HTML (at first, the notes hits came by)
    total: int  # every matching article (may exceed len(ids))
    estimated: bool  # total is an estimate
    suggestion: str | None  # "did you mean" (None at first: it comes with the details)
    ignored: tuple[str, ...]  # clauses of a malformed query left out
    from_notes: dict[int, str] = field(default_factory=dict)  # id → the matching note
    while_indexing: bool = False  # asked while the index was being built: run it again after


@dataclass(frozen=True)
class SearchDetails:
    """Snippets for some hits of a search the list shows, and its "did you mean"."""

    query: str
    snippets: dict[int, str]  # id → snippet HTML, for these hits
    suggestion: str | None = None
    with_suggestion: bool = False  # the suggestion was asked (None then means: none)


@dataclass(frozen=True)
class SearchFailed:
    """A search that found nothing to show: why, and whether the index needs rebuilding."""

    message: str = ""  # "" when it was skipped (a newer query was queued)
    damaged: bool = False  # the index failed its integrity check


Searched = tuple[int, SearchOutcome | SearchFailed, LibrarySearch | None]  # generation…


def outcome_of(found: LibrarySearch, in_highlights: str, while_indexing: bool) -> SearchOutcome:
    """The list's view of a search: ids, snippet HTML, and the notes hits came by."""
    snippets = snippets_html(found.snippets, found.notes, in_highlights)
    return SearchOutcome(
        found.query, [hit.id for hit in found.hits], snippets, found.total, found.estimated,
        found.suggestion, found.left_out, found.notes, while_indexing,
    )  # fmt: skip


def snippets_html(
    snippets: dict[int, Snippet | None], notes: dict[int, str], in_highlights: str
) -> dict[int, str]:
    """Snippet HTML by id; a hit found by a note alone says so (``in_highlights``)."""
    shown = {
        article_id: snippet.html() if snippet else "" for article_id, snippet in snippets.items()
    }
    for article_id, line in notes.items():
        if "<mark>" not in shown.get(article_id, ""):
            shown[article_id] = in_highlights.format(html.escape(line))
    return shown


def details_of(
    library: Library,
    found: LibrarySearch,
    rows: list[CatalogRow],
    suggest: bool,
    in_highlights: str,
    outdated: Callable[[], bool],
    _task: object = None,  # run as a task (TaskRunner gives its context)
) -> SearchDetails | None:
    """The snippets of these hits of ``found`` (and, if ``suggest``, "did you mean");
    None when a newer query made them moot before they started."""
    if outdated():
        return None
    snippets = hit_snippets(library, found.query, rows, outdated)
    notes = {
        article_id: found.notes[article_id] for article_id in snippets if article_id in found.notes
    }
    shown = snippets_html(snippets, notes, in_highlights)
    if not suggest or found.timed_out:
        return SearchDetails(found.query, shown)
    suggestion = did_you_mean(library, found.query, found.total)
    return SearchDetails(found.query, shown, suggestion, with_suggestion=True)
