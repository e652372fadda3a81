"""Bytes → text for article files: binary detection, encodings, line ends.

Decision: no charset-guessing dependency. Article files in practice are UTF-8
(with or without BOM), UTF-16 with a BOM, or a Western single-byte encoding
(Windows-1252 / Latin-1). UTF-8 is strict enough that a file which decodes
as UTF-8 almost certainly is UTF-8; otherwise Windows-1252 is a superset of
Latin-1's printable range, so it decodes both correctly; the five bytes
Windows-1252 leaves undefined fall back to Latin-1.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


class DecodeError(ValueError):
    """The bytes are not text we can show (binary, or an unknown encoding)."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in text files (tab, LF, FF, CR excluded).
_CONTROL = bytes(sorted(set(range(0, 9)) | {11} | set(range(14, 32)) - {27}))


def looks_binary(data: bytes) -> bool:
    """True for content that is not text: NUL bytes or many control characters."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))  # counted in C
    return controls / len(sample) > 0.05


def decode(data: bytes) -> DecodedText:
    """Decode an article file's bytes; line ends become ``\\n``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding.upper()} text") from exc
            return DecodedText(_normalise_newlines(text.lstrip("\ufeff")), encoding)
    if looks_binary(data):
        raise DecodeError("binary file, not text")
    try:
        return DecodedText(_normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if "\ufffd" in text:  # one of the five bytes cp1252 leaves undefined
        return DecodedText(_normalise_newlines(data.decode("latin-1")), "latin-1")
    return DecodedText(_normalise_newlines(text), "cp1252")


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
