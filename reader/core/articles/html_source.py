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
part, decoded by the charset of that part. Only its first ``MAX_PAGE_PARTS`` parts are
read (browsers write the page first, then its images, styles and fonts), and an archive
of more than ``MAX_PAGE_SECTIONS`` multipart sections is refused before it is parsed:
the MIME parser recurses once per nested section. Both are counted on the bytes, by the
``Content-Type`` headers and the boundary lines, so that no parser runs on a hostile
archive first.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import itertools
import re
from email.errors import InvalidBase64LengthDefect
from email.message import Message

from reader.core.articles.decoding import DecodedText, DecodeError, decode, looks_binary
from reader.core.limits import MAX_PAGE_PARTS, MAX_PAGE_SECTIONS

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
# A header that opens a section of parts (its continuation lines with it).
_SECTION_HEADER = re.compile(
    rb"^content-type:[ \t]*(?:\r?\n[ \t]+)?(?:multipart|message)/[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*",
    re.IGNORECASE | re.MULTILINE,
)
_BOUNDARY = re.compile(rb"""boundary\s*=\s*(?:"([^"\r\n]+)"|([^\s;"]+))""", re.IGNORECASE)


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
    try:  # compat32: the default policy parses each header, ten times slower
        read = _first_parts(data)
        message = email.message_from_bytes(read, policy=email.policy.compat32)
        parts = list(message.walk())
    except RecursionError:  # sections the count did not see (lines ending in a bare CR)
        raise DecodeError(_too_many_sections(None)) from None
    for part in parts:
        if part.get_content_type() != "text/html":
            continue
        payload = _payload(part)
        if payload is None:
            continue
        label = part.get_content_charset() or ""
        codec = declared_charset(f'<meta charset="{label}">'.encode("ascii", "replace"))
        if codec:
            try:
                return DecodedText(_without_declaration(payload.decode(codec)), codec)
            except UnicodeDecodeError:
                pass  # declared wrongly: as the page itself says, or as any text
        return decode_page(payload)
    if len(read) < len(data):
        raise DecodeError(f"no web page in the first {MAX_PAGE_PARTS:,} parts of this MHTML file")
    raise DecodeError("no web page in this MHTML file")


def _first_parts(data: bytes) -> bytes:
    """The archive up to its ``MAX_PAGE_PARTS``-th part; DecodeError past MAX_PAGE_SECTIONS."""
    headers = _SECTION_HEADER.findall(data)
    if len(headers) > MAX_PAGE_SECTIONS:
        raise DecodeError(_too_many_sections(len(headers)))
    boundaries = set()
    for header in headers:
        found = _BOUNDARY.search(header)
        if found is not None:
            boundaries.add(found.group(1) or found.group(2))
    if not boundaries:
        return data
    ordered = sorted(boundaries, key=len, reverse=True)  # the longest of a shared prefix
    delimiter = re.compile(
        rb"^--(?:" + b"|".join(map(re.escape, ordered)) + rb")[ \t]*\r?$", re.MULTILINE
    )
    beyond = next(itertools.islice(delimiter.finditer(data), MAX_PAGE_PARTS, None), None)
    return data if beyond is None else data[: beyond.start()]


def _too_many_sections(count: int | None) -> str:
    counted = f"{count:,}; " if count is not None else ""
    return f"too many nested sections in this page archive ({counted}limit {MAX_PAGE_SECTIONS:,})"


def _payload(part: Message) -> bytes | None:
    """The part's bytes, decoded from its transfer encoding; None when it has none.

    DecodeError when its base64 cannot be decoded: the parser then gives the encoded
    text back (or nothing), which would be read as the page.
    """
    before = len(part.defects)
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return None
    undecodable = any(isinstance(d, InvalidBase64LengthDefect) for d in part.defects[before:])
    raw = part.get_payload(decode=False)
    if undecodable or (not payload and isinstance(raw, str) and raw.strip()):
        encoding = str(part.get("content-transfer-encoding", "")).strip().lower()
        why = f" (bad {encoding})" if encoding else ""
        raise DecodeError(f"the web page in this archive could not be decoded{why}")
    return payload


def _without_declaration(text: str) -> str:
    return _DECLARATION.sub("", text, count=1)
