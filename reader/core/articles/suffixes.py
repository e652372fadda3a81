"""Which files are articles, by their names alone: each format's suffixes.

Apart from the parsers (:mod:`reader.core.articles.formats`), so that what only looks
at names (the scan, ``list``) never loads them and their libraries.
"""

from __future__ import annotations

import os

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})  # a page and its parts in one MIME file
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", *MHTML_SUFFIXES})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | PAGE_SUFFIXES


def is_article_name(name: str) -> bool:
    """Article files by extension, minus hidden and editor temporary files."""
    if name.startswith((".", "~", "#")) or name.endswith(("~", "#")):
        return False
    return os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES
