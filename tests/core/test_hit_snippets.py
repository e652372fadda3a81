"""A page of hits gets its snippets from its files read together: each the passage of the
article as the reader opens it, whatever its format; a file gone or stalled costs only
its own snippet."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.articles import file_reading
from reader.core.library.library import Library
from reader.core.operations import hit_snippets, search_library
from reader.core.search.snippets import QueryTerms, best_snippet, readable_text

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
QUERY = "lantern"
ARTICLES = {
    "a.txt": "Lantern news\n\nThe lantern went out at dawn, said the lantern keeper.\n",
    "b.md": "---\ntitle: Boats\nlang: en\n---\n\nEach *lantern* on the **boats** was lit.\n",
    "c.html": (PAGES / "release-notes.html").read_text(encoding="utf-8"),
    "d.txt": "Tides\n\nAt low tide a lantern showed the field of mud.\n",
}


@pytest.fixture
def library(library_root: Path, open_library: Callable[[Path], Library]) -> Library:
    for name, text in ARTICLES.items():
        (library_root / name).write_text(text, encoding="utf-8")
    library = open_library(library_root)
    library.refresh()
    return library


def test_each_hits_snippet_is_the_best_passage_of_the_article_as_opened(
    library: Library,
) -> None:
    found = search_library(library, QUERY)
    rows = [hit.row for hit in found.hits]
    assert sorted(row.path for row in rows) == sorted(ARTICLES)

    snippets = hit_snippets(library, QUERY, rows)

    terms = QueryTerms.parse(QUERY)
    for row in rows:
        opened = readable_text(library.read_article(row).body)
        assert snippets[row.id] == best_snippet(opened, terms, row.lang), row.path
        snippet = snippets[row.id]
        assert snippet is not None and "lantern" in snippet.text.lower()


def test_a_file_gone_or_stalled_loses_only_its_own_snippet(
    library: Library, library_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [hit.row for hit in search_library(library, QUERY).hits]
    (library_root / "b.md").unlink()
    released = threading.Event()
    real_read = file_reading.read_now

    def read_now(path: Path, max_bytes: int) -> bytes:
        if path.name == "a.txt":
            released.wait()  # as the kernel waits on a mount that stopped answering
        return real_read(path, max_bytes)

    monkeypatch.setattr(file_reading, "read_now", read_now)
    monkeypatch.setattr(file_reading, "READ_SECONDS", 0.2)
    try:
        snippets = hit_snippets(library, QUERY, rows)
    finally:
        released.set()

    by_path = {row.path: snippets[row.id] for row in rows}
    assert by_path["a.txt"] is None and by_path["b.md"] is None
    assert by_path["c.html"] is not None and "lantern" in by_path["c.html"].text.lower()
    assert by_path["d.txt"] is not None and "mud" in by_path["d.txt"].text
