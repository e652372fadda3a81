"""Related articles: the few articles of the library most about the same thing as one.

From the index we have: the open article's key terms, weighted by tf-idf (words
frequent in this article and rare among the library's articles of its language, as
"more like this" picks them; words of its title and opening count more, a language's
little words and the addresses of links not at all), searched as one weighted OR query
in the body field with that language's stems, among the articles of the same language
only (the words are a language's). The words' library frequencies come from the index's
vocabulary (:mod:`reader.core.search.spelling`, in memory): Whoosh's own
``key_terms_from_text`` looks each distinct word up in every segment, too slow for a
long chapter. A hit is listed only if it holds several of the key terms: one name or one
word in common is no shared subject.

Exact and near duplicates (the same story saved twice, a text file and a saved page of
the same article) are not "related": they come apart, as "also in your library as …".
A hit is a candidate duplicate when it scores at least half what the article scores
against its own key terms (the article itself is the natural top hit), or has the
same title; only those few are read and compared, by shared word 4-grams: a
duplicate shares 70 % of the shorter one's and is at least half as long; two versions of
one agency story dated the same day (each site edits it a little), half.

How well and how fast: ``python -m tests.bench.related`` (docs/performance.md).
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from whoosh.lang import has_stopwords, stopwords_for_language
from whoosh.query.compound import Or
from whoosh.query.terms import Term
from whoosh.reading import IndexReader, TermNotFound

from reader.core.articles.article import Article
from reader.core.catalog.store import Catalog, CatalogRow
from reader.core.limits import RELATED_LIMIT as RELATED_LIMIT  # the name the docs quote
from reader.core.search.analysis import WORD, FoldingStemAnalyzer, fold
from reader.core.search.index import SearchIndex
from reader.core.search.schema import language_key, plain_text, weighting
from reader.core.search.spelling import Vocabulary

KEY_TERMS = 25  # terms of the "more like this" query: fewer missed topics, more were noise
# Words in more than this share of the language's articles are no key terms: their long
# posting lists would take most of the time, for little of the meaning.
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
# Two articles of the same day: one agency story as two sites edited it, when it scores
# this share of the article's own score and shares this share of the shorter's 4-grams.
WIRE_SCORE_SHARE = 0.25
WIRE_SHARED = 0.5
DUPLICATE_LENGTH_RATIO = 0.5  # the shorter at least half the longer
MAX_DUPLICATE_READS = 6  # candidates read to compare, at most
# A hit must hold this many of the key terms, weighing this share of them all: one name or
# one word in common ("experts" in a TV series and in a flood report) is no shared subject.
MIN_SHARED_TERMS = 2
MIN_SHARED_WEIGHT = 0.1
TITLE_WEIGHT = 3.0  # a word of the title counts as said this many more times
LEAD_CHARS = 600  # the opening that says what the article is about
LEAD_WEIGHT = 1.0  # a word of the opening counts as said this many more times
_LINK_TARGET = re.compile(r"\]\(<[^>]*>\)|\]\([^)\s]*\)")
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+")
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
    with index.ix.searcher(weighting=weighting()) as searcher:
        if "body" not in searcher.schema:
            return Related()
        # A word's rarity among the articles of this language: the only ones searched (a
        # French word is in few articles of a mostly German library, yet in many French).
        documents = searcher.doc_frequency("lang", article.lang or "xx")
        terms = article_terms(index.vocabulary, article, key, documents or searcher.doc_count())
        if not terms:
            return Related()
        query = Or([Term("body", term, boost=weight) for term, weight in terms])
        # Filtering builds the set of all the language's articles for each search: not
        # needed when every article (deleted ones too) is in that language.
        mixed = documents < searcher.doc_count_all()
        same_language = Term("lang", article.lang or "xx") if mixed else None
        results = searcher.search(query, limit=limit + EXTRA_HITS + 1, filter=same_language)
        found = [(int(hit["id"]), float(hit.score or 0.0), hit.docnum) for hit in results]
        own = next((score for hit_id, score, _ in found if hit_id == article_id), None)
        hits = [(i, score, docnum) for i, score, docnum in found if i != article_id]
        reference = own if own is not None else max((s for _, s, _ in hits), default=0.0)
        hits = [hit for hit in hits if hit[1] >= MIN_SCORE_SHARE * reference]
        leaves = searcher.reader().leaf_readers()
        shared = shared_terms(leaves, [term for term, _ in terms], [d for _, _, d in hits])
    rows = {row.id: row for row in catalog.rows_by_id([hit_id for hit_id, _, _ in hits])}
    weights = dict(terms)
    whole = sum(weights.values())
    # A short article has few key terms: it cannot share several with anything.
    needed = min(MIN_SHARED_TERMS, (len(terms) + 3) // 4)
    own_shingles: set[tuple[str, ...]] | None = None
    related: list[RelatedArticle] = []
    duplicates: list[RelatedArticle] = []
    reads = 0
    for hit_id, score, docnum in hits:
        row = rows.get(hit_id)
        if row is None or row.error:
            continue
        item = RelatedArticle(row.id, row.path, row.title, row.source, row.date, score)
        same_day = _same_day(row.date, article.date)
        suspect = (
            score >= DUPLICATE_SCORE_SHARE * reference
            or _same_title(row.title, article.title)
            or (same_day and score >= WIRE_SCORE_SHARE * reference)
        )
        if suspect and reads < MAX_DUPLICATE_READS:
            reads += 1
            if own_shingles is None:
                own_shingles = shingles(f"{article.title}\n{plain_text(article.body)}")
            if _is_duplicate(
                own_shingles, row, read, WIRE_SHARED if same_day else DUPLICATE_SHARED
            ):
                duplicates.append(item)
                continue
        common = shared.get(docnum, ())
        if len(common) < needed or sum(weights[t] for t in common) < (MIN_SHARED_WEIGHT * whole):
            continue  # a name or a passing word in common, not a subject
        if len(related) < limit:
            related.append(item)
    return Related(related, duplicates, [term for term, _ in terms], time.perf_counter() - started)


def article_terms(
    vocabulary: Vocabulary, article: Article, lang: str, documents: int, count: int = KEY_TERMS
) -> list[tuple[str, float]]:
    """The article's key terms: its title and opening say what it is about, so their words
    count more than the same words further down (see :func:`key_terms`)."""
    body = prose(plain_text(article.body)[:TEXT_CHARS])
    parts = [(article.title, TITLE_WEIGHT), (body[:LEAD_CHARS], LEAD_WEIGHT), (body, 1.0)]
    return key_terms(vocabulary, parts, lang, documents, count)


def prose(text: str) -> str:
    """The text without the addresses of its links and images (their words are no subject)."""
    return _ADDRESS.sub(" ", _LINK_TARGET.sub("]", text))


def key_terms(
    vocabulary: Vocabulary,
    parts: list[tuple[str, float]],
    lang: str,
    documents: int,
    count: int = KEY_TERMS,
) -> list[tuple[str, float]]:
    """The ``count`` terms (stems of ``lang``) that best tell the text apart from the library,
    with their weights (the best 1.0): tf-idf over ``parts`` of the text, each with its weight
    (a word of the title counts more; the body comes last). Left out: words of one article
    only, and a language's little words."""
    counted: dict[str, float] = {}
    for text, weight in parts:
        for word in WORD.findall(text):
            if word.isalpha() and len(word) > 2:
                folded = fold(word)
                counted[folded] = counted.get(folded, 0.0) + weight
    stops = _stopwords(lang)
    stem = FoldingStemAnalyzer(lang).term
    documents = max(documents, 2)
    weights: dict[str, float] = {}
    for word, frequency in counted.items():
        if word in stops or frequency <= 0:
            continue
        spread = vocabulary.count(word)
        if spread < 2 or spread > max(MAX_SPREAD * documents, MIN_SPREAD_CAP):
            continue  # in no other article: finds nothing; in very many: slow, says little
        weight = (1 + math.log(frequency)) * math.log(documents / spread)
        term = stem(word)
        weights[term] = weights.get(term, 0.0) + weight
    best = sorted(weights.items(), key=lambda item: -item[1])[:count]
    top = best[0][1] if best and best[0][1] > 0 else 0.0
    return [(term, weight / top) for term, weight in best if weight > 0] if top else []


