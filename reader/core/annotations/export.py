"""Highlights and notes out of the library (Markdown, W3C Web Annotation JSON-LD) and back in.

The JSON-LD is an ``AnnotationCollection``, every annotation embedded in its first page,
``target.source`` the article's path relative to the library (posix). Its context,
``[anno.jsonld, {"reader": NAMESPACE, "title": dcterms:title}]``, makes the extension keys
compact IRIs: ``reader:color`` (one of ``COLORS``), ``reader:orphan`` (true: not placed in
the current text), ``reader:detached`` (true: its article left the library; ``source`` is
its old path). Decision: on import, an annotation whose article is not in the library is
not stored (there is no text to anchor it on); the report's errors list it.
No Qt here: the command line and the window (off its thread) write with :func:`write_atomically`.
"""

from __future__ import annotations

import os
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

from reader.core.annotations.anchoring import Selectors, TextPosition, TextQuote, describe
from reader.core.annotations.annotating import reanchor
from reader.core.annotations.library_view import LibraryView as Library
from reader.core.annotations.reading_text import reading_text
from reader.core.annotations.userdata import COLORS, Annotation, clean_tag, now
from reader.core.articles.names import article_rel

NAMESPACE = "https://article-reader.invalid/ns#"
CONTEXT = [
    "http://www.w3.org/ns/anno.jsonld",
    {"reader": NAMESPACE, "title": "http://purl.org/dc/terms/title"},
]
ORPHANS_HEADING = "Could not be placed in the current text"
DETACHED_HEADING = "No longer in the library"
_INLINE = re.compile(r"[\\`*_\[\]<>~]|&(?=#?\w+;)")  # emphasis, code, links, HTML, entities
_ENTITIES = {"<": "&lt;", "&": "&amp;"}  # understood by every Markdown, unlike \< and \&
_ORDERED = re.compile(r"\d{1,9}(?=[.)])")  # "1." or "1)" would start a list
_Text = tuple[int, str, str]  # article id, reading text, fingerprint


class ImportFormatError(ValueError):
    """Not importable: the whole data (raised), or one annotation (then in the report)."""


@dataclass
class ImportReport:
    added: int = 0  # stored; ``orphans`` of them could not be placed in the current text
    skipped_existing: int = 0  # their id was in the library already (or earlier in the data)
    orphans: int = 0
    errors: list[str] = field(default_factory=list)  # one line per annotation not stored

    def summary(self) -> str:
        """One line: "Imported 3 highlights (1 could not be placed, 2 already there)"."""
        details = [f"{self.orphans} could not be placed"] if self.orphans else []
        details += [f"{self.skipped_existing} already there"] if self.skipped_existing else []
        details += [f"{len(self.errors)} not imported"] if self.errors else []
        noun = "highlight" if self.added == 1 else "highlights"
        return f"Imported {self.added} {noun}" + (f" ({', '.join(details)})" if details else "")

    __str__ = summary


@dataclass(frozen=True)
class _Group:
    """One article's annotations, placed ones in reading order, then orphans."""

    path: str
    title: str
    details: tuple[str, ...]  # source, date
    items: list[Annotation]
    detached: bool


def _groups(library: Library) -> list[_Group]:
    by_article: dict[int, list[Annotation]] = {}
    for annotation in library.userdata.all_annotations():
        by_article.setdefault(annotation.article_id, []).append(annotation)
    rows = {row.id: row for row in library.catalog.rows_by_id(i for i in by_article if i > 0)}
    gone = {-entry.old_id: entry for entry in library.userdata.detached()}
    groups = []
    for article_id, items in by_article.items():
        items.sort(key=_order)
        if row := rows.get(article_id):
            details = tuple(d for d in (row.source, row.date or "") if d)
            groups.append(_Group(row.path, row.title, details, items, False))
        else:
            entry = gone.get(article_id)
            path, title = (entry.path, entry.title) if entry else ("", "")
            groups.append(_Group(path, title, (), items, True))
    groups.sort(key=lambda group: (group.detached, group.title.casefold(), group.path))
    return groups


def _order(annotation: Annotation) -> tuple[bool, int, str]:
    """Reading order: placed ones by position, then orphans."""
    position = annotation.selectors.position
    return annotation.orphan, position.start if position else -1, annotation.created


