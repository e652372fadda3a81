"""Imports are bounded: anchoring has a budget per highlight and per import (past it a
highlight is an orphan, never lost), an import reads at most so many annotations and gives
an article at most so many, says what it left out, and reports its progress."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.annotations import annotating, importing
from reader.core.annotations.anchoring import anchor, describe
from reader.core.annotations.export import import_jsonld
from reader.core.annotations.reading_text import reading_text
from reader.core.library.library import Library

OpenLibrary = Callable[[Path], Library]


def quote(source: str, exact: str) -> dict[str, object]:
    selector = {"type": "TextQuoteSelector", "exact": exact}
    return {"type": "Annotation", "target": {"source": source, "selector": selector}}


@pytest.fixture
def big(library_root: Path, open_library: OpenLibrary) -> Library:
    rng = random.Random(7)
    words = [f"mot{n}" for n in range(3000)]
    paragraphs = [" ".join(rng.choice(words) for _ in range(120)) + "." for _ in range(700)]
    text = "Un long article\n\n" + "\n\n".join(paragraphs) + "\n"
    assert len(text) > 570_000
    (library_root / "long.txt").write_text(text, encoding="utf-8")
    (library_root / "short.txt").write_text("Court\n\nmot1 mot2 mot3 mot4.\n", encoding="utf-8")
    library = open_library(library_root)
    library.refresh()
    return library


def test_long_quotes_that_are_not_there_stop_at_the_import_budget(
    big: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "IMPORT_ANCHOR_SECONDS", 1.0)
    rng = random.Random(3)
    absent = [
        " ".join("".join(rng.choice("xyzqwk") for _ in range(7)) for _ in range(40))
        for _ in range(200)
    ]
    [row] = [row for row in big.catalog.rows() if row.path == "long.txt"]
    started = time.monotonic()
    reading_text(big.read_article(row))  # rendering 570 KB is most of the import's time
    reading = time.monotonic() - started
    seen: list[tuple[int, int]] = []
    started = time.monotonic()
    report = import_jsonld(
        big, [quote("long.txt", text) for text in absent], lambda d, t, _: seen.append((d, t))
    )
    took = time.monotonic() - started
    assert took < reading + 1.0 + 2.0, (took, reading)  # 40 s before the budget
    assert report.added == 200 and report.orphans == 200  # kept, never lost
    assert report.out_of_time > 0
    assert any("time to look for approximate matches ran out" in line for line in report.limits)
    assert len(big.userdata.all_annotations()) == 200
    assert seen[-1] == (200, 200) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_each_highlight_has_its_own_budget(big: Library) -> None:
    [row] = [row for row in big.catalog.rows() if row.path == "long.txt"]
    text = big.read_article(row).body
    selectors = describe(text, 200_000, 200_300)
    edited = text[:200_100] + "QQQQ" + text[200_104:]  # a word changed: approximate only
    assert anchor(edited, selectors) is not None
    assert anchor(edited, selectors, deadline=time.monotonic() - 1) is None
    moved = selectors.__class__(selectors.quote, None)
    assert anchor(text, moved, deadline=time.monotonic() - 1) is not None  # exact: no budget


def test_reanchor_counts_what_ran_out_of_time(
    big: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    [row] = [row for row in big.catalog.rows() if row.path == "long.txt"]
    text = big.read_article(row).body
    edited = text[:200_100] + "QQQQ" + text[200_104:]
    annotation = annotating.create(row.id, text, 200_000, 200_300, "yellow")
    monkeypatch.setattr(annotating, "ANCHOR_SECONDS", -1.0)
    result = annotating.reanchor([annotation], edited, "new")
    assert result.out_of_time == 1 and result.orphans[0].id == annotation.id


def test_caps_on_a_file_and_on_an_article(big: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "MAX_IMPORT_ANNOTATIONS", 6)
    monkeypatch.setattr(importing, "MAX_IMPORTED_PER_ARTICLE", 3)
    data = [quote("short.txt", f"mot{n % 4 + 1}") for n in range(5)]
    data += [quote("long.txt", "Un long article") for _ in range(3)]
    report = import_jsonld(big, data)
    assert report.added == 4  # 3 on short.txt, 1 on long.txt: the 7th and 8th not read
    assert report.left_out == 4
    assert "Imported 4 highlights" in report.summary() and "4 left out" in report.summary()
    assert any("only the first 6 annotations" in line for line in report.limits)
    assert any(line.startswith("short.txt has 3 highlights: 2 more") for line in report.limits)
    again = import_jsonld(big, [quote("short.txt", "mot1")])  # the article is full
    assert again.added == 0 and again.left_out == 1
