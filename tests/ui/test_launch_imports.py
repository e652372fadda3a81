"""A relaunch shows the list before the search engine, the parsers and the renderer have
loaded: the window's modules import none of them (they load on the lanes, and with the
first article or search). Checked in a fresh process: this one has loaded them all."""

from __future__ import annotations

import json
import subprocess
import sys

LATER = (
    "whoosh",  # the search index
    "lxml",  # saved pages
    "yaml",  # front matter
    "markdown",  # the renderer
    "nh3",
    "multiprocessing",  # a big refresh's child
    "urllib.request",  # highlights import
    "reader.core.library.library",
    "reader.core.operations",
    "reader.core.render",
)
CHILD = f"""
import json, sys
import reader.app
from reader.ui.window.main_window import MainWindow
print(json.dumps([name for name in {LATER!r} if name in sys.modules]))
"""


def test_the_window_imports_nothing_the_list_does_not_need() -> None:
    output = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(output) == []
