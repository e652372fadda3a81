"""Dates as the reader reads them: ``Friday 28 July 2023`` in a byline, ``28 Jul 2023``
in the list, in English or French.

Apart from the renderer (:mod:`reader.core.render`, which uses them in bylines) because
the list shows a date on every row: the window's list must not wait for Markdown and
its extensions to load before it can show its first rows.
"""

from __future__ import annotations

from datetime import date

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}  # fmt: skip
_SHORT_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."),
}  # fmt: skip
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}


def _parts(iso: str) -> tuple[date | None, int, str]:
    """(full date, month, year) of an ISO date, possibly reduced; (None, 0, "") if neither."""
    try:
        if len(iso) == 10:
            day = date.fromisoformat(iso)
            return day, day.month, str(day.year)
        if len(iso) == 7 and 1 <= int(iso[5:]) <= 12:
            return None, int(iso[5:]), iso[:4]
    except ValueError:
        pass
    return None, 0, ""


def format_date(iso: str | None, lang: str = "en") -> str:
    """``2023-07-28`` → ``Friday 28 July 2023`` (``vendredi 28 juillet 2023`` in French);
    reduced dates stay as precise as given."""
    if not iso:
        return ""
    lang = lang if lang in _MONTHS else "en"
    day, month, year = _parts(iso)
    if day is not None:
        weekday = _WEEKDAYS[lang][day.weekday()]
        number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
        return f"{weekday} {number} {_MONTHS[lang][month - 1]} {year}"
    return f"{_MONTHS[lang][month - 1]} {year}" if month else iso


def short_date(iso: str | None, lang: str = "en") -> str:
    """For the list: ``28 Jul 2023`` / ``28 juil. 2023``, ``Jul 2023``, ``1860``."""
    if not iso:
        return ""
    months = _SHORT_MONTHS.get(lang, _SHORT_MONTHS["en"])
    day, month, year = _parts(iso)
    if day is not None:
        return f"{day.day} {months[month - 1]} {year}"
    return f"{months[month - 1]} {year}" if month else iso
