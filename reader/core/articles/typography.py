"""French typography for the reading pane: a narrow no-break space (U+202F) before
``? ! : ;`` and inside « », where the text has a plain space or none, so that a lone
``?`` never wraps onto a line of its own.

Only the pane's HTML is changed, never the reading text highlights anchor on
(:mod:`reader.core.annotations.reading_text`): the pane's document is paired with the
reading text by :class:`reader.core.annotations.offset_map.OffsetMap`, for which U+202F is
whitespace (it matches the space it replaces, and an inserted one is skipped).
"""

from __future__ import annotations

import html
import re

NARROW = "\u202f"
# Qt's HTML reader collapses U+202F into a plain space, as it does any whitespace but
# U+00A0, except where white space is kept: the pane gets each one in such a span.
NARROW_HTML = f'<span style="white-space:pre-wrap">{NARROW}</span>'
_TAG = re.compile(r"(<[^>]*>)")
_VERBATIM = re.compile(r"<(/?)(pre|code)\b", re.I)
_SPACED_HIGH = re.compile(r"[ \xa0]+(?=[?!:;])")  # "Pourquoi ?" → "Pourquoi\u202f?"
_BARE_HIGH = re.compile(r"(?<=[^\W\d_])(?=[?!;])|(?<=[^\W\d_])(?=:(?:\s|$))")  # "quoi?"
_OPEN_QUOTE = re.compile(r"«[ \xa0]*")
_CLOSE_QUOTE = re.compile(r"[ \xa0]*»")


def french_spacing(text: str) -> str:
    """Plain text with French spacing: high punctuation and guillemets get U+202F."""
    text = _SPACED_HIGH.sub(NARROW, text)
    text = _BARE_HIGH.sub(NARROW, text)
    text = _OPEN_QUOTE.sub("«" + NARROW, text)
    return _CLOSE_QUOTE.sub(NARROW + "»", text)


def french_spacing_html(markup: str) -> str:
    """:func:`french_spacing` on the text of an HTML fragment, not its tags, entities
    or code (``<pre>``, ``<code>``). Each U+202F is in a span that keeps it (``NARROW_HTML``)."""
    out: list[str] = []
    verbatim = 0
    for piece in _TAG.split(markup):
        if piece.startswith("<"):
            tag = _VERBATIM.match(piece)
            if tag:
                verbatim = max(0, verbatim + (-1 if tag.group(1) else 1))
            out.append(piece)
        elif verbatim or not piece:
            out.append(piece)
        else:
            text = html.unescape(piece)
            spaced = french_spacing(text)
            if spaced == text:
                out.append(piece)
            else:
                escaped = html.escape(spaced, quote=False)
                out.append(escaped.replace(NARROW, NARROW_HTML))
    return "".join(out)


_OPENING_QUOTES = '"“„«'
_CLOSING_QUOTES = '"”»'


def unquoted(quote: str) -> tuple[str, bool]:
    """A quoted passage (a highlight's words) ready to be put between our own quote marks:
    its whitespace collapsed and its own marks at its edges taken off, so that a passage
    selected with its marks is not shown between two pairs (``""Compte…"``). The flag is
    False for a passage that opens with its own mark and closes it inside (``"Oui", dit-il``):
    shown as written, it needs no marks of ours."""
    text = " ".join(quote.split())
    opens, closes = text[:1] in _OPENING_QUOTES, text[-1:] in _CLOSING_QUOTES
    if opens and not closes:
        return text, False
    if opens:
        text = text[1:]
    if closes:
        text = text[:-1]
    return text.strip(), True
