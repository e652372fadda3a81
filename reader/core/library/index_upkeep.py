"""After a big build, the index's segments merged into one: in the background, or now.

How a merge leaves the index searched and written throughout is
:mod:`reader.core.search.segment_merge`'s; here is who runs it, and when:

* the window: a refresh that leaves the index needing a merge (the bulk indexer's
  build, or a launch after a merge that was cut short when the reader quit) starts
  one merging process (:func:`merge_in_background`) and returns at once: the writer
  lane goes on with its next writes while the process merges. It is a daemon of the
  window: it ends with it, and the next launch merges again;
* the command line's ``index``: it merges before it ends (:meth:`Library.merge_index`),
  so a library built from a terminal is searched at its best at once;
* ``list`` and ``search`` never merge: they would wait for it.

One merge per index at a time, whichever process asks (a lock file: see
``segment_merge``); a merge asked while one runs is not started.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
_running: dict[Path, Any] = {}  # index folder → the merging process this one started


def merge_in_background(folder: Path) -> bool:
    """Start a process merging the index in ``folder`` if it needs it and no merge runs;
    True if one was started."""
    from reader.core.search import segment_merge

    process = _running.get(folder)
    if process is not None and process.is_alive():
        return False
    _running.pop(folder, None)
    # The rule judged here goes to the process, which merges by it (not by its own).
    least_docs = segment_merge.TINY_SEGMENT_DOCS
    if not segment_merge.index_needs_merge(folder, least_docs):
        return False
    if segment_merge.merge_running(folder):
        return False
    context = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded Qt app
    process = context.Process(
        target=_merge_main,
        args=(folder, os.getpid(), least_docs),
        name="article-reader-merge",
        daemon=True,  # ends with the window: the next launch merges again
    )
    process.start()
    _running[folder] = process
    return True


def _merge_main(folder: Path, parent: int, least_docs: int) -> None:
    from reader.core.children import die_with_parent

    die_with_parent(parent)
    if hasattr(os, "nice"):
        os.nice(5)  # behind the window and the reader's own work
    from reader.core.library.guard import writer_lock
    from reader.core.search.segment_merge import merge_segments

    def exclusive() -> AbstractContextManager[None]:
        # Committed when no build runs: see segment_merge (its workers' segments).
        return writer_lock(folder.parent).held(lambda: None, lambda: False)

    try:
        outcome = merge_segments(folder, least_docs, exclusive)
    except Exception:  # the index is as it was: logged, merged another time
        log.exception("merging the search index failed")
        return
    log.info("merging the search index: %s", outcome)
