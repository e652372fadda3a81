"""Highlights and notes out of the library: Markdown, and W3C Web Annotation JSON-LD.

The JSON-LD is an ``AnnotationCollection``, every annotation embedded in its first page,
``target.source`` the article's path relative to the library (posix). Its context,
``[anno.jsonld, {"reader": NAMESPACE, "title": dcterms:title}]``, makes the extension keys
compact IRIs: ``reader:color`` (one of ``COLORS``), ``reader:orphan`` (true: not placed in
the current text), ``reader:detached`` (true: its article left the library; ``source`` is
its old path), and what an ``ExportExtras`` adds (``reader:review`` on a highlight,
``reader:triage`` on the collection: :mod:`reader.core.exchange.extras`). Reading it
back: :mod:`reader.core.annotations.importing`. No Qt here: the command line and the
window (off its thread) write with :func:`write_atomically`
(:mod:`reader.core.annotations.output_file`).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Any

from reader.core.annotations.importing import NAMESPACE as NAMESPACE
from reader.core.annotations.importing import ImportFormatError as ImportFormatError
from reader.core.annotations.importing import ImportReport as ImportReport
from reader.core.annotations.importing import import_jsonld as import_jsonld
from reader.core.annotations.importing import load_jsonld as load_jsonld
from reader.core.annotations.library_view import ExportExtras, ExportView
from reader.core.annotations.output_file import NotAFileError as NotAFileError
from reader.core.annotations.output_file import write_atomically as write_atomically
from reader.core.annotations.userdata import Annotation
from reader.core.articles.names import article_rel

CONTEXT = [
    "http://www.w3.org/ns/anno.jsonld",
    {"reader": NAMESPACE, "title": "http://purl.org/dc/terms/title"},
]
ORPHANS_HEADING = "Could not be placed in the current text"
DETACHED_HEADING = "No longer in the library"
_INLINE = re.compile(r"[\\`*_\[\]<>~]|&(?=#?\w+;)")  # emphasis, code, links, HTML, entities
_ENTITIES = {"<": "&lt;", "&": "&amp;"}  # understood by every Markdown, unlike \< and \&
_ORDERED = re.compile(r"\d{1,9}(?=[.)])")  # "1." or "1)" would start a list


@dataclass(frozen=True)
class _Group:
    """One article's annotations, placed ones in reading order, then orphans."""

    article_id: int  # negative: detached
    path: str
    title: str
    details: tuple[str, ...]  # source, date
    items: list[Annotation]
    detached: bool


def _groups(library: ExportView, article_id: int | None) -> list[_Group]:
    by_article: dict[int, list[Annotation]] = {}
    for annotation in library.userdata.all_annotations():
        if article_id is None or annotation.article_id == article_id:
            by_article.setdefault(annotation.article_id, []).append(annotation)
    rows = {row.id: row for row in library.catalog.rows_by_id(i for i in by_article if i > 0)}
    gone = {-entry.old_id: entry for entry in library.userdata.detached()}
    groups = []
    for article_id, items in by_article.items():
        items.sort(key=_order)
        if row := rows.get(article_id):
            details = tuple(d for d in (row.source, row.date or "") if d)
            groups.append(_Group(article_id, row.path, row.title, details, items, False))
        else:
            entry = gone.get(article_id)
            path, title = (entry.path, entry.title) if entry else ("", "")
            groups.append(_Group(article_id, path, title, (), items, True))
    groups.sort(key=lambda group: (group.detached, group.title.casefold(), group.path))
    return groups


def _order(annotation: Annotation) -> tuple[bool, int, str]:
    """Reading order: placed ones by position, then orphans."""
    position = annotation.selectors.position
    return annotation.orphan, position.start if position else -1, annotation.created


