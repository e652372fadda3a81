"""The index's schema, and the document an article becomes.

An article's title and text go into the ``title`` and ``body`` fields, analysed
in its own language (:mod:`reader.core.search.fields`): case and accents folded,
then that language's Snowball stemmer; other or unknown languages (``xx``) are
folded, not stemmed.
"""

from __future__ import annotations

import re

from whoosh.fields import ID, KEYWORD, STORED, TEXT, FieldType, Schema

from reader.core.articles.article import Article
from reader.core.search.analysis import STEMMED_LANGUAGES, FoldingStemAnalyzer, fold
from reader.core.search.fields import LanguageText
from reader.core.search.scoring import Weighting

# 6: one title and one body field, each article stemmed in its own language
# 5: year and month fields (fast date: queries)
# 4: segments written as plain files, not compound (see search.SearchIndex._writer)
# 3: sortable date, folded tags, reserved is/has/notes (and the vocabulary beside it)
# 2: one cached analyzer per language (reader.core.search.analysis)
SCHEMA_VERSION = 6
LANGUAGE_KEYS = (*STEMMED_LANGUAGES, "xx")  # xx: any other or unknown language
TITLE_BOOST = 3.0
# BM25F's length normalisation. Long articles are normalised harder than Whoosh's
# defaults (B=0.75, K1=1.2) would: the known-item ranking test
# (python -m tests.bench.ranking) finds the article meant more often this way, on the
# set it is tuned on and on the one held out (docs/performance.md).
BM25_B = 0.92
BM25_K1 = 3.9
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
SCOPE_FIELDS = {
    "all": ("title", "body"),
    "title": ("title",),
    "body": ("body",),
    "source": ("source",),
    "notes": ("notes",),
}


def weighting() -> Weighting:
    """How hits are scored (see BM25_B)."""
    return Weighting(B=BM25_B, K1=BM25_K1)


def build_schema() -> Schema:
    unstemmed = FoldingStemAnalyzer("xx")
    fields: dict[str, FieldType] = {
        "id": ID(stored=True, unique=True),
        "path": STORED(),
        "lang": ID(),
        "date": ID(sortable=True),  # ISO, possibly reduced: 2023-07-28, 2023-07, 1860
        # The date's year and month as single terms: date:2023 is one posting list,
        # not a range over every day of the year (which made date queries 4× slower).
        "year": ID(),
        "month": ID(),
        "source": TEXT(analyzer=unstemmed),
        "tag": KEYWORD(commas=True, lowercase=True),  # folded
        # Reserved, empty for now: is:starred / is:unread, has:notes, notes:… (the
        # library will fill them from its annotations when it reindexes an article).
        "is": KEYWORD(commas=True, lowercase=True),
        "has": KEYWORD(commas=True, lowercase=True),
        "notes": TEXT(analyzer=unstemmed),
        "title": LanguageText(field_boost=TITLE_BOOST),
        "body": LanguageText(),
    }
    return Schema(**fields)


def plain_text(markdown_body: str) -> str:
    """Text to index from a markdown body: escapes undone (syntax is not \\w anyway)."""
    text = _MARKDOWN_ESCAPE.sub(r"\1", markdown_body)
    return text.replace("&lt;", "<").replace("&amp;", "&")


def document(article_id: int, article: Article) -> dict[str, object]:
    key = language_key(article)
    body = plain_text(article.body)
    document: dict[str, object] = {
        "id": str(article_id),
        "path": article.path,
        "lang": article.lang or "xx",
        "source": article.source,
        "tag": ",".join(fold(tag) for tag in article.tags),
        "title": (key, article.title),
        "body": (key, body),
    }
    if article.date:
        document["date"] = article.date
        document["year"] = article.date[:4]
        if len(article.date) >= 7:
            document["month"] = article.date[:7]
    return document


def language_key(article: Article) -> str:
    return article.lang if article.lang in STEMMED_LANGUAGES else "xx"
