"""Article paths: always valid, printable UTF-8, mapped losslessly to and from the OS's names.

The OS may hand us names that are not text: a Latin-1 ``café.txt`` from an old ZIP
comes back from ``os.scandir`` as ``caf\\udce9.txt`` (Python's surrogate escape),
which SQLite, Whoosh, JSON and the terminal all refuse to encode. And a valid name
may hold a newline or an escape sequence that forges lines or drives the terminal.

Decision: :attr:`Article.path` (the catalog's key, the index's id, the path in
exports) is the OS name with a backslash escape, the same in every consumer:

- a byte that is not UTF-8 (a surrogate U+DC80–U+DCFF) → ``\\xNN`` (the byte);
- a control character (C0, DEL, C1) → ``\\xNN`` / ``\\u00NN``; other surrogates,
  line and paragraph separators and bidirectional controls → ``\\uNNNN``;
- a backslash → ``\\\\``.

Every other name (all names in practice) is its own article path, unchanged.
:func:`os_rel` undoes the escape exactly, so ``os_rel(article_rel(name)) == name``
for every name; only names with a backslash or one of the characters above get a
new article path (seen once as a move: same content, same identity).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

# Format characters that reorder or hide text (a name shown as "txt.exe" backwards),
# and the separators that start a new line.
_INVISIBLE = frozenset(
    [0x2028, 0x2029, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF]
)
_ESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|(\\))")


def _needs_escape(code: int) -> bool:
    return code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code in _INVISIBLE


def article_rel(os_name: str) -> str:
    """The article path of an OS path (relative, ``/``-separated, as ``os.fsdecode`` gives)."""
    if "\\" not in os_name and not any(_needs_escape(ord(ch)) for ch in os_name):
        return os_name  # the common case: unchanged
    out = []
    for ch in os_name:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif 0xDC80 <= code <= 0xDCFF:
            out.append(f"\\x{code - 0xDC00:02x}")  # the raw byte the OS gave
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}")
        elif _needs_escape(code):
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def os_rel(rel: str) -> str:
    """The OS path (surrogate-escaped str) of an article path: undoes :func:`article_rel`.

    A backslash not followed by one of the escapes is kept as it is (a catalog written
    before this scheme may hold one).
    """
    if "\\" not in rel:
        return rel

    def undo(match: re.Match[str]) -> str:
        if match[3]:
            return "\\"
        if match[1]:
            byte = int(match[1], 16)
            return chr(byte) if byte < 0x80 else chr(0xDC00 + byte)
        return chr(int(match[2], 16))

    return _ESCAPE.sub(undo, rel)


def os_path(root: Path, rel: str) -> Path:
    """The file of article path ``rel`` under ``root``: use it for every access to disk."""
    return root / os_rel(rel)


def display_stem(rel: str) -> str:
    """The file's name without extension, as a title: undecodable bytes read as
    Windows-1252 (``caf\\xe9`` → ``café``), control characters shown as ``�``."""
    stem = PurePosixPath(os_rel(rel)).stem
    try:
        raw = stem.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate of a Windows name: not a byte
        raw = stem.encode("utf-8", "replace")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    shown = "".join("\ufffd" if _needs_escape(ord(ch)) else ch for ch in text)
    return " ".join(shown.split()) or "untitled"
