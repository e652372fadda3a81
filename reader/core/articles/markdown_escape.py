"""Text → Markdown that renders it literally (for text files and extracted pages)."""

from __future__ import annotations

import re

# Python-Markdown's escapable characters ("|" with its tables extension). Not "~":
# no extension we use gives it a meaning, and "\~" would show its backslash.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>])")


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown and HTML special character escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("&", "&amp;").replace("<", "&lt;")
