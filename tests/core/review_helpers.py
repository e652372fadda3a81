"""Highlights made for the review's tests: one per sentence of an article."""

from __future__ import annotations

import itertools
from dataclasses import replace

from reader.core.annotations.annotating import create
from reader.core.annotations.reading_text import reading_text
from reader.core.annotations.userdata import Annotation
from reader.core.library.library import Library

_SECONDS = itertools.count()  # every highlight made here is younger than the one before


def sentences(count: int) -> str:
    return "# Notes\n\n" + "\n\n".join(f"Sentence number {n} says a thing." for n in range(count))


def highlight_all(
    library: Library, rel: str, color: str = "yellow", tags: tuple[str, ...] = ()
) -> list[Annotation]:
    """Highlights every sentence of ``rel``, each created a second after the last made."""
    row = library.catalog.row_by_path(rel)
    assert row is not None
    article = library.read_article(row)
    text = reading_text(article)
    made = []
    start = text.find("Sentence")
    while start >= 0:
        end = text.index(".", start) + 1
        second = next(_SECONDS)
        stamp = f"2020-01-01T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}Z"
        annotation = create(row.id, text, start, end, color, fingerprint=article.fingerprint)
        made.append(replace(annotation, created=stamp, modified=stamp, tags=tags))
        start = text.find("Sentence", end)
    library.userdata.save_all(made)
    return made
