"""At 2× on a 1024×600 screen, under a real window manager, the whole window (its frame
and its status bar) is on the screen at launch, whatever geometry was saved: the window
manager's title bar is only known once the window is shown, and is counted then."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.x_servers import x_server as own_x_server

CHILD = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QElapsedTimer, QEventLoop, QRect
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from reader.app import app_settings
from reader.ui.window.main_window import MainWindow
settings = app_settings()
big = MainWindow(Path(sys.argv[1]), settings)
big.setGeometry(QRect(40, 40, 1600, 1000))  # left on a bigger screen
big.close()
window = MainWindow(Path(sys.argv[1]), settings)
window.show()
room = window.screen().availableGeometry()
clock = QElapsedTimer()
clock.start()
def framed():
    frame = window.frameGeometry()
    return frame.height() > window.height() and room.contains(frame)
while not framed() and clock.elapsed() < 10_000:  # until the frame is known and fits
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 100)
frame, bar = window.frameGeometry(), window.statusBar()
bottom = bar.mapTo(window, bar.rect().bottomLeft()).y() + window.geometry().top()
print(json.dumps({
    "room": [room.x(), room.y(), room.width(), room.height()],
    "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
    "framed": frame.height() > window.height(),
    "status_bottom": bottom,
}))
window.close()
"""


@pytest.fixture
def x_display() -> Iterator[str]:
    """A 1024×600 X server with openbox managing its windows."""
    if shutil.which("Xvfb") is None or shutil.which("openbox") is None:
        pytest.skip("needs Xvfb and openbox (Debian: xvfb openbox)")
    with own_x_server("1024x600x24") as display:
        manager = subprocess.Popen(
            ["openbox"], env={**os.environ, "DISPLAY": display},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            yield display
        finally:
            manager.terminate()
            manager.wait(timeout=30)


@pytest.mark.slow
def test_at_2x_on_a_small_screen_the_window_and_its_status_bar_are_on_screen(
    x_display: str, library: Path, data_home: Path
) -> None:
    environ = {
        **os.environ,
        "DISPLAY": x_display,
        "QT_QPA_PLATFORM": "xcb",
        "QT_SCALE_FACTOR": "2",
        "ARTICLE_READER_HOME": str(data_home),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(library)],
        env=environ, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    x, y, width, height = seen["room"]
    fx, fy, fwidth, fheight = seen["frame"]
    assert seen["framed"], seen  # the window manager framed it: its title bar counted
    assert x <= fx and y <= fy, seen
    assert fx + fwidth <= x + width and fy + fheight <= y + height, seen
    assert seen["status_bottom"] <= y + height, seen  # the count, down there, is seen
