"""One parser per article format → :class:`Article` (or an Article with ``error``).

Formats: plain text in the sample's form (title, byline, paragraphs),
Markdown with optional YAML front matter, and saved web pages (the article
extracted from the page: :mod:`reader.core.articles.html_page`). Bad input never raises, except a
file that vanished while we looked at it (``FileNotFoundError``), which the
library treats as deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

from reader.core.articles.article import Article, count_words, markdown_excerpt, plain_excerpt
from reader.core.articles.bylines import Byline, fold, parse_byline
from reader.core.articles.decoding import DecodeError, decode
from reader.core.articles.file_reading import FileTooLarge, read_file
from reader.core.articles.front_matter import (
    FrontMatterRefused,
    is_date_value,
    split_front_matter,
    tags_field,
    text_field,
)
from reader.core.articles.html_page import PageError, parse_page
from reader.core.articles.language import detect_language, normalise_code
from reader.core.articles.markdown_escape import escape_markdown
from reader.core.articles.names import display_stem, os_path
from reader.core.articles.suffixes import MARKDOWN_SUFFIXES, PAGE_SUFFIXES, TEXT_SUFFIXES
from reader.core.limits import MAX_ARTICLE_BYTES, MAX_FIELD_CHARS

MAX_BYTES = MAX_ARTICLE_BYTES  # the name other modules know (see reader.core.limits)

# A level-1 ATX heading, or the fence line of a code block (whose "# comments" are no titles).
# The title's closing "#"s and blanks are stripped in Python: a lazy "(.+?)[ \t#]*$" is
# quadratic on a long line of spaces (it backtracks from every one).
_ATX_H1_OR_FENCE = re.compile(r"^(?:(?P<fence>[ ]{0,3}(?:```|~~~))|#[ \t]+(?P<title>[^\n]+))", re.M)
_EMPHASIS = re.compile(r"[*_`\\]")


def fingerprint_bytes(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def parse_file(root: Path, rel: str, *, detect: bool = True, summary: bool = True) -> Article:
    """Read and parse ``root/rel``. Raises FileNotFoundError if it is gone.

    ``detect=False`` skips language detection, for callers that know the
    language already (snippets, re-reading a catalogued article); ``summary=False``
    skips counting the words and the excerpt of a text or Markdown file (snippets).
    """
    path = os_path(root, rel)
    try:
        data = read_file(path, MAX_BYTES)  # within READ_SECONDS; regular files only
    except FileNotFoundError:
        raise
    except FileTooLarge as exc:
        return _failed(
            rel,
            display_stem(rel),
            f"file too large ({exc.size / 2**20:.1f} MB; limit {MAX_BYTES // 2**20} MB)",
        )
    except PermissionError:
        return _failed(rel, display_stem(rel), "cannot read the file: permission denied")
    except IsADirectoryError:
        raise FileNotFoundError(rel) from None
    except OSError as exc:
        return _failed(rel, display_stem(rel), f"cannot read the file: {exc.strerror or exc}")
    return parse_bytes(rel, data, detect=detect, summary=summary)


def parse_bytes(rel: str, data: bytes, *, detect: bool = True, summary: bool = True) -> Article:
    """Parse an article from its bytes; ``rel`` chooses the format and fallback title.

    Never raises: whatever goes wrong with this one file becomes its ``error``.
    """
    fingerprint = fingerprint_bytes(data)
    try:
        return _parse_bytes(rel, data, fingerprint, detect, summary)
    except FrontMatterRefused as exc:
        return _failed(rel, display_stem(rel), str(exc), fingerprint)
    except Exception as exc:  # one bad file must never stop the others being read
        message = " ".join(str(exc).split())[:200]
        reason = f"cannot read this article ({type(exc).__name__}{': ' if message else ''}"
        return _failed(rel, display_stem(rel), f"{reason}{message})", fingerprint)


def _parse_bytes(rel: str, data: bytes, fingerprint: str, detect: bool, summary: bool) -> Article:
    if not data.strip():
        return _failed(rel, display_stem(rel), "empty file", fingerprint)
    suffix = Path(rel).suffix.lower()
    if suffix in PAGE_SUFFIXES:
        try:
            article = parse_page(rel, data)
        except PageError as exc:
            return _failed(rel, display_stem(rel), str(exc), fingerprint)
    else:
        try:
            decoded = decode(data)
        except DecodeError as exc:
            return _failed(rel, display_stem(rel), str(exc), fingerprint)
        if not decoded.text.strip():  # e.g. only a byte order mark, as Notepad saves it
            return _failed(rel, display_stem(rel), "empty file", fingerprint)
        if suffix in MARKDOWN_SUFFIXES:
            article = _parse_markdown(rel, decoded.text, summary)
        else:
            article = _parse_text(rel, decoded.text, summary)
        article.encoding = decoded.encoding
    article.fingerprint = fingerprint
    # Declared (front matter, a page's lang) wins; else detection; else the byline's.
    declared = article.lang if article.format in ("markdown", "html") else ""
    hint = article.lang if article.format == "text" else ""
    detected = detect_language(f"{article.title}\n{article.body}") if detect else ""
    article.lang = declared or detected or hint
    return article


def _failed(rel: str, title: str, error: str, fingerprint: str = "") -> Article:
    return Article(path=rel, title=title, error=error, fingerprint=fingerprint)


def _parse_text(rel: str, text: str, summary: bool = True) -> Article:
    title, byline, plain = _text_parts(text)
    article = Article(path=rel, title=title or display_stem(rel), format="text")
    if byline:
        article.date = byline.date.isoformat()
        article.source = byline.source
        article.lang = byline.language  # only a hint: see parse_bytes
    article.body = text_to_markdown(plain)
    if summary:  # what the catalog lists (a snippet needs neither)
        article.words = count_words(plain)  # not the escaped body: "&amp;" is no word
        article.excerpt = plain_excerpt(plain)  # likewise
    return article


def _text_parts(text: str) -> tuple[str, Byline | None, str]:
    """A text file's title line, byline (if its next line is one) and the rest."""
    lines = text.strip().split("\n")
    title = " ".join(lines[0].split())[:MAX_FIELD_CHARS]
    rest = lines[1:]
    while rest and not rest[0].strip():
        rest.pop(0)
    byline = parse_byline(rest[0]) if rest else None
    return title, byline, "\n".join(rest[1:] if byline else rest)


