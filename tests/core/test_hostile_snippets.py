"""Snippets in linear time: no hit count or markup makes a search slow."""

from __future__ import annotations

import random
import time

import pytest

from reader.core.articles.article import markdown_excerpt
from reader.core.search.analysis import fold
from reader.core.search.snippets import QueryTerms, best_snippet, readable_text

KEYWORD = QueryTerms(words=["keyword"])


@pytest.mark.parametrize(
    "body",
    [
        "keyword " + "![" * 50_000,
        "keyword " + "[a](" * 50_000,
        "keyword " + "[" * 100_000 + "]",
        "keyword " + "](" * 50_000,
    ],
    ids=["images", "links", "brackets", "targets"],
)
def test_markup_in_snippets_is_linear(body: str) -> None:
    started = time.perf_counter()
    snippet = best_snippet(readable_text(body), KEYWORD, "en")
    markdown_excerpt(body)
    assert time.perf_counter() - started < 1  # a quadratic scan of the markup takes far longer
    assert snippet.text.startswith("keyword")


def test_many_hits_are_linear() -> None:
    started = time.perf_counter()
    snippet = best_snippet("alpha " * 40_000, QueryTerms(words=["alpha"]), "en")
    assert time.perf_counter() - started < 2  # a pass per hit would be quadratic
    assert len(snippet.spans) > 30


def test_links_and_images_still_keep_their_text() -> None:
    assert readable_text("See [the report](http://x/y) and ![a map](m.png).") == (
        "See the report and a map."
    )


def _naive_best_start(text: str, spans: list[tuple[int, int]], width: int) -> int:
    """The quadratic reference: every window scored from scratch."""
    best_start, best_score = spans[0][0], -1
    for index, (start, _end) in enumerate(spans):
        window = [s for s in spans[index:] if s[1] <= start + width]
        score = len({fold(text[s:e]) for s, e in window}) * 100 + len(window)
        if score > best_score:
            best_start, best_score = start, score
    return best_start


@pytest.mark.parametrize("seed", range(30))
def test_the_sliding_window_picks_the_passage_the_naive_one_picks(seed: int) -> None:
    rng = random.Random(seed)
    vocabulary = ["alpha", "beta", "gamma", "filler", "words", "x" * rng.randint(1, 300)]
    text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 400)))
    terms = QueryTerms(words=["alpha", "beta", "gamma"], prefixes=["xx"])
    width = rng.choice([20, 80, 220])
    snippet = best_snippet(text, terms, "en", width)
    from reader.core.search.snippets import hit_spans

    spans = hit_spans(text, terms, "en")
    if not spans:
        assert not snippet.spans
        return
    start = _naive_best_start(text, spans, width)
    lead = max(0, start - width // 10)
    boundary = text.rfind(" ", 0, lead + 1)
    expected = boundary + 1 if lead and boundary >= 0 else 0
    prefix = "…" if expected else ""
    assert snippet.text.startswith(prefix + text[expected : expected + 10])
