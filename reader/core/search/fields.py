"""One text field for every language: each article's words stemmed in its own language.

A value of a :class:`LanguageText` field is ``(language_key, text)``. The field
turns it into postings in one pass: the words (``\\w+``), each folded and stemmed
through the language's word → term cache (:mod:`reader.core.search.analysis`),
grouped by term with their positions. Whoosh's own path makes a ``Token`` per
word and runs it through a chain of generators: in a profile of a 3,000-article
build that was a quarter of the indexing time.

Why one field and not one per language (schema 5 had ``body_fr``, ``body_en``…,
ten text fields in all): a query word had to be searched in all ten, so a
two-word query merged about twenty posting lists in Python. In one field a word
needs only its distinct stems across languages, often one or two, and only those
the index holds (see :mod:`reader.core.search.compiler`). BM25's statistics
(document frequency, average length) are then the library's, not a language's.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, cast

from whoosh.fields import TEXT
from whoosh.formats import Positions

from reader.core.search.analysis import WORD, FoldingStemAnalyzer


class LanguageText(TEXT):
    """Text indexed with positions, stemmed in the language its value names."""

    def __init__(self, field_boost: float = 1.0) -> None:
        # The analyzer is only what Whoosh's own query tools would use (folding, no
        # stemming); our compiler stems query words itself, for every language.
        super().__init__(analyzer=FoldingStemAnalyzer("xx"), phrase=True, field_boost=field_boost)

    def index(
        self, value: Any, **kwargs: Any
    ) -> Generator[tuple[bytes, int, float | int, bytes], Any, None]:
        key, text = value
        positions = term_positions(key, text)
        form = cast(Positions, self.format)
        boost = form.field_boost
        encode = form.encode
        for term, where in positions.items():
            yield term.encode("utf-8"), len(where), len(where) * boost, encode(where)


def term_positions(key: str, text: str) -> dict[str, list[int]]:
    """Each term of ``text`` (stemmed in language ``key``) → the word positions it is at."""
    analyzer = FoldingStemAnalyzer(key)
    known = analyzer.cache().get
    make = analyzer.term
    positions: dict[str, list[int]] = {}
    for pos, word in enumerate(WORD.findall(text)):
        term = known(word) or make(word)
        where = positions.get(term)
        if where is None:
            positions[term] = [pos]
        else:
            where.append(pos)
    return positions


def query_terms(word: str, keys: tuple[str, ...]) -> list[str]:
    """The distinct terms a query word may be in the index: its stem in each language."""
    terms: list[str] = []
    for key in keys:
        term = FoldingStemAnalyzer(key).term(word)
        if term not in terms:
            terms.append(term)
    return terms
