"""Article → sanitized HTML for the reading pane.

Articles are untrusted: markdown is rendered, then cleaned with nh3 (no
scripts, no styles, no event handlers, no remote images). Quotes, apostrophes
and accents are kept exactly as written (no "smart" substitutions).

Rendering has a size, a depth and a work budget (:mod:`reader.core.limits`):
Python-Markdown is quadratic on some inputs (a page of unclosed "[") and recurses once
per nesting level. Past a budget the body is shown as plain text, and :class:`Rendered`
says why. A render can also be stopped by its caller (``should_stop``: a newer article
was asked for), which raises :class:`RenderStopped`.

An article is rendered once (:func:`render_body`): the page (:func:`page_html`) and the
reading text highlights anchor on (``reader.core.annotations.reading_text``) are both
made from that one :class:`Rendered`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import markdown
import nh3

from reader.core.articles.article import Article
from reader.core.articles.dates import format_date as format_date
from reader.core.articles.dates import short_date as short_date
from reader.core.articles.typography import french_spacing_html
from reader.core.limits import MAX_RENDER_CHARS, MAX_RENDER_DEPTH, MAX_RENDER_SECONDS
from reader.core.work_budget import OverBudget, StopAsked, within

_EXTENSIONS = ("extra", "sane_lists")
# Python-Markdown imports its extensions the first time they are asked for. Asked here,
# when this module is imported, so that a render stopped by its budget (an exception
# raised from a profile hook, wherever the render is) never stops an import halfway,
# leaving its source file open.
markdown.Markdown(extensions=list(_EXTENSIONS))

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "u", "ul", "dl", "dt", "dd",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"align"},
               "td": {"align"}, "em": {"class"}}  # fmt: skip
_LINK_SCHEMES = {"http", "https", "mailto"}
_BYLINE_WORDS = {
    "en": ("{n} words", "1 word", "{n} min read"),
    "fr": ("{n} mots", "1 mot", "{n} min de lecture"),
}
# "[^<>]*": from each "<img" the scan stops at the next tag, so the whole pass is linear.
IMAGE_ALT_CLASS = "image-alt"  # of the text shown in place of an image that cannot show
_IMG = re.compile(r"<img\b[^<>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# URL schemes: an image source starting with one of these (or "//") is not a file of the
# article's folder. Anything else is a file name, even "shot12:30.png" ("./" is put
# before it so that nh3 and Qt read it as a relative path, not a URL of scheme "shot12").
REMOTE_SCHEMES = frozenset(
    {
        "http", "https", "ftp", "ftps", "sftp", "file", "data", "javascript", "vbscript",
        "mailto", "about", "blob", "ws", "wss", "qrc", "gopher", "news", "nntp", "telnet",
        "ssh", "smb", "nfs", "irc", "ircs", "tel", "sms", "chrome", "resource", "jar",
        "view-source", "ldap", "git", "svn", "rtsp", "rtmp", "ipfs", "ipns", "magnet", "urn",
        "cid", "mid", "feed", "webcal", "content", "ms-appx", "ms-appdata",
    }
)  # fmt: skip
NOTICE_CLASS = "notice"


# A line's block prefix: blanks, quote marks and list markers (each marker is a level).
_BLOCK_PREFIX = re.compile(r"(?:[ \t]*(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*")
_MARKER = re.compile(r">|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t])")


class RenderTooComplex(Exception):
    """The Markdown went past the render budget; the message says which."""


class RenderStopped(Exception):
    """The caller's ``should_stop`` said so: the render (and what needed it) is moot."""


def _never() -> bool:
    return False


@dataclass(frozen=True)
class Rendered:
    """HTML for the reading pane; ``fallback`` says why it is plain text ("" if it is not).

    ``paragraphs``: for plain text, the paragraphs the HTML shows, whitespace collapsed
    (the reading text's lines, without parsing the HTML again); None for Markdown.
    """

    html: str
    fallback: str = ""
    paragraphs: tuple[str, ...] | None = None


def is_remote(source: str) -> bool:
    """True when an image source is a URL (or protocol-relative), not a local file name."""
    source = source.strip()
    if source.startswith(("//", "\\\\")):
        return True
    scheme = _SCHEME.match(source)
    return scheme is not None and scheme.group(1).lower() in REMOTE_SCHEMES


