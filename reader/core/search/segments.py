"""Committing segments that other processes wrote (see ``library.parallel_build``).

The index's writer lock is taken only here, for the commit: the workers write
their segments without it (as Whoosh's ``MpWriter`` sub-writers do), while the
library's own writer lock keeps every other writer of ours away.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterable
from typing import Any

from reader.core.search.index import SearchIndex
from reader.core.search.index_files import abandon
from reader.core.search.merging import merge_tiny_segments


def commit_segments(
    index: SearchIndex, segments: list[Any], delete_ids: Iterable[int], words: Counter[str]
) -> None:
    """One commit: delete ``delete_ids`` from the index's segments, add ``segments``.

    ``words`` (the new articles' words, counted by the workers) then join the
    vocabulary, as :meth:`SearchIndex.write` does with its own.
    """
    writer: Any = index._writer()  # Whoosh is untyped
    try:
        reader = writer.searcher().reader()
        # Only the ids the index has: a first build deletes nothing, and looking up
        # 10,000 absent ids one by one took longer than reading every id once.
        present = {text.decode("utf-8") for text in reader.lexicon("id")} if writer.segments else ()
        for article_id in delete_ids:
            if str(article_id) in present:
                writer.delete_by_term("id", str(article_id))
        kept = writer._merge_segments(merge_tiny_segments, None, None)
        if writer._added:  # tiny segments merged into this writer's own
            kept.append(writer._finalize_segment())
        else:
            writer._close_segment()
        writer._commit_toc([*kept, *segments])
        writer._finish()
    except BaseException:
        abandon(writer)
        raise
    with contextlib.suppress(OSError):  # best effort: suggestions only
        index.vocabulary.add(words)
