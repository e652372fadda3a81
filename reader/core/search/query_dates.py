"""Date clauses of the query language: ``date:2023``, ``2020..2023``, ``[a to b]``, ``>2020``."""

from __future__ import annotations

import re

from reader.core.search.query_tree import DateRange

_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_RANGE_TO = re.compile(r"\s+to\s+|^to\s+|\s+to$|^to$", re.IGNORECASE)
_COMPARISON = re.compile(r"(>=|<=|=>|=<|>|<)(.*)", re.DOTALL)


def iso_date(text: str) -> str | None:
    """``2023``, ``2023-7``, ``2023/07/28`` → ISO (reduced) form; anything else None."""
    match = _DATE.fullmatch(text.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        return f"{year}-{int(month):02d}"
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}"


def date_clause(text: str) -> DateRange | None:
    text = text.strip()
    if text[:1] in "[{" and len(text) >= 2:
        start_excluded = text[0] == "{"
        end_excluded = text[-1] == "}"
        inner = text[1:-1] if text[-1] in "]}" else text[1:]
        parts = _RANGE_TO.split(inner.strip(), maxsplit=1)
        if len(parts) != 2:
            return None
        return _bounds(parts[0], parts[1], start_excluded, end_excluded)
    if match := _COMPARISON.fullmatch(text):
        op, value = match.groups()
        if op.startswith(">") or op.endswith(">"):
            return _bounds(value, "", start_excluded=op == ">")
        return _bounds("", value, end_excluded=op == "<")
    if ".." in text:
        start, end = text.split("..", 1)
        return _bounds(start, end)
    day = iso_date(text)
    return DateRange(day, day) if day else None


def _bounds(
    start: str, end: str, start_excluded: bool = False, end_excluded: bool = False
) -> DateRange | None:
    start, end = start.strip().strip("*"), end.strip().strip("*")
    low = iso_date(start) if start else None
    high = iso_date(end) if end else None
    if (start and low is None) or (end and high is None) or (low is None and high is None):
        return None
    return DateRange(low, high, start_excluded and low is not None, end_excluded)
