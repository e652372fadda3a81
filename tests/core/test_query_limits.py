"""A query is bounded: its length, words, prefixes and time; what is cut is said, never lost
silently, and a query's own failure is never taken for a damaged index."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from whoosh.collectors import TimeLimitCollector

from reader.core.library.library import Library
from reader.core.limits import (
    MAX_PREFIX_EXPANSIONS,
    MAX_QUERY_CHARS,
    MAX_QUERY_PREFIXES,
    MAX_QUERY_TERMS,
    QUERY_SECONDS,
)
from reader.core.search import index as search_index
from reader.core.search import query as ql
from reader.core.search.index import IndexCorrupt, QueryFailed
from reader.core.search.spelling import suggest

LIMITS = (MAX_QUERY_CHARS, MAX_QUERY_TERMS, MAX_QUERY_PREFIXES)


def _words(node: ql.Node | None) -> list[str]:
    if isinstance(node, ql.Text):
        return [word.text for word in node.words]
    if isinstance(node, ql.And | ql.Or):
        return [word for child in node.nodes for word in _words(child)]
    if isinstance(node, ql.Not):
        return _words(node.node)
    return ["<filter>"]


def test_words_past_the_limit_are_left_out_and_listed() -> None:
    text = " ".join(f"w{n}" for n in range(100))
    parsed = ql.parse(text)
    assert _words(parsed.node) == [f"w{n}" for n in range(MAX_QUERY_TERMS)]
    [line] = parsed.over_limit
    assert line.startswith(f"w{MAX_QUERY_TERMS} ")
    assert f"at most {MAX_QUERY_TERMS} words" in line
    assert parsed.ignored == ()  # not the same as a clause not understood
    assert parsed.left_out == parsed.over_limit


def test_filters_count_too_and_a_long_phrase_is_cut() -> None:
    phrase = " ".join(f"p{n}" for n in range(40))
    parsed = ql.parse(f'lang:fr "{phrase}"')
    assert isinstance(parsed.node, ql.And)
    kept = parsed.node.nodes[1]
    assert isinstance(kept, ql.Text) and kept.phrase
    assert len(kept.words) == MAX_QUERY_TERMS - 1  # the filter took one
    assert parsed.over_limit and "p39" in parsed.over_limit[0]


def test_prefixes_past_the_limit_are_left_out() -> None:
    prefixes = [f"ab{chr(97 + n)}*" for n in range(10)]
    parsed = ql.parse(" OR ".join(prefixes))
    assert isinstance(parsed.node, ql.Or)
    assert len(parsed.node.nodes) == MAX_QUERY_PREFIXES
    [line] = parsed.over_limit
    assert prefixes[MAX_QUERY_PREFIXES] in line
    assert f"at most {MAX_QUERY_PREFIXES} prefixes" in line


def test_characters_past_the_limit_are_left_out() -> None:
    text = "mali " + "x" * MAX_QUERY_CHARS
    parsed = ql.parse(text)
    assert _words(parsed.node) == ["mali"]
    assert parsed.over_limit[-1].endswith(f"(past {MAX_QUERY_CHARS} characters)")
    assert ql.parse("mali niger").over_limit == ()


@pytest.fixture
def library(
    library_root: Path, open_library: Callable[[Path], Library], seed_file: Path
) -> Library:
    (library_root / seed_file.name).write_bytes(seed_file.read_bytes())
    # Many words starting "zq": more than one prefix may stand for.
    words = " ".join(f"zq{n:04d}" for n in range(MAX_PREFIX_EXPANSIONS + 50))
    (library_root / "many.txt").write_text(f"Many words\n\n{words}\n", encoding="utf-8")
    library = open_library(library_root)
    library.refresh()
    return library


def test_a_prefix_stands_for_its_first_words_and_says_so(library: Library) -> None:
    result = library.index.query("zq*")
    assert result.total == 1
    assert f"zq* (only its first {MAX_PREFIX_EXPANSIONS} words)" in result.left_out
    assert library.index.query("zq0001*").left_out == ()


def test_a_pasted_page_is_searched_in_about_a_second(library: Library) -> None:
    page = " ".join(f"mot{n} OR pre{n}*" for n in range(1000))
    started = time.monotonic()
    result = library.index.query(page)
    assert time.monotonic() - started < 3  # QUERY_SECONDS, with room for a slow machine
    assert any("at most" in line for line in result.left_out)
    started = time.monotonic()
    library.index.query(" ".join(["securite"] * 5000))
    assert time.monotonic() - started < 3


def test_a_search_past_its_time_returns_the_hits_so_far(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    class OutOfTime(TimeLimitCollector):
        def prepare(self, *args: Any) -> None:
            super().prepare(*args)
            self.timedout = True  # as if the time ran out before the first hit

    monkeypatch.setattr(search_index, "TimeLimitCollector", OutOfTime)
    result = library.index.query("many")
    assert result.timed_out and result.estimated
    assert result.suggestion is None


def test_the_suggestion_stops_at_the_deadline(library: Library) -> None:
    parsed = ql.parse("securiteh")
    counted: list[str] = []

    def count(text: str) -> int:
        counted.append(text)
        return 5

    late = time.monotonic() - 1
    assert suggest(parsed, library.index.vocabulary, count, 0, late) is None
    assert counted == []


def test_a_query_error_on_a_sound_index_is_not_damage(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    def too_deep(*args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("whoosh.searching.Searcher.search_with_collector", too_deep)
    with pytest.raises(QueryFailed) as caught:
        library.index.query("securite")
    assert not isinstance(caught.value, IndexCorrupt)
    assert "RecursionError" in str(caught.value)
    monkeypatch.undo()
    assert library.index.query("securite").total == 1  # the index was kept


def test_a_query_error_on_a_damaged_index_is_damage(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    postings = next(library.index.folder.glob("*.pst"))
    with postings.open("r+b") as file:
        file.truncate(postings.stat().st_size // 2)
    with pytest.raises(IndexCorrupt):
        library.index.query("securite")


def test_the_limits_are_named() -> None:
    assert all(isinstance(limit, int) and limit > 0 for limit in LIMITS)
    assert QUERY_SECONDS <= 1.0