def _keep_local_images(element: str, attribute: str, value: str) -> str | None:
    """Drop remote image sources: a tracking pixel must never load."""
    if element == "img" and attribute == "src" and is_remote(html.unescape(value)):
        return None
    return value


def _remote_images_as_text(raw: str) -> str:
    """A remote image never loads (privacy): its alt text is shown in its place."""

    def replace(match: re.Match[str]) -> str:
        attributes = dict(_ATTRIBUTE.findall(match.group()))
        source = html.unescape(attributes.get("src", ""))
        if source and not is_remote(source):
            if _SCHEME.match(source):  # "shot12:30.png": a file, not a URL
                return match.group().replace('src="', 'src="./', 1)
            return match.group()  # a local image: kept (the pane loads it from the folder)
        alt = html.unescape(attributes.get("alt", "")).strip() or "image"
        return f'<em class="{IMAGE_ALT_CLASS}">[{html.escape(alt)}]</em>'

    return _IMG.sub(replace, raw)


def nesting_depth(body: str) -> int | None:
    """``MAX_RENDER_DEPTH`` if some line nests deeper than it (4 columns of indentation,
    a ``>`` or a list marker per level), else None. Linear in the body's length."""
    for line in body.split("\n"):
        prefix = _BLOCK_PREFIX.match(line)
        if prefix is None or not prefix.end():
            continue
        text = prefix.group().expandtabs(4)
        columns = len(text) - len(text.lstrip(" "))
        if columns // 4 + len(_MARKER.findall(text)) > MAX_RENDER_DEPTH:
            return MAX_RENDER_DEPTH
    return None


def within_budget(
    render: Callable[[], str],
    seconds: float | None = None,
    should_stop: Callable[[], bool] = _never,
) -> str:
    """``render()``, stopped with :class:`RenderTooComplex` after ``seconds``, or with
    :class:`RenderStopped` as soon as ``should_stop()`` is true (see
    :mod:`reader.core.work_budget`)."""
    seconds = MAX_RENDER_SECONDS if seconds is None else seconds
    try:
        return within(render, seconds, should_stop)
    except StopAsked:
        raise RenderStopped from None
    except OverBudget:
        raise RenderTooComplex(f"over {seconds:g} s of work") from None


def markdown_to_html(body: str) -> str:
    """The body as sanitized HTML; plain text past the render budget (see render_markdown)."""
    return render_markdown(body).html


def render_markdown(body: str, should_stop: Callable[[], bool] = _never) -> Rendered:
    """Markdown → sanitized HTML within the depth and work budgets, else plain text.

    ``should_stop`` is checked as the time budget is (:func:`within_budget`): true, it
    raises :class:`RenderStopped`. Past the work budget the result depends on the
    machine's speed, which is why the budget is far above what real articles need.
    """
    depth = nesting_depth(body)
    if depth is not None:
        return plain_text(body, f"nested over {depth} levels deep")
    try:
        raw = within_budget(
            lambda: markdown.markdown(body, extensions=list(_EXTENSIONS)),
            should_stop=should_stop,
        )
    except RenderTooComplex as exc:
        return plain_text(body, str(exc))
    except RenderStopped:
        raise
    except RecursionError:
        return plain_text(body, "nested too deep")
    except Exception as exc:  # a bug of the Markdown library must not lose the article
        return plain_text(body, f"the Markdown could not be read ({type(exc).__name__})")
    return Rendered(_clean(raw))


def render_body(article: Article, should_stop: Callable[[], bool] = _never) -> Rendered:
    """The article's body for the pane, rendered once (see the module); "" for an error.

    A body over ``MAX_RENDER_CHARS`` is not rendered: it is plain text at once (a text
    file's paragraphs as written, a Markdown file's source).
    """
    if article.error:
        return Rendered("")
    if len(article.body) > MAX_RENDER_CHARS:
        literal = unescape_text(article.body) if article.format == "text" else article.body
        return plain_text(literal, f"over {MAX_RENDER_CHARS:,} characters")
    return render_markdown(article.body, should_stop)


_SUBHEADING_MARK = re.compile(r"(^|\n\n)## ")


