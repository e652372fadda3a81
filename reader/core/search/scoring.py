"""How a match is scored: BM25F, and a title match kept on the scale of a body match.

Searching news, a reader types a few words of the article they remember, and another
article's title often holds some of them. With BM25F as Whoosh has it, that title
outranked the article whose text holds every word, for two reasons, each met here:

- the title field's own idf: a word is rare in titles (short, one per article) long
  before it is rare in texts. :class:`Weighting` scores a title match with the smaller
  of the title's and the body's idf of the word: BM25F proper has one document
  frequency per word across fields, and this comes near it.
- the title's weight: its words count ``TITLE_BOOST`` times in its term frequency
  (stored in the index, see :mod:`reader.core.search.schema`). For a query of several
  plain words, :func:`among_words` scales a title match's score by ``TITLE_WEIGHT``,
  near a body match's. A word alone keeps the full weight: an article titled with
  the one word asked for is the best answer, and its high score lets Whoosh's
  block-max skipping leave most of the texts that merely mention it unscored (a
  common word searched alone is several times slower without it).

Both are chosen by the known-item tests (``python -m tests.bench.ranking`` and
``python -m tests.bench.ranking_web``, the latter on pages whose titles carry meaning).
"""

from __future__ import annotations

from typing import Any

from whoosh.query.compound import Or
from whoosh.query.qcore import Query
from whoosh.query.terms import Term
from whoosh.scoring import BM25F, BaseScorer, BM25FScorer

TITLE_WEIGHT = 1 / 3  # a title match's score, times this, when the query has several words


class Weighting(BM25F):
    """BM25F where a word's idf in the title is never above its idf in the body."""

    def scorer(self, searcher: Any, fieldname: str, text: str, qf: int = 1) -> BaseScorer:
        scorer = super().scorer(searcher, fieldname, text, qf)
        if fieldname == "title" and isinstance(scorer, BM25FScorer):
            parent = searcher.get_parent()
            if ("body", text) in parent.reader():
                scorer.idf = min(scorer.idf, parent.idf("body", text))
        return scorer


def among_words(query: Query) -> Query:
    """A plain word's clause among several words: its title matches weighted
    ``TITLE_WEIGHT``, so that a title holding some of the words does not outrank a
    text holding them all. A word alone keeps the title's full weight: an article
    titled with the one word asked for is the best answer, and its high score lets
    Whoosh skip scoring most of the texts that merely mention it."""
    if isinstance(query, Term) and query.fieldname == "title":
        return query.with_boost(query.boost * TITLE_WEIGHT)
    if isinstance(query, Or):
        return Or([among_words(sub) for sub in query.subqueries], boost=query.boost)
    return query
