"""``Catalog.newest_rows``: a big library's first page is exactly the top of its list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.core.library.library import Library

DATES = ["2024-05-01", "2024-05-01", "2024-05-01", "2023-01-01", "2022-02-02", None, None]


def test_the_newest_rows_with_every_tie_of_the_last_date(
    open_library: Callable[[Path], Library], library_root: Path
) -> None:
    for n, date in enumerate(DATES):
        front = f"---\ndate: {date}\n---\n" if date else ""
        (library_root / f"a{n}.md").write_text(f"{front}# Article {n}\n\nBody {n}.\n")
    library = open_library(library_root)
    library.refresh()
    catalog = library.catalog

    def dates(limit: int) -> list[str | None]:
        return sorted((row.date for row in catalog.newest_rows(limit)), key=lambda date: date or "")

    assert dates(1) == ["2024-05-01"] * 3  # one asked: its date's ties come too
    assert dates(4) == ["2023-01-01"] + ["2024-05-01"] * 3
    assert dates(6) == [None, None, "2022-02-02", "2023-01-01"] + ["2024-05-01"] * 3
    assert dates(7) == dates(6)
    assert catalog.newest_rows(8) == []  # more than there are: none (the list reads all)
    assert catalog.row_by_path("a3.md") is not None
    assert catalog.row_by_path("a9.md") is None
