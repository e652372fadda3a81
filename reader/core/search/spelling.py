"""“Did you mean …”: a corrected query, made of the library's own words.

The title and body fields hold stems (``securit``), which are no words to
offer anyone, so corrections come from a :class:`Vocabulary` kept beside the
index: every word of every indexed article, case and accents folded but not
stemmed (``securite``), with the number of articles it was indexed from.
Only words that are rare or absent are corrected, to the nearest words (edit
distance 1, else 2) that are more common; and a correction is offered only
if the corrected query really finds more articles.

The vocabulary is a sorted text file (``word<TAB>count`` lines) rather than a
field of the index: as a field it made the first build 45 % slower and the
index 55 % larger (1,000 articles). Counts only grow (a deleted or re-indexed
article is not subtracted), which is fine for ranking and is made exact again
whenever the index is rebuilt (the file lives in the index folder).
"""

from __future__ import annotations

import os
import threading
import time
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from whoosh.automata.fsa import find_all_matches
from whoosh.automata.lev import levenshtein_automaton

from reader.core.search.analysis import WORD, fold
from reader.core.search.query import Parsed, Word

SUGGEST_BELOW = 3  # offer a correction when the query finds fewer articles than this
VOCABULARY_FILE = "words.txt"
_KEPT: dict[str, str] = {}  # word → its folded form, or "" when it is not kept
_KEPT_LIMIT = 100_000  # distinct words (13 MB), then start over: workers must stay small
_MAX_WORD = 40  # longer "words" are no typing mistakes (URLs, hashes)
_OPTIONS = 3  # corrections tried per word
_MAX_TRIES = 8  # corrected queries run to find one that finds more


class Vocabulary:
    """The folded, unstemmed words of the indexed articles, with article counts.

    Reloaded when its file changes (the bulk indexer is another process);
    ``add`` must be called by the index's single writer (under its write lock).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._words: list[str] = []
        self._counts = array("I")
        self._stamp: tuple[int, int] | None = None

    @staticmethod
    def words_of(text: str) -> set[str]:
        """The distinct folded words of a text worth keeping (letters only)."""
        words = set(WORD.findall(text))
        kept = _KEPT
        if len(kept) > _KEPT_LIMIT:
            kept.clear()
        # Each word is judged and folded once per process; after that a text costs
        # set operations and one lookup a distinct word, all in C (this was a tenth of
        # a worker's indexing time, word by word in Python).
        for word in words.difference(kept):
            kept[word] = fold(word) if word.isalpha() and len(word) <= _MAX_WORD else ""
        found = set(map(kept.__getitem__, words))
        found.discard("")
        return found

    def add(self, counts: Counter[str]) -> None:
        """Count these words once more each, and save the vocabulary (atomically)."""
        if not counts:
            return
        with self._lock:
            self._load()
            merged = dict(zip(self._words, self._counts, strict=True))
            for word, count in counts.items():
                merged[word] = merged.get(word, 0) + count
            # The known words come first, in order: sorting is nearly a merge.
            words = self._words if len(merged) == len(self._words) else sorted(merged)
            numbers = array("I", map(merged.__getitem__, words))
            temporary = self.path.with_name(self.path.name + ".tmp")
            with temporary.open("w", encoding="utf-8", newline="\n") as file:
                file.writelines(map("{}\t{}\n".format, words, numbers))
            os.replace(temporary, self.path)
            self._words, self._counts, self._stamp = words, numbers, _stamp(self.path)

    def count(self, word: str) -> int:
        words, counts = self._current()
        i = bisect_left(words, word)
        return counts[i] if i < len(words) and words[i] == word else 0

    def starting(self, prefix: str, limit: int) -> list[str]:
        words, _ = self._current()
        start = bisect_left(words, prefix)
        found = []
        for word in words[start : start + limit]:
            if not word.startswith(prefix):
                break
            found.append(word)
        return found

    def within(self, word: str, distance: int) -> list[str]:
        """Words within ``distance`` edits, with the same first letter (rarely the typo)."""
        words, _ = self._current()
        automaton = levenshtein_automaton(word, distance, prefix=1).to_dfa()  # type: ignore[no-untyped-call]
        return list(find_all_matches(automaton, _Skipper(words)))  # type: ignore[no-untyped-call]

    def __len__(self) -> int:
        return len(self._current()[0])

    def _current(self) -> tuple[list[str], array[int]]:
        with self._lock:
            self._load()
            return self._words, self._counts

    def _load(self) -> None:
        stamp = _stamp(self.path)
        if stamp == self._stamp:
            return
        pairs: list[tuple[str, int]] = []
        try:
            text = self.path.read_text(encoding="utf-8") if stamp else ""
        except (OSError, UnicodeDecodeError):
            text = ""  # unreadable: suggestions wait for the next rebuild
        for line in text.splitlines():
            word, _, count = line.partition("\t")
            if word and count.isdigit():
                pairs.append((word, int(count)))
        pairs.sort()  # written sorted: this only guards against a damaged file
        self._words = [word for word, _ in pairs]
        self._counts = array("I", (count for _, count in pairs))
        self._stamp = stamp


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class _Skipper:
    """The first word ≥ a string, for the automaton's walk (its strings only grow)."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.i = 0

    def __call__(self, text: str) -> str | None:
        self.i = bisect_left(self.words, text, self.i)
        return self.words[self.i] if self.i < len(self.words) else None


