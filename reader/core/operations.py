"""The use cases the window and the command line share, written once, tested without Qt.

* :func:`search_library`: the reader's filters (``is:starred``, ``in:notes``…), the
  index query, the hits' catalog rows, their snippets and the notes they matched by,
  as one :class:`SearchResults` (the index's :class:`~reader.core.search.index.IndexResults`
  with catalog rows: the same names for the same things, up to the window); a damaged
  index is rebuilt here when the caller lets it (the command line), or reported as
  :class:`IndexDamaged` for the caller to rebuild where it writes the index (the
  window's writer lane). A query's own failure is never taken for damage:
  only the index's integrity check says so (see :mod:`reader.core.search.index`).
* :func:`open_article`: read an article of the library (``Library.read_article``, the
  one way), render it once (its page and its reading text both come from that render),
  and anchor the reader's highlights on its reading text; what re-anchoring changed is
  returned to be saved (:func:`save_placements`) where the caller saves the reader's
  data. A caller whose open became moot stops the render (``should_stop``).

Both run on any thread: the catalog rows come from the catalog (a connection of the
calling thread's own), never from a GUI model.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reader.core.annotations.annotating import Anchored, reanchor
from reader.core.annotations.reading_text import reading_text_of
from reader.core.annotations.userdata import Annotation, ArticleState, UserDataError
from reader.core.articles.formats import text_line
from reader.core.catalog.store import CatalogRow
from reader.core.library.library import Library, Progress
from reader.core.render import RenderStopped, byline_text, page_html, render_body
from reader.core.search.index import IndexCorrupt, IndexResults
from reader.core.search.snippets import QueryTerms, Snippet, best_snippet, readable_text
from reader.core.search.user_filters import UserFilters

NOTES_LIMIT = 2000  # articles whose matching note is looked up, at most
OpenStopped = RenderStopped  # what open_article raises when its should_stop said so


class IndexDamaged(IndexCorrupt):
    """The index failed its integrity check; rebuild it where the index is written
    (``Library.rebuild_index()``, then a refresh), then search again."""


@dataclass(frozen=True)
class SearchHit:
    """One article a search found: its catalog row and score."""

    row: CatalogRow
    score: float

    @property
    def id(self) -> int:
        return self.row.id


@dataclass(frozen=True)
class SearchResults:
    """What a search of the library found: the one result type of the command line and
    the window (which adds only the snippet HTML it shows), under the index's field names."""

    query: str
    hits: list[SearchHit]  # best first (or newest first), only articles still catalogued
    total: int  # every matching article (may exceed len(hits)); see estimated
    estimated: bool = False  # total is an estimate (an upper bound), not a count
    suggestion: str | None = None  # "did you mean" (None when not asked: suggest=False)
    left_out: tuple[str, ...] = ()  # clauses left out (not understood, or past the limits)
    timed_out: bool = False  # the search stopped at its time limit: more may match
    while_indexing: bool = False  # asked while the index was being built: more may match
    rebuilt: bool = False  # the index was damaged and rebuilt before this search
    snippets: dict[int, Snippet | None] = field(default_factory=dict)  # id → best passage,
    # for the first hits asked (None: its file cannot be read now); a parse error gets none
    notes: dict[int, str] = field(default_factory=dict)  # id → the highlight (and note)
    # it matched by, on one line

    @property
    def ids(self) -> list[int]:
        return [hit.id for hit in self.hits]


def _never() -> bool:
    return False


def search_library(
    library: Library,
    query: str,
    *,
    limit: int = 20,
    sort: str = "relevance",
    snippets: int | None = None,
    suggest: bool = True,
    rebuild: Callable[[], None] | None = None,
    progress: Progress | None = None,
    should_stop: Callable[[], bool] = _never,
    while_indexing: bool = False,
) -> SearchResults:
    """Search the library as the search box does.

    ``snippets``: how many of the first hits get a snippet (None: all of them); the
    window asks for none, and then :func:`hit_snippets` for the rows it shows, as it
    asks :func:`did_you_mean` (``suggest=False``) apart: its first hits wait for neither.
    ``rebuild``: when given, a damaged index is rebuilt here (after calling it, to
    tell the reader) and refreshed (``progress``), then searched again; else
    :class:`IndexDamaged` is raised. ``should_stop`` is checked between snippets (a
    newer query makes this one moot). ``while_indexing``: the caller's index is being
    built now, which the results say (more may match). Raises ``QueryError`` for a
    query with nothing to search for or that cannot be run.
    """
    user = UserFilters(library.userdata)  # is:starred, tag:, in:notes… answered from SQLite
    rebuilt = False
    try:
        result = library.index.query(query, limit=limit, sort=sort, user=user, suggest=suggest)
    except IndexCorrupt as exc:
        if rebuild is None:
            raise IndexDamaged(str(exc)) from exc
        rebuild()
        recover_index(library, progress)
        rebuilt = True
        user = UserFilters(library.userdata)
        result = library.index.query(query, limit=limit, sort=sort, user=user, suggest=suggest)
    return _gather(library, query, result, user, snippets, should_stop, rebuilt, while_indexing)


