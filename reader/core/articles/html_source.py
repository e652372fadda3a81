"""A saved page's bytes → its HTML as text: the page's own charset, else as text files.

Order, as browsers do: a byte order mark; the charset the page declares in its first
kilobytes (``<meta charset>``, ``<meta http-equiv="Content-Type">``, or an XML
declaration for XHTML); else :func:`reader.core.articles.decoding.decode` (UTF-8, then
mixed UTF-8 and Windows-1252, then Windows-1252), as for any text file. A declared
``iso-8859-1``/``latin1``/``us-ascii`` reads as Windows-1252, as the HTML standard says
(pages that declare Latin-1 are written in it). A declared charset that is unknown, or
that the bytes do not fit,
falls back the same way as an undeclared one; so does a page declared in a single-byte
charset whose bytes are valid UTF-8 beyond ASCII (an editor re-saved it as UTF-8 and
kept its ``<meta>``: such bytes are almost never meant as Windows-1252).

A single-file page (``.mhtml``/``.mht``, a MIME message) gives its first ``text/html``
part, decoded by the charset of that part.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re
from email.message import EmailMessage

from reader.core.articles.decoding import DecodedText, DecodeError, decode, looks_binary

MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})
_SNIFF_BYTES = 4096  # browsers look in the first 1,024; saved pages put comments first
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# The HTML standard's labels that mean Windows-1252 (its superset of Latin-1).
_WINDOWS_1252 = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819",
     "ibm819", "iso_8859-1", "iso-ir-100", "x-cp1252", "windows-1252", "cp1252"}
)  # fmt: skip
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")  # lxml refuses it in a str


def declared_charset(data: bytes) -> str:
    """The Python codec the page declares, or "" (none, or one Python does not know)."""
    head = data[:_SNIFF_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return ""
    label = match.group(1).decode("ascii", "replace").strip().lower()
    if label in _WINDOWS_1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return ""
    # A page cannot really be UTF-16 once its declaration was readable as ASCII.
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def decode_page(data: bytes) -> DecodedText:
    """The page's HTML as text (line ends as found: HTML does not care), no XML declaration.

    Raises :class:`DecodeError` for a binary file.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding.upper()} text") from exc
            return DecodedText(_without_declaration(text), encoding)
    if looks_binary(data):
        raise DecodeError("binary file, not a web page")
    charset = declared_charset(data)
    if charset and charset != "utf-8" and not data.isascii():
        try:  # valid UTF-8 beyond ASCII is UTF-8, whatever an older <meta> still says
            return DecodedText(_without_declaration(data.decode("utf-8")), "utf-8")
        except UnicodeDecodeError:
            pass
    if charset:
        try:
            return DecodedText(_without_declaration(data.decode(charset)), charset)
        except UnicodeDecodeError:
            pass  # declared wrongly: read it as any text file
    decoded = decode(data)
    return DecodedText(_without_declaration(decoded.text), decoded.encoding)


def mhtml_page(data: bytes) -> DecodedText:
    """The HTML of a single-file page (MHTML): its first ``text/html`` part.

    Raises :class:`DecodeError` when there is none.
    """
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() != "text/html" or not isinstance(part, EmailMessage):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        label = part.get_content_charset() or ""
        codec = declared_charset(f'<meta charset="{label}">'.encode("ascii", "replace"))
        if codec:
            try:
                return DecodedText(_without_declaration(payload.decode(codec)), codec)
            except UnicodeDecodeError:
                pass  # declared wrongly: as the page itself says, or as any text
        return decode_page(payload)
    raise DecodeError("no web page in this MHTML file")


def _without_declaration(text: str) -> str:
    return _DECLARATION.sub("", text, count=1)
