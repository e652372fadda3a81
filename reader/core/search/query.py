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

A query has limits (a pasted page of text must not search for minutes): at most
``MAX_QUERY_CHARS`` characters are read, ``MAX_QUERY_TERMS`` words and filters kept, and
``MAX_QUERY_PREFIXES`` prefixes (``secur*``); what is past them is left out and listed,
with the limit it broke, in ``Parsed.over_limit``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.limits import MAX_QUERY_CHARS, MAX_QUERY_PREFIXES, MAX_QUERY_TERMS
from reader.core.search.analysis import WORD
from reader.core.search.query_dates import date_clause, iso_date
from reader.core.search.query_tree import And, DateRange, Filter, Node, Not, Or, Parsed, Text, Word

__all__ = [
    "And", "DateRange", "Filter", "Node", "Not", "Or", "Parsed", "Text", "Word",
    "iso_date", "parse", "tokenize",
]  # fmt: skip

QUOTES = '"“”«»„'
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
_SHOWN_LEFT_OUT = 60  # characters of left-out text quoted in the message
_FIELD_PREFIX = re.compile(r"([A-Za-z]+):")


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
        self.terms = 0  # words and filters kept so far (MAX_QUERY_TERMS)
        self.prefixes = 0  # prefix clauses kept so far (MAX_QUERY_PREFIXES)
        self.over_terms: list[str] = []  # left out past MAX_QUERY_TERMS, as typed
        self.over_prefixes: list[str] = []  # left out past MAX_QUERY_PREFIXES

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
            node = date_clause(token.text if token.kind != "phrase" else token.text.strip())
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
            return None
        return self.within_limits(node, field_raw + token.raw)

    def within_limits(self, node: Node, raw: str) -> Node | None:
        """The clause, cut or left out (and listed) past the query's limits."""
        if isinstance(node, Text) and node.prefix:
            if self.prefixes >= MAX_QUERY_PREFIXES:
                self.over_prefixes.append(raw)
                return None
            self.prefixes += 1
        room = MAX_QUERY_TERMS - self.terms
        size = len(node.words) if isinstance(node, Text) else 1
        if size <= room:
            self.terms += size
            return node
        if room <= 0 or not isinstance(node, Text):
            self.over_terms.append(raw)
            return None
        self.terms += room  # a long phrase: its first words
        self.over_terms.append(" ".join(word.text for word in node.words[room:]))
        kept = node.words[:room]
        return Text(kept, node.scope, phrase=node.phrase and len(kept) > 1)

    def over_limit(self, cut: str) -> tuple[str, ...]:
        """What the limits left out, one line each, saying which limit."""
        found = []
        if self.over_terms:
            left = _shown(" ".join(self.over_terms))
            found.append(f"{left} (a query keeps at most {MAX_QUERY_TERMS} words)")
        if self.over_prefixes:
            left = _shown(" ".join(self.over_prefixes))
            found.append(f"{left} (a query keeps at most {MAX_QUERY_PREFIXES} prefixes)")
        if cut.strip():
            found.append(f"{_shown(cut)} (past {MAX_QUERY_CHARS} characters)")
        return tuple(found)


def parse(text: str) -> Parsed:
    read, cut = _cut(text)
    parser = _Parser(read)
    node = parser.sequence(None, 0)
    if node is not None and _has_in_notes(node):
        node = _to_notes(node) or Filter("has", "highlights")  # in:notes alone
    return Parsed(node, tuple(parser.ignored), text, parser.over_limit(cut))


def _cut(text: str) -> tuple[str, str]:
    """The query's first MAX_QUERY_CHARS characters (to a space if there is one), the rest."""
    if len(text) <= MAX_QUERY_CHARS:
        return text, ""
    space = text.rfind(" ", 0, MAX_QUERY_CHARS + 1)
    end = space if space > 0 else MAX_QUERY_CHARS
    return text[:end], text[end:]


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_LEFT_OUT else text[: _SHOWN_LEFT_OUT - 1] + "…"


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