def shared_terms(
    leaves: list[tuple[IndexReader, int]], terms: list[str], docnums: list[int]
) -> dict[int, list[str]]:
    """Which of ``terms`` each document (by number) holds in its body: read from the
    terms' postings in the index segments (``leaves``, with their first numbers) that hold
    one of these few documents, skipping to them only."""
    shared: dict[int, list[str]] = {docnum: [] for docnum in docnums}
    for leaf, offset in leaves:
        here = sorted(d - offset for d in docnums if offset <= d < offset + leaf.doc_count_all())
        for term in terms if here else ():
            try:
                postings = leaf.postings("body", term)
            except TermNotFound:
                continue
            for local in here:
                if postings.is_active() and postings.id() < local:
                    postings.skip_to(local)
                if not postings.is_active():
                    break
                if postings.id() == local:
                    shared[local + offset].append(term)
    return shared


@cache
def _stopwords(lang: str) -> frozenset[str]:
    if not lang or not has_stopwords(lang):  # type: ignore[no-untyped-call]
        return frozenset()
    return frozenset(fold(word) for word in stopwords_for_language(lang))  # type: ignore[no-untyped-call]


def _same_day(a: str | None, b: str | None) -> bool:
    """Both dated, to the day (a year or a month alone says too little), and the same day."""
    return bool(a and b) and len(a or "") >= 10 and (a or "")[:10] == (b or "")[:10]


def _same_title(a: str, b: str) -> bool:
    return bool(a.strip()) and fold(" ".join(a.split())) == fold(" ".join(b.split()))


def shingles(text: str) -> set[tuple[str, ...]]:
    """The text's word 4-grams, case and accents folded."""
    words = [fold(word) for word in _WORD.findall(text)]
    if len(words) < _SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def near_duplicate(
    a: set[tuple[str, ...]], b: set[tuple[str, ...]], shared: float = DUPLICATE_SHARED
) -> bool:
    """True when two texts (as :func:`shingles`) are the same text, give or take a little:
    a caption, a dateline, a few words edited (``shared``: the share of the shorter's
    4-grams the longer must hold)."""
    if not a or not b:
        return False
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) < DUPLICATE_LENGTH_RATIO * len(longer):
        return False
    return len(shorter & longer) >= shared * len(shorter)


def _is_duplicate(
    own: set[tuple[str, ...]], row: CatalogRow, read: Callable[[CatalogRow], Article], shared: float
) -> bool:
    try:
        other = read(row)
    except (FileNotFoundError, OSError):
        return False
    if other.error:
        return False
    return near_duplicate(own, shingles(f"{other.title}\n{plain_text(other.body)}"), shared)
