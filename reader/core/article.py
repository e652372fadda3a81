"""The Article: what the parsers make of one file."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

WORDS_PER_MINUTE = 230  # a common figure for silent reading of prose
_WORD = re.compile(r"\w+(?:['’-]\w+)*")


@dataclass
class Article:
    """One article file, parsed. ``error`` is set when the file cannot be read."""

    path: str  # relative to the library root, with forward slashes
    title: str
    body: str = ""  # markdown
    date: str | None = None  # ISO 8601, possibly reduced: 2023-07-28, 2023-07 or 1860
    source: str = ""
    lang: str = ""
    tags: list[str] = field(default_factory=list)
    words: int = 0
    fingerprint: str = ""
    format: str = "text"
    encoding: str = ""
    error: str | None = None

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.words / WORDS_PER_MINUTE)) if self.words else 0


def count_words(text: str) -> int:
    return len(_WORD.findall(text))
