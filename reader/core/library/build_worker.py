"""The worker's side of a parallel build: parse its share of the files, index them.

A worker (:func:`serve`) keeps the articles it parsed and sends back only what the
catalog needs; told their ids, it writes them into a segment of its own and counts
their words for "did you mean". The main process's side, which asks, commits and
starts the workers, is :mod:`reader.core.library.parallel_build`; this module never
imports it, so the dependency goes one way.
"""

from __future__ import annotations

import contextlib
import dataclasses
import traceback
from collections import Counter
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index

from reader.core.articles.article import Article
from reader.core.articles.formats import parse_file
from reader.core.search.posting_pool import GroupedSegmentWriter
from reader.core.search.schema import document, plain_text
from reader.core.search.spelling import Vocabulary

# A worker writes out the segment it fills once it holds this many postings (one per
# distinct word of an article and field): its postings sit in memory until then, some
# 35 bytes each plus their positions, and writing them out takes as much again. A
# commit of the build may so leave several segments per worker: merged afterwards.
SEGMENT_POSTINGS = 1_000_000


class _Worker:
    """One worker's state: the articles it parsed, its segment, its word counts."""

    def __init__(self, root: Path, folder: Path) -> None:
        self.root = root
        self.folder = folder
        self.held: dict[str, Article] = {}
        self.writer: Any = None  # a GroupedSegmentWriter (Whoosh is untyped)
        self.written: list[Any] = []  # segments written since the last commit
        self.indexed: list[int] = []
        self.words: Counter[str] = Counter()

    def parse(self, paths: list[str]) -> list[Article | None]:
        light: list[Article | None] = []
        for rel in paths:
            try:
                article = parse_file(self.root, rel)
            except FileNotFoundError:
                light.append(None)  # deleted since the scan: it is simply not there
                continue
            self.held[rel] = article
            light.append(dataclasses.replace(article, body=""))  # the catalog's part
        return light

    def index(self, work: tuple[list[tuple[int, str]], list[str]]) -> None:
        upserts, done = work
        for article_id, rel in upserts:
            self._add(article_id, self.held[rel])
        for rel in done:
            self.held.pop(rel, None)

    def index_rows(self, rows: list[tuple[int, str, str]]) -> None:
        for article_id, rel, lang in rows:
            try:
                article = parse_file(self.root, rel, detect=False)
            except FileNotFoundError:
                continue  # the next refresh removes it from the catalog
            article.lang = lang
            self._add(article_id, article)

    def _add(self, article_id: int, article: Article) -> None:
        if self.writer is None:
            # Only now, not right after the last commit: the main process's commit
            # deletes the files of every segment its table of contents does not list.
            ix = whoosh_index.open_dir(str(self.folder))
            self.writer = GroupedSegmentWriter(ix, _lk=False, compound=False)
        self.writer.add_document(**document(article_id, article))
        self.words.update(Vocabulary.words_of(f"{article.title}\n{plain_text(article.body)}"))
        self.indexed.append(article_id)
        if self.writer.grouped.postings >= SEGMENT_POSTINGS:
            self._write_segment()

    def _write_segment(self) -> None:
        if self.writer is not None:
            self.written.append(self.writer._finalize_segment())
            self.writer = None

    def commit(self, _: None) -> tuple[list[Any], list[int], Counter[str]]:
        self._write_segment()
        result = (self.written, self.indexed, self.words)
        self.written, self.indexed, self.words = [], [], Counter()
        return result


def serve(root: Path, folder: Path, conn: Connection) -> None:
    """A worker's life: answer the main process until it says stop or is gone.

    Started by :func:`reader.core.library.worker_main.run`; the questions are those
    :class:`reader.core.library.parallel_build.BuildWorkers` asks.
    """
    worker = _Worker(root, folder)
    answers: dict[str, Callable[[Any], Any]] = {"parse": worker.parse, "commit": worker.commit}
    quiet: dict[str, Callable[[Any], None]] = {
        "index": worker.index,
        "index_rows": worker.index_rows,
    }
    try:
        while True:
            kind, payload = conn.recv()
            if kind in answers:
                conn.send(("ok", answers[kind](payload)))
            elif kind in quiet:
                quiet[kind](payload)  # no answer: a failure shows at the next question
            else:
                return
    except EOFError:
        return  # the main process is gone
    except BaseException:
        with contextlib.suppress(OSError):  # the main process is gone
            conn.send(("error", traceback.format_exc(limit=-3)))
