"""The list's orders: by title (natural order), by source, by date; sort keys only."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reader.core.catalog.store import CatalogRow

TITLE, SOURCE, DATE, STAR = range(4)  # the star column is shown first (see the window)

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
