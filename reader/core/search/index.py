"""Whoosh full-text index: each article analysed in its language, incremental writes, queries.

An article's title and text go into one ``title`` and one ``body`` field, each word
stemmed in the article's own language (see :mod:`reader.core.search.schema`); a query is
parsed (:mod:`reader.core.search.query`) and each word compiled into its distinct stems
across languages (:mod:`reader.core.search.compiler`), so one query finds French and
English articles alike.

Folding happens *before* stemming, so an unaccented query (``securite``)
and the accented text (``sécurité``) reach the stemmer as the same word.
Stop words are kept: phrases like "l'aide de Moscou" must match exactly.
Beside the index, a :class:`~reader.core.search.spelling.Vocabulary` keeps every word
folded but *not* stemmed: the real words behind "did you mean" and prefixes.

The index looks after itself: one that is missing, unreadable, of an older
schema or not of this schema is rebuilt at opening (``created`` tells the
library to reindex everything); corruption found later raises
:class:`IndexCorrupt`; a write lock left by a dead process does not block.

A query that fails is never taken for damage: only when the index then fails its
integrity check (:meth:`SearchIndex.is_damaged`) does the query raise ``IndexCorrupt``
(and the caller rebuild); else it raises :class:`QueryFailed`. A query is bounded
(its length, terms and prefixes: :mod:`reader.core.search.query`; each prefix's
expansions: :mod:`reader.core.search.compiler`) and searches for at most
``QUERY_SECONDS``: past it the hits found so far are returned, ``timed_out`` set.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import shutil
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from whoosh import index as whoosh_index
from whoosh import sorting
from whoosh.collectors import Collector, TimeLimitCollector, TopCollector
from whoosh.searching import Searcher, TimeLimit

from reader.core.articles.article import Article
from reader.core.limits import QUERY_SECONDS
from reader.core.search import query as ql
from reader.core.search.analysis import WORD
from reader.core.search.compiler import QueryCompiler
from reader.core.search.index_files import abandon, move_aside
from reader.core.search.lengths import scoring_searcher
from reader.core.search.merging import merge_tiny_segments
from reader.core.search.posting_pool import GroupedSegmentWriter
from reader.core.search.query_tree import SORTS, has_phrase
from reader.core.search.schema import (
    SCHEMA_VERSION,
    SCOPE_FIELDS,
    build_schema,
    document,
)
from reader.core.search.spelling import (
    VOCABULARY_FILE,
    Vocabulary,
    count_words,
    suggest,
    worth_suggesting,
)
from reader.core.search.user_filters import UserFilters

MULTIPROCESS_MIN_DOCS = 1000  # below this, forking index workers costs more than it saves
LOCK_TIMEOUT = 10.0  # seconds to wait for another live writer (the bulk indexer) to finish
_VERSION_FILE = "article-reader-schema"
_LOCK_FILE = "MAIN_WRITELOCK"


class QueryError(ValueError):
    """The query has nothing to search for."""


class QueryFailed(QueryError):
    """The query could not be run (too deep, say), though the index is sound."""


class IndexCorrupt(RuntimeError):
    """The index failed its integrity check; ``Library.rebuild_index()`` starts it afresh."""


@dataclass(frozen=True)
class IndexHit:
    """One article the index matched: its id and score (no catalog row: the index has none)."""

    id: int
    score: float


@dataclass(frozen=True)
class IndexResults:
    """What the index answers to a query. :mod:`reader.core.operations` turns it into the
    :class:`~reader.core.operations.SearchResults` everyone else reads, under the same
    field names."""

    hits: list[IndexHit]  # best first, or newest first (undated last) when sorted by date
    total: int  # every matching article (may exceed len(hits)); see estimated
    estimated: bool = False  # total is Whoosh's estimate (an upper bound), not a count
    suggestion: str | None = None  # "Did you mean …": a corrected query that finds more
    left_out: tuple[str, ...] = ()  # clauses left out: not understood ("date:abc"), or
    # past the query's limits (saying which)
    timed_out: bool = False  # stopped after QUERY_SECONDS: more articles may match
    nothing_understood: bool = False  # so the words of the left-out clauses were searched


class SearchIndex:
    """The index of one library. Writes (and ``recreate``) must come from one thread."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._searcher: Searcher | None = None
        self.created = False  # True when opening found no usable index
        self.ix = self._open_or_create()
        self.vocabulary = Vocabulary(folder / VOCABULARY_FILE)

    # --- opening, checking, recreating ----------------------------------------------

    def _open_or_create(self) -> whoosh_index.Index:
        failure: BaseException | None = None
        with _releasing_leaks():
            try:
                if (self.folder / _VERSION_FILE).read_text().strip() == str(SCHEMA_VERSION):
                    ix = whoosh_index.open_dir(str(self.folder))
                    try:
                        _check(ix)
                        return ix
                    except BaseException:
                        ix.close()  # type: ignore[no-untyped-call]
                        raise
            except Exception as exc:  # missing, older or corrupt (which raises anything)
                failure = exc
            del failure
            gc.collect()
        return self._create()

    def _create(self) -> whoosh_index.Index:
        move_aside(self.folder)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        ix = whoosh_index.create_in(str(self.folder), build_schema())
        (self.folder / _VERSION_FILE).write_text(f"{SCHEMA_VERSION}\n")
        self.created = True
        return ix

    def recreate(self) -> None:
        """Throw the index away and start an empty one (the catalog must reindex)."""
        with self._lock:
            self._close_searcher()
            self.ix.close()
            self.ix = self._create()

    # --- writing --------------------------------------------------------------------

    def write(self, upserts: Iterable[tuple[int, Article]], deletions: Iterable[int]) -> int:
        """Add or replace articles and delete ids, in one commit. Returns docs written.

        In this process and thread; a big build runs in worker processes instead
        (:mod:`reader.core.library.parallel_build`)."""
        upserts = list(upserts)
        written = 0
        texts: list[str] = []
        writer = self._writer()
        try:
            for article_id in deletions:
                writer.delete_by_term("id", str(article_id))
            for article_id, article in upserts:
                fields = document(article_id, article)
                writer.update_document(**fields)
                texts.append(f"{article.title}\n{cast(tuple[str, str], fields['body'])[1]}")
                written += 1
            writer.commit(mergetype=merge_tiny_segments)
        except BaseException:
            abandon(writer)
            raise
        # After the commit: the articles are searchable at once, and rewriting the
        # word list (which grows with the library) does not delay that. One writer at a
        # time per library (the writer lane, the bulk indexer, the command line).
        with contextlib.suppress(OSError):  # best effort: suggestions only
            self.vocabulary.add(count_words(texts))
        return written

    def _writer(self) -> Any:  # a GroupedSegmentWriter (Whoosh is untyped)
        """A writer; waits for a live writer, and clears a lock file no process can hold."""
        # compound=False: whoosh3 reads a compound segment by copying each of its
        # files into memory (BytesIO) whenever a reader opens, so a big library's whole
        # index would sit in memory from every launch. Plain segment files are read on
        # demand.
        # GroupedSegmentWriter: Whoosh's writer without its pickling posting pool.
        options: dict[str, Any] = {"timeout": LOCK_TIMEOUT, "compound": False}
        try:
            return GroupedSegmentWriter(self.ix, **options)
        except whoosh_index.LockError:
            raise  # held by a process that is still running: never broken
        except OSError:
            lock = self.folder / _LOCK_FILE
            if lock.is_dir():  # the directory lock of old Whoosh versions, left by a crash
                shutil.rmtree(lock)
            elif lock.exists():  # a lock file we cannot even open: nobody can lock it either
                lock.unlink()
            else:
                raise
            return GroupedSegmentWriter(self.ix, **options)

    def is_damaged(self) -> bool:
        """True when the index's files fail the opening check (after a failed write)."""
        with self._lock:
            self._close_searcher()
            try:
                with _releasing_leaks():
                    _check(self.ix)
            except Exception:
                return True
            return False

    def doc_count(self) -> int:
        return int(self.ix.doc_count())

    # --- searching ------------------------------------------------------------------

    def search(self, query_text: str, limit: int = 200) -> list[IndexHit]:
        """Hits in relevance order. Raises QueryError on a query with nothing to search."""
        return self._run(query_text, limit, "relevance").hits

    def query(
        self,
        text: str,
        limit: int = 200,
        sort: str = "relevance",
        user: UserFilters | None = None,
        suggest: bool = True,
    ) -> IndexResults:
        """Search with the query language of :mod:`reader.core.search.query`.

        Never raises on malformed input; raises QueryError when there is nothing to
        search for, QueryFailed when the query cannot be run on a sound index, and
        IndexCorrupt when the index fails its integrity check.
        ``user`` answers the clauses about the reader's data (is:, has:, in:notes, app
        tags) and finds words in highlights and notes; without it they match nothing.
        ``suggest=False`` leaves "did you mean" for :meth:`suggestion`, asked apart.
        """
        result = self._run(text, limit, sort, user=user)
        wanted = suggest and not result.timed_out and not result.nothing_understood
        suggestion = self.suggestion(text, result.total) if wanted else None
        return dataclasses.replace(result, suggestion=suggestion)

    def suggestion(self, text: str, total: int) -> str | None:
        """ "Did you mean": a corrected query that finds more than ``total`` articles.

        Apart from the query, so that its extra searches never delay the first hits."""
        parsed = ql.parse(text)
        if parsed.node is None or not worth_suggesting(parsed, self.vocabulary, total):
            return None
        deadline = time.monotonic() + QUERY_SECONDS
        with self._lock, contextlib.suppress(Exception):  # best effort, as damage is found
            count = self._counter(self._current_searcher())  # by the query, not here
            return suggest(parsed, self.vocabulary, count, total, deadline)
        return None

    def _run(
        self,
        text: str,
        limit: int,
        sort: str,
        user: UserFilters | None = None,
    ) -> IndexResults:
        if sort not in SORTS:
            raise ValueError(f"sort must be one of {SORTS}, not {sort!r}")
        deadline = time.monotonic() + QUERY_SECONDS
        parsed = ql.parse(text)
        left_out = parsed.left_out
        nothing_understood = False
        if parsed.node is None and parsed.ignored:
            # Only clauses we could not understand: search their words instead.
            parsed = ql.parse(" ".join(WORD.findall(" ".join(parsed.ignored))))
            left_out += parsed.over_limit
            nothing_understood = True
        if parsed.node is None:
            raise QueryError(f"nothing to search for in {text!r}")
        node = parsed.node
        failure: BaseException | None = None
        with self._lock:
            try:
                searcher = self._current_searcher()
                compiler = QueryCompiler(searcher.schema, self.vocabulary, user, searcher.reader())
                compiled = compiler.compile(node)
                left_out += tuple(compiler.left_out)
                counted = sort == "date" or has_phrase(node)  # see _collector
                collector = _collector(searcher, limit, sort, counted)
                timed = TimeLimitCollector(
                    collector, max(0.25, deadline - time.monotonic()), use_alarm=False
                )
                timed_out = user is not None and user.timed_out  # notes left out
                try:
                    searcher.search_with_collector(compiled, timed)
                except TimeLimit:
                    timed_out = True  # the hits so far
                results = timed.results()
                hits = [IndexHit(int(hit["id"]), float(hit.score or 0.0)) for hit in results]
                hits = hits[:limit]
                total = len(results) if counted else results.scored_length()
                estimated = timed_out or (not counted and total >= max(1, limit))
                if estimated and not timed_out:  # an upper bound: its words' articles
                    total = max(total, compiled.estimate_size(searcher.reader()))
            except Exception as exc:  # a damaged segment raises nearly anything
                failure = exc
                self._close_searcher()
        if failure is not None:
            message = f"{type(failure).__name__}: {failure}"
            with _releasing_leaks():
                del failure
                gc.collect()
            if self.is_damaged():  # the one test of damage: never a query's own failure
                raise IndexCorrupt(f"the search index cannot be read: {message}")
            raise QueryFailed(f"the query could not be run ({message[:200]})")
        return IndexResults(
            hits=hits,
            total=total,
            estimated=estimated,
            left_out=left_out,
            timed_out=timed_out,
            nothing_understood=nothing_understood,
        )

    def _counter(self, searcher: Searcher) -> Callable[[str], int]:
        def count(text: str) -> int:
            node = ql.parse(text).node
            if node is None:
                return 0
            compiled = QueryCompiler(searcher.schema, self.vocabulary).compile(node)
            return len(searcher.search(compiled, limit=1))

        return count

    def _current_searcher(self) -> Searcher:
        # A fresh searcher when the index changed: Searcher.refresh() in whoosh3
        # keeps the old readers, so deleted or edited documents would still match.
        if self._searcher is None or not self._searcher.up_to_date():  # type: ignore[no-untyped-call]
            self._close_searcher()
            with _releasing_leaks():
                self._searcher = scoring_searcher(self.ix)
        return self._searcher

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            with contextlib.suppress(Exception):  # one over a damaged index may fail
                self._searcher.close()  # type: ignore[no-untyped-call]
            self._searcher = None

    def close(self) -> None:
        with self._lock:
            self._close_searcher()
        self.ix.close()


