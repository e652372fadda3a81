"""The list's orders: by title (natural order), by source, by date; and a book's chapters
kept together in reading order whatever the order.

A book's chapters share a date (the book's) or come a few at a time; sorted newest
first they would run backwards (11, 8, 5, 2, 1) and ``j`` would walk the book from its
end into the next one. So in every column order a book stands where its first chapter
in that order would (by date newest first: where its newest chapter is), with all its
chapters there, first to last.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from reader.core.catalog.store import CatalogRow

TITLE, SOURCE, DATE, STAR = range(4)  # the star column is shown first (see the window)
BOOK_SEPARATOR = " — "  # "Book — Chapter": how a book's chapters are titled (ELTeC)

_NUMBER = re.compile(r"(\d+)")


def natural_key(title: str) -> tuple[tuple[int, int, str], ...]:
    """Titles in natural order: "Chapter 2" before "Chapter 11" (numbers by value)."""
    folded = title.casefold()
    if _NUMBER.search(folded) is None:  # most titles: the split below would give them whole
        return ((0, 0, folded),) if folded else ()
    return tuple(
        (1, int(part), "") if n % 2 else (0, 0, part)
        for n, part in enumerate(_NUMBER.split(folded))
        if part or n % 2
    )


SORT_KEYS: dict[int, Callable[[CatalogRow], Any]] = {
    TITLE: lambda row: (natural_key(row.title), row.id),
    SOURCE: lambda row: (row.source.casefold(), row.date or "", row.id),
    DATE: lambda row: (row.date or "", natural_key(row.title), row.id),
}


def book_of(row: CatalogRow) -> str:
    """The book a row is a chapter of ("" if none): its title before " — ". The catalog
    keeps no book: a chapter's title starts with its book's, and its source is the
    book's author (see ``formats._parse_markdown``)."""
    book, separator, _ = row.title.rpartition(BOOK_SEPARATOR)
    return book if separator else ""


def sorted_ids(
    ids: list[int], rows: Mapping[int, CatalogRow], column: int, descending: bool
) -> list[int]:
    """``ids`` in the order of ``column``, each book's chapters together, first to last."""
    key = SORT_KEYS[column]
    return chapters_together(sorted(ids, key=lambda i: key(rows[i]), reverse=descending), rows)


def chapters_together(ids: list[int], rows: Mapping[int, CatalogRow]) -> list[int]:
    """``ids`` as ordered, but each book (same book, same author) in one run, in reading
    order, where its first chapter in ``ids`` was."""
    books: dict[tuple[str, str], list[int]] = {}
    which: list[tuple[str, str] | None] = []  # each id's book, if any
    for article_id in ids:
        row = rows[article_id]
        book = book_of(row)
        which.append((row.source, book) if book else None)
        if book:
            books.setdefault((row.source, book), []).append(article_id)
    if all(len(chapters) < 2 for chapters in books.values()):
        return ids
    placed: set[tuple[str, str]] = set()
    ordered: list[int] = []
    for article_id, key in zip(ids, which, strict=True):
        chapters = books[key] if key is not None else []
        if key is None or len(chapters) < 2:
            ordered.append(article_id)
        elif key not in placed:
            placed.add(key)
            ordered.extend(sorted(chapters, key=lambda i: (natural_key(rows[i].title), i)))
    return ordered
