"""The search box's query language, parsed into a small tree (no Whoosh here).

    mali sécurité            every word must match (AND)
    "l'aide de Moscou"       a phrase (also “…” and «…»)
    secur*                   a prefix
    mali OR niger            either (OR binds tighter than the implicit AND)
    NOT russie, -russie      without
    (mali OR niger) armée    grouping
    title:mali  source:reuters  lang:fr  tag:africa  body:…  notes:…
    title:"aide de Moscou"  title:(mali OR niger)  lang:(fr OR en)
    date:2023  date:2023-07  date:2023-07-28  date:2020..2023  date:..2000
    date:2020..  date:[2020 to 2023]  date:{2020 to 2023}  date:>2020  date:<=1999-06
    is:starred  is:unread  is:read  has:notes  has:highlights   the reader's own data
    in:notes mali            the words are looked for in highlights and notes only

Nothing here raises: unbalanced quotes and parentheses are closed at the end,
stray operators are dropped, and a clause that cannot be understood (``date:abc``,
``title:`` with nothing after it) is left out and listed in ``Parsed.ignored``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.analysis import WORD

QUOTES = '"“”«»„'
TEXT_SCOPES = ("all", "title", "body", "source", "notes")
KEYWORD_FIELDS = ("lang", "tag", "is", "has", "in")
_FIELDS = ("title", "body", "source", "notes", "lang", "tag", "date", "is", "has", "in")
FIELD_NAMES = {"language": "lang", "tags": "tag"} | {name: name for name in _FIELDS}
LANGUAGE_NAMES = {
    name: code
    for code, names in (
        ("fr", "french francais français"),
        ("en", "english anglais"),
        ("de", "german deutsch allemand"),
        ("es", "spanish espanol español espagnol"),
    )
    for name in names.split()
}
_OPERATORS = {"OR": "or", "AND": "and", "NOT": "not"}
_FIELD_PREFIX = re.compile(r"([A-Za-z]+):")
_DATE = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_RANGE_TO = re.compile(r"\s+to\s+|^to\s+|\s+to$|^to$", re.IGNORECASE)
_COMPARISON = re.compile(r"(>=|<=|=>|=<|>|<)(.*)", re.DOTALL)


# --- the tree ------------------------------------------------------------------


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
    scope: str = "all"  # one of TEXT_SCOPES
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
    ignored: tuple[str, ...] = ()  # clauses left out, as typed
    text: str = ""

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


# --- tokens --------------------------------------------------------------------


@dataclass
class _Token:
    kind: str  # word, phrase, range, field, lparen, rparen, or, and, not, minus
    text: str
    start: int  # offset of the text (of a phrase's or range's content)
    attached: bool  # no space between this token and the previous one
    raw: str = ""  # the token as typed (for ``ignored``)


def tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(text)
    attached = False
    while i < n:
        ch = text[i]
        after_field = bool(tokens) and tokens[-1].kind == "field" and attached
        if ch.isspace():
            i += 1
            attached = False
            continue
        if ch in "()":
            kind = "lparen" if ch == "(" else "rparen"
            tokens.append(_Token(kind, ch, i, attached, ch))
            i += 1
            if ch == "(":
                attached = False  # "(-word)", "(NOT word)" as after a space
                continue
        elif ch in QUOTES:
            close = min((p for q in QUOTES if (p := text.find(q, i + 1)) >= 0), default=n)
            raw = text[i : close + 1]
            tokens.append(_Token("phrase", text[i + 1 : close], i + 1, attached, raw))
            i = close + 1
        elif ch in "[{" and after_field:
            close = min((p for q in "]}" if (p := text.find(q, i + 1)) >= 0), default=n)
            raw = text[i : close + 1]
            tokens.append(_Token("range", raw, i, attached, raw))
            i = close + 1
        elif ch == "-" and not attached and i + 1 < n and not text[i + 1].isspace():
            tokens.append(_Token("minus", ch, i, attached, ch))
            i += 1
        else:
            match = _FIELD_PREFIX.match(text, i)
            if match and match.group(1).lower() in FIELD_NAMES and not after_field:
                name = FIELD_NAMES[match.group(1).lower()]
                tokens.append(_Token("field", name, i, attached, match.group()))
                i = match.end()
            else:
                end = i + 1
                while end < n and not (text[end].isspace() or text[end] in "()" + QUOTES):
                    end += 1
                chunk = text[i:end]
                kind = "word" if after_field else _OPERATORS.get(chunk, "word")
                tokens.append(_Token(kind, chunk, i, attached, chunk))
                i = end
        attached = True
    return tokens


# --- the parser ----------------------------------------------------------------

_MAX_NESTING = 50
_STARTS_CLAUSE = frozenset({"word", "phrase", "range", "field", "lparen", "not", "minus"})


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = tokenize(text)
        self.pos = 0
        self.ignored: list[str] = []
        self.nesting = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def next(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def sequence(self, scope: str | None, depth: int) -> Node | None:
        """Clauses up to a closing parenthesis (or the end), all required."""
        items: list[Node] = []
        while (token := self.peek()) is not None:
            if token.kind == "rparen":
                if depth:
                    break
                self.pos += 1  # a stray ")"
            elif token.kind not in _STARTS_CLAUSE:
                self.pos += 1  # a dangling OR / AND
            elif (node := self.disjunction(scope, depth)) is not None:
                items.append(node)
        return _and(items)

    def disjunction(self, scope: str | None, depth: int) -> Node | None:
        parts = [self.unary(scope, depth)]
        while (token := self.peek()) is not None and token.kind == "or":
            self.pos += 1
            following = self.peek()
            if following is None or following.kind not in _STARTS_CLAUSE:
                break
            parts.append(self.unary(scope, depth))
        present = [part for part in parts if part is not None]
        if not present:
            return None
        return present[0] if len(present) == 1 else Or(tuple(present))

    def unary(self, scope: str | None, depth: int) -> Node | None:
        token = self.next()
        if self.nesting >= _MAX_NESTING and token.kind in ("lparen", "not", "minus", "field"):
            return None  # ((((… or NOT NOT … hundreds deep: skipped, the words still count
        self.nesting += 1
        try:
            return self._unary(token, scope, depth)
        finally:
            self.nesting -= 1

    def _unary(self, token: _Token, scope: str | None, depth: int) -> Node | None:
        if token.kind in ("not", "minus"):
            following = self.peek()
            if following is None or following.kind not in _STARTS_CLAUSE:
                return None  # a lone NOT or "-": nothing to negate
            inner = self.unary(scope, depth)
            return Not(inner) if inner is not None else None
        if token.kind == "lparen":
            inner = self.sequence(scope, depth + 1)
            if (closing := self.peek()) is not None and closing.kind == "rparen":
                self.pos += 1
            return inner
        if token.kind == "field":
            value = self.peek()
            if (
                value is None
                or not value.attached
                or value.kind
                not in (
                    "word",
                    "phrase",
                    "range",
                    "lparen",
                )
            ):
                self.ignored.append(token.raw)  # "title:" with nothing after it
                return None
            if value.kind == "lparen":
                return self.unary(token.text, depth)
            self.pos += 1
            return self.value(token.text, value, token.raw)
        return self.value(scope, token, "")

    def value(self, scope: str | None, token: _Token, field_raw: str) -> Node | None:
        scope = scope or "all"
        node: Node | None
        if scope == "date":
            node = _date_clause(token.text if token.kind != "phrase" else token.text.strip())
        elif scope in KEYWORD_FIELDS:
            node = _filter(scope, token.text) if token.kind != "range" else None
        elif token.kind == "range":
            node = None
        else:
            node = _text(token, scope)
            if node is None and not field_raw:
                return None  # punctuation, an empty phrase: silently nothing
        if node is None:
            self.ignored.append(field_raw + token.raw)
        return node


def parse(text: str) -> Parsed:
    parser = _Parser(text)
    node = parser.sequence(None, 0)
    if node is not None and _has_in_notes(node):
        node = _to_notes(node) or Filter("has", "highlights")  # in:notes alone
    return Parsed(node, tuple(parser.ignored), text)


def _has_in_notes(node: Node) -> bool:
    if isinstance(node, Filter):
        return node.field == "in" and node.value == "notes"
    if isinstance(node, Not):
        return _has_in_notes(node.node)
    if isinstance(node, And | Or):
        return any(_has_in_notes(child) for child in node.nodes)
    return False


def _to_notes(node: Node) -> Node | None:
    """``in:notes`` moves the query's plain words into highlights and notes."""
    if isinstance(node, Filter) and node.field == "in":
        return None
    if isinstance(node, Text) and node.scope == "all":
        return Text(node.words, "notes", node.phrase, node.prefix)
    if isinstance(node, Not):
        inner = _to_notes(node.node)
        return Not(inner) if inner is not None else None
    if isinstance(node, And | Or):
        children = [c for c in (_to_notes(child) for child in node.nodes) if c is not None]
        if not children:
            return None
        return children[0] if len(children) == 1 else type(node)(tuple(children))
    return node


def _and(items: list[Node]) -> Node | None:
    if not items:
        return None
    return items[0] if len(items) == 1 else And(tuple(items))


def _text(token: _Token, scope: str) -> Text | None:
    words = tuple(Word(m.group(), token.start + m.start()) for m in WORD.finditer(token.text))
    if not words:
        return None
    if token.kind == "phrase":
        return Text(words, scope, phrase=len(words) > 1)
    prefix = token.text.endswith("*") and token.text.rstrip("*")[-1:].isalnum()
    # "l'armée", "Russie-Afrique": one typed word, several index words, adjacent
    return Text(words, scope, phrase=len(words) > 1 and not prefix, prefix=prefix)


def _filter(field_name: str, value: str) -> Filter | None:
    prefix = value.endswith("*")
    value = " ".join(value.rstrip("*").split()).lower()
    if not value or not any(ch.isalnum() for ch in value):
        return None
    if field_name == "lang":
        value = LANGUAGE_NAMES.get(value, value)
    return Filter(field_name, value, prefix=prefix and field_name == "tag")


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


def _date_clause(text: str) -> DateRange | None:
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
