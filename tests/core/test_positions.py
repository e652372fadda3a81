"""Phrases and proximity checked on integer positions find what Whoosh's span queries
find, scored the same, on any small texts: the whole list, and the top hits (which skip
blocks of postings that cannot reach them); phrases both ways, postings side by side
and read whole (as for common words)."""

from __future__ import annotations

from typing import Any
from unittest import mock

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from whoosh.analysis import LowercaseFilter, RegexTokenizer
from whoosh.fields import TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.query import Phrase, SpanNear2, Term
from whoosh.scoring import BM25F

from reader.core.search.phrase_lists import ScoredList
from reader.core.search.positions import PositionalNear, PositionalPhrase

WORDS = ("wa", "wb", "wc", "wd", "we")
texts = st.lists(st.lists(st.sampled_from(WORDS), max_size=24), min_size=1, max_size=300)
segments = st.integers(min_value=1, max_value=3)
words = st.lists(st.sampled_from(WORDS), min_size=2, max_size=4)
BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def searcher(docs: list[list[str]], parts: int) -> Any:
    """A Whoosh index of these texts in RAM, written in ``parts`` commits (segments)."""
    analyzer = RegexTokenizer() | LowercaseFilter()
    ix = RamStorage().create_index(Schema(body=TEXT(analyzer=analyzer, phrase=True)))
    size = len(docs) // parts + 1
    for start in range(0, len(docs), size):
        writer = ix.writer()
        for doc in docs[start : start + size]:
            writer.add_document(body=" ".join(doc))
        writer.commit(merge=False)
    return ix.searcher(weighting=BM25F())


def answers(searcher: Any, query: Any, limit: int | None) -> list[tuple[int, float]]:
    return [(hit.docnum, round(hit.score, 9)) for hit in searcher.search(query, limit=limit)]


@BOUNDED
@given(
    docs=texts,
    parts=segments,
    phrase=words,
    limit=st.sampled_from([None, 1, 5]),
    whole=st.booleans(),
)
def test_a_phrase_finds_what_whoosh_finds(
    docs: list[list[str]], parts: int, phrase: list[str], limit: int | None, whole: bool
) -> None:
    with searcher(docs, parts) as s:
        theirs = answers(s, Phrase("body", phrase), limit)
        with mock.patch("reader.core.search.positions.BULK_MIN_DOCS", 1 if whole else 10**9):
            ours = answers(s, PositionalPhrase("body", phrase), limit)
        assert ours == theirs
        expected = [i for i, doc in enumerate(docs) if _contains(doc, phrase)]
        if limit is None:
            assert sorted(docnum for docnum, _ in ours) == expected


@BOUNDED
@given(
    docs=texts,
    parts=segments,
    near=words,
    slop=st.integers(min_value=1, max_value=6),
    limit=st.sampled_from([None, 1, 5]),
)
def test_proximity_finds_what_whoosh_finds(
    docs: list[list[str]], parts: int, near: list[str], slop: int, limit: int | None
) -> None:
    terms = [Term("body", word) for word in near]
    with searcher(docs, parts) as s:
        theirs = answers(s, SpanNear2(terms, slop=slop, ordered=False), limit)
        ours = answers(s, PositionalNear(terms, slop=slop, ordered=False), limit)
        assert ours == theirs


def _contains(doc: list[str], phrase: list[str]) -> bool:
    size = len(phrase)
    return any(doc[i : i + size] == phrase for i in range(len(doc) - size + 1))


@BOUNDED
@given(
    runs=st.lists(  # runs of candidates with one score, some holding the phrase
        st.tuples(st.sampled_from([0.5, 1.0, 2.0]), st.lists(st.booleans(), max_size=70)),
        min_size=1,
        max_size=8,
    ),
    steps=st.lists(
        st.tuples(st.sampled_from(["next", "skip_to", "quality"]), st.integers(0, 600)),
        max_size=40,
    ),
)
@example(  # a block skipped whole, the next one starting with an article without it
    runs=[(0.5, [True] * 32), (2.0, [False, True])], steps=[("quality", 200), ("next", 0)]
)
def test_a_common_phrase_never_yields_an_article_without_it(
    runs: list[tuple[float, list[bool]]], steps: list[tuple[str, int]]
) -> None:
    """However a search moves through the candidates (on, to an article, past blocks
    that cannot reach its list), it stops only on articles that hold the phrase, and
    passes over none that could count."""
    verdicts = [(score, match) for score, matches in runs for match in matches]
    if not verdicts:
        return
    ids = [2 * n for n in range(len(verdicts))]
    scores = [score for score, _ in verdicts]
    holds = {ids[i] for i, (_, match) in enumerate(verdicts) if match}
    matcher = ScoredList(ids, scores, lambda i: verdicts[i][1])
    for step, value in steps:
        if not matcher.is_active():
            break
        before = matcher.id()
        if step == "next":
            matcher.next()
        elif step == "skip_to":
            matcher.skip_to(value)
        else:
            matcher.skip_to_quality(value / 200)
        after = matcher.id() if matcher.is_active() else 2 * len(ids)
        passed = [i for i in holds if before < i < after]
        if step == "next":
            assert not passed
        elif step == "skip_to":
            assert not [i for i in passed if i >= value]
        else:
            assert all(scores[i // 2] <= value / 200 for i in passed)
        if matcher.is_active():
            assert matcher.id() in holds
            assert matcher.score() == scores[matcher.id() // 2]
