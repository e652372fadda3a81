"""The records of what the reader makes (highlights, article state, detached articles),
and how an annotation is stored as a row of the ``annotations`` table."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from reader.core.annotations.anchoring import Selectors, TextPosition, TextQuote

ANNOTATION_COLUMNS = (
    "id, article_id, pos_start, pos_end, exact, prefix, suffix, color, note, tags,"
    " created, modified, orphan, anchored_to"
)


@dataclass(frozen=True)
class Annotation:
    id: str  # urn:uuid:…
    article_id: int  # negative: its article left the library (see DetachedArticle)
    selectors: Selectors
    color: str
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    modified: str = ""
    orphan: bool = False  # could not be placed in the article's current text
    anchored_to: str = ""  # the article fingerprint its selectors were last checked on

    @property
    def quote(self) -> str:
        return self.selectors.quote.exact


@dataclass(frozen=True)
class ArticleState:
    starred: bool = False
    read: bool = False
    position: int = 0  # offset in the reading text of the first line in view


@dataclass(frozen=True)
class DetachedArticle:
    """An article that left the catalog while it had annotations, a star, tags, or a place in
    the queue or the archive."""

    old_id: int  # its key (not the article's old id): its rows carry -old_id
    path: str
    title: str
    fingerprint: str
    words: int


def annotation_from_row(values: tuple[Any, ...]) -> Annotation:
    (id_, article_id, start, end, exact, prefix, suffix, color, note, tags, created,
     modified, orphan, anchored_to) = values  # fmt: skip
    position = TextPosition(start, end) if start is not None and end is not None else None
    selectors = Selectors(TextQuote(exact, prefix, suffix), position)
    return Annotation(
        id_, article_id, selectors, color, note, tuple(json.loads(tags)), created, modified,
        bool(orphan), anchored_to,
    )  # fmt: skip


def annotation_values(annotation: Annotation) -> tuple[object, ...]:
    position = annotation.selectors.position
    quote = annotation.selectors.quote
    return (
        annotation.id,
        annotation.article_id,
        position.start if position else None,
        position.end if position else None,
        quote.exact,
        quote.prefix,
        quote.suffix,
        annotation.color,
        annotation.note,
        json.dumps(list(annotation.tags), ensure_ascii=False),
        annotation.created,
        annotation.modified,
        int(annotation.orphan),
        annotation.anchored_to,
    )