def recover_index(library: Library, progress: Progress | None = None) -> None:
    """The one way back from a damaged index: start it afresh and index the catalog.

    Call it where index writes happen (the window does the same two steps on its
    writer lane, its refresh being its own).
    """
    library.rebuild_index()
    if progress is None:
        library.refresh()
    else:
        library.refresh(progress)


def _gather(
    library: Library,
    query: str,
    result: IndexResults,
    user: UserFilters,
    snippets: int | None,
    should_stop: Callable[[], bool],
    rebuilt: bool,
    while_indexing: bool,
) -> SearchResults:
    """The index's results as the library's: catalog rows, snippets, notes."""
    rows = {row.id: row for row in library.catalog.rows_by_id(hit.id for hit in result.hits)}
    hits = [SearchHit(rows[hit.id], hit.score) for hit in result.hits if hit.id in rows]
    asked = [hit.row for hit in (hits[:snippets] if snippets is not None else hits)]
    return SearchResults(
        query=query,
        hits=hits,
        total=result.total,
        estimated=result.estimated,
        suggestion=result.suggestion,
        left_out=result.left_out,
        timed_out=result.timed_out,
        while_indexing=while_indexing,
        rebuilt=rebuilt,
        snippets=hit_snippets(library, query, asked, should_stop),
        notes=user.matched_notes(NOTES_LIMIT),
    )


def hit_snippets(
    library: Library,
    query: str,
    rows: list[CatalogRow],
    should_stop: Callable[[], bool] = _never,
) -> dict[int, Snippet | None]:
    """The best passage of each of these hits (rows with a parse error get none).

    Their files are read in one request to the file reader; ``should_stop`` is checked
    before it and between the snippets: what is done so far is returned."""
    terms = QueryTerms.parse(query)
    found: dict[int, Snippet | None] = {}
    readable = [row for row in rows if not row.error]
    if not readable or should_stop():
        return found
    for row, data in zip(readable, library.read_files(readable), strict=True):
        if should_stop():
            break
        found[row.id] = _snippet(library, row, data, terms)
    return found


def did_you_mean(library: Library, query: str, total: int) -> str | None:
    """A corrected query that finds more than the ``total`` articles this one found."""
    return library.index.suggestion(query, total)


def _snippet(
    library: Library, row: CatalogRow, data: bytes | OSError, terms: QueryTerms
) -> Snippet | None:
    """The best passage of a catalogued article read as ``data``, or None if it could
    not be read."""
    if isinstance(data, OSError):
        return None
    text = text_line(row.path, data)  # a text file: its words as they are, at once
    if text is None:
        article = library.parse_read(row, data, summary=False)
        if article.error:
            return None
        text = readable_text(article.body)
    return best_snippet(text, terms, row.lang)


# --- opening an article -------------------------------------------------------------


@dataclass(frozen=True)
class OpenedArticle:
    """An article ready to read: its HTML, its reading text and the reader's data on it."""

    id: int
    html: str  # "" when the file is gone
    fallback: str = ""  # why it is shown as plain text ("" when it is not): render.Rendered
    text: str = ""  # the reading text highlights are anchored on
    byline: str = ""
    fingerprint: str = ""
    anchored: Anchored = field(default_factory=Anchored)
    state: ArticleState = field(default_factory=ArticleState)
    tags: tuple[str, ...] = ()
    to_save: tuple[Annotation, ...] = ()  # placements re-anchoring changed, not yet saved


def open_article(
    library: Library,
    row: CatalogRow | int,
    lang: str = "en",
    *,
    should_stop: Callable[[], bool] = _never,
) -> OpenedArticle:
    """Read, render (the byline in the interface language ``lang``) and anchor an article.

    ``row``: its catalog row, or its id. Nothing is written: ``to_save`` holds what
    re-anchoring changed (empty in a read-only session), for :func:`save_placements`.
    An article no longer catalogued, or whose file is gone, comes back with no HTML.
    ``should_stop`` is checked while the Markdown renders (with its time budget): when
    it is true the open is abandoned with :data:`OpenStopped`, nothing anchored.
    """
    if isinstance(row, int):
        rows = library.catalog.rows_by_id([row])
        if not rows:
            return OpenedArticle(row, "")
        row = rows[0]
    try:
        article = library.read_article(row)
    except FileNotFoundError:
        return OpenedArticle(row.id, "")
    body = render_body(article, should_stop)  # once: the page and the reading text
    page = page_html(article, body, lang)
    text = reading_text_of(article, body)
    userdata = library.userdata
    anchored = reanchor(userdata.annotations(row.id), text, article.fingerprint)
    to_save = () if userdata.read_only else tuple(anchored.changed)
    return OpenedArticle(
        id=row.id,
        html=page.html,
        fallback=page.fallback,
        text=text,
        byline=byline_text(article, lang),
        fingerprint=article.fingerprint,
        anchored=anchored,
        state=userdata.state(row.id),
        tags=tuple(userdata.tags(row.id)),
        to_save=to_save,
    )


def save_placements(library: Library, opened: OpenedArticle) -> bool:
    """Save where re-anchoring placed the highlights; False if they could not be saved.

    Not saved, they are simply anchored again next time (the window says why it
    cannot save), so a failure here is not an error.
    """
    if not opened.to_save:
        return True
    try:
        library.userdata.save_anchoring(opened.to_save)
    except UserDataError:
        return False
    return True
