"""How a refresh reads files and indexes articles: here, or in worker processes.

:class:`InProcessIndexer` parses and indexes in the calling thread: the window's
small refreshes, and any refresh with one core. For a big refresh asked with
``procs`` > 1 (by the command line, the bulk indexer), :func:`indexer_for` gives
:class:`~reader.core.library.parallel_build.BuildWorkers` instead, with the same
methods. ``Library.refresh`` commits the catalog between the two halves: what
``parse`` gives back is committed, and what the catalog decided to (re)index is
handed to ``add``; ``flush`` commits the index and names the ids now indexed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

from reader.core.articles.article import Article
from reader.core.articles.formats import parse_file
from reader.core.catalog.store import CatalogRow
from reader.core.search.index import MULTIPROCESS_MIN_DOCS, SearchIndex

Parsed = list[tuple[Article, int, int]]  # article, mtime_ns, size


class Indexer(Protocol):
    @property
    def waiting(self) -> int: ...  # articles to be indexed at the next flush

    def __enter__(self) -> Self: ...

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...

    def parse(
        self, batches: Iterable[list[str]], on_disk: Mapping[str, tuple[int, int]]
    ) -> Iterator[tuple[list[str], Parsed]]: ...

    def add(self, upserts: Sequence[tuple[int, Article]], parsed: Iterable[str]) -> None: ...

    def add_rows(self, rows: Sequence[CatalogRow]) -> None: ...

    def flush(self, deletions: Sequence[int] = ()) -> list[int]: ...


def indexer_for(
    root: Path, index: SearchIndex, procs: int, files: int, should_stop: Callable[[], bool]
) -> Indexer:
    """Worker processes for ``files`` files when ``procs`` > 1 and they are worth it."""
    if procs > 1 and files >= MULTIPROCESS_MIN_DOCS:
        from reader.core.library.parallel_build import BuildWorkers  # only when used

        return BuildWorkers(root, index, procs)
    return InProcessIndexer(root, index, should_stop)


class InProcessIndexer:
    def __init__(self, root: Path, index: SearchIndex, should_stop: Callable[[], bool]) -> None:
        self.root = root
        self.index = index
        self.should_stop = should_stop
        self._upserts: list[tuple[int, Article]] = []

    @property
    def waiting(self) -> int:
        return len(self._upserts)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._upserts.clear()

    def parse(
        self, batches: Iterable[list[str]], on_disk: Mapping[str, tuple[int, int]]
    ) -> Iterator[tuple[list[str], Parsed]]:
        for paths in batches:
            parsed = []
            for rel in paths:
                if self.should_stop():
                    break  # what is parsed so far is still committed
                try:
                    article = parse_file(self.root, rel)
                except FileNotFoundError:
                    continue  # deleted while we scanned: it is simply not there
                parsed.append((article, *on_disk[rel]))
            yield paths, parsed

    def add(self, upserts: Sequence[tuple[int, Article]], parsed: Iterable[str] = ()) -> None:
        self._upserts.extend(upserts)

    def add_rows(self, rows: Sequence[CatalogRow]) -> None:
        for row in rows:
            try:
                article = parse_file(self.root, row.path, detect=False)
            except FileNotFoundError:
                continue  # the next refresh removes it from the catalog
            article.lang = row.lang  # the language the catalog gave it
            self._upserts.append((row.id, article))

    def flush(self, deletions: Sequence[int] = ()) -> list[int]:
        if not self._upserts and not deletions:
            return []
        self.index.write(self._upserts, deletions)
        ids = [article_id for article_id, _ in self._upserts]
        self._upserts.clear()
        return ids
