"""``show --format markdown``: the article's Markdown with only the escapes it needs.

The parsers escape every character Markdown could ever read as markup
(:mod:`reader.core.articles.markdown_escape`), which is right for the reading pane
that renders it, and noise for a reader of the Markdown itself: ``thirty\\-two``,
``Sein\\.``. Here an escape is kept only where its character would otherwise be
markup: ``-``, ``+``, ``>`` and ``#`` where a line's text starts, a ``.`` or ``)``
after a line's leading number (a list), ``*`` unless it stands alone between spaces,
``_`` unless inside a word, ``!`` before ``[``, ``(`` after ``]``, a backslash before
punctuation, ``|`` on a line that could be a table's rule; always for backticks,
brackets and braces (code, links, attributes). ``&amp;`` and ``&lt;`` become ``&`` and
``<`` unless an entity or a tag would follow. The result renders as the original does
(a property test says so); what cannot be judged line by line (code, raw HTML, link
definitions) is left as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ESCAPABLE_CHARS = "\\`*_{}[]()>#+-.!|"  # Python-Markdown's, with tables' |
_ESCAPABLE = re.escape(_ESCAPABLE_CHARS)
_UNIT = re.compile(
    r"(?P<dest>\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\))"
    rf"|\\(?P<escaped>[{_ESCAPABLE}])|(?P<entity>&amp;|&lt;)|(?P<raw>.)",
    re.DOTALL,
)
# Where a line's text starts: after its indentation and block markers (quote, list,
# heading, a definition's colon).
_LEAD = re.compile(r"[ \t]*(?:(?:>|[-+*:](?=[ \t])|\d{1,9}[.)](?=[ \t])|#{1,6}(?=[ \t]))[ \t]*)*")
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
_UNTOUCHED = re.compile(r"^(?:[ ]{4}|\t)|^[ ]{0,3}\[[^\]]*\]:|<[A-Za-z/!?]", re.MULTILINE)
_TABLE_RULE = re.compile(r"[\s|:\\-]*")
_CODE_TICK = re.compile(r"\\.|`", re.DOTALL)  # a backtick not escaped starts code
_ENTITY_NEXT = re.compile(r"[#\w]")  # Python-Markdown reads "&#1" as an entity too
_TAG_NEXT = re.compile(r"[A-Za-z/!?]")


@dataclass(frozen=True)
class _Unit:
    char: str  # what it reads as
    text: str  # as written
    escaped: bool  # \X, &amp; or &lt;


def lean_markdown(markdown: str) -> str:
    """``markdown`` with the escapes it does not need removed (see the module)."""
    lines = markdown.split("\n")
    out: list[str] = []
    fence = ""
    paragraph: list[str] = []
    for line in lines:
        opening = _FENCE.match(line)
        if fence or opening:
            out += _lean_paragraph(paragraph)
            paragraph = []
            out.append(line)
            if opening and not fence:
                fence = opening.group(1)
            elif opening and opening.group(1).startswith(fence):
                fence = ""
        elif not line.strip():
            out += [*_lean_paragraph(paragraph), line]
            paragraph = []
        else:
            paragraph.append(line)
    return "\n".join(out + _lean_paragraph(paragraph))


def _lean_paragraph(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    ticks = [m for m in _CODE_TICK.finditer(text) if m.group(0) == "`"]
    if ticks or _UNTOUCHED.search(text):
        return lines
    return [_lean_line(line) for line in lines]


def _lean_line(line: str) -> str:
    start = _LEAD.match(line)
    first = start.end() if start else 0
    units: list[_Unit] = []
    starts: list[int] = []
    for match in _UNIT.finditer(line):
        starts.append(match.start())
        if match.group("dest"):
            units.append(_Unit("]", match.group(0), False))  # a link's target, as it is
        elif escaped := match.group("escaped"):
            units.append(_Unit(escaped, match.group(0), True))
        elif entity := match.group("entity"):
            units.append(_Unit("&" if entity == "&amp;" else "<", entity, True))
        else:
            units.append(_Unit(match.group(0), match.group(0), False))
    table_rule = _TABLE_RULE.fullmatch(line) is not None
    out = []
    text_start = next((n for n, at in enumerate(starts) if at >= first), len(units))
    for n, unit in enumerate(units):
        if unit.escaped and not _needed(units, n, text_start, table_rule):
            out.append(unit.char)
        else:
            out.append(unit.text)
    return "".join(out)


def _needed(units: list[_Unit], n: int, text_start: int, table_rule: bool) -> bool:
    """Whether the escaped ``units[n]`` would be markup without its escape (the line's
    text starts at ``units[text_start]``)."""
    at_start = n == text_start
    char = units[n].char
    before = units[n - 1].char if n else ""
    after = units[n + 1] if n + 1 < len(units) else None
    following = after.char if after else ""
    rest = "".join(unit.char for unit in units[n + 1 :])
    if units[n].text in ("&amp;", "&lt;"):
        pattern = _ENTITY_NEXT if char == "&" else _TAG_NEXT
        return pattern.match(rest) is not None
    if char == "\\":
        return after is None or after.escaped or following in _ESCAPABLE_CHARS
    if char in "-+>":
        return at_start
    if char == "#":
        return at_start or not rest.strip("# \t")
    if char in ".)":
        number = "".join(unit.char for unit in units[text_start:n])
        return number.isdigit()  # "1." or "1)" where a line's text starts: a list
    if char == "*":
        return at_start or not (before.isspace() and following.isspace())
    if char == "_":
        return not (_word(before) and _word(following))
    if char == "!":
        return following == "["
    if char == "(":
        return before == "]"
    if char == "|":
        return table_rule
    return True  # ` [ ] { }: code, links, attributes wherever they stand


def _word(char: str) -> bool:
    return char.isalnum()
