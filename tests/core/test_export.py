"""Highlights and notes out (Markdown, W3C Web Annotation JSON-LD) and back in."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import markdown
import pytest

from reader.core.annotations.annotating import create
from reader.core.annotations.export import (
    DETACHED_HEADING,
    ORPHANS_HEADING,
    ImportFormatError,
    import_jsonld,
    to_jsonld,
    to_markdown,
    write_atomically,
)
from reader.core.annotations.reading_text import reading_text
from reader.core.annotations.userdata import Annotation
from reader.core.articles.formats import parse_file
from reader.core.library.library import Library

ALPHA = (
    "---\ntitle: Alpha dispatch\nsource: Wire\ndate: 2020-01-02\n---\n\n"
    "The harbour opened at dawn. Fishing boats left before the storm.\n\n"
    "Later the market filled with the catch of the day.\n"
)
BETA = (
    "Beta letters\n\n# hash line\n\n> gt line\n\n1. numbered line\n\nSome *stars* and <b>tag</b>\n"
)


@pytest.fixture
def library(
    library_root: Path,
    write: Callable[[Path, str], Path],
    open_library: Callable[[Path], Library],
) -> Library:
    write(library_root / "sub" / "alpha.md", ALPHA)
    write(library_root / "beta.txt", BETA)
    opened = open_library(library_root)
    opened.refresh()
    return opened


def highlight(
    library: Library, rel: str, words: str, color: str = "yellow", **more: object
) -> Annotation:
    """Highlights the first ``words`` of the article at ``rel`` and saves it."""
    row = library.catalog.row_by_path(rel)
    assert row is not None
    article = parse_file(library.root, rel)
    text = reading_text(article)
    start = text.index(words)
    annotation = create(row.id, text, start, start + len(words), color, "", article.fingerprint)
    annotation = replace(annotation, **more)  # type: ignore[arg-type]
    library.userdata.save(annotation)
    return annotation


@pytest.fixture
def fresh(library: Library, tmp_path: Path) -> Iterator[Callable[[], Library]]:
    """Opens the same library folder with an empty data folder of its own."""

    def open_() -> Library:
        (tmp_path / "other").mkdir()
        other = Library(library.root, data_dir=tmp_path / "other")
        opened.append(other)
        other.refresh()
        return other

    opened: list[Library] = []
    yield open_
    for other in opened:
        other.close()


def items(data: dict) -> list[dict]:
    return data["first"]["items"]


def annotation(source: str, *selectors: dict, **more: object) -> dict:
    return {"type": "Annotation", "target": {"source": source, "selector": list(selectors)}, **more}


def quote(exact: str, prefix: str = "", suffix: str = "") -> dict:
    return {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}


# --- Markdown -----------------------------------------------------------------------


def test_markdown_groups_by_article_in_title_order_and_reading_order(library: Library) -> None:
    highlight(library, "beta.txt", "gt line", "blue")
    highlight(
        library, "sub/alpha.md", "the market filled", "green", note="Busy.\nVery.", tags=("a", "b")
    )
    highlight(library, "sub/alpha.md", "Fishing boats")
    text = to_markdown(library)
    assert text.startswith("# Highlights and notes\n")
    assert text.index("## Alpha dispatch") < text.index("## Beta letters")
    assert "Wire · 2020-01-02 · `sub/alpha.md`" in text
    assert "`beta.txt`" in text
    assert text.index("> Fishing boats") < text.index("> the market filled")
    assert "> the market filled\n\nBusy.\\\nVery.\n\n— green · tags: a, b\n" in text  # hard break
    assert "> Fishing boats\n\n— yellow\n" in text
    assert ORPHANS_HEADING not in text and DETACHED_HEADING not in text


def test_markdown_quotes_cannot_become_headings_quotes_lists_or_markup(library: Library) -> None:
    for words in ("# hash line", "> gt line", "1. numbered line", "Some *stars* and <b>tag</b>"):
        highlight(library, "beta.txt", words, note=f"# {words}")
    text = to_markdown(library)
    assert "> \\# hash line" in text and "> \\> gt line" in text and "> 1\\. numbered" in text
    html = markdown.markdown(text)
    assert html.count("<h1>") == 1 and html.count("<h2>") == 1  # the document's and the article's
    assert html.count("<blockquote>") == 4  # one per highlight, none nested from "> gt line"
    assert "<ol>" not in html and "<em>" not in html and "<b>" not in html


def test_markdown_lists_orphans_after_the_placed_highlights(
    library: Library, write: Callable[[Path, str], Path]
) -> None:
    highlight(library, "sub/alpha.md", "the storm", note="gone soon")
    highlight(library, "sub/alpha.md", "The harbour opened")
    write(library.root / "sub" / "alpha.md", ALPHA.replace("before the storm", "at noon"))
    library.refresh()
    text = to_markdown(library)
    assert text.index("> The harbour opened") < text.index(f"### {ORPHANS_HEADING}")
    assert text.index(f"### {ORPHANS_HEADING}") < text.index("> the storm\n\ngone soon")


def test_markdown_and_jsonld_keep_the_highlights_of_an_article_that_left(
    library: Library, fresh: Callable[[], Library]
) -> None:
    highlight(library, "beta.txt", "hash line", note="keep me")
    (library.root / "beta.txt").unlink()
    library.refresh()
    text = to_markdown(library)
    assert text.index(f"## {DETACHED_HEADING}") < text.index("### Beta letters")
    assert "`beta.txt`" in text and "> hash line" in text
    [item] = items(to_jsonld(library))
    assert item["target"]["source"] == "beta.txt" and item["reader:detached"] is True
    report = import_jsonld(fresh(), to_jsonld(library))
    assert report.added == 0 and len(report.errors) == 1
    assert "beta.txt is not in the library" in report.errors[0]


def test_markdown_of_a_library_without_highlights(library: Library) -> None:
    assert to_markdown(library) == "# Highlights and notes\n\nNo highlights yet.\n"


# --- JSON-LD ------------------------------------------------------------------------


def test_jsonld_is_a_web_annotation_collection(library: Library) -> None:
    noted = highlight(library, "sub/alpha.md", "Fishing boats", "pink", note="Why?", tags=("sea",))
    plain = highlight(library, "beta.txt", "hash line")
    data = json.loads(json.dumps(to_jsonld(library)))  # plain JSON
    assert data["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert data["@context"][1]["reader"].endswith("#")
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    assert data["id"].startswith("urn:uuid:") and data["label"]
    assert data["first"]["type"] == "AnnotationPage" and data["first"]["id"].startswith("urn:")
    first, second = items(data)
    assert "@context" not in first
    assert first["id"] == noted.id and first["id"].startswith("urn:uuid:")
    assert first["type"] == "Annotation" and first["motivation"] == "commenting"
    assert first["created"] == noted.created and first["modified"] == noted.modified
    assert first["body"] == [
        {"type": "TextualBody", "value": "Why?", "format": "text/plain", "purpose": "commenting"},
        {"type": "TextualBody", "value": "sea", "purpose": "tagging"},
    ]
    position = noted.selectors.position
    assert position is not None
    assert first["target"] == {
        "source": "sub/alpha.md",
        "title": "Alpha dispatch",
        "selector": [
            quote("Fishing boats", noted.selectors.quote.prefix, noted.selectors.quote.suffix),
            {"type": "TextPositionSelector", "start": position.start, "end": position.end},
        ],
    }
    assert first["reader:color"] == "pink" and "reader:orphan" not in first
    assert second["id"] == plain.id and second["motivation"] == "highlighting"
    assert "body" not in second and second["reader:color"] == "yellow"


# --- import -------------------------------------------------------------------------


def test_round_trip_into_a_fresh_data_folder_loses_nothing(
    library: Library, fresh: Callable[[], Library], write: Callable[[Path, str], Path]
) -> None:
    highlight(library, "sub/alpha.md", "Fishing boats", "green", note="two\nlines", tags=("x", "y"))
    highlight(library, "sub/alpha.md", "the storm", "purple")
    highlight(library, "beta.txt", "gt line", "blue", note="noted")
    write(library.root / "sub" / "alpha.md", ALPHA.replace("before the storm", "at noon"))
    library.refresh()  # "the storm" is an orphan now
    exported = to_jsonld(library)
    assert [item.get("reader:orphan", False) for item in items(exported)] == [False, True, False]

    other = fresh()
    report = import_jsonld(other, json.loads(json.dumps(exported)))
    assert (report.added, report.orphans, report.skipped_existing, report.errors) == (3, 1, 0, [])
    assert to_jsonld(other) == exported
    assert _essence(other) == _essence(library)


def _essence(library: Library) -> dict[str, tuple[str, Annotation]]:
    """Every field of every annotation, its article by path (ids are per data folder)."""
    paths = {row.id: row.path for row in library.catalog.rows()}
    found = library.userdata.all_annotations()
    return {a.id: (paths[a.article_id], replace(a, article_id=0)) for a in found}


def test_importing_twice_duplicates_nothing(library: Library, fresh: Callable[[], Library]) -> None:
    highlight(library, "sub/alpha.md", "Fishing boats")
    highlight(library, "beta.txt", "hash line")
    exported = to_jsonld(library)
    again = import_jsonld(library, exported)
    assert (again.added, again.skipped_existing) == (0, 2)
    other = fresh()
    assert import_jsonld(other, exported).added == 2
    assert import_jsonld(other, exported).summary() == "Imported 0 highlights (2 already there)"
    assert len(other.userdata.all_annotations()) == 2


def test_a_quote_alone_anchors_and_gets_its_position_and_context(library: Library) -> None:
    note, tag = {"type": "TextualBody", "value": "a note"}, {"value": "tide", "purpose": "tagging"}
    selector = {"type": "TextQuoteSelector", "exact": "left before"}  # a dict, not a list
    data = {
        "type": "Annotation",
        "body": [note, tag],
        "target": {"source": "sub/alpha.md", "selector": selector},
        "reader:color": "chartreuse",
    }
    report = import_jsonld(library, data)
    assert (report.added, report.orphans, report.errors) == (1, 0, [])
    [stored] = library.userdata.all_annotations()
    text = reading_text(parse_file(library.root, "sub/alpha.md"))
    position = stored.selectors.position
    assert position is not None and text[position.start : position.end] == "left before"
    assert stored.selectors.quote.prefix.endswith("Fishing boats ")
    assert stored.id.startswith("urn:uuid:") and stored.created and stored.modified
    assert (stored.note, stored.tags, stored.color, stored.orphan) == (
        "a note",
        ("tide",),
        "yellow",
        False,
    )


def test_a_stale_position_anchors_by_its_quote(library: Library) -> None:
    stale = {"type": "TextPositionSelector", "start": 2, "end": 9}
    report = import_jsonld(library, [annotation("sub/alpha.md", quote("the catch"), stale)])
    assert (report.added, report.orphans) == (1, 0)
    [stored] = library.userdata.all_annotations()
    text = reading_text(parse_file(library.root, "sub/alpha.md"))
    position = stored.selectors.position
    assert position is not None and position.start == text.index("the catch")


def test_a_quote_found_nowhere_is_kept_as_an_orphan_and_exported_as_one(library: Library) -> None:
    lost = annotation("beta.txt", quote("a sentence this article never had"), id="urn:uuid:1")
    page = {"type": "AnnotationPage", "items": [lost]}
    report = import_jsonld(library, page)
    assert (report.added, report.orphans) == (1, 1)
    assert str(report) == report.summary() == "Imported 1 highlight (1 could not be placed)"
    [item] = items(to_jsonld(library))
    assert item["id"] == "urn:uuid:1" and item["reader:orphan"] is True
    assert item["target"]["selector"][0]["exact"] == "a sentence this article never had"
    assert f"## {ORPHANS_HEADING}" in to_markdown(library)


def test_an_unknown_article_is_reported_and_not_stored(library: Library) -> None:
    report = import_jsonld(
        library,
        [annotation("nowhere.md", quote("boats"), id="urn:uuid:x"), annotation("beta.txt")],
    )
    assert report.added == 0 and library.userdata.all_annotations() == []
    assert (
        report.errors[0] == "urn:uuid:x: its article nowhere.md is not in the library; not imported"
    )
    assert report.errors[1].startswith("annotation 2: it selects no text")
    assert report.summary() == "Imported 0 highlights (2 not imported)"


def test_sources_as_absolute_paths_and_file_uris_inside_the_library(library: Library) -> None:
    absolute = str(library.root / "sub" / "alpha.md")
    uri = (library.root / "beta.txt").as_uri()
    plain = {"type": "Annotation", "target": uri}  # a whole article: nothing to highlight
    report = import_jsonld(
        library, [annotation(absolute, quote("Fishing")), annotation(uri, quote("hash")), plain]
    )
    assert report.added == 2 and len(report.errors) == 1
    sources = {item["target"]["source"] for item in items(to_jsonld(library))}
    assert sources == {"sub/alpha.md", "beta.txt"}


def test_what_is_not_web_annotation_json_is_refused_whole(library: Library) -> None:
    linked = {"type": "AnnotationCollection", "first": "https://example.org/page/1"}
    for data in (3, "text", {"hello": "world"}, linked):
        with pytest.raises(ImportFormatError):
            import_jsonld(library, data)
    for empty in ([], {"type": "AnnotationCollection", "total": 0}):
        assert import_jsonld(library, empty).summary() == "Imported 0 highlights"


# --- files --------------------------------------------------------------------------


def test_write_atomically_replaces_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.md"
    write_atomically(target, "first ✓\n")
    write_atomically(target, "second\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's 0600

    def broken(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_atomically(target, "third\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    assert [path.name for path in tmp_path.iterdir()] == ["export.md"]
