"""What the end-to-end tests share: an X server of their own."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from reader.window_needs import xcb_error


@pytest.fixture
def x_server() -> Iterator[str]:
    """A fresh Xvfb's display (``:N``). Xvfb picks a free number itself and says which
    once it accepts (``-displayfd``): guessing a free number, as ``xvfb-run -a`` does,
    races with any other X server started at the same moment on a shared machine."""
    if shutil.which("Xvfb") is None:
        pytest.skip("needs Xvfb (Debian: xvfb)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "1400x900x24"],
        pass_fds=[write], stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write)
    with os.fdopen(read) as ready:  # Xvfb writes its display number once it accepts
        number = ready.readline().strip()
    try:
        if xcb_error(f":{number}") != 0:
            # Another X server of this machine holds that display's socket (a leftover
            # of another program): the display is not this test's to use.
            pytest.skip(f"Xvfb chose :{number}, which another X server's socket shadows")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)
