"""Offsets in the reading text ↔ positions in the text the window displays.

The window's document holds the same characters as :func:`reading_text` plus a
few of its own (the byline, object marks for images, different block or line
separators, a non-breaking space where the text has a space). :class:`OffsetMap`
aligns the two once per article shown: characters that agree are paired in
order, whitespace matches any whitespace, and where they disagree the walk
skips ahead in the displayed text to where the reading text continues.
"""

from __future__ import annotations

from bisect import bisect_left

SKIP = "\0"  # a displayed character that is never part of the reading text
_RESYNC = 12  # characters of the reading text looked for when the two disagree
_WINDOW = 4000  # how far ahead in the displayed text to look for them


class OffsetMap:
    def __init__(self, shown: str, text: str) -> None:
        self.text_length = len(text)
        self._to_shown = _align(shown, text)  # text offset → shown position (non-decreasing)

    def to_shown(self, offset: int) -> int:
        """The displayed position of a reading-text offset (``len(text)`` maps past the end)."""
        if offset >= self.text_length:
            return self._to_shown[-1] + 1 if self._to_shown else 0
        return self._to_shown[max(0, offset)]

    def span_to_shown(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.to_shown(start), self.to_shown(start)
        return self.to_shown(start), self.to_shown(end - 1) + 1

    def to_text(self, position: int) -> int:
        """The reading-text offset at (or just after) a displayed position."""
        return bisect_left(self._to_shown, position)


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch in "\u2028\u2029\ufffc"


def _align(shown: str, text: str) -> list[int]:
    mapping = [0] * len(text)
    i = 0
    j = 0
    while j < len(text):
        ch = text[j]
        if i < len(shown) and (shown[i] == ch or (_is_space(ch) and _is_space(shown[i]))):
            mapping[j] = i
            i += 1
            j += 1
        elif _is_space(ch):
            mapping[j] = max(0, i - 1) if i else 0  # collapsed in the display
            j += 1
        elif i < len(shown) and (_is_space(shown[i]) or shown[i] == SKIP):
            i += 1
        else:
            found = shown.find(text[j : j + _RESYNC], i, i + _WINDOW)
            if found > i:
                i = found
            else:
                mapping[j] = min(i, len(shown))  # not displayed: stands where it would be
                j += 1
    return mapping
