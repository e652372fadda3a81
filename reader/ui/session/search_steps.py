"""What a search gives the window, in steps: the first hits, their snippets, the rest.

The results (:class:`~reader.core.operations.SearchResults`, the core's one result type)
come as :class:`ResultsToList` as soon as the index answers: the first ``FIRST_HITS``,
later all of them (a second one for the same query). Snippets and "did you mean" follow
as :class:`SnippetsToList`: a snippet reads and parses its article's file, and a
suggestion runs more searches, so neither may delay the list. Both add to the core's
results only what the list shows: snippet HTML, with the reader's translated words.
Plain data, built on worker threads (no Qt calls): whatever the GUI thread would do per
hit (the hits' ranks, the hits in the article shown) is done there, so that the list
and the reading pane only take it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core.catalog.store import CatalogRow

if TYPE_CHECKING:  # loaded on the search lane, by the first search
    from reader.core.library.library import Library
    from reader.core.operations import SearchResults
    from reader.core.search.snippets import Snippet

# The list asks for the first FIRST_HITS hits, then (behind the first SCREENFUL
# snippets and "did you mean") for the rest up to SEARCH_LIMIT, then the other snippets
# up to SNIPPET_LIMIT. Scoring a top 2,000 visits nearly every matching article, many
# times the work of a top 50: the first hits must not wait for it.
FIRST_HITS = 50
SEARCH_LIMIT = 2000  # hits the list shows at most, best first (the count says how many match)
SCREENFUL = 12
SNIPPET_LIMIT = 30


Span = tuple[int, int]  # start, end: a hit in the text of the article shown


@dataclass(frozen=True)
class ShownText:
    """The article shown, as its marks count positions: the worker finds the query's
    hits in it, so the GUI thread only draws them. ``key`` tells which document it was:
    spans for another are never drawn."""

    key: object
    text: str
    lang: str


@dataclass(frozen=True)
class ResultsToList:
    """A search's results, with the snippet HTML the list shows at once: a line for each
    hit found by a highlight or note (the passages come later, see :class:`SnippetsToList`);
    each hit's rank, for the list to swap in whole; the hits in the article shown."""

    results: SearchResults
    snippets_html: dict[int, str]  # id → snippet HTML
    ranks: dict[int, int] = field(default_factory=dict)  # id → place, best first
    shown_key: object = None  # ShownText.key of the article the spans are in
    shown_spans: list[Span] | None = None  # None: that article was not searched


@dataclass(frozen=True)
class SnippetsToList:
    """Snippet HTML for some hits of a search the list shows, and its "did you mean"."""

    query: str
    snippets_html: dict[int, str]  # id → snippet HTML, for these hits
    suggestion: str | None = None
    with_suggestion: bool = False  # the suggestion was asked (None then means: none)


@dataclass(frozen=True)
class SearchFailed:
    """A search that found nothing to show: why, and whether the index needs rebuilding."""

    message: str = ""  # "" when it was skipped (a newer query was queued)
    damaged: bool = False  # the index failed its integrity check


Answer = tuple[int, ResultsToList | SearchFailed]  # the search's generation, and its answer


def results_to_list(
    results: SearchResults, in_highlights: str, shown: ShownText | None = None
) -> ResultsToList:
    """The results as the list shows them at once: each hit a note found says so; and
    the hits of the query in the article shown (``shown``), if any."""
    from reader.core.search.snippets import QueryTerms, hit_spans

    spans = None
    if shown is not None:
        terms = QueryTerms.parse(results.query)
        spans = hit_spans(shown.text, terms, shown.lang) if terms else []
    return ResultsToList(
        results=results,
        snippets_html=snippets_html(results, results.snippets, results.notes, in_highlights),
        ranks={hit.id: rank for rank, hit in enumerate(results.hits)},
        shown_key=shown.key if shown is not None else None,
        shown_spans=spans,
    )


def snippets_html(
    results: SearchResults,
    snippets: dict[int, Snippet | None],
    notes: dict[int, str],
    in_highlights: str,
) -> dict[int, str]:
    """Snippet HTML by id; a hit found by a note alone says so (``in_highlights``), with
    the words it matched there marked as in a snippet."""
    from reader.core.search.snippets import SNIPPET_CHARS, QueryTerms, Snippet, hit_spans

    shown = {
        article_id: snippet.html() if snippet else "" for article_id, snippet in snippets.items()
    }
    terms: QueryTerms | None = None
    langs = {hit.id: hit.row.lang for hit in results.hits}
    for article_id, whole in notes.items():
        # A note can be a book: the row holds a passage (a row shows 3 lines).
        line = _cut(whole, 2 * SNIPPET_CHARS)
        if "<mark>" not in shown.get(article_id, ""):
            if terms is None:
                terms = QueryTerms.parse(results.query, notes=True)
            spans = hit_spans(line, terms, langs.get(article_id, ""))
            shown[article_id] = in_highlights.format(Snippet(line, tuple(spans)).html())
    return shown


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def snippets_to_list(
    library: Library,
    results: SearchResults,
    rows: list[CatalogRow],
    suggest: bool,
    in_highlights: str,
    outdated: Callable[[], bool],
    _task: object = None,  # run as a task (TaskRunner gives its context)
) -> SnippetsToList | None:
    """The snippets of these hits of ``results`` (and, if ``suggest``, "did you mean");
    None when a newer query made them moot before they started."""
    from reader.core.operations import did_you_mean, hit_snippets

    if outdated():
        return None
    snippets = hit_snippets(library, results.query, rows, outdated)
    notes = {
        article_id: results.notes[article_id]
        for article_id in snippets
        if article_id in results.notes
    }
    shown = snippets_html(results, snippets, notes, in_highlights)
    if not suggest or results.timed_out:
        return SnippetsToList(query=results.query, snippets_html=shown)
    return SnippetsToList(
        query=results.query,
        snippets_html=shown,
        suggestion=did_you_mean(library, results.query, results.total),
        with_suggestion=True,
    )