def to_markdown(library: Library) -> str:
    """Every highlight and note of the library as one Markdown document."""
    groups = _groups(library)
    lines = ["# Highlights and notes", ""] + ([] if groups else ["No highlights yet.", ""])
    for number, group in enumerate(groups):
        if group.detached and (number == 0 or not groups[number - 1].detached):
            lines += [f"## {DETACHED_HEADING}", ""]
        level = "###" if group.detached else "##"
        title = _escape(" ".join(group.title.split()) or group.path or "Untitled")
        title = f"{title[:-1]}\\#" if title.endswith("#") else title  # not a closing sequence
        path = f"`` {group.path} ``" if "`" in group.path else f"`{group.path}`"
        lines += [f"{level} {title}", "", " · ".join((*group.details, path)), ""]
        orphans = [a for a in group.items if a.orphan]
        for annotation in group.items:
            if orphans and annotation is orphans[0]:
                lines += [f"{level}# {ORPHANS_HEADING}", ""]
            lines += _markdown_annotation(annotation)
    return "\n".join(lines).rstrip("\n") + "\n"


def _markdown_annotation(annotation: Annotation) -> list[str]:
    quote = [f"> {_escape(line)}" for line in annotation.quote.split("\n") if line.strip()]
    lines = ["\n>\n".join(quote), ""]
    paragraphs = re.split(r"\n\s*\n", annotation.note.strip())
    for paragraph in paragraphs if annotation.note.strip() else []:  # line breaks stay: hard ones
        lines += ["\\\n".join(_escape(line) for line in paragraph.split("\n")), ""]
    tags = f" · tags: {', '.join(_escape(tag) for tag in annotation.tags)}"
    return [*lines, f"— {annotation.color}{tags if annotation.tags else ''}", ""]


def _escape(line: str) -> str:
    """``line`` as literal Markdown: no emphasis, link, HTML, heading, quote or list."""
    line = _INLINE.sub(lambda m: _ENTITIES.get(m.group(0), f"\\{m.group(0)}"), line.strip())
    if line[:1] in ("#", ">", "+", "-", "="):
        return f"\\{line}"
    number = _ORDERED.match(line)
    return f"{number.group(0)}\\{line[number.end() :]}" if number else line


