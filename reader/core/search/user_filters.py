"""The query language's clauses about the reader's own data, resolved to article ids.

``is:starred``, ``is:unread``, ``is:read``, ``has:notes``, ``has:highlights``,
``tag:`` (the tags given in the app, besides those in the files' front matter)
and words searched in highlights and notes (``in:notes``, ``notes:``, and every
plain word) are answered from SQLite, not from the search index: starring an
article or typing a note changes what matches at once, with no reindexing.

Notes are matched here in Python, with the same analysis as the index (case and
accents folded, each note stemmed in its article's language): a library holds
thousands of highlights, not millions, and the scan takes milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.annotations.userdata import UserData
from reader.core.search import query as ql
from reader.core.search.analysis import WORD, FoldingStemAnalyzer, fold


@dataclass(frozen=True)
class IdSet:
    ids: frozenset[int]
    complement: bool = False  # every article except these


@dataclass(frozen=True)
class _Entry:
    article_id: int
    annotation_id: str
    lang: str
    folded: tuple[str, ...]
    stems: tuple[str, ...]
    text: str  # the quote, then the note


class UserFilters:
    """Answers for one search: reads the reader's data once, on the searching thread."""

    def __init__(self, userdata: UserData) -> None:
        self.userdata = userdata
        self._entries: list[_Entry] | None = None
        self.note_matches: dict[int, str] = {}  # article id → annotation id matched first

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

    def text_ids(self, node: ql.Text) -> set[int]:
        """Articles with a highlight or note matching these words."""
        found: set[int] = set()
        for entry in self._load():
            if entry.article_id not in found and _matches(entry, node):
                found.add(entry.article_id)
                self.note_matches.setdefault(entry.article_id, entry.annotation_id)
        return found

    def matched_notes(self, limit: int = 2000) -> dict[int, str]:
        """Article id → the highlight (and its note) it matched by, as one line of text."""
        found = {}
        for article_id, annotation_id in list(self.note_matches.items())[:limit]:
            annotation = self.userdata.annotation(annotation_id)
            if annotation is not None:
                line = f"“{annotation.quote}”"
                if annotation.note:
                    line += f" — {annotation.note}"
                found[article_id] = " ".join(line.split())
        return found

    def _load(self) -> list[_Entry]:
        if self._entries is None:
            rows = self.userdata.note_texts()
            self._entries = []
            for article_id, annotation_id, lang, quote, note in rows:
                text = f"{quote}\n{note}" if note else quote
                words = WORD.findall(text)
                analyzer = FoldingStemAnalyzer(lang or "xx")
                self._entries.append(
                    _Entry(
                        article_id, annotation_id, lang or "xx",
                        tuple(fold(word) for word in words),
                        tuple(analyzer.term(word) for word in words), text,
                    )
                )  # fmt: skip
        return self._entries


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
