"""The query language's clauses about the reader's own data, resolved to article ids.

``is:starred``, ``is:unread``, ``is:read``, ``is:inbox``, ``is:later``, ``is:archived``,
``has:notes``, ``has:highlights``,
``tag:`` (the tags given in the app, besides those in the files' front matter)
and words searched in highlights and notes (``in:notes``, ``notes:``, and every
plain word) are answered from SQLite, not from the search index: starring an
article or typing a note changes what matches at once, with no reindexing.

Notes are matched here in Python, with the same analysis as the index (case and
accents folded, each note stemmed in its article's language): a library holds
thousands of highlights, not millions. Every plain word of a query is also looked for
in them, so their analysis is kept from one search to the next for the rows that have
not changed. The scan keeps to the query's time limit
(``QUERY_SECONDS``, from when the search began): past it the highlights not yet
looked at are left out and ``timed_out`` says more may match, as the index says of
its own search. A note is looked at up to ``MAX_NOTE_CHARS`` characters, the most the
window lets a reader type and an import accepts.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from reader.core.annotations.userdata import Annotation, UserData
from reader.core.articles.typography import unquoted
from reader.core.limits import MAX_NOTE_CHARS, QUERY_SECONDS
from reader.core.search import query as ql
from reader.core.search.analysis import WORD, FoldingStemAnalyzer, fold
from reader.core.search.snippets import SNIPPET_CHARS, QueryTerms, best_snippet
from reader.core.triage.states import State
from reader.core.triage.triage import Triage

# The words after "is:" for each triage state (a search finds archived articles too).
_TRIAGE: dict[str, State] = {
    "inbox": "inbox", "later": "later", "queued": "later", "archived": "archive",
    "archive": "archive",
}  # fmt: skip


@dataclass(frozen=True)
class IdSet:
    ids: frozenset[int]
    complement: bool = False  # every article except these


@dataclass(frozen=True)
class _Entry:
    article_id: int
    annotation_id: str
    lang: str
    folded: tuple[str, ...]  # the words of the quote, then of the note
    stems: tuple[str, ...]
    quote_words: int  # how many of them are the quote's


@dataclass
class _Matched:
    """Where an article's highlight matched the query: its words looked for there."""

    lang: str
    in_note: bool  # the note alone matched (else the quote did, maybe with the note)
    terms: QueryTerms


