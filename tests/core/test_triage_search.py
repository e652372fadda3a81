"""is:inbox, is:later and is:archived in search, answered at once from the reader's data."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reader.core.library.library import Library
from reader.core.search.user_filters import UserFilters
from reader.core.triage.triage import Triage

LibraryOf = Callable[[Mapping[str, str]], Library]
ARTICLES = {
    "harbour.md": "# The harbour\n\nBoats left the harbour at dawn.\n",
    "market.md": "# The market\n\nThe harbour market filled with fish.\n",
    "garden.md": "# The garden\n\nGardens grow in the city.\n",
}


def found(library: Library, query: str) -> set[str]:
    hits = library.index.query(query, user=UserFilters(library.userdata)).hits
    return {row.path for row in library.catalog.rows_by_id(hit.id for hit in hits)}


def test_triage_states_are_searchable_and_archived_articles_are_found(
    library_of: LibraryOf,
) -> None:
    library = library_of(ARTICLES)
    by_path = {row.path: row.id for row in library.catalog.rows()}
    triage = Triage(library.userdata)
    triage.set_state([by_path["harbour.md"]], "archive")
    triage.set_state([by_path["garden.md"]], "later")
    assert found(library, "harbour") == {"harbour.md", "market.md"}  # archived too
    assert found(library, "is:archived") == {"harbour.md"}
    assert found(library, "is:later") == {"garden.md"}
    assert found(library, "is:inbox") == {"market.md"}
    assert found(library, "harbour NOT is:archived") == {"market.md"}
    triage.set_state([by_path["harbour.md"]], "inbox")
    assert found(library, "is:inbox harbour") == {"harbour.md", "market.md"}