def _collector(searcher: Searcher, limit: int, sort: str, counted: bool) -> Collector:
    """The collector of a query's first ``limit`` hits; ``counted``: its count must be
    whole. Past the limit the best-hits collector skips articles that cannot make the
    list, so its count is short, and the query's estimate is only its words' articles:
    near the count for words, far above it for a phrase (words found together, not side
    by side). So a phrase is counted as it is searched, in the same pass, skipping
    nothing; other queries keep the skipping and say "about" their estimate. Sorting by
    date looks at every match: its count is always whole."""
    if sort == "date":
        facet = sorting.FieldFacet("date", reverse=True)
        return cast(Collector, searcher.collector(limit=max(1, limit), sortedby=facet))  # type: ignore[no-untyped-call]
    if counted:
        return cast(Collector, TopCollector(max(1, limit), usequality=False, replace=0))  # type: ignore[no-untyped-call]
    return cast(Collector, searcher.collector(limit=max(1, limit)))  # type: ignore[no-untyped-call]


def _check(ix: whoosh_index.Index) -> None:
    """Raises if the index is not this schema's or its segments cannot be read.

    Cheap probes of every segment's files: the stored fields at both ends, and a
    posting list near the end of the postings file (the last document's id, then
    a title term: fields are written in name order, titles last). Reading a
    posting block checks its magic, so truncated or garbled files fail here
    rather than in the middle of a search.
    """
    with ix.reader() as reader:
        if set(reader.schema.names()) != set(build_schema().names()):
            raise ValueError("the index has another schema")
        for leaf, _offset in reader.leaf_readers():
            count = leaf.doc_count_all()
            if not count:
                continue
            leaf.stored_fields(0)
            last_id = leaf.stored_fields(count - 1)["id"]
            list(leaf.postings("id", last_id).all_ids())
            for field in reversed(SCOPE_FIELDS["title"]):
                term = next(iter(leaf.lexicon(field)), None)
                if term is not None:
                    list(leaf.postings(field, term).all_ids())
                    break


@contextlib.contextmanager
def _releasing_leaks() -> Iterator[None]:
    """Around reading an index that may be damaged: Whoosh's unclosed files are expected.

    When a damaged segment fails to open, Whoosh (retrying ten times) leaves its files
    open until the exception goes. We drop it (and collect) inside this block so they
    close now, quietly: an open file would keep the damaged index from being deleted
    on Windows."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        yield
