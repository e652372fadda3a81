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
