"""The extracted article (trafilatura's XML body) → Markdown, and its plain text.

The reading pane shows every article through the same Markdown → HTML pipeline
(:mod:`reader.core.render`), so a saved page gets the typography of Markdown articles
and its reading text (where highlights anchor) comes out the same way.

Trafilatura's body is a small TEI-like vocabulary: ``head`` (``rend="h2"``), ``p``,
``list``/``item``, ``quote``, ``table``/``row``/``cell``, ``code``, ``graphic``, and
inline ``hi`` (bold, italic, code), ``ref`` (links) and ``lb`` (line breaks).
Text is escaped as for text files, so nothing in it is read as Markdown or HTML.

- a line break (``lb``) ends a paragraph: pages that separate their paragraphs with
  ``<br><br>`` read as paragraphs;
- links keep their target only when it is a web or mail address (a site's relative
  links lead nowhere in a saved copy);
- an image shows when its source is a file inside the page's own folder (its
  ``Name_files/``): kept as a relative path; any other image stays a remote Markdown
  image (its address made absolute with the page's own, when it is relative to the
  site), which the renderer shows as its alt text, or "image", and never loads; an
  image with no web address (an inline ``data:`` image, a site-relative one on a page
  that does not say its address) is left out.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urljoin, urlsplit

from lxml.etree import _Element

from reader.core.articles.markdown_escape import escape_markdown

MAX_NESTING = 20  # deeper lists and quotes are flattened (the renderer stops at 40)
_LINK_SCHEMES = ("http", "https", "mailto")
_MENU_UNLINKED_WORDS = 3  # a menu's entry for the page it is on, which is no link
# Schemes of addresses, not file names (render.REMOTE_SCHEMES has the full list).
_URL_SCHEMES = frozenset(
    {"http", "https", "ftp", "file", "data", "javascript", "blob", "about", "cid", "mid"}
)
_EMPHASIS = {"#b": "**", "#i": "*"}
_SPACE = re.compile(r"\s+")
_BLOCK_TAGS = frozenset({"p", "head", "list", "quote", "table", "code", "div"})
# A link or image whose address is written "(<…>)", as this module writes them all.
_LINK = re.compile(r"!?\[((?:[^\[\]\\]|\\.)*)\]\(<[^<>]*>\)")


@dataclass
class Converted:
    markdown: str
    images: list[str] = field(default_factory=list)  # the local images kept (relative paths)


def to_markdown(body: _Element, page_url: str = "") -> Converted:
    """Markdown of an extracted body (see the module's docstring); ``page_url``: the
    page's own address, if known (relative image addresses are relative to it)."""
    writer = _Writer(page_url)
    writer.blocks(body, 0)
    return Converted(
        markdown="\n\n".join(writer.out).strip("\n"),
        images=writer.images,
    )


def local_image(source: str) -> str | None:
    """A relative image path inside the page's folder, URL-quoted for Markdown; else None.

    ``shot12:30.png`` is a file (as in :mod:`reader.core.render`); ``C:/x.png``, an
    absolute path, a ``../`` path and any URL are not.
    """
    source = source.strip()
    parts = urlsplit(source)
    scheme = parts.scheme.lower()
    if scheme in _URL_SCHEMES or len(scheme) == 1 or source.startswith(("/", "\\")):
        return None
    path = unquote(source if scheme else parts.path).replace("\\", "/")
    path = posixpath.normpath(path)
    if path in ("", ".", "..") or path.startswith("../"):
        return None
    return quote(path, safe="/!$&'*+,;=@-._~")


class _Writer:
    def __init__(self, page_url: str = "") -> None:
        self.out: list[str] = []
        self.images: list[str] = []
        self.page_url = page_url

    # --- blocks ------------------------------------------------------------------------

    def blocks(self, parent: _Element, depth: int) -> None:
        """Each child of ``parent`` as blocks; loose text between them as paragraphs."""
        if parent.text and parent.text.strip():
            self._paragraphs([escape_markdown(parent.text)])
        for child in parent:
            self.block(child, depth)
            if child.tail and child.tail.strip():
                self._paragraphs([escape_markdown(child.tail)])

    def block(self, element: _Element, depth: int) -> None:
        tag = element.tag
        if tag == "head":
            level = str(element.get("rend") or "h2")[1:]
            marks = "#" * (int(level) if level.isdigit() and 1 <= int(level) <= 6 else 2)
            text = " ".join(self._inline_lines(element, images=False))
            if text:
                self.out.append(f"{marks} {text}")
        elif tag in ("list", "quote") and depth >= MAX_NESTING:
            self.blocks(element, depth)  # too deep: its items as plain paragraphs
        elif tag == "list":
            self._list(element, depth)
        elif tag == "quote":
            inner = _Writer(self.page_url)
            inner.blocks(element, depth + 1)
            if inner.out:
                quoted = "\n\n".join(inner.out)
                lines = quoted.split("\n")
                self.out.append("\n".join(f"> {line}" if line else ">" for line in lines))
                self.images.extend(inner.images)
        elif tag == "table":
            self._table(element)
        elif tag == "code":
            self._code(element)
        elif tag == "graphic":
            self._image(element)
        elif tag in ("item", "cell", "row", "div", "body", "section"):
            self.blocks(element, depth)
        else:  # p and anything unexpected: its text as paragraphs
            self._paragraphs(self._inline_lines(element, images=True))

    def _paragraphs(self, lines: list[str]) -> None:
        for line in lines:
            line = line.strip()
            if not line:
                continue
            self.out.append(line)

    def _list(self, element: _Element, depth: int) -> None:
        ordered = element.get("rend") == "ol"
        lines: list[str] = []
        number = 0
        for item in element:
            if item.tag != "item":
                continue
            inner = _Writer(self.page_url)
            inner.blocks(item, depth + 1)
            if not inner.out:
                continue
            number += 1
            marker = f"{number}. " if ordered else "- "
            self.images.extend(inner.images)
            item_lines = "\n\n".join(inner.out).split("\n")
            lines.append(marker + item_lines[0])
            lines.extend(f"    {line}" if line else "" for line in item_lines[1:])
        if lines:
            self.out.append("\n".join(lines))

    def _table(self, element: _Element) -> None:
        if any(child.tag in _BLOCK_TAGS for cell in element.iter("cell") for child in cell):
            self._layout_table(element)
            return
        rows = []
        for row in element.iter("row"):
            cells = [" ".join(self._inline_lines(cell, images=False)) for cell in row]
            if any(cells):
                rows.append(cells)
        if not rows:
            return
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        lines = [f"| {' | '.join(rows[0])} |", "|" + "---|" * width]
        lines += [f"| {' | '.join(row)} |" for row in rows[1:]]
        self.out.append("\n".join(lines))

    def _layout_table(self, element: _Element) -> None:
        """A table that lays out a page (its cells hold paragraphs): its cells' blocks in
        order, less the menus: cells of links, but for the current page's name (a menu
        does not link to the page it is on)."""
        for cell in element.iter("cell"):
            if not only_links(cell, spare=_MENU_UNLINKED_WORDS):
                self.blocks(cell, 0)

    def _code(self, element: _Element) -> None:
        code = "".join(element.itertext()).strip("\n")
        if not code.strip():
            return
        fence = "```"
        while fence in code:
            fence += "`"
        self.out.append(f"{fence}\n{code}\n{fence}")

    def _image(self, element: _Element) -> None:
        markdown = self._image_markdown(element)
        if markdown:
            self.out.append(markdown)

    def _image_markdown(self, element: _Element) -> str:
        source = str(element.get("src") or "")
        alt = _SPACE.sub(" ", str(element.get("alt") or "")).strip()
        local = local_image(source)
        if local is not None:
            self.images.append(unquote(local))
            return f"![{escape_markdown(alt)}](<{local}>)"
        address = _web_address(source.strip(), self.page_url)
        if address:  # never loaded: the renderer shows its alt text, or "image"
            return f"![{escape_markdown(alt)}](<{_escape_url(address)}>)"
        return ""  # an inline data: image, an address relative to an unknown one

    # --- inline ------------------------------------------------------------------------

    def _inline_lines(self, element: _Element, images: bool) -> list[str]:
        """The element's inline content as Markdown lines: a line break starts a new one,
        an image is a line of its own (or left out, without ``images``)."""
        lines = [""]
        self._inline(element, lines, images, outer=True)
        return [_SPACE.sub(" ", line).strip() for line in lines if line.strip()]

    def _inline(self, element: _Element, lines: list[str], images: bool, outer: bool) -> None:
        tag = element.tag
        if not outer:
            if tag == "lb":
                lines.append("")
                self._tail(element, lines)
                return
            if tag == "graphic":
                markdown = self._image_markdown(element) if images else ""
                if markdown:
                    lines.extend([markdown, ""])
                self._tail(element, lines)
                return
            if tag in ("hi", "ref", "code", "del"):
                self._wrapped(element, lines, images)
                self._tail(element, lines)
                return
        if element.text:
            lines[-1] += escape_markdown(element.text)
        for child in element:
            self._inline(child, lines, images, outer=False)
        if not outer:
            self._tail(element, lines)

    def _tail(self, element: _Element, lines: list[str]) -> None:
        if element.tail:
            lines[-1] += escape_markdown(element.tail)

    def _wrapped(self, element: _Element, lines: list[str], images: bool) -> None:
        """Bold, italic, code or a link around each line of its content."""
        inner = [""]
        if element.text:
            inner[-1] += escape_markdown(element.text)
        for child in element:
            self._inline(child, inner, images, outer=False)
        tag, rend = element.tag, str(element.get("rend") or "")
        target = str(element.get("target") or "").strip()
        for index, text in enumerate(inner):
            if index:
                lines.append("")
            if text.startswith("!["):  # an image inside a link or bold: as it is
                lines[-1] += text
                continue
            stripped = text.strip()
            if not stripped:
                lines[-1] += text
                continue
            lead = text[: len(text) - len(text.lstrip())] and " "
            trail = text[len(text.rstrip()) :] and " "
            if tag == "ref" and urlsplit(target).scheme.lower() in _LINK_SCHEMES:
                stripped = f"[{stripped}](<{_escape_url(target)}>)"
            elif tag == "hi" and rend in _EMPHASIS:
                stripped = f"{_EMPHASIS[rend]}{stripped}{_EMPHASIS[rend]}"
            lines[-1] += f"{lead}{stripped}{trail}"


def _web_address(source: str, page_url: str) -> str:
    """The image's web address (``//host/x`` as written), else "" (``data:`` and such)."""
    if source.startswith("//"):
        return source
    try:
        scheme = urlsplit(source).scheme.lower()
        if not scheme and page_url and source:
            source = urljoin(page_url, source)
            scheme = urlsplit(source).scheme.lower()
    except ValueError:  # "http://[x"
        return ""
    return source if scheme in ("http", "https") else ""


def _escape_url(url: str) -> str:
    """A URL inside ``<…>``: no angle brackets, blanks or newlines in it."""
    return quote(url, safe="/:?#[]@!$&'*+,;=%-._~")


def only_links(element: _Element, spare: int = 0) -> bool:
    """True when every word of ``element`` is the text of a link (a menu, a list of links),
    or all but ``spare`` words when it holds two links or more."""
    words = len("".join(element.itertext()).split())
    links = list(element.iter("ref"))
    in_links = sum(len("".join(ref.itertext()).split()) for ref in links)
    return in_links >= words - (spare if len(links) >= 2 else 0)


def strip_links(markdown: str) -> str:
    """Markdown with its images and links as their text only (no addresses)."""
    return _LINK.sub(r"\1", markdown)
