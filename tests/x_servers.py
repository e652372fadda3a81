"""An X server of a test's own (Xvfb), one at a time across the test run's workers.

Xvfb picks a free display number itself and says which once it accepts
(``-displayfd``). But an X server that exits removes its socket after giving up its
number: a server started at that moment in another worker can take the number and
lose its socket to the old one's cleanup, and its test then finds no X server there.
So the servers of one run live one after the other, under a lock every worker shares.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

LOCK = Path(tempfile.gettempdir()) / "article-reader-tests-x-server.lock"


@contextmanager
def x_server(screen: str = "1400x900x24") -> Iterator[str]:
    """A fresh Xvfb's display (``:N``), for as long as the block runs."""
    if shutil.which("Xvfb") is None:
        pytest.skip("needs Xvfb (Debian: xvfb)")
    with LOCK.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        read, write = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", screen],
            pass_fds=[write], stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write)
        with os.fdopen(read) as ready:  # written once the server accepts
            number = ready.readline().strip()
        try:
            yield f":{number}"
        finally:
            server.terminate()
            server.wait(timeout=30)
