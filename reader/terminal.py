"""Text from articles and files shown on a terminal: never a control sequence.

A title, source, snippet, note or name can hold ESC sequences (set the window title,
clear the screen, write the clipboard with OSC 52) or characters that reorder the line.
Printed raw they drive the terminal. :func:`printable` escapes them, visibly, as
Python does (``\\x1b``, ``\\u202e``); JSON output needs none of this (it is exact, and
``json.dumps`` escapes control characters itself).
"""

from __future__ import annotations

import re

# C0 controls (newline and tab included: a value is one line), DEL, C1 controls, lone
# surrogates, line and paragraph separators, and the bidirectional controls.
_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character escaped (see the module)."""
    return _CONTROL.sub(_escape, text)
