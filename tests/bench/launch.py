"""Measure what a reader waits for: launch to list, scan and index speed, memory.

    python -m tests.bench.launch LIBRARY

Each launch is a fresh process (offscreen Qt) with a fresh data folder for the
first launch and the same one for the second, so the first launch includes
the whole scan and index build and the second shows what the catalog gives
at once. A 10 ms timer on the GUI thread measures how long the window ever
went without handling events (a stall the reader would feel). Prints one line
per launch and a summary table in Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import json, os, resource, sys, time
start = time.perf_counter()
from pathlib import Path
from PySide6.QtWidgets import QApplication
from reader.app import app_settings
from reader.ui.window.main_window import MainWindow
app = QApplication([])
marks = {}
window = MainWindow(Path(sys.argv[1]), app_settings())
window.show()
def first_rows(*_):
    if window.model.rowCount() and "list_shown" not in marks:
        marks["list_shown"] = time.perf_counter() - start
        marks["rows_at_list_shown"] = window.model.rowCount()
window.model.rowsInserted.connect(first_rows)
window.model.modelReset.connect(first_rows)
def done():
    marks["refreshed"] = time.perf_counter() - start
    marks["rows"] = window.model.rowCount()
    marks["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # the indexer child process of a big refresh (0 when the refresh ran in-process)
    marks["child_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    window.close()
    app.quit()
window.session.refresh.done.connect(done)
# Responsiveness: a 10 ms timer on the GUI thread; how late does it fire?
from PySide6.QtCore import QTimer
ticks = []
timer = QTimer()
timer.setInterval(10)
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
timer.start()
app.exec()
gaps = sorted((b - a) * 1000 for a, b in zip(ticks, ticks[1:]))
marks["gui_gap_max_ms"] = gaps[-1] if gaps else 0
marks["gui_gap_p99_ms"] = gaps[int(len(gaps) * 0.99)] if gaps else 0
print(json.dumps(marks))
"""


def launch(library: Path, home: Path, code: Path | None = None) -> dict[str, float]:
    """One launch in a fresh process; ``code``: a folder whose ``reader`` to run instead."""
    env = {**os.environ, "ARTICLE_READER_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    if code is not None:  # first on the path: it wins over the installed (editable) one
        env["PYTHONPATH"] = str(code)
    output = subprocess.run(
        [sys.executable, "-c", CHILD, str(library)],
        env=env, cwd=code, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    timings: dict[str, float] = json.loads(output.strip().splitlines()[-1])
    return timings


def headless(library: Path, home: Path) -> float:
    env = {**os.environ, "ARTICLE_READER_HOME": str(home)}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reader", "list", "--library", str(library)],
        env=env, capture_output=True, check=True,
    )  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("library", type=Path)
    args = parser.parse_args()
    files = sum(1 for p in args.library.rglob("*") if p.suffix in {".md", ".txt", ".markdown"})
    megabytes = sum(p.stat().st_size for p in args.library.rglob("*") if p.is_file()) / 2**20
    print(f"library: {args.library} ({files} article files, {megabytes:.1f} MB)")
    rows = []
    with tempfile.TemporaryDirectory() as home:
        for label in ("first launch (empty catalog)", "second launch (nothing changed)"):
            marks = launch(args.library, Path(home))
            print(label, marks, flush=True)
            rows.append((label, marks))
    with tempfile.TemporaryDirectory() as home:
        cold = headless(args.library, Path(home))
        warm = headless(args.library, Path(home))
    print()
    print("| launch | list shown | catalog + index up to date | peak RSS: app (indexer) "
          "| GUI thread: longest gap (p99) |")  # fmt: skip
    print("|---|---|---|---|---|")
    for label, marks in rows:
        print(
            f"| {label} | {marks['list_shown']:.2f} s ({marks['rows_at_list_shown']} rows) "
            f"| {marks['refreshed']:.2f} s | {marks['peak_rss_mb']:.0f} MB "
            f"({marks['child_peak_rss_mb']:.0f} MB) "
            f"| {marks['gui_gap_max_ms']:.0f} ms ({marks['gui_gap_p99_ms']:.0f} ms) |"
        )
    print()
    print(f"`article-reader list` first run (scan + parse + index): {cold:.2f} s, "
          f"{files / cold:.0f} articles/s, {megabytes / cold:.2f} MB/s")  # fmt: skip
    print(f"`article-reader list` second run (nothing changed): {warm:.2f} s")


if __name__ == "__main__":
    main()
