"""What the end-to-end tests share: an X server of their own."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.window_needs import xcb_error
from tests.x_servers import x_server as own_x_server


@pytest.fixture
def x_server() -> Iterator[str]:
    """A fresh Xvfb's display (``:N``), alone of its kind while the test runs."""
    with own_x_server() as display:
        if xcb_error(display) != 0:
            # Another X server of this machine holds that display's socket (a leftover
            # of another program): the display is not this test's to use.
            pytest.skip(f"Xvfb chose {display}, which another X server's socket shadows")
        yield display