def unescape_text(body: str) -> str:
    """A text file's body (``text_to_markdown``: Markdown that renders it literally) back
    to its text. Linear, and with no regex callback per escape (the largest bodies hold
    millions of them): there every backslash escapes the character after it."""
    body = _SUBHEADING_MARK.sub(r"\1", body)  # "## " a subheading's: any "#" of the text is "\#"
    parts = body.replace("&lt;", "<").replace("&amp;", "&").split("\\")
    text = [parts[0]]
    rest = iter(parts[1:])
    for piece in rest:
        if piece:
            text.append(piece)  # its first character was escaped: kept, its backslash gone
        else:  # an escaped backslash: kept, and the next piece follows it as it is
            text.append("\\" + next(rest, ""))
    return "".join(text)


def plain_text(body: str, why: str) -> Rendered:
    """The body as plain paragraphs (split at blank lines), no markup interpreted."""
    paragraphs = tuple(" ".join(p.split()) for p in re.split(r"\n[ \t]*\n", body) if p.strip())
    shown = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return Rendered(shown, why, paragraphs)


def plain_text_html(body: str) -> str:
    """The body as escaped paragraphs (split at blank lines), no markup interpreted."""
    return plain_text(body, "").html


def _clean(raw: str) -> str:
    raw = _remote_images_as_text(raw)
    return nh3.clean(
        raw,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_LINK_SCHEMES,
        attribute_filter=_keep_local_images,
        link_rel="noopener noreferrer",
    )


def byline_text(article: Article, lang: str = "en") -> str:
    """Date (in the interface's language), source (a book's author, then its
    collection), a saved page's site, word count and reading time."""
    return " · ".join(text for text, _ in _byline_parts(article, lang))


def byline_html(article: Article, lang: str = "en") -> str:
    """:func:`byline_text` as HTML: a saved page's site is a link to its address."""
    return " · ".join(
        f'<a href="{html.escape(link)}">{html.escape(text)}</a>' if link else html.escape(text)
        for text, link in _byline_parts(article, lang)
    )


def _byline_parts(article: Article, lang: str) -> list[tuple[str, str]]:
    """(text, link address or "") of each part of the byline."""
    words, one_word, minutes = _BYLINE_WORDS.get(lang, _BYLINE_WORDS["en"])
    parts = [format_date(article.date, lang), article.source, article.collection]
    if article.words:
        parts.append(one_word if article.words == 1 else words.format(n=f"{article.words:,}"))
        parts.append(minutes.format(n=article.reading_minutes))
    if lang == "fr":  # 1 234 mots
        parts = [part.replace(",", "\u202f") for part in parts]
    linked = [(part, "") for part in parts if part]
    site = site_name(article.url)
    if site:
        linked.insert(len([p for p in parts[:3] if p]), (site, article.url))
    return linked


def site_name(url: str) -> str:
    """``https://www.example.org/a/b`` → ``example.org``; "" for no web address."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def render_article(article: Article, lang: str = "en") -> str:
    """The HTML body of the reading pane: title, byline, then the article."""
    return render_article_status(article, lang).html


def render_article_status(
    article: Article, lang: str = "en", should_stop: Callable[[], bool] = _never
) -> Rendered:
    """:func:`render_article` with why it is shown as plain text, if it is (for a status)."""
    return page_html(article, render_body(article, should_stop), lang)


def page_html(article: Article, body: Rendered, lang: str = "en") -> Rendered:
    """The pane's page around a body made by :func:`render_body`: title, byline, body.

    A body shown as plain text comes after a line saying so, as the byline does.
    """
    title = f'<h1 class="title">{html.escape(article.title)}</h1>'
    byline = byline_html(article, lang)
    byline_block = f'<p class="byline">{byline}</p>' if byline else ""
    if article.error:
        message = html.escape(f"This file cannot be shown: {article.error}.")
        where = f'<p class="byline">{html.escape(article.path)}</p>'
        return Rendered(f'{title}<p class="error">{message}</p>{where}')
    french = article.lang == "fr" or article.lang.startswith("fr-")
    shown = french_spacing_html(body.html) if french else body.html  # the pane only
    if french:
        title = french_spacing_html(title)
    if not body.fallback:
        return Rendered(f"{title}{byline_block}{shown}")
    notice = html.escape(f"Shown as plain text: too complex to render ({body.fallback}).")
    notice_html = f'<p class="{NOTICE_CLASS}">{notice}</p>'
    return Rendered(f"{title}{byline_block}{notice_html}{shown}", body.fallback)
