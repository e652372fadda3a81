"""Where an index worker process starts: it first asks to die with its parent.

A spawned worker imports the parser and Whoosh (a second or more) before it
could run anything in :mod:`reader.core.library.build_worker`; killed during
that second, its parent would leave it running. This module imports nothing
heavy, so the worker asks for its parent's death signal at once.
"""

from __future__ import annotations

from multiprocessing.connection import Connection
from pathlib import Path


def run(root: Path, folder: Path, conn: Connection, parent: int) -> None:
    from reader.core.children import die_with_parent

    die_with_parent(parent)
    from reader.core.library.build_worker import serve

    serve(root, folder, conn)
