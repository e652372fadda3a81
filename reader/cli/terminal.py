"""What the command line writes to a terminal: escaped text, a progress bar, one-line errors.

Text from articles and files shown on a terminal is never a control sequence.

A title, source, snippet, note or name can hold ESC sequences (set the window title,
clear the screen, write the clipboard with OSC 52) or characters that reorder the line.
Printed raw they drive the terminal. :func:`printable` escapes them, visibly, as
Python does (``\\x1b``, ``\\u202e``); JSON output needs none of this (it is exact, and
``json.dumps`` escapes control characters itself).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import TextIO

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


def warn(message: str) -> None:
    """One line on stderr, named for the program, as every command's complaint is."""
    print(printable(f"article-reader: {message}"), file=sys.stderr)


def fail(message: str, status: int = 2) -> int:
    """:func:`warn`, then the exit status: 2 for a bad argument or library, 1 for an
    article that cannot be read."""
    warn(message)
    return status


def reader_gone() -> int:
    """The exit status when the reader of our output has gone (``| head``): 0, quietly.
    Not a SIGPIPE death (141): the reader asked for no more, nothing failed, and a
    ``set -o pipefail`` script stays whole. What is left to print goes nowhere (Python
    would complain of the pipe again when it flushes at exit)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # no descriptor: a test's capture
            os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    return 0


class TerminalProgress:
    """A progress bar rewritten in place on stderr, only when stderr is a terminal."""

    WIDTH = 28

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.active = stream.isatty()
        self.shown = False

    def __call__(self, done: int, total: int, message: str) -> None:
        if not self.active:
            return
        if total:
            filled = round(self.WIDTH * done / total)
            bar = "█" * filled + "░" * (self.WIDTH - filled)
            line = f"{bar} {100 * done // total:3d}%  {message} {done}/{total}"
        else:
            line = f"{message}…"
        self.stream.write(f"\r\x1b[K{line}")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
