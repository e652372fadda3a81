"""The Article: what the parsers make of one file."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field

WORDS_PER_MINUTE = 230  # a common figure for silent reading of prose
EXCERPT_CHARS = 200  # the list shows one line of it; a wide list shows more
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
# Links and images keep their text; emphasis, code, heading, quote and table marks
# and backslash escapes go. (The same rule as reader.core.search.snippets.readable_text.)
# Linear: "[^\[\]]*" stops at the next "[" ("[^\]]*" rescanned to the end from each one).
_MARKDOWN_NOISE = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)|[*_`#>|]+|\\(?=[^\w\s])")
# Line starts that are markup: list bullets and numbers, rules and setext underlines.
_MARKDOWN_LINE_MARKS = re.compile(
    r"^[ \t]*(?:[-+*][ \t]+|\d{1,9}[.)][ \t]+|[-=*_ \t]{3,}$)", re.MULTILINE
)
_HTML_TAG = re.compile(r"<[^>\n]*>")
_EXCERPT_INPUT = 20 * EXCERPT_CHARS  # enough markdown for the opening, whatever its markup


@dataclass
class Article:
    """One article file, parsed. ``error`` is set when the file cannot be read."""

    path: str  # relative to the library root, with forward slashes
    title: str
    body: str = ""  # markdown
    date: str | None = None  # ISO 8601, possibly reduced: 2023-07-28, 2023-07 or 1860
    source: str = ""  # a book's chapter: its author (see formats._parse_markdown)
    lang: str = ""
    tags: list[str] = field(default_factory=list)
    words: int = 0
    excerpt: str = ""  # the opening of the body, plain text on one line
    fingerprint: str = ""
    format: str = "text"
    encoding: str = ""
    error: str | None = None
    book: str = ""  # front matter ``book``: the book this file is a chapter of
    author: str = ""  # front matter ``author``
    collection: str = ""  # a book's chapter: the front matter ``source`` (ELTeC-deu)
    url: str = ""  # a saved web page: the address it was saved from (http or https)

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.words / WORDS_PER_MINUTE)) if self.words else 0


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def plain_excerpt(text: str, width: int = EXCERPT_CHARS) -> str:
    """The opening ``width`` characters of plain text, on one line, cut at a word."""
    words = " ".join(text[: width * 8].split())
    if len(words) <= width:
        return words
    space = words.rfind(" ", 0, width)
    return words[: space if space > width // 2 else width].rstrip(" ,;:") + "…"


def markdown_excerpt(body: str, width: int = EXCERPT_CHARS) -> str:
    """The opening of a markdown body as plain text: no markup, no tags, no entities."""
    text = _MARKDOWN_LINE_MARKS.sub("", body[:_EXCERPT_INPUT])
    text = html.unescape(_HTML_TAG.sub(" ", text))
    return plain_excerpt(_MARKDOWN_NOISE.sub(r"\1", text), width)
