"""Highlights and notes back in: W3C Web Annotation JSON-LD, ours or another tool's.

Decision: an annotation whose article is not in the library is not stored (there is no
text to anchor it on); the report's errors list it. An import is bounded (its limits
are in :mod:`reader.core.limits`): at most ``MAX_IMPORT_ANNOTATIONS`` annotations are read
from one file, and an article gets highlights by import only up to
``MAX_IMPORTED_PER_ARTICLE`` in all; the report says how many were left out. Anchoring
has ``ANCHOR_SECONDS`` per highlight and ``IMPORT_ANCHOR_SECONDS`` for the whole import
(the approximate search is the slow step: a long quote that is not in a long article
is looked for all through it); past either a highlight is stored as an orphan, never
lost. Text that is not valid Unicode (a lone surrogate), offsets past any article and
JSON nested too deep are that annotation's (or that file's) one-line error.
"""

from __future__ import annotations

import json
import os
import stat
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

from reader.core.annotations.anchoring import (
    CONTEXT,
    Selectors,
    TextPosition,
    TextQuote,
    describe,
)
from reader.core.annotations.annotating import reanchor
from reader.core.annotations.library_view import ExportExtras, LibraryView
from reader.core.annotations.reading_text import reading_text
from reader.core.annotations.userdata import COLORS, Annotation, clean_tag, now
from reader.core.articles.names import article_rel
from reader.core.limits import (
    IMPORT_ANCHOR_SECONDS,
    MAX_ANNOTATION_ID_CHARS,
    MAX_IMPORT_ANNOTATIONS,
    MAX_IMPORT_BYTES,
    MAX_IMPORTED_PER_ARTICLE,
    MAX_NOTE_CHARS,
    MAX_QUOTE_CHARS,
    MAX_TAG_CHARS,
    MAX_TAGS,
)

NAMESPACE = "https://article-reader.invalid/ns#"
_MAX_OFFSET = 2**31  # past any article's reading text (and SQLite's integers)
_MAX_DATE_CHARS = 64  # "2026-12-06T02:18:59.123456+00:00" and room to spare
_Text = tuple[int, str, str]  # article id, reading text, fingerprint
Progress = Callable[[int, int, str], None]  # done, total, what is happening


class ImportFormatError(ValueError):
    """Not importable: the whole data (raised), or one annotation (then in the report)."""


@dataclass
class ImportReport:
    added: int = 0  # stored; ``orphans`` of them could not be placed in the current text
    skipped_existing: int = 0  # their id was in the library already (or earlier in the data)
    orphans: int = 0
    errors: list[str] = field(default_factory=list)  # one line per annotation not stored
    left_out: int = 0  # past the import's limits: not read (see ``limits``)
    out_of_time: int = 0  # of the orphans, those whose approximate search ran out of time
    limits: list[str] = field(default_factory=list)  # one line per limit reached

    def summary(self) -> str:
        """One line: "Imported 3 highlights (1 could not be placed, 2 already there)"."""
        details = [f"{self.orphans} could not be placed"] if self.orphans else []
        details += [f"{self.skipped_existing} already there"] if self.skipped_existing else []
        details += [f"{len(self.errors)} not imported"] if self.errors else []
        details += [f"{self.left_out} left out: past the limits"] if self.left_out else []
        noun = "highlight" if self.added == 1 else "highlights"
        return f"Imported {self.added} {noun}" + (f" ({', '.join(details)})" if details else "")

    __str__ = summary