def to_markdown(
    library: ExportView, article_id: int | None = None, extras: ExportExtras | None = None
) -> str:
    """Every highlight and note of the library as one Markdown document, or those of
    one article (``article_id``), laid out the same (with what ``extras`` add)."""
    groups = _groups(library, article_id)
    lines = ["# Highlights and notes", ""] + ([] if groups else ["No highlights yet.", ""])
    for number, group in enumerate(groups):
        if group.detached and (number == 0 or not groups[number - 1].detached):
            lines += [f"## {DETACHED_HEADING}", ""]
        level = "###" if group.detached else "##"
        title = _escape(" ".join(group.title.split()) or group.path or "Untitled")
        title = f"{title[:-1]}\\#" if title.endswith("#") else title  # not a closing sequence
        path = f"`` {group.path} ``" if "`" in group.path else f"`{group.path}`"
        more = extras.article_details(group.article_id) if extras and not group.detached else ()
        lines += [f"{level} {title}", "", " · ".join((*group.details, *more, path)), ""]
        orphans = [a for a in group.items if a.orphan]
        for annotation in group.items:
            if orphans and annotation is orphans[0]:
                lines += [f"{level}# {ORPHANS_HEADING}", ""]
            details = extras.annotation_details(annotation.id) if extras else ()
            lines += _markdown_annotation(annotation, details)
    lines += extras.markdown_sections(article_id) if extras else []
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_annotation(annotation: Annotation, details: tuple[str, ...]) -> list[str]:
    quote = [f"> {_escape(line)}" for line in annotation.quote.split("\n") if line.strip()]
    lines = ["\n>\n".join(quote), ""]
    paragraphs = re.split(r"\n\s*\n", annotation.note.strip())
    for paragraph in paragraphs if annotation.note.strip() else []:  # line breaks stay: hard ones
        lines += ["\\\n".join(_escape(line) for line in paragraph.split("\n")), ""]
    tags = f" · tags: {', '.join(_escape(tag) for tag in annotation.tags)}"
    more = "".join(f" · {_escape(detail)}" for detail in details)
    return [*lines, f"— {annotation.color}{tags if annotation.tags else ''}{more}", ""]


def _escape(line: str) -> str:
    """``line`` as literal Markdown: no emphasis, link, HTML, heading, quote or list."""
    line = _INLINE.sub(lambda m: _ENTITIES.get(m.group(0), f"\\{m.group(0)}"), line.strip())
    if line[:1] in ("#", ">", "+", "-", "="):
        return f"\\{line}"
    number = _ORDERED.match(line)
    return f"{number.group(0)}\\{line[number.end() :]}" if number else line


def to_jsonld(
    library: ExportView, article_id: int | None = None, extras: ExportExtras | None = None
) -> dict[str, Any]:
    """Every annotation as a W3C Web Annotation collection (see the module docstring),
    or those of one article (``article_id``): a collection of its own."""
    groups = _groups(library, article_id)
    items = [_item(a, group) for group in groups for a in group.items]
    if extras is not None:
        items = [{**item, **extras.annotation_fields(item["id"])} for item in items]
    collection = uuid.uuid5(uuid.NAMESPACE_URL, library.root.as_uri())  # stable per library
    label = article_rel(library.root.name)  # valid UTF-8
    for row in library.catalog.rows_by_id([] if article_id is None else [article_id]):
        collection = uuid.uuid5(collection, row.path)  # stable per article
        label = row.title or row.path
    return {
        "@context": CONTEXT,
        "id": collection.urn,
        "type": "AnnotationCollection",
        "label": f"Highlights and notes: {label}",
        "total": len(items),
        "first": {"id": uuid.uuid5(collection, "1").urn, "type": "AnnotationPage", "items": items},
        **(extras.collection_fields(article_id) if extras else {}),
    }


def _item(annotation: Annotation, group: _Group) -> dict[str, Any]:
    q, position, note = annotation.selectors.quote, annotation.selectors.position, annotation.note
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": q.exact, "prefix": q.prefix, "suffix": q.suffix}
    ]
    if position is not None:
        selectors.append(
            {"type": "TextPositionSelector", "start": position.start, "end": position.end}
        )
    body = [_body(note, "commenting", format="text/plain")] if note else []
    body += [_body(tag, "tagging") for tag in annotation.tags]
    target = {"source": group.path, "title": group.title, "selector": selectors}
    item = {
        "id": annotation.id,
        "type": "Annotation",
        "motivation": "commenting" if note else "highlighting",
        "created": annotation.created,
        "modified": annotation.modified,
        "body": body,
        "target": {key: value for key, value in target.items() if key != "title" or value},
        "reader:color": annotation.color,
        "reader:orphan": annotation.orphan,
        "reader:detached": group.detached,
    }
    return {key: value for key, value in item.items() if value is not False and value != []}


def _body(value: str, purpose: str, **more: str) -> dict[str, str]:
    return {"type": "TextualBody", "value": value, **more, "purpose": purpose}
