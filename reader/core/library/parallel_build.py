"""Big refreshes with one worker process per core that parses *and* indexes.

Parsing is most of a build's work, so it is spread too: were the main process to
parse every file and pickle whole articles to index writers, they would wait on it
and a first build would use little more than one core. Instead each worker reads
its share of the files itself (it is sent paths, not documents), keeps the parsed
articles, and sends back only what the catalog needs (the article without its
body). The main process commits those to the catalog, which gives them their ids,
and tells each worker which of its articles to index under which id. Each worker
writes its articles into segments with a
:class:`~reader.core.search.posting_pool.GroupedSegmentWriter` (a new one whenever
the one it writes holds :data:`~reader.core.library.build_worker.SEGMENT_POSTINGS`
postings: a worker's memory is bounded whatever the articles' length) and counts the
words for "did you mean"; the main process then commits all the segments at once
(:func:`reader.core.search.segments.commit_segments`). What a build leaves is merged
into one segment afterwards (:mod:`reader.core.search.segment_merge`).

Parsing runs one batch ahead: while the main process commits a batch to the
catalog, the workers already read the next one.

Workers are started fresh ("spawn"), not forked: a forked worker's memory would
count every page of the main process it was forked from (the scan's and the
catalog's, which grow with the library), once per worker; a fresh interpreter
costs about a second to start, little beside a build big enough to need workers.
They are used by the command line and the bulk indexer; the window's small
refreshes stay in process. Each dies with its parent
(:func:`reader.core.children.die_with_parent`) and is killed when the build ends,
is cancelled or fails; a segment it was writing is then left out of the index
(Whoosh deletes its files at the next commit). The worker's side of all this is
:mod:`reader.core.library.build_worker`.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from reader.core.articles.article import Article
from reader.core.catalog.store import CatalogRow
from reader.core.library import worker_main
from reader.core.search.index import SearchIndex
from reader.core.search.segments import commit_segments

ONE_WORKER_BELOW = 100  # a batch this small is read by one worker: one small segment, not two
_STOP = ("stop", None)


class WorkerFailed(RuntimeError):
    """A worker process failed or died; the message says how. Committed batches stay."""


class BuildWorkers:
    """``procs`` worker processes: the parallel counterpart of ``InProcessIndexer``."""

    def __init__(self, root: Path, index: SearchIndex, procs: int) -> None:
        self.index = index
        context = multiprocessing.get_context("spawn")
        self._conns: list[Connection] = []
        self._processes: list[Any] = []
        self._holder: dict[str, int] = {}  # path → the worker keeping its parsed article
        self._next_alone = 0  # the worker that reads the next small batch alone
        self.waiting = 0  # articles sent to be indexed since the last commit
        # Answers come in the order questions were asked: a commit's answer may follow
        # that of the next batch's parse, sent ahead. Each question gets a ticket.
        self._tickets = itertools.count()
        self._asked: list[deque[int]] = [deque() for _ in range(procs)]
        self._answers: list[dict[int, Any]] = [{} for _ in range(procs)]
        parent = os.getpid()
        try:
            for n in range(procs):
                mine, theirs = context.Pipe()
                process = context.Process(
                    target=worker_main.run,
                    args=(root, index.folder, theirs, parent),
                    name=f"article-reader-index-{n}",
                    daemon=True,
                )
                process.start()
                theirs.close()
                self._conns.append(mine)
                self._processes.append(process)
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker: at once, whatever it was doing (nothing of it is committed)."""
        for conn in self._conns:
            with contextlib.suppress(OSError):  # a worker that is gone needs no stop message
                conn.send(_STOP)
        for process in self._processes:
            process.join(timeout=1)
            if process.is_alive():
                process.kill()
                process.join()
        for conn in self._conns:
            conn.close()
        self._conns, self._processes = [], []

    # --- reading --------------------------------------------------------------------

    def parse(
        self,
        batches: Iterable[list[str]],
        on_disk: Mapping[str, tuple[int, int]],
    ) -> Iterator[tuple[list[str], list[tuple[Article, int, int]]]]:
        """Each batch of paths, parsed: (article without its body, mtime, size) in order.

        The next batch is sent before this one is given back, so the workers read it
        while the caller commits this one. A file gone meanwhile is left out.
        """
        ahead: tuple[list[str], list[tuple[list[str], int]]] | None = None
        for paths in batches:
            sent = (paths, self._send_parse(paths, on_disk))
            if ahead is not None:
                yield ahead[0], self._parsed(*ahead, on_disk)
            ahead = sent
        if ahead is not None:
            yield ahead[0], self._parsed(*ahead, on_disk)

    def _send_parse(
        self, paths: list[str], on_disk: Mapping[str, tuple[int, int]]
    ) -> list[tuple[list[str], int]]:
        """Each worker's share of ``paths`` and the ticket of its answer."""
        shares: list[list[str]] = [[] for _ in self._conns]
        if len(paths) < ONE_WORKER_BELOW:
            shares[self._next_alone] = list(paths)
            self._next_alone = (self._next_alone + 1) % len(shares)
        else:
            loads = [0] * len(shares)  # bytes: parsing and indexing time go with size
            for rel in sorted(paths, key=lambda rel: -on_disk[rel][1]):
                lightest = loads.index(min(loads))
                shares[lightest].append(rel)
                loads[lightest] += on_disk[rel][1] + 1
        return [
            (share, self._ask(n, ("parse", share)) if share else -1)
            for n, share in enumerate(shares)
        ]

    def _parsed(
        self,
        paths: list[str],
        shares: list[tuple[list[str], int]],
        on_disk: Mapping[str, tuple[int, int]],
    ) -> list[tuple[Article, int, int]]:
        found: dict[str, Article] = {}
        for n, (share, ticket) in enumerate(shares):
            if not share:
                continue
            articles: list[Article | None] = self._answer(n, ticket)
            for rel, article in zip(share, articles, strict=True):
                if article is not None:
                    found[rel] = article
                    self._holder[rel] = n
        return [(found[rel], *on_disk[rel]) for rel in paths if rel in found]

    # --- indexing -------------------------------------------------------------------

    def add(self, upserts: Sequence[tuple[int, Article]], parsed: Iterable[str]) -> None:
        """Index these articles (by id) at the next commit; forget the rest of ``parsed``."""
        work: list[list[tuple[int, str]]] = [[] for _ in self._conns]
        for article_id, article in upserts:
            work[self._holder[article.path]].append((article_id, article.path))
        done: list[list[str]] = [[] for _ in self._conns]
        for rel in parsed:
            holder = self._holder.pop(rel, None)
            if holder is not None:
                done[holder].append(rel)
        for n in range(len(self._conns)):
            if work[n] or done[n]:
                self._send(n, ("index", (work[n], done[n])))
        self.waiting += len(upserts)

    def add_rows(self, rows: Sequence[CatalogRow]) -> None:
        """Index these catalogued articles, read again from their files (gone: skipped)."""
        count = len(self._conns)
        for n in range(count):
            share = [(row.id, row.path, row.lang) for row in rows[n::count]]
            if share:
                self._send(n, ("index_rows", share))
        self.waiting += len(rows)

    def flush(self, deletions: Sequence[int] = ()) -> list[int]:
        """Commit what the workers indexed (one segment each); returns the ids indexed."""
        if not self.waiting and not deletions:
            return []
        tickets = [self._ask(n, ("commit", None)) for n in range(len(self._conns))]
        segments: list[Any] = []
        indexed: list[int] = []
        counts: Counter[str] = Counter()
        for n, ticket in enumerate(tickets):
            written, ids, words = self._answer(n, ticket)
            segments += written
            indexed += ids
            counts.update(words)
        # Every id written is deleted first from the older segments: an edited or moved
        # article replaces its old document (what update_document does one by one).
        commit_segments(self.index, segments, [*deletions, *indexed], counts)
        self.waiting = 0
        return indexed

    # --- talking to workers ---------------------------------------------------------

    def _ask(self, n: int, message: tuple[str, Any]) -> int:
        ticket = next(self._tickets)
        self._send(n, message)
        self._asked[n].append(ticket)
        return ticket

    def _answer(self, n: int, ticket: int) -> Any:
        answers = self._answers[n]
        while ticket not in answers:
            answers[self._asked[n].popleft()] = self._receive(n)
        return answers.pop(ticket)

    def _send(self, n: int, message: tuple[str, Any]) -> None:
        try:
            self._conns[n].send(message)
        except OSError:
            raise WorkerFailed(self._failure(n)) from None

    def _receive(self, n: int) -> Any:
        try:
            kind, payload = self._conns[n].recv()
        except (EOFError, OSError):
            raise WorkerFailed(self._failure(n)) from None
        if kind == "error":
            raise WorkerFailed(f"an index worker failed: {payload}")
        return payload

    def _failure(self, n: int) -> str:
        process = self._processes[n]
        process.join(timeout=1)
        return f"an index worker stopped (exit code {process.exitcode})"
