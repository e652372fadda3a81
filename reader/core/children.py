"""Child processes that die with their parent, even when it is killed (SIGKILL).

The bulk indexer (a spawned child of the window) and the parallel build's workers
(spawned children of the command line or of the bulk indexer) must not run on as
orphans, writing an index nobody will read. Each calls :func:`die_with_parent` first
thing. On Linux the kernel sees to it: the child asks for SIGKILL when its parent
dies (``prctl(PR_SET_PDEATHSIG)``). Elsewhere, or if that fails, a daemon thread in
the child polls its parent's id and ends the process when it changes. This module
imports nothing from ``reader``: any module of the core may use it.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5


def die_with_parent(parent: int | None = None) -> None:
    """Call first thing in a child: it is killed when ``parent`` (default: its parent) dies."""
    parent = os.getppid() if parent is None else parent
    if not _ask_the_kernel():
        threading.Thread(target=_watch, args=(parent,), daemon=True, name="lifeline").start()
    if os.getppid() != parent:  # the parent died before we asked
        os._exit(1)


def _ask_the_kernel() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)
