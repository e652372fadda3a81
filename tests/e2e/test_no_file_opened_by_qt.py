"""The reading pane opens no file Qt was refused, whatever the article's images name.

Run under strace, the real window shows an article whose images name ``/dev/zero``,
a file outside the library by a relative path, and a named pipe (by a link leading
out of the library), started with the library as its current folder: Qt, answered
nothing, would open each itself, relative to that folder, on the GUI thread (the
window grew without end on ``/dev/zero`` and hung for good on the pipe).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parent / "resource_driver.py"
STRACE = shutil.which("strace")
_OPEN = re.compile(r'\bopen(?:at)?\((?:[A-Z_]+|\d+), "([^"]*)", ([A-Z_|]+)')

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(STRACE is None, reason="strace is not installed (./install.sh --tests)"),
]

ARTICLE = """# Pictures

![z](/dev/zero)

![p](../../../etc/passwd)

![s](../outside.png)

![f](a-fifo.png)

Under the pictures.
"""
SOURCES = ["/dev/zero", "../../../etc/passwd", "../outside.png", "a-fifo.png"]


def _traced_opens(log: Path) -> list[tuple[str, str]]:
    """Every (path, flags) the process and its threads asked to open."""
    opens: list[tuple[str, str]] = []
    for log_file in log.parent.glob(log.name + "*"):
        for line in log_file.read_text(errors="replace").splitlines():
            if (found := _OPEN.search(line)) is not None:
                opens.append((found.group(1), found.group(2)))
    return opens


def test_the_window_never_opens_an_image_it_refused(tmp_path: Path) -> None:
    library = tmp_path / "deep" / "er" / "library"
    library.mkdir(parents=True)
    outside = QImage(40, 30, QImage.Format.Format_RGB32)
    outside.fill(QColor("#336699"))
    outside.save(str(tmp_path / "deep" / "er" / "outside.png"))  # a real image, not its own
    os.mkfifo(tmp_path / "pipe")
    (library / "a-fifo.png").symlink_to(tmp_path / "pipe")  # leads out of the library
    (library / "pictures.md").write_text(ARTICLE, encoding="utf-8")
    assert STRACE is not None
    log = tmp_path / "trace"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ARTICLE_READER_HOME": str(tmp_path / "home"),
        "PYTHONPATH": str(ROOT),
    }
    command = [STRACE, "-f", "-e", "trace=open,openat", "-o", str(log)]
    command += [sys.executable, str(DRIVER), ".", *SOURCES]
    try:
        done = subprocess.run(
            command, cwd=library, env=env, capture_output=True, text=True, timeout=120
        )
        said, errors = done.stdout, done.stderr[-2000:]
    except subprocess.TimeoutExpired as stuck:  # blocked on the pipe: the trace says where
        said = stuck.stdout.decode() if isinstance(stuck.stdout, bytes) else ""
        errors = "it never ended"
    opens = _traced_opens(log)
    assert opens, "strace saw no open at all: the trace is not working"
    wrong = [
        (path, flags)
        for path, flags in opens
        if path == "/dev/zero"
        or "../etc/passwd" in path  # the system's own look-ups name it whole
        or path.endswith("outside.png")
        or (path.endswith(("a-fifo.png", "/pipe")) and "O_NONBLOCK" not in flags)
    ]
    assert not wrong, f"the window opened what it had refused: {wrong}"
    assert "SHOWN" in said.splitlines(), f"the article was never shown: {said!r} {errors}"
    for source in SOURCES:  # each shown as its placeholder, a frame around its alt text
        assert re.search(rf"^{re.escape(source)} \d+x\d+$", said, re.MULTILINE), said
