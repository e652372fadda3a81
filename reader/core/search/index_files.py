"""The index folder's own files: what a failed write leaves, what stands in the way.

A write that fails (a full disk) leaves the segment it was writing: files that no
table of contents lists, which Whoosh deletes only at its next commit, and a full disk
never lets one happen. And a file where the index folder should be (a sync tool's
conflict copy, a mistake) fails every opening. Both are cleared here, so that the
library rebuilds or writes again instead of failing for ever.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Any

from whoosh.index import TOC, clean_files

from reader.core.search.spelling import VOCABULARY_FILE


def move_aside(folder: Path) -> None:
    """A file (or a link to one) where the index folder should be is renamed
    ``index.broken-<n>`` beside it: never deleted (it may be someone's), and never left
    in the way, where every opening would fail on it."""
    if folder.is_dir() or not (folder.exists() or folder.is_symlink()):
        return  # a folder (or a link to one: the index is written there), or nothing
    n = 1
    while (aside := folder.with_name(f"{folder.name}.broken-{n}")).exists() or aside.is_symlink():
        n += 1
    folder.rename(aside)


def abandon(writer: Any) -> None:
    """Cancel a writer whose write failed, never hiding why it failed: its lock is
    released even when cancelling fails too (on a full disk, closing its files does)."""
    try:
        writer.cancel()
    except Exception:
        with contextlib.suppress(Exception):
            writer._cleanup_on_error()


def discard_unfinished(ix: Any, folder: Path) -> None:
    """After a write that failed, delete the files of the index ``ix`` (in ``folder``)
    that no committed table of contents lists: the segment being written, a table of
    contents not yet renamed into place, the word list's temporary copy. Never a file
    of a committed segment. Only with no writer running (the library's writer lock
    held, its workers stopped)."""
    storage, indexname = ix.storage, ix.indexname
    with contextlib.suppress(Exception):  # best effort: it only frees space
        toc = TOC.read(storage, indexname)  # type: ignore[no-untyped-call]
        clean_files(storage, indexname, toc.generation, toc.segments)
    for leftover in [*folder.glob(f"_{indexname}_*.toc.*"), folder / f"{VOCABULARY_FILE}.tmp"]:
        with contextlib.suppress(OSError):
            leftover.unlink()
    shutil.rmtree(folder / f"{indexname}.tmp", ignore_errors=True)  # a writer's scratch
