"""Find in the article: every occurrence of what was typed, case and accents folded.

The same folding as library search (``Sécurité`` finds ``securite``), plus
typographic apostrophes and dashes treated as their plain forms (``l'aide``
finds ``L’aide``) and any run of whitespace matching any other.
"""

from __future__ import annotations

from functools import lru_cache

from reader.core.search.analysis import fold

_PLAIN = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                        "\u00a0": " ", "\u202f": " ", "\u2028": " ", "\u2029": " ", "\n": " ",
                        "\t": " ", "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"})  # fmt: skip


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch.translate(_PLAIN))


def _folded(text: str) -> tuple[str, list[int]]:
    """The folded text, and for each of its characters the index it came from."""
    parts: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        folded = _fold_char(ch)
        if folded == " " and parts and parts[-1] == " ":
            continue  # runs of whitespace fold to one space
        parts.append(folded)
        origin.extend([index] * len(folded))
    return "".join(parts), origin


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Spans (start, end) of ``text`` matching ``query``, in order, not overlapping."""
    needle = " ".join(_folded(query)[0].split())
    if not needle:
        return []
    haystack, origin = _folded(text)
    spans = []
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        spans.append((origin[start], origin[end - 1] + 1))
        start = haystack.find(needle, end)
    return spans
