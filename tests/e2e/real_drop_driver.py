"""Drops folders on the real window through a display's own drag and drop (not a test).

    xvfb-run -a python tests/e2e/real_drop_driver.py LIBRARY FOLDER FOLDER FOLDER

Starts the app on LIBRARY, then, with ``xdotool`` moving the pointer, drags each FOLDER
from a little drag source (``drag_source.py``, as a file manager would) onto the list,
the reading pane and the status bar in turn, and waits for the window to show that
folder's library. Prints ``DROPPED <where>`` after each, ``SURVIVED`` at the end, or
``APP DIED <status>`` (exit 1) when the app did not live through a drop.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TIMEOUT = 60.0


def xdotool(*args: object) -> str:
    done = subprocess.run(["xdotool", *map(str, args)], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else ""


def window_named(name: str, app: subprocess.Popen[str]) -> str:
    """The id of the visible window whose title contains ``name``, once there is one."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and app.poll() is None:
        found = xdotool("search", "--onlyvisible", "--name", name).split()
        if found:
            return found[0]
        time.sleep(0.05)  # polling the display for a window: no event to wait on
    return ""


def main() -> int:
    library, *folders = (Path(a) for a in sys.argv[1:])
    environ = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen([sys.executable, "-m", "reader", str(library)], env=environ, text=True)
    try:
        return drive(app, library, folders, environ)
    finally:
        if app.poll() is None:
            app.terminate()
            app.wait(TIMEOUT)


def drive(
    app: subprocess.Popen[str], library: Path, folders: list[Path], environ: dict[str, str]
) -> int:
    window = window_named(library.name, app)
    if not window:
        print("APP DIED", app.poll(), flush=True)
        return 1
    xdotool("windowmove", "--sync", window, 200, 0)
    shape = dict(
        line.split("=") for line in xdotool("getwindowgeometry", "--shell", window).split()
    )
    x, y, width, height = (int(shape[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))
    points = {
        "list": (x + 150, y + height // 2),
        "pane": (x + width - 250, y + height // 2),
        "window": (x + width // 2, y + height - 6),  # the status bar: the window's own
    }
    for (where, (tx, ty)), folder in zip(points.items(), folders, strict=True):
        source = subprocess.Popen(
            [sys.executable, str(HERE / "drag_source.py"), "drag-source", str(folder)],
            env=environ,
            stdout=subprocess.PIPE,
            text=True,
        )
        window_named("drag-source", app)
        xdotool("mousemove", "--sync", 60, 60, "mousedown", 1)
        assert source.stdout is not None
        if source.stdout.readline().strip() != "DRAGGING":
            print("NO DRAG", flush=True)
            return 2
        moves: list[object] = ["sleep", 0.3]  # the drag takes the pointer first
        for i in range(1, 9):  # a hand's path, paced so the display sees each move
            moves += ["mousemove", 60 + (tx - 60) * i // 8, 60 + (ty - 60) * i // 8, "sleep", 0.1]
        xdotool(*moves, "sleep", 0.3, "mouseup", 1)
        shown = window_named(folder.name, app)
        source.terminate()  # the app has read the drop's data from it by now
        source.wait(TIMEOUT)
        if not shown:
            print("APP DIED", app.poll(), flush=True)
            return 1
        print("DROPPED", where, flush=True)
    print("SURVIVED", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
