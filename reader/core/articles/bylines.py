"""Bylines of plain-text articles: ``Publié le vendredi 28 juillet 2023 | SpunikNews``.

Accepted: French and English (``Published on Thursday 26 February 1987 | Reuters``),
with or without the weekday, ``1er``/``1st``, day numbers with or without a
leading zero, either order of day and month in English, and an optional source
after ``|``. Matching folds case and accents, so ``Publie le 1er aout 2023``
parses too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("janvier", "january", "jan"),
        ("fevrier", "february", "feb", "fevr"),
        ("mars", "march", "mar"),
        ("avril", "april", "apr", "avr"),
        ("mai", "may"),
        ("juin", "june", "jun"),
        ("juillet", "july", "jul", "juil"),
        ("aout", "august", "aug"),
        ("septembre", "september", "sep", "sept"),
        ("octobre", "october", "oct"),
        ("novembre", "november", "nov"),
        ("decembre", "december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

WEEKDAYS = [
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]

_LEAD = r"(?:publie|published|mis a jour|updated)(?:\s+(?:le|on))?"
_WEEKDAY = r"(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:er|st|nd|rd|th)?"
_MONTH = r"(?P<month>[a-z]+)\.?"
_TAIL = r",?\s+(?P<year>\d{4})\s*(?:\|\s*(?P<source>.*))?$"
_DAY_MONTH = re.compile(rf"^{_LEAD}\s+{_WEEKDAY}{_DAY}\s+{_MONTH}{_TAIL}")
_MONTH_DAY = re.compile(rf"^{_LEAD}\s+{_WEEKDAY}{_MONTH}\s+{_DAY}{_TAIL}")
_LANG_OF_LEAD = {"publie": "fr", "mis": "fr", "published": "en", "updated": "en"}


@dataclass(frozen=True)
class Byline:
    date: date
    source: str
    language: str  # the byline's own language, a hint for detection


def fold(text: str) -> str:
    """Lower case without accents: ``Publié`` → ``publie``."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def parse_byline(line: str) -> Byline | None:
    """The byline's date and source, or None when the line is not a byline."""
    original = line.strip()
    folded = " ".join(fold(original).split())
    match = _DAY_MONTH.match(folded) or _MONTH_DAY.match(folded)
    if not match:
        return None
    month = MONTHS.get(match["month"])
    if month is None:
        return None
    try:
        when = date(int(match["year"]), month, int(match["day"]))
    except ValueError:
        return None
    source = ""
    if match["source"] is not None:
        # Take the source from the original line so its accents and case stay.
        source = " ".join(original.split()).split("|", 1)[1].strip()
    language = _LANG_OF_LEAD.get(folded.split()[0], "")
    return Byline(when, source, language)