class UserFilters:
    """Answers for one search: reads the reader's data once, on the searching thread."""

    def __init__(self, userdata: UserData, seconds: float = QUERY_SECONDS) -> None:
        self.userdata = userdata
        self.deadline = time.monotonic() + seconds  # made as the search starts
        self.timed_out = False  # highlights were left out at the deadline: more may match
        self._entries: list[_Entry] | None = None
        self.note_matches: dict[int, str] = {}  # article id → annotation id matched first
        self._matched: dict[int, _Matched] = {}  # article id → how that annotation matched

    def filter_ids(self, node: ql.Filter) -> IdSet | None:
        """The ids a filter stands for; None when it is not about the reader's data."""
        value = node.value
        if node.field == "is":
            if value == "starred":
                return IdSet(frozenset(self.userdata.starred_ids()))
            if value in ("unread", "new"):
                return IdSet(frozenset(self.userdata.read_ids()), complement=True)
            if value == "read":
                return IdSet(frozenset(self.userdata.read_ids()))
            if value in _TRIAGE:
                return self._triage(_TRIAGE[value])
            return IdSet(frozenset())
        if node.field == "has":
            if value in ("notes", "note"):
                return IdSet(frozenset(self.userdata.annotated_ids(with_note=True)))
            if value in ("highlights", "highlight", "annotations"):
                return IdSet(frozenset(self.userdata.annotated_ids()))
            return IdSet(frozenset())
        if node.field == "tag" and not node.prefix:
            return IdSet(frozenset(self.userdata.ids_tagged(value)))
        return None

    def _triage(self, state: State) -> IdSet:
        triage = Triage(self.userdata)
        if state == "inbox":  # every article but those moved out of it
            return IdSet(frozenset(triage.states()), complement=True)
        return IdSet(frozenset(triage.ids_in(state)))

    def text_ids(self, node: ql.Text) -> set[int]:
        """Articles with a highlight or note matching these words."""
        found: set[int] = set()
        for entry in self._load():
            if self._past_deadline():
                break
            if entry.article_id not in found and _matches(entry, node):
                found.add(entry.article_id)
                first = self.note_matches.setdefault(entry.article_id, entry.annotation_id)
                if first == entry.annotation_id:
                    self._remember(entry, node)
        return found

    def _remember(self, entry: _Entry, node: ql.Text) -> None:
        in_note = _matches(_note_of(entry), node)
        matched = self._matched.setdefault(
            entry.article_id, _Matched(entry.lang, in_note, QueryTerms())
        )
        if in_note and not matched.in_note:  # the note is what the reader wrote: shown first
            matched.in_note, matched.terms = True, QueryTerms()
        if in_note == matched.in_note:
            matched.terms.add(node)

    def matched_notes(self, limit: int = 2000) -> dict[int, str]:
        """Article id → what of its highlight the query matched, as one line of text: the
        passage of the note around the words found there, else the quote's passage
        (between quote marks)."""
        found = {}
        for article_id, annotation_id in list(self.note_matches.items())[:limit]:
            annotation = self.userdata.annotation(annotation_id)
            matched = self._matched.get(article_id)
            if annotation is not None and matched is not None:
                found[article_id] = _matched_line(annotation, matched)
        return found

    def _past_deadline(self) -> bool:
        if not self.timed_out and time.monotonic() > self.deadline:
            self.timed_out = True
        return self.timed_out

    def _load(self) -> list[_Entry]:
        """The highlights analysed for matching: those read before the deadline.

        Read afresh for each search (a note just typed is found at once); a highlight
        whose row has not changed since the last search keeps its analysis."""
        global _analysed
        if self._entries is None:
            rows = self.userdata.note_texts()
            self._entries = []
            known, kept = _analysed, {}
            for row in rows:
                if self._past_deadline():
                    break
                entry = known.get(row) or _analyse(*row)
                kept[row] = entry
                self._entries.append(entry)
            if not self.timed_out:
                _analysed = kept  # this library's highlights, as they are now
        return self._entries


NoteRow = tuple[int, str, str, str, str]  # article id, annotation id, language, quote, note
_analysed: dict[NoteRow, _Entry] = {}  # the highlights of the last search, analysed


def _analyse(article_id: int, annotation_id: str, lang: str, quote: str, note: str) -> _Entry:
    quoted = WORD.findall(quote)
    words = quoted + WORD.findall(note[:MAX_NOTE_CHARS])
    analyzer = FoldingStemAnalyzer(lang or "xx")
    return _Entry(
        article_id, annotation_id, lang or "xx",
        tuple(fold(word) for word in words),
        tuple(analyzer.term(word) for word in words), len(quoted),
    )  # fmt: skip


def _note_of(entry: _Entry) -> _Entry:
    """The entry of the note alone, without the quote's words."""
    skip = entry.quote_words
    return replace(entry, folded=entry.folded[skip:], stems=entry.stems[skip:], quote_words=0)


def _matched_line(annotation: Annotation, matched: _Matched) -> str:
    note = annotation.note[:MAX_NOTE_CHARS]  # as it was matched
    if matched.in_note and note.strip():
        return best_snippet(" ".join(note.split()), matched.terms, matched.lang).text
    quote, marks = unquoted(annotation.quote)
    passage = best_snippet(quote, matched.terms, matched.lang, SNIPPET_CHARS).text
    return f"“{passage}”" if marks else passage


def _matches(entry: _Entry, node: ql.Text) -> bool:
    analyzer = FoldingStemAnalyzer(entry.lang)
    words = [word.text for word in node.words]
    if node.prefix:
        *whole, last = words
        stems = set(entry.stems)
        return all(analyzer.term(word) in stems for word in whole) and any(
            token.startswith(fold(last)) for token in entry.folded
        )
    wanted = [analyzer.term(word) for word in words]
    if not node.phrase:
        return set(wanted) <= set(entry.stems)
    size = len(wanted)
    return any(
        list(entry.stems[i : i + size]) == wanted for i in range(len(entry.stems) - size + 1)
    )
