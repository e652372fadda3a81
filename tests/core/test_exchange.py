"""Triage states and review records through the W3C export and back, and in Markdown."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from reader.core.annotations.export import import_jsonld, to_jsonld, to_markdown
from reader.core.exchange.extras import QUEUE_HEADING, ReaderExtras
from reader.core.library.library import Library
from reader.core.review.daily import ReviewDeck
from reader.core.triage.triage import Triage
from tests.core.review_helpers import highlight_all, sentences

OpenLibrary = Callable[[Path], Library]
DAY = date(2026, 5, 4)


def by_path(library: Library) -> dict[str, int]:
    return {row.path: row.id for row in library.catalog.rows()}


def made_library(root: Path, open_library: OpenLibrary) -> Library:
    for name in ("a", "b", "c", "d"):
        (root / f"{name}.md").write_text(sentences(3).replace("Notes", name.upper()), "utf-8")
    library = open_library(root)
    library.refresh()
    return library


def test_states_and_review_round_trip_through_w3c_json(
    tmp_path: Path, open_library: OpenLibrary
) -> None:
    (tmp_path / "one").mkdir()
    first = made_library(tmp_path / "one", open_library)
    ids = by_path(first)
    triage = Triage(first.userdata)
    triage.set_state([ids["c.md"], ids["a.md"]], "later")
    triage.set_state([ids["d.md"]], "archive")
    highlight_all(first, "a.md")
    highlight_all(first, "b.md")
    deck = ReviewDeck(first.userdata)
    answers = ["keep", "sooner", "mastered", "skip", "keep"]
    for item, answer in zip(deck.items(DAY), answers, strict=True):
        deck.answer(item.annotation_id, answer, DAY)  # type: ignore[arg-type]
    exported = json.loads(json.dumps(to_jsonld(first, None, ReaderExtras(first))))

    shutil.copytree(tmp_path / "one", tmp_path / "two", ignore=shutil.ignore_patterns(".*"))
    second = open_library(tmp_path / "two")
    second.refresh()
    second_ids = by_path(second)
    second.userdata.add_tag([second_ids["b.md"]], "kept")
    Triage(second.userdata).set_state([second_ids["b.md"]], "later")  # the reader's, kept
    report = import_jsonld(second, exported, extras=ReaderExtras(second))
    assert report.added == 6 and not report.errors
    again = Triage(second.userdata)
    paths = {article_id: path for path, article_id in second_ids.items()}
    assert [paths[i] for i in again.queue()] == ["b.md", "c.md", "a.md"]
    assert again.states_of([second_ids["d.md"]]) == {second_ids["d.md"]: "archive"}
    records = {a.id: deck.record(a.id) for a in first.userdata.all_annotations()}
    copied = ReviewDeck(second.userdata)
    assert {a.id: copied.record(a.id) for a in second.userdata.all_annotations()} == records
    assert sum(record is not None for record in records.values()) == 4  # the skip moved none


def test_an_import_never_overrides_what_is_there(tmp_path: Path, open_library: OpenLibrary) -> None:
    (tmp_path / "lib").mkdir()
    library = made_library(tmp_path / "lib", open_library)
    ids = by_path(library)
    (only, *_) = highlight_all(library, "a.md")
    deck = ReviewDeck(library.userdata)
    deck.items(DAY)
    deck.answer(only.id, "mastered", DAY)
    Triage(library.userdata).set_state([ids["a.md"]], "archive")
    exported = to_jsonld(library, None, ReaderExtras(library))
    exported["reader:triage"] = [{"source": "a.md", "state": "later"}]
    exported["first"]["items"][0]["reader:review"] = {"step": 0, "due": "2030-01-01"}
    import_jsonld(library, exported, extras=ReaderExtras(library))
    assert Triage(library.userdata).state(ids["a.md"]) == "archive"
    record = deck.record(only.id)
    assert record is not None and record.mastered


def test_hostile_extension_fields_are_ignored(tmp_path: Path, open_library: OpenLibrary) -> None:
    (tmp_path / "lib").mkdir()
    library = made_library(tmp_path / "lib", open_library)
    (only, *_) = highlight_all(library, "b.md")
    exported = to_jsonld(library, None, ReaderExtras(library))
    library.userdata.delete(only.id)
    exported["reader:triage"] = [
        {"source": "b.md", "state": "gone"}, "x", {"source": 7, "state": "later"},
        {"source": "../etc/passwd", "state": "archive"},
    ]  # fmt: skip
    exported["first"]["items"][0]["reader:review"] = {"step": "1", "due": "yesterday"}
    report = import_jsonld(library, exported, extras=ReaderExtras(library))
    assert report.added == 1
    assert Triage(library.userdata).states() == {}
    assert ReviewDeck(library.userdata).record(only.id) is None


def test_markdown_says_where_articles_are_and_when_highlights_return(
    tmp_path: Path, open_library: OpenLibrary
) -> None:
    (tmp_path / "lib").mkdir()
    library = made_library(tmp_path / "lib", open_library)
    ids = by_path(library)
    first, *_ = highlight_all(library, "a.md")
    highlight_all(library, "b.md")
    Triage(library.userdata).set_state([ids["b.md"], ids["a.md"]], "later")
    Triage(library.userdata).set_state([ids["c.md"]], "archive")
    deck = ReviewDeck(library.userdata)
    deck.items(DAY)
    deck.answer(first.id, "keep", DAY)
    text = to_markdown(library, None, ReaderExtras(library))
    assert "## A\n\nin the queue · `a.md`\n" in text
    assert "— yellow · review: back on 2026-05-05" in text
    assert text.endswith(f"## {QUEUE_HEADING}\n\n1. B · `b.md`\n2. A · `a.md`\n")
    assert "review" not in to_markdown(library)  # without extras: the highlights alone
