"""Chapters as paragraphs with marked highlights, and realistic edits of their markdown.

Ground truth rides along in the text: highlight ``i`` is bracketed in the markdown
source by two private-use characters (``opener(i)``, ``closer(i)``), which markdown,
the sanitizer and ``reading_text`` pass through untouched. Every edit is applied to
the *marked* chapter; the real edited file is that text with the markers removed,
and the markers' places in its reading text are where each passage now is (its
words edited or not). A passage whose markers went with a deleted paragraph is gone.
"""

from __future__ import annotations

import json
import random
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace

import yaml

_BASE = 0xE000
_MARKER = re.compile("[\ue000-\uf8ff]")
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]{3,}")
_SENTENCE_END = re.compile(r"[.!?…][»\"”’')\]]*$")
_STOP = re.compile(r"[.!?][»\"”’)]*(?= )")  # where a sentence can be added
_MARKUP = set("*_`[]<>&\\#|")  # passages avoid markdown syntax: the markers must not move it
_FRONT = re.compile(r"\A(---\n.*?\n)(---\n)(.*)\Z", re.DOTALL)


def opener(i: int) -> str:
    return chr(_BASE + 2 * i)


def closer(i: int) -> str:
    return chr(_BASE + 2 * i + 1)


def strip_markers(text: str) -> str:
    return _MARKER.sub("", text)