def to_jsonld(library: Library) -> dict[str, Any]:
    """Every annotation as a W3C Web Annotation collection (see the module docstring)."""
    items = [_item(a, group) for group in _groups(library) for a in group.items]
    collection = uuid.uuid5(uuid.NAMESPACE_URL, library.root.as_uri())  # stable per library
    return {
        "@context": CONTEXT,
        "id": collection.urn,
        "type": "AnnotationCollection",
        "label": f"Highlights and notes: {article_rel(library.root.name)}",  # valid UTF-8
        "total": len(items),
        "first": {"id": uuid.uuid5(collection, "1").urn, "type": "AnnotationPage", "items": items},
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


def import_jsonld(library: Library, data: object) -> ImportReport:
    """Store the new annotations of ``data`` (a collection, page, list or annotation).

    Each is anchored on its article's current reading text (its position if the quote
    is still there, else its quote), kept as an orphan if it cannot be placed; all are
    saved in one transaction (``UserDataError`` if they cannot be).
    """
    report = ImportReport()
    texts: dict[str, _Text | None] = {}  # by path relative to the library
    seen = {annotation.id for annotation in library.userdata.all_annotations()}
    wanted: dict[_Text, list[Annotation]] = {}
    for number, raw in enumerate(_annotations_in(data), 1):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(raw_id, str) and raw_id in seen:
            report.skipped_existing += 1
            continue
        try:
            article, annotation = _annotation(library, raw, texts)
        except ImportFormatError as exc:
            label = raw_id if isinstance(raw_id, str) and raw_id else f"annotation {number}"
            report.errors.append(f"{label}: {exc}; not imported")
            continue
        seen.add(annotation.id)
        wanted.setdefault(article, []).append(annotation)
    stored: list[Annotation] = []
    for (_, text, fingerprint), batch in wanted.items():
        anchored = reanchor(batch, text, fingerprint)
        changed = {annotation.id: annotation for annotation in anchored.changed}
        stored += [placed.annotation for placed in anchored.placed]
        stored += [changed.get(orphan.id, orphan) for orphan in anchored.orphans]
        report.orphans += len(anchored.orphans)
    if stored:
        library.userdata.save_all(stored)
    report.added = len(stored)
    return report


def _annotations_in(data: object) -> list[object]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise ImportFormatError("expected a JSON object or array of Web Annotations")
    kinds = _kinds(data)
    if "AnnotationCollection" in kinds:  # its first page embedded: nothing is fetched
        first = data.get("first", {"items": []})
        if not isinstance(first, dict):
            raise ImportFormatError("the collection's annotations are not in the file")
        return _annotations_in({**first, "type": "AnnotationPage"})
    if "AnnotationPage" in kinds and isinstance(data.get("items"), list):
        return list(data["items"])
    if "Annotation" in kinds or "target" in data:
        return [data]
    raise ImportFormatError("not a Web Annotation, AnnotationPage or AnnotationCollection")


def _annotation(
    library: Library, raw: object, texts: dict[str, _Text | None]
) -> tuple[_Text, Annotation]:
    if not isinstance(raw, dict):
        raise ImportFormatError("not a JSON object")
    target = raw.get("target")
    target = target[0] if isinstance(target, list) and target else target  # the first only
    target = {"source": target} if isinstance(target, str) else target
    if not isinstance(target, dict):
        raise ImportFormatError("it has no target")
    source = target.get("source", target.get("id"))
    source = source.get("id") if isinstance(source, dict) else source
    if not isinstance(source, str) or not source:
        raise ImportFormatError("its target has no source")
    rel = _relative(library.root, source)
    if rel not in texts:
        texts[rel] = _reading_text(library, rel)
    if (found := texts[rel]) is None:
        raise ImportFormatError(f"its article {source} is not in the library")
    selectors, (note, tags) = _selectors(target.get("selector"), found[1]), _bodies(raw)
    color = raw.get("reader:color", raw.get(f"{NAMESPACE}color"))
    color = color if color in COLORS else "yellow"
    created = _string(raw.get("created")) or now()
    modified = _string(raw.get("modified")) or created
    orphan = raw.get("reader:orphan", raw.get(f"{NAMESPACE}orphan")) is True
    annotation_id = _string(raw.get("id")) or f"urn:uuid:{uuid.uuid4()}"
    return found, Annotation(
        annotation_id, found[0], selectors, color, note, tags, created, modified, orphan
    )


def _relative(root: Path, source: str) -> str:
    """``source`` as a path relative to the library (posix); as it was if outside it."""
    if source.startswith("file:"):
        path = Path(url2pathname(urlparse(source).path))
    elif Path(source).is_absolute():
        path = Path(source)
    else:
        return PurePosixPath(source.replace("\\", "/")).as_posix()
    try:
        return article_rel(path.resolve().relative_to(root).as_posix())  # an OS name
    except ValueError:
        return source


def _reading_text(library: Library, rel: str) -> _Text | None:
    row = library.catalog.row_by_path(rel)
    if row is None:
        return None
    try:
        article = library.read_article(row)
    except FileNotFoundError:
        return None  # the next refresh removes it from the catalog
    return row.id, reading_text(article), article.fingerprint


def _selectors(found: object, text: str) -> Selectors:
    quote, position = None, None
    for selector in found if isinstance(found, list) else [found]:
        if not isinstance(selector, dict):
            continue
        kinds = _kinds(selector)
        if "TextQuoteSelector" in kinds and _string(selector.get("exact")).strip():
            prefix, suffix = _string(selector.get("prefix")), _string(selector.get("suffix"))
            quote = TextQuote(selector["exact"], prefix, suffix)
        elif "TextPositionSelector" in kinds:
            start, end = _offset(selector.get("start")), _offset(selector.get("end"))
            position = TextPosition(start, end) if 0 <= start < end else position
    if quote is not None:
        return Selectors(quote, position)
    if position and position.end <= len(text) and text[position.start : position.end].strip():
        return describe(text, position.start, position.end)  # no quote: what is there now
    raise ImportFormatError("it selects no text (no quote, nor a position inside the article)")


def _bodies(raw: dict[Any, Any]) -> tuple[str, tuple[str, ...]]:
    """The note (bodies commenting, describing or without purpose) and the tags."""
    bodies = raw.get("body", [])
    notes, tags = [_string(raw.get("bodyValue"))], list[str]()
    for body in bodies if isinstance(bodies, list) else [bodies]:
        value = _string(body.get("value")) if isinstance(body, dict) else ""
        purposes = _strings(body.get("purpose")) if value else set()
        if "tagging" in purposes and value.replace(",", " ").strip():
            tag = clean_tag(value)
            tags += [] if tag in tags else [tag]
        elif value and purposes <= {"commenting", "describing"}:
            notes.append(value)
    return "\n\n".join(note for note in notes if note), tuple(tags)


def _kinds(data: dict[Any, Any]) -> set[str]:
    return _strings(data.get("type", data.get("@type")))


def _strings(value: object) -> set[str]:
    """A JSON-LD value that may be one string or a list of them."""
    return {v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)}


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""


def _offset(value: object) -> int:
    """A character offset, or -1 for anything that is not one."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else -1


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) at once: a crash leaves the old or the new."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")  # same folder
    try:
        with temporary.open("xb") as stream:  # a new file's usual permissions, unlike mkstemp
            stream.write(text.encode("utf-8"))
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):  # the rename on disk too (POSIX)
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