def read_import_file(path: Path) -> bytes:
    """The bytes of an import file: a regular file of at most ``MAX_IMPORT_BYTES``.

    A device (``/dev/zero`` never ends), a named pipe (no writer: a read blocks forever)
    or a folder is refused before anything is read: the file is opened without blocking
    and its kind checked on the descriptor, so it cannot be swapped in between.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ImportFormatError(f"{path} is not a regular file (a device, pipe or folder)")
        if status.st_size > MAX_IMPORT_BYTES:
            raise ImportFormatError(
                f"{path} is larger than {MAX_IMPORT_BYTES // 2**20} MB: not an annotation export"
            )
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(MAX_IMPORT_BYTES + 1)
    finally:
        os.close(descriptor)
    if len(data) > MAX_IMPORT_BYTES:  # it grew while being read
        raise ImportFormatError(f"{path} is larger than {MAX_IMPORT_BYTES // 2**20} MB")
    return data


def load_jsonld(path: Path) -> object:
    """The JSON of an import file; ImportFormatError (one line) if it cannot be read as such."""
    try:
        return json.loads(read_import_file(Path(path)).decode("utf-8"))
    except OSError as exc:
        raise ImportFormatError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except RecursionError:
        raise ImportFormatError(f"{path} is nested too deep to be Web Annotations") from None
    except ValueError as exc:  # not UTF-8, or not JSON
        raise ImportFormatError(f"{path} is not valid JSON: {exc}") from exc


def _no_progress(done: int, total: int, message: str) -> None:
    pass


def import_jsonld(
    library: LibraryView,
    data: object,
    progress: Progress = _no_progress,
    extras: ExportExtras | None = None,
) -> ImportReport:
    """Store the new annotations of ``data`` (a collection, page, list or annotation).

    Each is anchored on its article's current reading text (its position if the quote
    is still there, else its quote), kept as an orphan if it cannot be placed (or not
    in its time: see the module); all are saved in one transaction (``UserDataError``
    if they cannot be). ``progress`` hears how far anchoring is.
    """
    report = ImportReport()
    texts: dict[str, _Text | None] = {}  # by path relative to the library
    existing = library.userdata.all_annotations()
    seen = {annotation.id for annotation in existing}
    per_article: dict[int, int] = {}
    for annotation in existing:
        per_article[annotation.article_id] = per_article.get(annotation.article_id, 0) + 1
    wanted: dict[_Text, list[Annotation]] = {}
    found = _annotations_in(data)
    if len(found) > MAX_IMPORT_ANNOTATIONS:
        report.left_out += len(found) - MAX_IMPORT_ANNOTATIONS
        report.limits.append(
            f"only the first {MAX_IMPORT_ANNOTATIONS:,} annotations of the file were read"
            f" ({report.left_out:,} left out)"
        )
        found = found[:MAX_IMPORT_ANNOTATIONS]
    full: dict[str, int] = {}  # articles past MAX_IMPORTED_PER_ARTICLE: path → left out
    for number, raw in enumerate(found, 1):
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(raw_id, str) and raw_id in seen:
            report.skipped_existing += 1
            continue
        try:
            article, annotation = _annotation(library, raw, texts)
        except ImportFormatError as exc:
            label = _label(raw_id, number)
            report.errors.append(f"{label}: {exc}; not imported")
            continue
        if per_article.get(article[0], 0) >= MAX_IMPORTED_PER_ARTICLE:
            path = _string(_target_source(raw))
            full[path] = full.get(path, 0) + 1
            report.left_out += 1
            continue
        per_article[article[0]] = per_article.get(article[0], 0) + 1
        seen.add(annotation.id)
        wanted.setdefault(article, []).append(annotation)
    for path, count in full.items():
        report.limits.append(
            f"{article_rel(path)} has {MAX_IMPORTED_PER_ARTICLE:,} highlights: "
            f"{count:,} more left out"
        )
    stored = _anchor_all(wanted, report, progress)
    if stored:
        library.userdata.save_all(stored)
    report.added = len(stored)
    if extras is not None:  # what the exporter added: states, review records
        raws = {raw.get("id"): raw for raw in found if isinstance(raw, dict)}
        extras.imported(data, {a.id: raws[a.id] for a in stored if a.id in raws})
    return report


def _anchor_all(
    wanted: dict[_Text, list[Annotation]], report: ImportReport, progress: Progress
) -> list[Annotation]:
    total = sum(len(batch) for batch in wanted.values())
    until = time.monotonic() + IMPORT_ANCHOR_SECONDS
    stored: list[Annotation] = []
    done = 0
    for (_, text, fingerprint), batch in wanted.items():
        for start in range(0, len(batch), 50):
            progress(done, total, "Placing the imported highlights")
            part = batch[start : start + 50]
            anchored = reanchor(part, text, fingerprint, until=until)
            changed = {annotation.id: annotation for annotation in anchored.changed}
            stored += [placed.annotation for placed in anchored.placed]
            stored += [changed.get(orphan.id, orphan) for orphan in anchored.orphans]
            report.orphans += len(anchored.orphans)
            report.out_of_time += anchored.out_of_time
            done += len(part)
    progress(total, total, "Placing the imported highlights")
    if report.out_of_time:
        report.limits.append(
            f"{report.out_of_time:,} highlights were kept unplaced: the time to look for "
            "approximate matches ran out (re-attach them by hand)"
        )
    return stored


def _label(raw_id: object, number: int) -> str:
    if isinstance(raw_id, str) and raw_id and _valid(raw_id):
        return raw_id
    return f"annotation {number}"


def _valid(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _target_source(raw: object) -> object:
    target = raw.get("target") if isinstance(raw, dict) else None
    target = target[0] if isinstance(target, list) and target else target
    if isinstance(target, dict):
        source = target.get("source", target.get("id"))
        return source.get("id") if isinstance(source, dict) else source
    return target


def _annotations_in(data: object) -> list[object]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise ImportFormatError("expected a JSON object or array of Web Annotations")
    kinds = _kinds(data)
    if "AnnotationCollection" in kinds:  # its first page embedded: nothing is fetched
        if isinstance(data.get("items"), list):  # items on the collection itself: common
            return list(data["items"])
        first = data.get("first")
        if first is None and data.get("total") in (0, None):
            return []  # an empty collection (an export of a library with no highlights)
        if not isinstance(first, dict):
            raise ImportFormatError(
                "the collection's annotations are not in the file (no items, and its first"
                " page is not embedded)"
            )
        return _annotations_in({**first, "type": "AnnotationPage"})
    if "AnnotationPage" in kinds and isinstance(data.get("items"), list):
        return list(data["items"])
    if "Annotation" in kinds or "target" in data:
        return [data]
    raise ImportFormatError("not a Web Annotation, AnnotationPage or AnnotationCollection")


def _bounded(raw: dict[Any, Any]) -> None:
    """ImportFormatError when a field the reader would see is past its limit."""
    annotation_id = _string(raw.get("id"))
    if len(annotation_id) > MAX_ANNOTATION_ID_CHARS:
        raise ImportFormatError(f"its id is longer than {MAX_ANNOTATION_ID_CHARS:,} characters")


def _annotation(
    library: LibraryView, raw: object, texts: dict[str, _Text | None]
) -> tuple[_Text, Annotation]:
    if not isinstance(raw, dict):
        raise ImportFormatError("not a JSON object")
    try:
        json.dumps(raw, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise ImportFormatError("it holds text that is not valid Unicode (a surrogate)") from None
    except (RecursionError, ValueError):
        raise ImportFormatError("it is nested too deep") from None
    _bounded(raw)
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
    created = _date(raw.get("created")) or now()
    modified = _date(raw.get("modified")) or created
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


def _reading_text(library: LibraryView, rel: str) -> _Text | None:
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
            exact = selector["exact"]
            if len(exact) > MAX_QUOTE_CHARS:
                raise ImportFormatError(f"its quote is longer than {MAX_QUOTE_CHARS:,} characters")
            prefix = _string(selector.get("prefix"))[-CONTEXT:]  # hints: cut, not refused
            suffix = _string(selector.get("suffix"))[:CONTEXT]
            quote = TextQuote(exact, prefix, suffix)
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
            tag = clean_tag(value[: MAX_TAG_CHARS * 4])[:MAX_TAG_CHARS]
            tags += [] if tag in tags or len(tags) >= MAX_TAGS else [tag]
        elif value and purposes <= {"commenting", "describing"}:
            notes.append(value)
    note = "\n\n".join(note for note in notes if note)
    if len(note) > MAX_NOTE_CHARS:
        raise ImportFormatError(f"its note is longer than {MAX_NOTE_CHARS:,} characters")
    return note, tuple(tags)


def _kinds(data: dict[Any, Any]) -> set[str]:
    return _strings(data.get("type", data.get("@type")))


def _strings(value: object) -> set[str]:
    """A JSON-LD value that may be one string or a list of them."""
    return {v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)}


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""


def _date(value: object) -> str:
    """An ISO 8601 timestamp as written, or "" for anything that cannot be one."""
    text = _string(value)
    return text if len(text) <= _MAX_DATE_CHARS else ""


def _offset(value: object) -> int:
    """A character offset, or -1 for anything that is not one (or past any article)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < _MAX_OFFSET:
        return value
    return -1
