"""How segments are merged: live updates' tiny ones gathered, a build's big ones never."""

from __future__ import annotations

from typing import Any

TINY_SEGMENT_DOCS = 2000  # segments below this are gathered by merge_tiny_segments…
TINY_SEGMENTS_BEFORE_MERGE = 8  # …once there are this many


def merge_tiny_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: gather many tiny segments into one, never touch big ones.

    Whoosh's default (MERGE_SMALL) counts a bulk build's 10,000-article segments
    as small: at 100,000 articles the first one-file update after a build merged
    them all, minutes of work before the new file was searchable. Live updates
    make tiny segments (one per commit); these are gathered once there are many.
    """
    from whoosh.reading import SegmentReader

    tiny = [segment for segment in segments if segment.doc_count_all() < TINY_SEGMENT_DOCS]
    if len(tiny) < TINY_SEGMENTS_BEFORE_MERGE:
        return segments
    for segment in tiny:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in segments if segment not in tiny]
