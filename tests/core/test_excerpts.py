"""Each article's opening, as the list shows it: plain text, one line, kept in the catalog."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.core.articles.article import EXCERPT_CHARS, plain_excerpt
from reader.core.articles.formats import parse_bytes
from reader.core.catalog.store import MIGRATIONS
from reader.core.library.library import Library

OpenLibrary = Callable[[Path], Library]

HARVEST = (
    "Harvest festival in Ludlow\n"
    "Published on Saturday 9 September 2023 | Shropshire Star\n"
    "\n"
    "Farmers   brought pumpkins,\ncider and marrows\tto the market square.\n"
    "\n"
    "The band played until dusk.\n"
)
TIDES = """---
title: Spring tides at Saint-Malo
source: Ouest-France
lang: en
---

# A heading that is not the title

The **sea** rose _fourteen_ metres, says [the harbour master](https://example.org/hm).
![A photo of the tide](tide.jpg) Read `the tables` & plan\\*.

- Boats were moved.
- Roads closed.
"""


def test_a_text_article_opens_after_its_title_and_byline() -> None:
    article = parse_bytes("harvest.txt", HARVEST.encode())
    assert article.excerpt == (
        "Farmers brought pumpkins, cider and marrows to the market square."
        " The band played until dusk."
    )


def test_a_markdown_excerpt_has_the_words_without_the_syntax() -> None:
    article = parse_bytes("tides.md", TIDES.encode())
    assert article.title == "Spring tides at Saint-Malo"
    assert article.excerpt == (
        "A heading that is not the title The sea rose fourteen metres, says the harbour"
        " master. A photo of the tide Read the tables & plan. Boats were moved. Roads closed."
    )


def test_a_markdown_title_from_its_heading_is_not_repeated() -> None:
    article = parse_bytes("lighthouse.md", b"# The lighthouse keeper\n\nHe climbed &amp; sang.\n")
    assert (article.title, article.excerpt) == ("The lighthouse keeper", "He climbed & sang.")


def test_a_long_opening_is_cut_at_a_word_with_an_ellipsis() -> None:
    body = " ".join(f"mot{n}" for n in range(200))
    article = parse_bytes("long.txt", f"Title\n\n{body}\n".encode())
    assert article.excerpt.endswith("…")
    assert EXCERPT_CHARS - 10 <= len(article.excerpt) <= EXCERPT_CHARS + 1
    assert body.startswith(article.excerpt[:-1])
    assert article.excerpt[:-1].split()[-1] in body.split()  # a whole word
    assert plain_excerpt("x" * 500).endswith("…")  # no space at all: cut anyway


def test_unreadable_and_empty_articles_have_no_excerpt() -> None:
    assert parse_bytes("empty.txt", b"  \n").excerpt == ""
    assert parse_bytes("title-only.txt", b"Only a title\n").excerpt == ""


def test_the_catalog_keeps_the_excerpt(
    library_root: Path, open_library: OpenLibrary, write: Callable[[Path, str], Path]
) -> None:
    write(library_root / "harvest.txt", HARVEST)
    library = open_library(library_root)
    library.refresh()
    row = library.catalog.row_by_path("harvest.txt")
    assert row is not None and row.excerpt.startswith("Farmers brought pumpkins")
    assert row.to_json()["excerpt"] == row.excerpt


def downgrade_to_version_2(db_path: Path) -> None:
    """Make the catalog as Article Reader left it before excerpts (schema 2)."""
    db = sqlite3.connect(db_path)
    db.execute("ALTER TABLE articles DROP COLUMN excerpt")
    db.execute("DROP TABLE catalog_state")  # schema 4's
    for table in ("triage", "review", "review_days", "review_visits"):  # schemas 5 and 6
        db.execute(f"DROP TABLE {table}")
    db.execute("DROP INDEX annotations_created")  # schema 6's
    db.execute("PRAGMA user_version=2")
    db.commit()
    db.close()


def test_a_version_2_catalog_fills_its_excerpts_in_one_refresh_without_reindexing(
    library_root: Path, open_library: OpenLibrary, write: Callable[[Path, str], Path]
) -> None:
    write(library_root / "harvest.txt", HARVEST)
    write(library_root / "tides.md", TIDES)
    (library_root / "broken.txt").write_bytes(b"\x00\x01\x02" * 10)
    library = open_library(library_root)
    library.refresh()
    before = {row.path: row for row in library.catalog.rows()}
    library.close()
    downgrade_to_version_2(library.catalog.path)

    library = open_library(library_root)
    version = library.catalog.db.execute("PRAGMA user_version").fetchone()[0]
    assert version == len(MIGRATIONS) == 6
    assert (library.data_dir / "catalog.sqlite3.v2.bak").exists()
    assert {row.excerpt for row in library.catalog.rows()} == {""}
    assert len(library.plan().to_parse) == 2  # the readable ones, not the broken file
    changes = library.refresh()
    assert sorted(changes.updated) == sorted(before[p].id for p in ("harvest.txt", "tides.md"))
    assert not (changes.added or changes.moved or changes.removed)
    assert {row.path: row for row in library.catalog.rows()} == before  # ids, excerpts…
    assert library.catalog.unindexed_ids() == []  # same content: nothing to re-index
    assert len(library.index.search("pumpkins")) == 1
    assert not library.refresh()  # read once, then never again
