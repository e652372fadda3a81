"""Related articles: the few articles of the library most about the same thing as one.

From the index we have: the open article's key terms, weighted by tf-idf (words
frequent in this article and rare in the library, as "more like this" picks them),
searched as one weighted OR query in the body field with that language's stems, among
the articles of the same language only (the words are a language's). The words'
library frequencies come from the index's vocabulary (:mod:`reader.core.search.spelling`,
in memory): Whoosh's own ``key_terms_from_text`` looks each distinct word up in every
segment, too slow for a long chapter.

Exact and near duplicates (the same story saved twice, a text file and a saved page of
the same article) are not "related": they come apart, as "also in your library as …".
A hit is a candidate duplicate when it scores at least half what the article scores
against its own key terms (the article itself is the natural top hit), or has the
same title; only those few are read and compared, by shared word 4-grams: a
duplicate shares 70 % of the shorter one's and is at least half as long.

How well and how fast: ``python -m tests.bench.related`` (docs/performance.md).
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from whoosh.query.compound import Or
from whoosh.query.terms import Term

from reader.core.articles.article import Article
from reader.core.catalog.store import Catalog, CatalogRow
from reader.core.limits import RELATED_LIMIT as RELATED_LIMIT  # the name the docs quote
from reader.core.search.analysis import WORD, FoldingStemAnalyzer, fold
from reader.core.search.index import SearchIndex
from reader.core.search.schema import language_key, plain_text, weighting
from reader.core.search.spelling import Vocabulary

KEY_TERMS = 25  # terms of the "more like this" query: fewer missed topics, more were noise
# Words in more than this share of the library are no key terms: their long posting lists
# were 85 % of the time at 30,000 articles, for little of the meaning.
MAX_SPREAD = 0.05
MIN_SPREAD_CAP = 20  # in a small library, no word is "in very many" articles below this
TEXT_CHARS = 30_000  # key terms come from the article's opening this long (its title first)
EXTRA_HITS = 15  # fetched beyond the limit: duplicates and unreadable articles drop out
# Of the article's own score: weaker hits share only a few common words with it (a
# novel's chapter listed under a news article for three shared words). A higher share
# lists fewer articles, but more of them truly related.
MIN_SCORE_SHARE = 0.12
DUPLICATE_SCORE_SHARE = 0.5  # of the article's own score: only such hits may be duplicates
DUPLICATE_SHARED = 0.7  # share of the shorter text's word 4-grams found in the other
DUPLICATE_LENGTH_RATIO = 0.5  # the shorter at least half the longer
MAX_DUPLICATE_READS = 6  # candidates read to compare, at most
_WORD = re.compile(r"\w+")
_SHINGLE = 4


@dataclass(frozen=True)
class RelatedArticle:
    id: int
    path: str
    title: str
    source: str
    date: str | None
    score: float

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "score": round(self.score, 3),
        }


@dataclass(frozen=True)
class Related:
    related: list[RelatedArticle] = field(default_factory=list)  # best first
    duplicates: list[RelatedArticle] = field(default_factory=list)  # "also in your library as"
    terms: list[str] = field(default_factory=list)  # the key terms searched (stemmed)
    seconds: float = 0.0


def related_articles(
    index: SearchIndex,
    catalog: Catalog,
    read: Callable[[CatalogRow], Article],
    article_id: int,
    article: Article,
    limit: int = RELATED_LIMIT,
) -> Related:
    """Up to ``limit`` articles most related to ``article`` (catalogued as ``article_id``),
    and apart, the articles that are the same text.

    ``read`` reads a catalogued article's text (``Library.read_article``): only for the
    few hits that may be duplicates. An article without words (or an error) has none.
    """
    started = time.perf_counter()
    if article.error or limit <= 0:
        return Related()
    key = language_key(article)
    text = f"{article.title}\n{plain_text(article.body)[:TEXT_CHARS]}"
    with index.ix.searcher(weighting=weighting()) as searcher:
        if "body" not in searcher.schema:
            return Related()
        terms = key_terms(index.vocabulary, text, key, searcher.doc_count(), KEY_TERMS)
        if not terms:
            return Related()
        query = Or([Term("body", term, boost=weight) for term, weight in terms])
        same_language = Term("lang", article.lang or "xx")
        results = searcher.search(query, limit=limit + EXTRA_HITS + 1, filter=same_language)
        scored = [(int(hit["id"]), float(hit.score or 0.0)) for hit in results]
    own = next((score for hit_id, score in scored if hit_id == article_id), None)
    hits = [(hit_id, score) for hit_id, score in scored if hit_id != article_id]
    rows = {row.id: row for row in catalog.rows_by_id([hit_id for hit_id, _ in hits])}
    reference = own if own is not None else _best(hits)
    threshold = DUPLICATE_SCORE_SHARE * reference
    own_shingles: set[tuple[str, ...]] | None = None
    related: list[RelatedArticle] = []
    duplicates: list[RelatedArticle] = []
    reads = 0
    for hit_id, score in hits:
        row = rows.get(hit_id)
        if row is None or row.error or score < MIN_SCORE_SHARE * reference:
            continue
        item = RelatedArticle(row.id, row.path, row.title, row.source, row.date, score)
        suspect = score >= threshold or _same_title(row.title, article.title)
        if suspect and reads < MAX_DUPLICATE_READS:
            reads += 1
            if own_shingles is None:
                own_shingles = shingles(f"{article.title}\n{plain_text(article.body)}")
            if _is_duplicate(own_shingles, row, read):
                duplicates.append(item)
                continue
        if len(related) < limit:
            related.append(item)
    return Related(related, duplicates, [term for term, _ in terms], time.perf_counter() - started)


def key_terms(
    vocabulary: Vocabulary, text: str, lang: str, documents: int, count: int = KEY_TERMS
) -> list[tuple[str, float]]:
    """The ``count`` terms (stems of ``lang``) that best tell ``text`` apart from the library,
    with their weights (the best 1.0): tf-idf, words of one article only left out."""
    words = Counter(fold(word) for word in WORD.findall(text) if word.isalpha() and len(word) > 2)
    stem = FoldingStemAnalyzer(lang).term
    documents = max(documents, 2)
    weights: dict[str, float] = {}
    for word, frequency in words.items():
        spread = vocabulary.count(word)
        if spread < 2 or spread > max(MAX_SPREAD * documents, MIN_SPREAD_CAP):
            continue  # in no other article: finds nothing; in very many: slow, says little
        term = stem(word)
        weights[term] = weights.get(term, 0.0) + (1 + math.log(frequency)) * math.log(
            documents / spread
        )
    best = sorted(weights.items(), key=lambda item: -item[1])[:count]
    top = best[0][1] if best and best[0][1] > 0 else 0.0
    return [(term, weight / top) for term, weight in best if weight > 0] if top else []


def _best(hits: list[tuple[int, float]]) -> float:
    return max((score for _, score in hits), default=0.0)


def _same_title(a: str, b: str) -> bool:
    return bool(a.strip()) and fold(" ".join(a.split())) == fold(" ".join(b.split()))


def shingles(text: str) -> set[tuple[str, ...]]:
    """The text's word 4-grams, case and accents folded."""
    words = [fold(word) for word in _WORD.findall(text)]
    if len(words) < _SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def near_duplicate(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> bool:
    """True when two texts (as :func:`shingles`) are the same text, give or take a little:
    a caption, a dateline, a few words edited."""
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < DUPLICATE_LENGTH_RATIO * len(longer):
        return False
    return len(shorter & longer) >= DUPLICATE_SHARED * len(shorter)


def _is_duplicate(
    own: set[tuple[str, ...]], row: CatalogRow, read: Callable[[CatalogRow], Article]
) -> bool:
    try:
        other = read(row)
    except (FileNotFoundError, OSError):
        return False
    if other.error:
        return False
    return near_duplicate(own, shingles(f"{other.title}\n{plain_text(other.body)}"))
