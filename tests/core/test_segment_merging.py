"""Live updates gather their tiny segments without ever rewriting the big ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.articles.article import Article
from reader.core.search import merging
from reader.core.search.index import SearchIndex


def article(n: int) -> Article:
    return Article(path=f"{n}.txt", title=f"Article {n}", body=f"mot{n} commun", lang="fr")


def segment_sizes(index: SearchIndex) -> list[int]:
    return sorted(segment.doc_count_all() for segment in index.ix._segments())


def test_tiny_segments_merge_and_big_ones_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(merging, "TINY_SEGMENT_DOCS", 5)
    monkeypatch.setattr(merging, "TINY_SEGMENTS_BEFORE_MERGE", 4)
    index = SearchIndex(tmp_path / "index")
    index.write([(n, article(n)) for n in range(12)], ())  # a "bulk" segment
    for n in range(12, 16):
        index.write([(n, article(n))], ())
    assert segment_sizes(index) == [1, 1, 1, 1, 12]  # tiny ones wait for company
    index.write([(16, article(16))], ())
    assert segment_sizes(index) == [5, 12]  # the next commit gathers them in; 12 untouched
    assert len(index.search("commun", limit=100)) == 17
    assert [hit.id for hit in index.search("mot13")] == [13]
    index.close()
