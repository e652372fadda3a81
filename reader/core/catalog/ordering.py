"""The library's orders, as the window's list shows them: by date (newest first), by
title (natural order: "Chapter 2" before "Chapter 11"), by source; sort keys only.

Qt-free, so the command line's ``list`` gives the order the window gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from reader.core.catalog.store import CatalogRow

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


# name → (key, descending first): the date newest first, the others A to Z.
ORDERS: dict[str, tuple[Callable[[CatalogRow], Any], bool]] = {
    "date": (lambda row: (row.date or "", natural_key(row.title), row.id), True),
    "title": (lambda row: (natural_key(row.title), row.id), False),
    "source": (lambda row: (row.source.casefold(), row.date or "", row.id), False),
}


def sorted_rows(rows: Iterable[CatalogRow], order: str, reverse: bool = False) -> list[CatalogRow]:
    """``rows`` in the ``order`` named (a key of :data:`ORDERS`), or the other way round."""
    key, descending = ORDERS[order]
    return sorted(rows, key=key, reverse=descending != reverse)
