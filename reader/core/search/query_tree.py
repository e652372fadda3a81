"""The parsed query's tree (see :mod:`reader.core.search.query` for the language), and
the orders its results can come in. Whoosh-free: the command line's parser reads it."""

from __future__ import annotations

from dataclasses import dataclass

SORTS = ("relevance", "date")  # best first, or newest first


@dataclass(frozen=True)
class Word:
    text: str  # as typed (one \w+ run)
    start: int  # offset in the query string

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Text:
    """Words searched in a scope: one word, adjacent words (phrase) or a prefix."""

    words: tuple[Word, ...]
    scope: str = "all"  # or the one field searched: title, body, source, notes
    phrase: bool = False  # the words must be adjacent, in order
    prefix: bool = False  # the last word is a prefix


@dataclass(frozen=True)
class Filter:
    """An exact value of a keyword field (lang, tag, is, has); folded later."""

    field: str
    value: str
    prefix: bool = False


@dataclass(frozen=True)
class DateRange:
    """Dates between two ISO prefixes (``2023``, ``2023-07``, ``2023-07-28``).

    An included end covers the whole year or month it names; an excluded start
    skips all of it. None is an open end.
    """

    start: str | None
    end: str | None
    start_excluded: bool = False
    end_excluded: bool = False


@dataclass(frozen=True)
class Not:
    node: Node


@dataclass(frozen=True)
class And:
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    nodes: tuple[Node, ...]


Node = Text | Filter | DateRange | Not | And | Or


@dataclass(frozen=True)
class Parsed:
    node: Node | None  # None: nothing to search for
    ignored: tuple[str, ...] = ()  # clauses left out as not understood, as typed
    text: str = ""
    over_limit: tuple[str, ...] = ()  # left out past the query's limits, saying which

    @property
    def left_out(self) -> tuple[str, ...]:
        """Everything left out of the search, for the reader."""
        return self.ignored + self.over_limit

    def words(self) -> list[tuple[Word, str]]:
        """Words a spelling correction may replace, with their scope (not negated ones)."""
        found: list[tuple[Word, str]] = []
        _collect_words(self.node, found)
        return found


def _collect_words(node: Node | None, found: list[tuple[Word, str]]) -> None:
    if isinstance(node, Text) and node.scope in ("all", "title", "body"):
        words = node.words[:-1] if node.prefix else node.words
        found.extend((word, node.scope) for word in words)
    elif isinstance(node, And | Or):
        for child in node.nodes:
            _collect_words(child, found)


def has_phrase(node: Node) -> bool:
    """Whether the query asks for words side by side somewhere (not under a NOT)."""
    if isinstance(node, Text):
        return node.phrase and len(node.words) > 1
    if isinstance(node, And | Or):
        return any(has_phrase(child) for child in node.nodes)
    return False