def locate(marked: str) -> tuple[str, dict[int, tuple[int, int]]]:
    """The text without markers, and each highlight's span in it (both markers, in order)."""
    plain: list[str] = []
    opened: dict[int, int] = {}
    spans: dict[int, tuple[int, int]] = {}
    at = last = 0
    for match in _MARKER.finditer(marked):
        plain.append(marked[last : match.start()])
        at += match.start() - last
        last = match.end()
        code = ord(match.group()) - _BASE
        if code % 2 == 0:
            opened[code // 2] = at
        elif code // 2 in opened and opened[code // 2] < at:
            spans[code // 2] = (opened[code // 2], at)
    plain.append(marked[last:])
    return "".join(plain), spans


@dataclass(frozen=True)
class Doc:
    """A markdown chapter: front matter around its title line, and body paragraphs."""

    front: str  # the front matter with "{title}" where the title's value goes
    title: str
    paras: tuple[str, ...]
    newline: str = "\n"
    width: int = 0  # hard-wrap paragraphs at this many columns (0: one line each)

    def markdown(self) -> str:
        paras = self.paras
        if self.width:
            wrap = textwrap.TextWrapper(self.width, break_long_words=False, break_on_hyphens=False)
            paras = tuple("\n".join(wrap.wrap(para)) for para in paras)
        head = self.front.replace("{title}", json.dumps(self.title, ensure_ascii=False))
        return (head + "\n" + "\n\n".join(paras) + "\n").replace("\n", self.newline)


def load_doc(source: str) -> Doc:
    match = _FRONT.match(source.replace("\r\n", "\n"))
    if not match:
        raise ValueError("no front matter")
    lines = match.group(1).split("\n")
    title = ""
    for n, line in enumerate(lines):
        if line.lower().startswith("title:"):
            title = " ".join(str(yaml.safe_load(line)["title"]).split())
            lines[n] = "title: {title}"
    paras = tuple(p.strip() for p in re.split(r"\n[ \t]*\n", match.group(3)) if p.strip())
    return Doc("\n".join(lines) + match.group(2), title, paras)


# --- choosing the highlighted passages -------------------------------------------------


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _words(tokens: list[str]) -> int:
    return sum(any(c.isalpha() for c in token) for token in tokens)


def _safe(para: str, start: int, end: int) -> bool:
    """No markup in the passage, and a paragraph's first token that starts no block."""
    if _MARKUP & set(para[start:end]):
        return False
    return start > 0 or para[0].isalpha() or para[0] in '«"“„¿¡—–'


def _sentences(tokens: list[tuple[int, int]], para: str) -> list[tuple[int, int]]:
    runs, first = [], 0
    for n, (s, e) in enumerate(tokens):
        if _SENTENCE_END.search(para[s:e]) or n == len(tokens) - 1:
            runs.append((first, n + 1))
            first = n + 1
    return runs


def _free(used: dict[int, list[tuple[int, int]]], para: int, start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in used.get(para, []))


def choose_passages(doc: Doc, rng: random.Random, count: int) -> tuple[Doc, list[str]]:
    """``doc`` with up to ``count`` marked passages (one in the title, two across paragraphs).

    Returns the marked doc and each highlight's kind ("title", "span", "sentence", "phrase").
    """
    inserts: dict[int, list[tuple[int, str]]] = {}  # para (-1: title) -> (offset, marker)
    used: dict[int, list[tuple[int, int]]] = {}
    kinds: list[str] = []

    def mark(para_a: int, start: int, para_b: int, end: int, kind: str) -> None:
        inserts.setdefault(para_a, []).append((start, opener(len(kinds))))
        inserts.setdefault(para_b, []).append((end, closer(len(kinds))))
        used.setdefault(para_a, []).append((start, end if para_a == para_b else 10**9))
        if para_b != para_a:
            used.setdefault(para_b, []).append((0, end))
        kinds.append(kind)

    title = _spans(doc.title)
    if title and count > 0:
        size = min(len(title), rng.randint(3, 8))
        first = rng.randint(0, len(title) - size)
        mark(-1, title[first][0], -1, title[first + size - 1][1], "title")
    paras = doc.paras
    weights = [len(p) for p in paras]
    for attempt in range(400):
        if len(kinds) >= count or not paras:
            break
        if kinds.count("span") < 2 and attempt < 50 and len(paras) > 1:  # across a break
            p = rng.randrange(len(paras) - 1)
            a, b = _spans(paras[p]), _spans(paras[p + 1])
            ka, kb = min(len(a), rng.randint(2, 8)), min(len(b), rng.randint(2, 8))
            start, end = a[-ka][0], b[kb - 1][1]
            ok = _safe(paras[p], start, len(paras[p])) and _safe(paras[p + 1], 0, end)
            if ok and _free(used, p, start, 10**9) and _free(used, p + 1, 0, end):
                mark(p, start, p + 1, end, "span")
            continue
        p = rng.choices(range(len(paras)), weights)[0]
        tokens = _spans(paras[p])
        first, stop = rng.choice(_sentences(tokens, paras[p]))
        words = _words([paras[p][s:e] for s, e in tokens[first:stop]])
        kind = "sentence"
        if not 3 <= words <= 30 or rng.random() < 0.4:
            kind, size = "phrase", rng.randint(3, min(30, max(3, stop - first)))
            if stop - first < size:
                continue
            first = rng.randint(first, stop - size)
            stop = first + size
        start, end = tokens[first][0], tokens[stop - 1][1]
        fits = _safe(paras[p], start, end) and _free(used, p, start, end)
        if fits and _words(paras[p][start:end].split()) >= 3:
            mark(p, start, p, end, kind)
    texts = [doc.title, *paras]
    for index, marks in inserts.items():
        text = texts[index + 1]
        for offset, marker in sorted(marks, reverse=True):
            text = text[:offset] + marker + text[offset:]
        texts[index + 1] = text
    return replace(doc, title=texts[0], paras=tuple(texts[1:])), kinds


# --- the edits ----------------------------------------------------------------------------

Edit = Callable[[Doc, random.Random, Doc], Doc]  # (marked chapter, rng, donor chapter)


def _joined(doc: Doc) -> str:
    return "\n\n".join([doc.title, *doc.paras])


def _split(doc: Doc, text: str) -> Doc:
    title, *paras = text.split("\n\n")
    return replace(doc, title=title, paras=tuple(paras))


def _donor_word(rng: random.Random, donor: Doc, old: str) -> str:
    """A word of the donor chapter about as long as ``old`` (a plausible substitution)."""
    words = [w for w in _WORD.findall(" ".join(donor.paras[:40])) if w.lower() != old.lower()]
    similar = [w for w in words if abs(len(w) - len(old)) <= 2]
    new: str = rng.choice(similar or words or ["zebra"])
    return new[:1].upper() + new[1:] if old[:1].isupper() else new.lower()


def _replace_words(text: str, spans: list[tuple[int, int]], new: Callable[[str], str]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + new(text[start:end]) + text[end:]
    return text


def _whole(para: str) -> bool:
    """Every highlight marked in ``para`` starts and ends in it."""
    codes = [ord(m) - _BASE for m in _MARKER.findall(para)]
    return all(code ^ 1 in codes for code in codes)


def _opens(para: str) -> bool:
    """A highlight starts in ``para`` and ends in a later paragraph."""
    codes = {ord(m) - _BASE for m in _MARKER.findall(para)}
    return any(code % 2 == 0 and code + 1 not in codes for code in codes)


def _gaps(paras: list[str]) -> list[int]:
    """Where a paragraph can go without splitting a passage that crosses a paragraph break."""
    return [k for k in range(len(paras) + 1) if k == 0 or not _opens(paras[k - 1])]


def _movable(doc: Doc) -> list[int]:
    """Paragraphs that hold whole passages only (at least one, if any does)."""
    whole = [n for n, p in enumerate(doc.paras) if _whole(p)]
    return [n for n in whole if _MARKER.search(doc.paras[n])] or whole


def insert_paragraph(doc: Doc, rng: random.Random, donor: Doc) -> Doc:
    fitting = [p for p in donor.paras if 150 <= len(p) <= 1500] or list(donor.paras)
    paras = list(doc.paras)
    paras.insert(rng.choice([k for k in _gaps(paras) if k <= 1]), rng.choice(fitting))
    return replace(doc, paras=tuple(paras))


def change_words(doc: Doc, rng: random.Random, donor: Doc) -> Doc:
    """One word replaced inside about half the highlighted passages."""
    text = _joined(doc)
    _, spans = locate(text)
    chosen: list[tuple[int, int]] = []
    for i in rng.sample(sorted(spans), (len(spans) + 1) // 2):
        start, end = text.index(opener(i)), text.index(closer(i))
        words = [m.span() for m in _WORD.finditer(text, start, end)]
        if words:
            chosen.append(rng.choice(words))
    return _split(doc, _replace_words(text, chosen, lambda old: _donor_word(rng, donor, old)))


def crlf_reflow(doc: Doc, rng: random.Random, donor: Doc) -> Doc:
    return replace(doc, newline="\r\n", width=72)


def move_paragraph(doc: Doc, rng: random.Random, donor: Doc) -> Doc:
    paras, movable = list(doc.paras), _movable(doc)
    if not movable:
        return doc
    source = rng.choice(movable)
    moved = paras.pop(source)
    gaps = _gaps(paras)
    far = [k for k in gaps if abs(k - source) >= max(2, len(paras) // 4)]
    paras.insert(rng.choice(far or gaps), moved)
    return replace(doc, paras=tuple(paras))


def delete_paragraph(doc: Doc, rng: random.Random, donor: Doc) -> Doc:
    paras, movable = list(doc.paras), _movable(doc)
    if movable:
        del paras[rng.choice(movable)]
    return replace(doc, paras=tuple(paras))


def _curly(text: str) -> str:
    out: list[str] = []
    previous = " "  # the last character that is not a marker
    for n, char in enumerate(text):
        following = strip_markers(text[n + 1 : n + 3])[:1] or " "
        opening = previous.isspace() or previous in "([{—–-\u2018\u201c"
        if char == '"':
            char = "\u201c" if opening else "\u201d"
        elif char == "'":
            char = "\u2018" if opening and not following.isspace() else "\u2019"
        out.append(char)
        if not _MARKER.match(char):
            previous = char
    return "".join(out)


def typography(doc: Doc, rng: random.Random, donor: Doc) -> Doc:
    """Curly quotes and apostrophes, "--" as an em dash, two spaces after a sentence."""

    def fix(text: str) -> str:
        text = _curly(text).replace("--", "—")
        return re.sub(r"([.!?])( )(?=\S)", r"\1  ", text)

    return replace(doc, title=fix(doc.title), paras=tuple(fix(p) for p in doc.paras))


def copy_edit(doc: Doc, rng: random.Random, donor: Doc) -> Doc:
    """A copy-editor's pass: words changed, typos fixed, a sentence added, all over."""
    text = _joined(doc)
    words = [m.span() for m in _WORD.finditer(text, len(doc.title))]
    changed = rng.sample(words, min(len(words), max(3, len(words) // 400)))
    long = [w for w in words if w[1] - w[0] >= 5 and w not in changed]
    fixed = rng.sample(long, min(len(long), max(2, len(words) // 800)))

    def transpose(old: str) -> str:  # "fixing" a typo: two letters swapped back
        inner = [n for n in range(1, len(old) - 2) if old[n] != old[n + 1]]
        n = rng.choice(inner) if inner else 0
        return old[:n] + old[n + 1] + old[n] + old[n + 2 :] if inner else old

    text = _replace_words(text, fixed, transpose)  # same lengths: ``changed`` offsets hold
    text = _replace_words(text, changed, lambda old: _donor_word(rng, donor, old))
    ends = [m.end() for m in _STOP.finditer(text, len(doc.title))]
    sentences = [s for s in re.split(r"(?<=[.!?]) ", " ".join(donor.paras)) if 5 < len(s) < 200]
    if ends and sentences:
        at = rng.choice(ends)
        text = text[:at] + " " + rng.choice(sentences).strip() + text[at:]
    return _split(doc, text)


EDITS: dict[str, Edit] = {
    "insert-paragraph": insert_paragraph,
    "change-words": change_words,
    "crlf-reflow-72": crlf_reflow,
    "move-paragraph": move_paragraph,
    "delete-paragraph": delete_paragraph,
    "typography": typography,
    "copy-edit": copy_edit,
}
