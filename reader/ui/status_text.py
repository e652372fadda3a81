"""The status bar's count: how many articles, how many match, what a filter shows."""

from __future__ import annotations

from reader.ui.library_session import SearchOutcome


def count_text(
    total: int,
    shown: int,
    searching: bool,
    outcome: SearchOutcome | None,
    filtered: bool,
    refreshing: bool,
) -> str:
    noun = "article" if total == 1 else "articles"
    if not searching:
        return f"{shown} of {total} {noun} shown" if filtered else f"{total} {noun}"
    if outcome is None:
        text = f"{shown} of {total} {noun} match"
    else:
        about = "about " if outcome.estimated else ""
        text = f"{about}{outcome.total} of {total} {noun} match"
        if outcome.total > len(outcome.ids):
            text += f", the best {len(outcome.ids)} shown"
        if filtered:
            text += f", {shown} after the filter"
        if outcome.ignored:
            text += f" — left out: {', '.join(outcome.ignored)}"
    if refreshing:
        text += " (still indexing: more may match)"
    return text


def empty_text(total: int, query: str, kind: str, filtered: bool, refreshing: bool) -> str:
    """What an empty list says: why it is empty, and what to do."""
    if total == 0:
        if refreshing:
            return "Looking for articles…"
        return (
            "No articles in this folder yet.\nAdd .txt or .md files to it and they appear here"
            " at once, or open another folder (Ctrl+O)."
        )
    if query:
        return (
            f"No articles match “{query}”.\nCheck the spelling, use fewer words,"
            " or look in your notes with in:notes."
        )
    if kind == "starred":
        return "No starred articles yet.\nPress Ctrl+D (or S) to star the article you are reading."
    if kind == "unread":
        return "Nothing unread: you have read every article here."
    if filtered:
        return "No articles match this filter."
    return ""
