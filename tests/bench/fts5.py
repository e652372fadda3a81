"""The baseline: the same library in SQLite FTS5, as Calibre and Zotero search.

Same parsed articles, same queries translated to FTS5 syntax, top 20 by BM25
(title weighted like ours) with FTS5's own snippet(). Tokenizer unicode61
with diacritics removed: accents fold like ours, but there is no stemming, so
``terroristes`` does not find ``terroriste`` here — faster, and less found.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from reader.core.articles.article import Article
from reader.core.search.schema import plain_text

SCHEMA = """
CREATE VIRTUAL TABLE articles USING fts5(
    title, body, source UNINDEXED, lang UNINDEXED, date UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


class Fts5Library:
    def __init__(self, db_path: Path) -> None:
        db_path.unlink(missing_ok=True)
        self.db = sqlite3.connect(db_path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(SCHEMA)

    def add(self, articles: Iterable[tuple[int, Article]]) -> None:
        self.db.execute("BEGIN")
        self.db.executemany(
            "INSERT INTO articles (rowid, title, body, source, lang, date) VALUES (?,?,?,?,?,?)",
            ((i, a.title, plain_text(a.body), a.source, a.lang, a.date or "") for i, a in articles),
        )
        self.db.execute("COMMIT")

    def search(self, query: str, limit: int = 20) -> list[tuple[int, str]]:
        match, where, params = translate(query)
        sql = (
            "SELECT rowid, snippet(articles, 1, '<mark>', '</mark>', '…', 32) FROM articles "
            f"WHERE articles MATCH ? {where} ORDER BY bm25(articles, 3.0, 1.0) LIMIT ?"
        )
        return list(self.db.execute(sql, (match, *params, limit)))

    def close(self) -> None:
        self.db.close()


_FIELD = re.compile(r'(\w+):("[^"]*"|\S+)')


def translate(query: str) -> tuple[str, str, list[str]]:
    """Our query syntax → an FTS5 MATCH expression plus SQL filters for metadata fields."""
    where, params = "", []
    for field, value in _FIELD.findall(query):
        value = value.strip('"')
        if field == "source":
            where += " AND source = ?"
            params.append(value)
        elif field == "lang":
            where += " AND lang = ?"
            params.append(value)
        elif field == "date":
            low, _, high = value.partition("..")
            where += " AND date >= ? AND date <= ?"
            params += [low, (high or low) + "~"]
    kept = {"title": "title:", "notes": ""}  # no notes in FTS5: their words over the text
    rest = _FIELD.sub(
        lambda m: f"{kept[m.group(1)]}{m.group(2)}" if m.group(1) in kept else "", query
    )
    return " ".join(rest.split()), where, params
