"""Which words of a text a query matched: spans for marking hits, and the best passage.

The query's positive words are analysed with the *article's* language, exactly
as the index analyses them, so ``terroristes`` marks ``terroriste`` in a French
article and ``running`` marks ``runs`` in an English one. Field filters
(``source:``, ``lang:``, ``date:``, ``tag:``), operators and excluded words
(``NOT x``, ``-x``) mark nothing.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import cast

from whoosh.support.charset import accent_map

from reader.core.limits import MAX_SNIPPET_SCAN_CHARS
from reader.core.search import query as query_language
from reader.core.search.analysis import WORD, FoldingStemAnalyzer, fold

_TEXT_SCOPES = ("all", "title", "body")
# Linear: a link's text and target exclude their own opening bracket, so the scan from
# one "[" or "(" stops at the next. (A pattern free to cross brackets rescans to the end
# of the text from every "[": quadratic in a text full of them.) A backslash escape keeps
# the character it escapes (a text file's "<b\>" is its "<b>": the ">" is not a quote
# mark).
_MARKDOWN_NOISE = re.compile(
    r"!?\[([^\[\]]*)\]\([^()]*\)|[*_`#>|]+|\\([\\`*_{}\[\]()#+\-.!|>])"
)  # the escapable characters are Python-Markdown's (and markdown_escape's)
# Raw HTML tags of a Markdown body (the pane shows their content, not them); linear, as
# "[^<>]*" stops at the next "<". A text file's "<" is "&lt;" in its body: never a tag.
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
SNIPPET_CHARS = 220
_FORMS: dict[str, str] = {}  # a folded letter → the characters that fold to it (é, è, É… → e)
for _code, _letter in cast(dict[int, str], accent_map).items():
    _FORMS[_letter] = _FORMS.get(_letter, "") + chr(_code)


@dataclass
class QueryTerms:
    """The positive words, phrases and prefixes of a query, as typed (not yet analysed)."""

    words: list[str] = field(default_factory=list)
    prefixes: list[str] = field(default_factory=list)  # folded
    # words that match only one after the other ("état d'urgence", and one typed word the
    # index splits: "l'armée"), as the index's phrase query matches them
    phrases: list[tuple[str, ...]] = field(default_factory=list)

    @classmethod
    def parse(cls, query: str, *, notes: bool = False) -> QueryTerms:
        """Read with the search's own parser, so marks follow exactly what was searched.

        ``notes``: the words looked for in highlights and notes (``notes:``, ``in:notes``)
        count too, for marking a note; an article's text is never searched for them."""
        terms = cls()
        scopes = (*_TEXT_SCOPES, "notes") if notes else _TEXT_SCOPES
        _collect(query_language.parse(query).node, terms, scopes)
        return terms

    def add(self, node: query_language.Text) -> None:
        """The words of one clause, whatever it searches (an article, or notes)."""
        _collect(node, self, (node.scope,))

    def __bool__(self) -> bool:
        return bool(self.words or self.prefixes or self.phrases)


def _collect(node: query_language.Node | None, terms: QueryTerms, scopes: tuple[str, ...]) -> None:
    if isinstance(node, query_language.Text) and node.scope in scopes:
        words = [word.text for word in node.words]
        if node.prefix and words:
            terms.prefixes.append(fold(words.pop()))
        if node.phrase and len(words) > 1:
            terms.phrases.append(tuple(words))
        else:
            terms.words.extend(words)
    elif isinstance(node, query_language.And | query_language.Or):
        for child in node.nodes:
            _collect(child, terms, scopes)
    # Not: excluded words mark nothing; filters (lang, tag, date…) are not text


_Found = tuple[int, int, str, bool]  # a word's span, its term, whether a prefix matched it


