"""Whoosh full-text index: per-language analysis, incremental writes, queries.

Each article's text goes into the fields of its own language (``body_fr``,
``title_fr``…), analysed with that language's Snowball stemmer after case
and accent folding; other or unknown languages go to ``*_xx`` (folded, not
stemmed). A query is parsed against every language's fields, so one query
finds French and English articles alike, each matched with its own stemming.

Folding happens *before* stemming, so an unaccented query (``securite``)
and the accented text (``sécurité``) reach the stemmer as the same word.
Stop words are kept: phrases like "l'aide de Moscou" must match exactly.
"""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import Analyzer
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.qparser import AndGroup, MultifieldParser
from whoosh.qparser.plugins import FieldsPlugin
from whoosh.query import NullQuery

from reader.core.analysis import STEMMED_LANGUAGES, FoldingStemAnalyzer
from reader.core.article import Article

SCHEMA_VERSION = 2  # 2: one cached analyzer per language (reader.core.analysis)
LANGUAGE_KEYS = (*STEMMED_LANGUAGES, "xx")  # xx: any other or unknown language
TITLE_BOOST = 3.0
_VERSION_FILE = "article-reader-schema"
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


class QueryError(ValueError):
    """The query cannot be understood."""


@dataclass(frozen=True)
class Hit:
    id: int
    score: float


def language_analyzer(lang: str) -> Analyzer:
    return FoldingStemAnalyzer(lang)


def build_schema() -> Schema:
    fields: dict[str, object] = {
        "id": ID(stored=True, unique=True),
        "path": STORED(),
        "lang": ID(),
        "date": ID(),
        "source": TEXT(analyzer=language_analyzer("xx")),
        "tag": KEYWORD(commas=True, lowercase=True),
    }
    for key in LANGUAGE_KEYS:
        fields[f"title_{key}"] = TEXT(analyzer=language_analyzer(key), field_boost=TITLE_BOOST)
        fields[f"body_{key}"] = TEXT(analyzer=language_analyzer(key))
    return Schema(**fields)


def plain_text(markdown_body: str) -> str:
    """Text to index from a markdown body: escapes undone (syntax is not \\w anyway)."""
    text = _MARKDOWN_ESCAPE.sub(r"\1", markdown_body)
    return text.replace("&lt;", "<").replace("&amp;", "&")


class SearchIndex:
    """The index of one library. Writes must come from a single thread."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._searcher = None
        self.created = False  # True when opening found no usable index
        self.ix = self._open_or_create()
        self._parser = MultifieldParser(
            [f"{kind}_{key}" for kind in ("title", "body") for key in LANGUAGE_KEYS],
            self.ix.schema,
            group=AndGroup,
        )
        self._parser.add_plugin(FieldsPlugin())

    def _open_or_create(self) -> whoosh_index.Index:
        version_file = self.folder / _VERSION_FILE
        try:
            if version_file.read_text().strip() == str(SCHEMA_VERSION):
                return whoosh_index.open_dir(str(self.folder))
        except (OSError, ValueError, whoosh_index.EmptyIndexError):
            pass
        except Exception:  # a corrupt index can raise nearly anything: rebuild it
            pass
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        ix = whoosh_index.create_in(str(self.folder), build_schema())
        version_file.write_text(f"{SCHEMA_VERSION}\n")
        self.created = True
        return ix

    def write(self, upserts: Iterable[tuple[int, Article]], deletions: Iterable[int]) -> int:
        """Add or replace articles and delete ids, in one commit. Returns docs written."""
        written = 0
        writer = self.ix.writer(limitmb=128)
        try:
            for article_id in deletions:
                writer.delete_by_term("id", str(article_id))
            for article_id, article in upserts:
                writer.update_document(**_document(article_id, article))
                written += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        return written

    def doc_count(self) -> int:
        return int(self.ix.doc_count())

    def search(self, query_text: str, limit: int = 200) -> list[Hit]:
        """Hits in relevance order. Raises QueryError on a query that parses to nothing."""
        query = self._parser.parse(query_text)
        if query is None or query is NullQuery:
            raise QueryError(f"nothing to search for in {query_text!r}")
        with self._lock:
            # A fresh searcher when the index changed: Searcher.refresh() in whoosh3
            # keeps the old readers, so deleted or edited documents would still match.
            if self._searcher is None or not self._searcher.up_to_date():
                if self._searcher is not None:
                    self._searcher.close()
                self._searcher = self.ix.searcher()
            results = self._searcher.search(query, limit=limit)
            return [Hit(int(hit["id"]), float(hit.score)) for hit in results]

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
        self.ix.close()


def _document(article_id: int, article: Article) -> dict[str, object]:
    key = article.lang if article.lang in STEMMED_LANGUAGES else "xx"
    return {
        "id": str(article_id),
        "path": article.path,
        "lang": article.lang or "xx",
        "date": article.date or "",
        "source": article.source,
        "tag": ",".join(article.tags),
        f"title_{key}": article.title,
        f"body_{key}": plain_text(article.body),
    }