def text_file_line(root: Path, rel: str) -> str | None:
    """A text file's words after its title and byline, on one line, read without making
    Markdown of them: what a snippet needs, the same text the search's ``readable_text``
    gives of its parsed body, at a fraction of the cost. None for other formats and for
    a file that cannot be read as text; FileNotFoundError when it is gone."""
    if Path(rel).suffix.lower() not in TEXT_SUFFIXES:
        return None
    try:
        data = read_file(os_path(root, rel), MAX_BYTES)
    except FileNotFoundError:
        raise
    except OSError:
        return None
    return text_line(rel, data)


def text_line(rel: str, data: bytes) -> str | None:
    """:func:`text_file_line` of a file's bytes already read."""
    if Path(rel).suffix.lower() not in TEXT_SUFFIXES:
        return None
    try:
        decoded = decode(data)
    except DecodeError:
        return None
    return " ".join(_text_parts(decoded.text)[2].split())


def text_to_markdown(text: str) -> str:
    """Plain paragraphs (blank-line separated) as markdown that renders them literally;
    a subheading (:func:`is_subheading`) between two paragraphs as a level-2 heading.

    A heading is one line of the reading text, as a paragraph is: highlights keep their
    offsets."""
    blocks = [block.strip() for block in re.split(r"\n[ \t]*\n", text)]
    blocks = [block for block in blocks if block]
    out = []
    for n, block in enumerate(blocks):
        line = " ".join(block.split())
        between = 0 < n < len(blocks) - 1
        heading = between and "\n" not in block and is_subheading(line)
        out.append(f"## {escape_markdown(line)}" if heading else escape_markdown(line))
    return "\n\n".join(out)


SUBHEADING_CHARS = 80  # longer, a line without a full stop is a paragraph still
SUBHEADING_WORDS = 12
_CLOSING = '.!?…:;,»"”’)]'
# A line in capitals may end as a question or an exclamation ("DE LA TÉLÉRÉALITÉ À LA
# FICTION ?"): news sites set their subheads so, and no paragraph is written in capitals.
_CAPITALS_CLOSING = "?!"
_CAPITALS_SHARE = 0.8  # of a line's letters: a sigle or two in a sentence is no subhead
_CAPITALS_LETTERS = 4  # fewer: "OK", "N.B." are no subheads