def hit_spans(text: str, terms: QueryTerms, lang: str) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` the query matches, in order; a phrase's
    words only where they follow one another, as one span."""
    analyzer = FoldingStemAnalyzer(lang)
    wanted = frozenset(analyzer.term(word) for word in terms.words)
    phrases = [tuple(analyzer.term(word) for word in phrase) for phrase in terms.phrases]
    looked_for = wanted.union(*phrases)
    prefixes = tuple(terms.prefixes)
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter lowered to two (rare): word by word
        found = _found_slowly(text, analyzer, looked_for, prefixes)
    else:
        found = _found(text, lowered, analyzer, looked_for, prefixes)
    spans = [(start, end) for start, end, term, prefixed in found if prefixed or term in wanted]
    spans += _phrase_spans(text, found, phrases)
    return _apart(spans)


def _found(
    text: str,
    lowered: str,
    analyzer: FoldingStemAnalyzer,
    looked_for: frozenset[str],
    prefixes: tuple[str, ...],
) -> list[_Found]:
    """The words that are a term looked for or start with a prefix, in order.

    Stemming is the cost (a Snowball stem is ~100 times a dict lookup, and an article's
    words are mostly new to the cache). Snowball changes only a word's ending: a word
    stems to a wanted term only if, folded, it starts with that term less its last two
    letters. One regular expression over the lowered text (each letter of those starts
    standing for its accented forms too: folding the whole text cost as much as the
    rest) finds those few words, in C; only they are folded and stemmed."""
    found = []
    term = analyzer.term
    for match in _candidates(looked_for, prefixes).finditer(lowered):
        start, end = match.span()
        word = text[start:end]
        stem = term(word)
        prefixed = bool(prefixes) and fold(word).startswith(prefixes)
        if prefixed or stem in looked_for:
            found.append((start, end, stem, prefixed))
    return found


def _phrase_spans(
    text: str, found: list[_Found], phrases: list[tuple[str, ...]]
) -> list[tuple[int, int]]:
    """Where each phrase's terms are words one after the other (no word between them:
    punctuation and apostrophes may be), one span from its first word to its last."""
    spans = []
    for phrase in phrases:
        size = len(phrase)
        for first in range(len(found) - size + 1):
            run = found[first : first + size]
            if all(word[2] == stem for word, stem in zip(run, phrase, strict=True)) and all(
                WORD.search(text, a[1], b[0]) is None for a, b in pairwise(run)
            ):
                spans.append((run[0][0], run[-1][1]))
    return spans


def _apart(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, none inside or across another (a phrase wins over its words)."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


@lru_cache(maxsize=64)
def _candidates(wanted: frozenset[str], prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """Words (of a lowered text) that may stem to a wanted term or start with a prefix."""
    starts = {term[: max(1, len(term) - 2)] for term in wanted if term} | set(prefixes)
    if not starts:
        return re.compile(r"(?!)")  # matches nothing
    alternatives = "|".join(
        "".join(_any_form(letter) for letter in start)
        for start in sorted(starts, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*")


def _any_form(letter: str) -> str:
    """A folded letter as a regular expression of every character that folds to it."""
    forms = _FORMS.get(letter, "")
    return f"[{re.escape(letter + forms)}]" if forms else re.escape(letter)


def _found_slowly(
    text: str, analyzer: FoldingStemAnalyzer, looked_for: frozenset[str], prefixes: tuple[str, ...]
) -> list[_Found]:
    found = []
    for match in WORD.finditer(text):
        word = match.group()
        stem = analyzer.term(word)
        prefixed = bool(prefixes) and fold(word).startswith(prefixes)
        if prefixed or stem in looked_for:
            found.append((*match.span(), stem, prefixed))
    return found


@dataclass(frozen=True)
class Snippet:
    text: str
    spans: tuple[tuple[int, int], ...]  # hits, relative to ``text``

    def html(self) -> str:
        """Escaped text with each hit in ``<mark>``."""
        parts, last = [], 0
        for start, end in self.spans:
            parts.append(html.escape(self.text[last:start], quote=False))
            parts.append(f"<mark>{html.escape(self.text[start:end], quote=False)}</mark>")
            last = end
        parts.append(html.escape(self.text[last:], quote=False))
        return "".join(parts)


def readable_text(markdown_body: str) -> str:
    """The text of a markdown body as the reader reads it, on one line: no Markdown
    syntax or HTML tags, escaped characters and entities as they show (``&lt;`` is
    "<"), so that a snippet is the text as written (``Snippet.html`` escapes it once)."""
    text = _MARKDOWN_NOISE.sub(r"\1\2", _HTML_TAG.sub("", markdown_body))
    return " ".join(html.unescape(text).split())


def best_snippet(text: str, terms: QueryTerms, lang: str, width: int = SNIPPET_CHARS) -> Snippet:
    """The passage of about ``width`` characters with the most distinct hits.

    Linear in the text: the hits are found in its first ``MAX_SNIPPET_SCAN_CHARS``
    characters, and one sliding window over them scores every passage.
    """
    spans = hit_spans(text[:MAX_SNIPPET_SCAN_CHARS], terms, lang) if terms else []
    if not spans:
        return _cut(text, 0, width, [])
    words = [fold(text[s:e]) for s, e in spans]
    best_start, best_score = spans[0][0], -1
    inside: Counter[str] = Counter()  # the words of spans[index:end], the window
    end = 0
    for index, (start, _end) in enumerate(spans):
        while end < len(spans) and spans[end][1] <= start + width:
            inside[words[end]] += 1
            end += 1
        score = len(inside) * 100 + (end - index)
        if score > best_score:
            best_start, best_score = start, score
        if end > index:  # this hit leaves the window as it moves on
            inside[words[index]] -= 1
            if not inside[words[index]]:
                del inside[words[index]]
        else:
            end = index + 1  # a hit wider than the window: the next window starts after it
    # Start a little before the first hit, at a word boundary, for context.
    lead = max(0, best_start - width // 10)  # short: the hit shows on the first line
    boundary = text.rfind(" ", 0, lead + 1)
    start = boundary + 1 if lead and boundary >= 0 else 0
    return _cut(text, start, width, spans)


def _cut(text: str, start: int, width: int, spans: list[tuple[int, int]]) -> Snippet:
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return Snippet(f"{prefix}{text[start:end]}{suffix}", inside)
