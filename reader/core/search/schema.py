"""The index's schema: fields per language, and the document an article becomes.

Each article's text goes into the fields of its own language (``body_fr``,
``title_fr``…), analysed with that language's Snowball stemmer after case and
accent folding; other or unknown languages go to ``*_xx`` (folded, not stemmed).
"""

from __future__ import annotations

import re

from whoosh.analysis.analyzers import Analyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, FieldType, Schema

from reader.core.articles.article import Article
from reader.core.search.analysis import STEMMED_LANGUAGES, FoldingStemAnalyzer, fold

# 5: year and month fields (fast date: queries)
# 4: segments written as plain files, not compound (see search.SearchIndex._writer)
# 3: sortable date, folded tags, reserved is/has/notes (and the vocabulary beside it)
# 2: one cached analyzer per language (reader.core.search.analysis)
SCHEMA_VERSION = 5
LANGUAGE_KEYS = (*STEMMED_LANGUAGES, "xx")  # xx: any other or unknown language
TITLE_BOOST = 3.0
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
SCOPE_FIELDS = {
    "all": tuple(f"{kind}_{key}" for kind in ("title", "body") for key in LANGUAGE_KEYS),
    "title": tuple(f"title_{key}" for key in LANGUAGE_KEYS),
    "body": tuple(f"body_{key}" for key in LANGUAGE_KEYS),
    "source": ("source",),
    "notes": ("notes",),
}


def language_analyzer(lang: str) -> Analyzer:
    return FoldingStemAnalyzer(lang)


def build_schema() -> Schema:
    unstemmed = language_analyzer("xx")
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
    }
    for key in LANGUAGE_KEYS:
        fields[f"title_{key}"] = TEXT(analyzer=language_analyzer(key), field_boost=TITLE_BOOST)
        fields[f"body_{key}"] = TEXT(analyzer=language_analyzer(key))
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
        f"title_{key}": article.title,
        f"body_{key}": body,
    }
    if article.date:
        document["date"] = article.date
        document["year"] = article.date[:4]
        if len(article.date) >= 7:
            document["month"] = article.date[:7]
    return document


def language_key(article: Article) -> str:
    return article.lang if article.lang in STEMMED_LANGUAGES else "xx"