def is_subheading(line: str) -> bool:
    """A short line with no closing punctuation, starting with a capital or a digit (as
    "Formation militaire, mais pas uniquement"), or a short line in capitals that may end
    with "?" or "!" (as "DE LA TÉLÉRÉALITÉ À LA FICTION ?"); a short sentence with its
    full stop is a paragraph."""
    if not (0 < len(line) <= SUBHEADING_CHARS and len(line.split()) <= SUBHEADING_WORDS):
        return False
    if line[-1] in _CAPITALS_CLOSING and in_capitals(line):
        return True
    return line[-1] not in _CLOSING and (line[0].isupper() or line[0].isdigit())


def in_capitals(line: str) -> bool:
    """Mostly upper-case letters, and enough of them to be words."""
    letters = [ch for ch in line if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return upper >= _CAPITALS_LETTERS and upper >= _CAPITALS_SHARE * len(letters)


def _parse_markdown(rel: str, text: str, summary: bool = True) -> Article:
    meta, body = split_front_matter(text)
    title = text_field(meta.get("title"))
    heading = _first_h1(body)
    if heading and not title:
        title = _heading_text(heading.group("title"))[:MAX_FIELD_CHARS]
        body = body[: heading.start()] + body[heading.end() :]
    elif heading and not body[: heading.start()].strip() and _same_title(heading, title):
        body = body[heading.end() :]  # the pane shows the title above the body already
    source, author = text_field(meta.get("source")), text_field(meta.get("author"))
    book = text_field(meta.get("book"))
    # A book's chapter is listed and bylined under its author (the catalog has no field
    # of its own for it): the collection it came from is kept for the byline.
    shown_source = (author or source) if book else (source or author)
    return Article(
        path=rel,
        title=title or display_stem(rel),
        body=body.strip("\n"),
        date=_iso_date(meta.get("date")),
        source=shown_source,
        book=book,
        author=author,
        collection=source if book and author and source != author else "",
        lang=normalise_code(text_field(meta.get("lang") or meta.get("language"))),
        tags=tags_field(meta.get("tags")),
        words=count_words(body) if summary else 0,
        excerpt=markdown_excerpt(body) if summary else "",
        format="markdown",
    )


def _first_h1(body: str) -> re.Match[str] | None:
    """The first ``# heading`` outside fenced code blocks."""
    in_code = False
    for match in _ATX_H1_OR_FENCE.finditer(body):
        if match["fence"]:
            in_code = not in_code
        elif not in_code:
            return match
    return None


def _same_title(heading: re.Match[str], title: str) -> bool:
    """Whether a heading says the title again: the same words, case, accents and
    emphasis marks aside (``# *Le* Mali`` repeats "Le Mali")."""

    def words(text: str) -> str:
        return " ".join(fold(_EMPHASIS.sub("", text)).split())

    return words(_heading_text(heading.group("title"))) == words(title)


def _heading_text(raw: str) -> str:
    """An ATX heading's text without its closing sequence: ``# Title ##`` → ``Title``."""
    text = raw.rstrip(" \t")
    stripped = text.rstrip("#")
    if stripped != text and (not stripped or stripped[-1] in " \t"):
        text = stripped  # a closing sequence must follow a blank (CommonMark)
    return " ".join(text.split())


def _iso_date(value: Any) -> str | None:
    """A front-matter date as ISO 8601: full date, year-month, or just the year.

    Only a date, a year or text can be one: ``date: yes`` (a YAML bool), lists and
    mappings are no date.
    """
    if not is_date_value(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1 <= value <= 9999:
        return f"{value:04d}"
    text = text_field(value)
    if re.fullmatch(r"\d{4}", text):
        return text
    if re.fullmatch(r"\d{4}-\d{2}", text) and 1 <= int(text[5:]) <= 12:
        return text
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        byline = parse_byline(f"published on {text}")
        return byline.date.isoformat() if byline else None
