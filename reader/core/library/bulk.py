"""Big refreshes in a separate process, so the app's own interpreter stays free.

Parsing and indexing are pure-Python CPU work. Run in a thread of the GUI
process they hold the GIL, and every Qt → Python call of the window (each
``data()`` of a model, each paint) then waits for it, and a first build leaves
the window unanswering for seconds at a time. A child process has its own
interpreter; this process only waits on a pipe.

Small refreshes (a few files changed while the app runs) stay in-process:
starting a child (a fresh interpreter importing the core) costs more than the work
itself.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from dataclasses import asdict
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any

from reader.core.children import die_with_parent
from reader.core.library.index_upkeep import merge_in_background
from reader.core.library.library import BULK_INDEX_BATCH as BULK_INDEX_BATCH
from reader.core.library.library import (
    Cancelled,
    ChangeSet,
    Library,
    LibraryUnavailable,
    Progress,
)

BULK_THRESHOLD = 300  # files to parse or articles to index before a child is worth it
_POLL_SECONDS = 0.1


class BulkRefreshError(RuntimeError):
    """The child process failed; the message says how. Committed batches stay."""


def refresh_in_subprocess(
    root: Path,
    data_dir: Path,
    progress: Progress,
    on_batch: Callable[[ChangeSet], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> ChangeSet:
    """``Library(root, data_dir).refresh()`` in a child process, with the same callbacks."""
    context = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded Qt app
    receiver, sender = context.Pipe(duplex=False)
    stop = context.Event()
    # Not a daemon: daemonic processes may not start processes, and the child's
    # index writers fork one per core. It dies with this process (die_with_parent).
    child = context.Process(
        target=_child_main,
        args=(str(root), str(data_dir), sender, stop, os.getpid()),
        name="article-reader-indexer",
    )
    child.start()
    sender.close()  # the child holds the only writing end: EOF when it exits
    changes = ChangeSet()
    try:
        while True:
            if should_stop():
                stop.set()
            if not receiver.poll(_POLL_SECONDS):
                continue
            try:
                kind, payload = receiver.recv()
            except EOFError:
                raise BulkRefreshError(
                    f"the indexer stopped (exit code {child.exitcode})"
                ) from None
            if kind == "progress":
                progress(*payload)
            elif kind == "batch":
                batch = ChangeSet(**payload)
                changes.extend(batch)
                if on_batch:
                    on_batch(batch)
            elif kind == "done":
                # The build's segments merged by a process of their own, not this
                # child: the caller (the window's writer lane) goes on meanwhile.
                merge_in_background(data_dir / "index")
                return changes
            elif kind == "cancelled":
                raise Cancelled
            elif kind == "unavailable":
                raise LibraryUnavailable(str(payload))
            else:
                raise BulkRefreshError(str(payload))
    finally:
        stop.set()
        receiver.close()
        child.join(timeout=30)
        if child.is_alive():
            child.terminate()


def _child_main(root: str, data_dir: str, sender: Connection, stop: Event, parent: int) -> None:
    die_with_parent(parent)

    def send(kind: str, payload: Any) -> None:
        sender.send((kind, payload))

    try:
        library = Library(Path(root), Path(data_dir), merge_in_background=False)
        try:
            library.refresh(
                progress=lambda done, total, message: send("progress", (done, total, message)),
                on_batch=lambda batch: send("batch", asdict(batch)),
                should_stop=lambda: stop.is_set() or os.getppid() != parent,
                procs=os.cpu_count() or 1,  # one spawned index worker per core
                index_batch=BULK_INDEX_BATCH,
            )
        finally:
            library.close()
        send("done", None)
    except Cancelled:
        send("cancelled", None)
    except LibraryUnavailable as exc:  # the folder is empty or not mounted: nothing removed
        send("unavailable", str(exc))
    except Exception as exc:  # reported to the parent as one line
        send("error", f"{type(exc).__name__}: {exc}")
    finally:
        sender.close()
