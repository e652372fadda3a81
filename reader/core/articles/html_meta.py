"""A saved page's metadata, from the page itself: title, date, source, language.

- title: OpenGraph ``og:title``, else the ``<title>`` (without a trailing
  `` | Site name`` when that is the site's name), else the first ``<h1>``;
- date: ``article:published_time``, JSON-LD ``datePublished`` (of a NewsArticle,
  BlogPosting… or any item), ``itemprop="datePublished"``, Dublin Core or a ``<meta
  name="date">``, else a ``<time datetime>`` inside the ``<article>``;
- source: ``og:site_name``, else the JSON-LD publisher, else the author (``<meta
  name="author">``, ``article:author`` when it is a name, JSON-LD ``author``);
- address (url): ``og:url``, else ``<link rel="canonical">``, when it is an absolute
  ``http``/``https`` address;
- language: ``<html lang>`` (or ``xml:lang``), ``<meta http-equiv="content-language">``,
  ``og:locale``;
- whether the page says it is one article: ``og:type`` ``article``, or a JSON-LD
  item of a type of article (``NewsArticle``, ``BlogPosting``…).

Whatever is missing falls back as for text files (the file's name as title; the
language detected from the text). Every field is cut to ``MAX_FIELD_CHARS``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from reader.core.articles.bylines import parse_byline
from reader.core.articles.language import normalise_code
from reader.core.limits import MAX_FIELD_CHARS, MAX_JSON_LD_CHARS

_DATE_METAS = (
    "article:published_time", "datepublished", "og:published_time", "dc.date.issued",
    "dc.date", "dcterms.created", "date", "pubdate", "publish-date", "sailthru.date",
)  # fmt: skip
_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•:-]\s+")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass
class PageMeta:
    title: str = ""
    date: str | None = None
    source: str = ""
    lang: str = ""
    url: str = ""
    declares_article: bool = False


def page_meta(root: HtmlElement) -> PageMeta:
    metas = _metas(root)
    items = list(_json_ld_items(root))
    site = _clean(metas.get("og:site_name", ""))
    publisher = _first(_name_of(item.get("publisher")) for item in items)
    author = _author(metas, items)
    return PageMeta(
        title=_title(root, metas, site or publisher),
        date=_date(root, metas, items),
        source=(site or publisher or author)[:MAX_FIELD_CHARS],
        lang=_lang(root, metas),
        url=_url(root, metas),
        declares_article=metas.get("og:type", "").strip().lower() == "article"
        or any(_is_article(item) for item in items),
    )


def _metas(root: HtmlElement) -> dict[str, str]:
    """``<meta>`` contents by property, name or itemprop (lower case); the first one wins."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = meta.get("content")
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attribute) or "").strip().lower()
            if key and key not in found:
                found[key] = content
    return found


def _json_ld_items(root: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page (lists and ``@graph`` flattened), articles first."""
    items: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = (script.text or "")[:MAX_JSON_LD_CHARS]
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue  # broken or hostile JSON-LD is only no metadata
        stack = [data]
        while stack and len(items) < 100:
            value = stack.pop()
            if isinstance(value, list):
                stack.extend(reversed(value))
            elif isinstance(value, dict):
                items.append(value)
                if isinstance(value.get("@graph"), list):
                    stack.extend(reversed(value["@graph"]))
    yield from sorted(items, key=lambda item: not _is_article(item))


def _is_article(item: dict[str, Any]) -> bool:
    kinds = item.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(name, str) and name.endswith(("Article", "Posting")) for name in names)


def _name_of(value: Any) -> str:
    """A schema.org Person or Organization's name (or the first of a list)."""
    if isinstance(value, list):
        return _first(_name_of(item) for item in value)
    if isinstance(value, dict):
        value = value.get("name")
    return _clean(value) if isinstance(value, str) else ""


def _first(values: Iterator[str]) -> str:
    return next((value for value in values if value), "")


def _clean(text: str) -> str:
    return " ".join(text.split())[:MAX_FIELD_CHARS]


def _title(root: HtmlElement, metas: dict[str, str], site: str) -> str:
    title = _clean(metas.get("og:title", "") or metas.get("twitter:title", ""))
    if title:
        return title
    element = root.find(".//title")
    title = _clean(element.text_content()) if element is not None else ""
    if title and site:  # "Why sourdough needs time | The Slow Kitchen" → the article's
        parts = _TITLE_SEPARATORS.split(title)
        if len(parts) > 1 and parts[-1].casefold() == site.casefold():
            title = title[: title.rfind(parts[-1])].rstrip(" |–—·•:-")
    if title:
        return title
    heading = root.find(".//h1")
    return _clean(heading.text_content()) if heading is not None else ""


def _date(root: HtmlElement, metas: dict[str, str], items: list[dict[str, Any]]) -> str | None:
    candidates = [metas.get("article:published_time", "")]
    candidates += [str(item.get("datePublished") or "") for item in items]
    candidates += [metas.get(name, "") for name in _DATE_METAS]
    candidates += [str(item.get("dateCreated") or "") for item in items]
    article = root.find(".//article")
    for time in (article if article is not None else root).iter("time"):
        candidates.append(time.get("datetime") or "")
        break
    for candidate in candidates:
        date = iso_date(candidate)
        if date:
            return date
    return None


def iso_date(text: str) -> str | None:
    """``2023-03-14T08:30:00+00:00``, ``2023-03-14``, ``2023-03``, ``14 March 2023`` → ISO."""
    text = text.strip()[:100]
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    if re.fullmatch(r"\d{4}-\d{2}", text) and 1 <= int(text[5:]) <= 12:
        return text
    if re.fullmatch(r"\d{4}", text):
        return text
    byline = parse_byline(f"published on {text}")
    return byline.date.isoformat() if byline else None


def _author(metas: dict[str, str], items: list[dict[str, Any]]) -> str:
    named = _clean(metas.get("author", ""))
    article_author = _clean(metas.get("article:author", ""))
    if article_author.startswith(("http://", "https://")):
        article_author = ""  # a profile's address (Facebook's convention), not a name
    ld_author = _first(_name_of(item.get("author")) for item in items)
    return named or article_author or ld_author


def _url(root: HtmlElement, metas: dict[str, str]) -> str:
    """The page's own address: a web address only (a saved copy's relative one leads
    nowhere), without blanks, at most ``MAX_FIELD_CHARS`` long."""
    canonical = (
        link.get("href") or ""
        for link in root.iter("link")
        if "canonical" in (link.get("rel") or "").lower().split()
    )
    for candidate in (metas.get("og:url", ""), *canonical):
        url = candidate.strip()
        if _is_web_address(url):
            return url
    return ""


def _is_web_address(url: str) -> bool:
    if len(url) > MAX_FIELD_CHARS or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
        return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
    except ValueError:  # "http://[x": not an address
        return False


def _lang(root: HtmlElement, metas: dict[str, str]) -> str:
    for value in (
        root.get("lang"),
        root.get(_XML_LANG),
        metas.get("content-language"),
        metas.get("og:locale"),
        metas.get("language"),
    ):
        code = normalise_code(value or "")
        if code:
            return code
    return ""