def count_words(texts: Iterable[str]) -> Counter[str]:
    """Each word's number of texts (for ``Vocabulary.add``)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(Vocabulary.words_of(text))
    return counts


def suggest(
    parsed: Parsed,
    vocabulary: Vocabulary,
    count: Callable[[str], int],
    total: int,
    deadline: float | None = None,
) -> str | None:
    """A corrected query text that finds more than ``total`` articles, or None.

    Past ``deadline`` (``time.monotonic()``) it stops looking: None, or the words so far.
    """

    def late() -> bool:
        return deadline is not None and time.monotonic() > deadline

    doubtful: list[tuple[Word, list[str]]] = []
    for word, _scope in parsed.words():
        if late():
            return None
        folded = fold(word.text)
        if len(folded) < 3 or not folded.isalpha():
            continue  # short words and numbers: too many near neighbours to guess
        known = vocabulary.count(folded)
        if known >= SUGGEST_BELOW:
            continue
        if options := corrections(vocabulary, folded, known):
            doubtful.append((word, options))
    if not doubtful:
        return None
    best = {word: options[0] for word, options in doubtful}
    trials = [best]  # every doubtful word corrected …
    if len(doubtful) > 1:  # … or only one of them …
        trials += [{word: options[0]} for word, options in doubtful]
    for word, options in doubtful:  # … or with its next-best corrections
        trials += [{**best, word: option} for option in options[1:]]
    for choice in trials[:_MAX_TRIES]:
        if late():
            return None
        text = replace_words(parsed.text, choice)
        if count(text) > total:
            return text
    return None


def worth_suggesting(parsed: Parsed, vocabulary: Vocabulary, total: int) -> bool:
    """Few hits, or a word of the query that is no word of the library (``goverment``):
    it may still find articles through its stem (``governess``), but the reader likely
    meant a frequent near-miss, so a suggestion is worth a look."""
    if total < SUGGEST_BELOW:
        return True
    for word, _scope in parsed.words():
        folded = fold(word.text)
        if len(folded) >= 3 and folded.isalpha() and vocabulary.count(folded) == 0:
            return True
    return False


def corrections(vocabulary: Vocabulary, word: str, known: int = 0) -> list[str]:
    """Words near ``word`` and more frequent than it: nearest first, then most frequent.

    Two letters swapped (``macorn``) are one edit, as a typist makes them: so a
    frequent ``macron`` beats a rare ``macon``, both one edit away.
    """
    for distance in (1, 2) if len(word) > 4 else (1,):
        near = set(vocabulary.within(word, distance))
        if distance == 1:
            near |= {swapped for swapped in _transpositions(word) if vocabulary.count(swapped)}
        ranked = sorted(
            (-frequency, candidate)
            for candidate in near
            if candidate != word and (frequency := vocabulary.count(candidate)) > known
        )
        if ranked:
            return [candidate for _, candidate in ranked[:_OPTIONS]]
    return []


def _transpositions(word: str) -> set[str]:
    """``word`` with two neighbouring letters swapped, each way it can be."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}


def replace_words(text: str, choice: dict[Word, str]) -> str:
    """``text`` with the given words (at their offsets) replaced."""
    pieces: list[str] = []
    position = 0
    for word in sorted(choice, key=lambda w: w.start):
        pieces += [text[position : word.start], choice[word]]
        position = word.end
    pieces.append(text[position:])
    return "".join(pieces)
