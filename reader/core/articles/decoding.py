"""Bytes → text for article files: binary detection, encodings, line ends.

Decision: no charset-guessing dependency. Article files in practice are UTF-8
(with or without BOM), UTF-16 with a BOM, or a Western single-byte encoding
(Windows-1252 / Latin-1). UTF-8 is strict enough that a file which decodes
as UTF-8 almost certainly is UTF-8; otherwise Windows-1252 is a superset of
Latin-1's printable range, so it decodes both correctly; the five bytes
Windows-1252 leaves undefined fall back to Latin-1.

A file of mixed encodings (a UTF-8 title over a body pasted from a Latin-1 file, or
the reverse) is decoded as UTF-8 wherever it is valid UTF-8 and byte by byte as
Windows-1252 elsewhere, as soon as one real UTF-8 character (a valid multi-byte
sequence) is in it: each part then reads as written, where decoding the whole file
as Windows-1252 turned every UTF-8 accent into mojibake ("CafÃ©"). A Windows-1252
text only rarely holds a valid UTF-8 sequence by chance (an "Ã" followed by a
symbol), and then two characters read wrong, not the file.
"""

from __future__ import annotations

import codecs
import re
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


# A valid UTF-8 multi-byte sequence (no overlongs, no surrogates, up to U+10FFFF).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
MIXED = "utf-8+cp1252"


def _single_byte(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 rejects, read one by one as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    text = "".join(_cp1252_byte(byte) for byte in bad)
    return text, error.end


def _cp1252_byte(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)  # one of the five bytes cp1252 leaves undefined: as Latin-1


codecs.register_error("article-reader-cp1252", _single_byte)


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
    if _UTF8_MULTIBYTE.search(data):  # some real UTF-8: each part as written
        text = data.decode("utf-8", errors="article-reader-cp1252")
        return DecodedText(_normalise_newlines(text), MIXED)
    text = data.decode("cp1252", errors="replace")
    if "\ufffd" in text:  # one of the five bytes cp1252 leaves undefined
        return DecodedText(_normalise_newlines(data.decode("latin-1")), "latin-1")
    return DecodedText(_normalise_newlines(text), "cp1252")


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
