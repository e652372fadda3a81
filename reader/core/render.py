"""Article → sanitized HTML for the reading pane.

Articles are untrusted: markdown is rendered, then cleaned with nh3 (no
scripts, no styles, no event handlers, no remote images). Quotes, apostrophes
and accents are kept exactly as written (no "smart" substitutions).
"""

from __future__ import annotations

import html
import re
from datetime import date

import markdown
import nh3

from reader.core.articles.article import Article

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "u", "ul", "dl", "dt", "dd",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "th": {"align"},
               "td": {"align"}, "em": {"class"}}  # fmt: skip
_LINK_SCHEMES = {"http", "https", "mailto"}
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}  # fmt: skip
_SHORT_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."),
}  # fmt: skip
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
_BYLINE_WORDS = {
    "en": ("{n} words", "1 word", "{n} min read"),
    "fr": ("{n} mots", "1 mot", "{n} min de lecture"),
}
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def _keep_local_images(element: str, attribute: str, value: str) -> str | None:
    """Drop remote image sources: a tracking pixel must never load."""
    if element == "img" and attribute == "src" and ":" in value.split("/", 1)[0]:
        return None
    return value


def _remote_images_as_text(raw: str) -> str:
    """A remote image never loads (privacy): its alt text is shown in its place."""

    def replace(match: re.Match[str]) -> str:
        attributes = dict(_ATTRIBUTE.findall(match.group()))
        source = attributes.get("src", "")
        if source and ":" not in source.split("/", 1)[0]:
            return match.group()  # a local image: kept (the pane loads it from the folder)
        alt = html.unescape(attributes.get("alt", "")).strip() or "image"
        return f'<em class="image-alt">[{html.escape(alt)}]</em>'

    return _IMG.sub(replace, raw)


def markdown_to_html(body: str) -> str:
    raw = markdown.markdown(body, extensions=["extra", "sane_lists"], output_format="html")
    raw = _remote_images_as_text(raw)
    return nh3.clean(
        raw,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_LINK_SCHEMES,
        attribute_filter=_keep_local_images,
        link_rel="noopener noreferrer",
    )


def _parts(iso: str) -> tuple[date | None, int, str]:
    """(full date, month, year) of an ISO date, possibly reduced; (None, 0, "") if neither."""
    try:
        if len(iso) == 10:
            day = date.fromisoformat(iso)
            return day, day.month, str(day.year)
        if len(iso) == 7 and 1 <= int(iso[5:]) <= 12:
            return None, int(iso[5:]), iso[:4]
    except ValueError:
        pass
    return None, 0, ""


def format_date(iso: str | None, lang: str = "en") -> str:
    """``2023-07-28`` → ``Friday 28 July 2023`` (``vendredi 28 juillet 2023`` in French);
    reduced dates stay as precise as given."""
    if not iso:
        return ""
    lang = lang if lang in _MONTHS else "en"
    day, month, year = _parts(iso)
    if day is not None:
        weekday = _WEEKDAYS[lang][day.weekday()]
        number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
        return f"{weekday} {number} {_MONTHS[lang][month - 1]} {year}"
    return f"{_MONTHS[lang][month - 1]} {year}" if month else iso


def short_date(iso: str | None, lang: str = "en") -> str:
    """For the list: ``28 Jul 2023`` / ``28 juil. 2023``, ``Jul 2023``, ``1860``."""
    if not iso:
        return ""
    months = _SHORT_MONTHS.get(lang, _SHORT_MONTHS["en"])
    day, month, year = _parts(iso)
    if day is not None:
        return f"{day.day} {months[month - 1]} {year}"
    return f"{months[month - 1]} {year}" if month else iso


def byline_text(article: Article, lang: str = "en") -> str:
    """Date (in the interface's language), source, word count and reading time."""
    words, one_word, minutes = _BYLINE_WORDS.get(lang, _BYLINE_WORDS["en"])
    parts = [format_date(article.date, lang), article.source]
    if article.words:
        parts.append(one_word if article.words == 1 else words.format(n=f"{article.words:,}"))
        parts.append(minutes.format(n=article.reading_minutes))
    text = " · ".join(part for part in parts if part)
    return text.replace(",", "\u202f") if lang == "fr" else text  # 1 234 mots


def render_article(article: Article, lang: str = "en") -> str:
    """The HTML body of the reading pane: title, byline, then the article."""
    title = f'<h1 class="title">{html.escape(article.title)}</h1>'
    byline = byline_text(article, lang)
    byline_html = f'<p class="byline">{html.escape(byline)}</p>' if byline else ""
    if article.error:
        message = html.escape(f"This file cannot be shown: {article.error}.")
        where = f'<p class="byline">{html.escape(article.path)}</p>'
        return f'{title}<p class="error">{message}</p>{where}'
    return f"{title}{byline_html}{markdown_to_html(article.body)}"
