"""Keystroke to hits in the real window: how long a reader waits for the list to answer.

    python -m tests.bench.keystroke LIBRARY [--queries 60] [--home DIR] [--compare OLD_CODE]

Opens the window (offscreen, in a fresh process) on a library whose catalog and index
are already built in ``--home`` (``article-reader index`` first), waits until it is up
to date, then for each query of the benchmark's mix (:mod:`tests.bench.queries`)
types it and presses Enter (the 200 ms debounce is skipped: it is a fixed wait, said
apart) and measures, on the GUI thread, until the list shows the hits, until its rows
are painted, and until the first screenful's snippets are in. The time to the hits is
split: the worker's (the search task itself, on the search lane), the wait before the
worker starts (the lane busy with an older query's work) and after it ends (the GUI
thread's queue), and the GUI thread's own work on the answer (the list becoming the
hits, the article shown marked, the count). Then the stale case: a query typed while
another is still being answered; how much later do its hits come than alone?

With ``--compare OLD_CODE`` (a checkout of older code) the same queries are run on the
old code first, then on this one. Prints a Markdown table. Not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

# The child imports tests.bench, found from the repository root.
REPOSITORY = Path(__file__).resolve().parents[2]
CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QTableView
from reader.app import app_settings
from tests.bench.queries import query_mix
from reader.core.articles.formats import parse_file
from reader.ui.library_list.article_list import ArticleList
from reader.ui.session import tasks as task_lanes
from reader.ui.window.main_window import MainWindow

# Timing hooks, the same for any version of the window: every task on the search lane
# (when queued, started, ended, and how long its answer held the GUI thread), and every
# paint of the list.
got = {}  # the current query's marks
answers = []  # the current query's search tasks
paints = []
run_task = task_lanes.TaskRunner.run

def timed_run(self, lane, fn, on_done=None, *args, **kwargs):
    if lane != "search":
        return run_task(self, lane, fn, on_done, *args, **kwargs)
    mark = {"queued": time.perf_counter()}
    answers.append(mark)

    def work(ctx):
        mark["started"] = time.perf_counter()
        try:
            return fn(ctx)
        finally:
            mark["ended"] = time.perf_counter()

    def done(result):
        mark["gui_started"] = time.perf_counter()
        listed = "hits" in got
        if on_done is not None:
            on_done(result)
        mark["gui_ended"] = time.perf_counter()
        mark["listed"] = not listed and "hits" in got

    return run_task(self, lane, work, done, *args, **kwargs)

task_lanes.TaskRunner.run = timed_run

def paint(self, event):
    begun = time.perf_counter()
    QTableView.paintEvent(self, event)
    paints.append((begun, time.perf_counter()))

ArticleList.paintEvent = paint

app = QApplication([])
window = MainWindow(Path(sys.argv[1]), app_settings())
window.resize(1024, 600)
window.show()
loop = QEventLoop()
window.session.refresh.done.connect(loop.quit)
loop.exec()
library = window.session.library  # the bench reads the catalog the window opened
rows = library.catalog.rows()
bodies = {r.id: parse_file(library.root, r.path, detect=False).body
          for r in rows[:: max(1, len(rows) // 400)]}
mix = query_mix(rows, bodies, int(sys.argv[2]), 1)
marks = {key: [] for key in ("hits_ms", "painted_ms", "paint_ms", "details_ms", "worker_ms",
                             "lane_wait_ms", "gui_wait_ms", "gui_ms")}

def ask(query):
    window.search_field.setText(query)
    started = time.perf_counter()
    window.search.run_now()
    return started

def settle():
    # The old query's work may still run on the search lane: as when typing, it is there.
    window.search_field.clear()
    app.processEvents()

for kind, query in mix:
    settle()
    got.clear()
    answers.clear()
    del paints[:]
    # Connected after the window's own slots: called once the list shows the answer.
    on_hits = lambda o: got.setdefault("hits", time.perf_counter())
    on_details = lambda d: got.setdefault("details", time.perf_counter())
    window.session.search.results_ready.connect(on_hits)
    window.session.search.snippets_ready.connect(on_details)
    started = ask(query)
    while "details" not in got and time.perf_counter() - started < 10:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    window.session.search.results_ready.disconnect(on_hits)
    window.session.search.snippets_ready.disconnect(on_details)
    if "hits" not in got:
        continue
    marks["hits_ms"].append((got["hits"] - started) * 1000)
    painted = [(b, e) for b, e in paints if b >= got["hits"]]
    if painted:
        marks["painted_ms"].append((painted[0][1] - started) * 1000)
        marks["paint_ms"].append((painted[0][1] - painted[0][0]) * 1000)
    if "details" in got:
        marks["details_ms"].append((got["details"] - started) * 1000)
    listed = [a for a in answers if a.get("listed")]
    if listed:
        a = listed[0]
        marks["worker_ms"].append((a["ended"] - a["started"]) * 1000)
        marks["lane_wait_ms"].append((a["started"] - started) * 1000)
        marks["gui_wait_ms"].append((a["gui_started"] - a["ended"]) * 1000)
        marks["gui_ms"].append((a["gui_ended"] - a["gui_started"]) * 1000)
# The GUI thread's work on every search answer (the rest of the hits, the snippets too).
marks["gui_any_ms"] = []
# Stale: a slow query (a frequent prefix) asked, then at once the one the reader wants.
stale_ms, alone_ms = [], []
for kind, query in mix[:20]:
    for stale in (True, False):
        settle()
        got.clear()
        answers.clear()
        def on_done(listed, query=query):
            if listed.results.query == query:
                got.setdefault("hits", time.perf_counter())
        window.session.search.results_ready.connect(on_done)
        if stale:
            window.session.search.run("a*")
        started = ask(query)
        while "hits" not in got and time.perf_counter() - started < 10:
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        window.session.search.results_ready.disconnect(on_done)
        (stale_ms if stale else alone_ms).append((got.get("hits", started) - started) * 1000)
        marks["gui_any_ms"].extend((a["gui_ended"] - a["gui_started"]) * 1000
                                   for a in answers if "gui_ended" in a)
marks["stale_ms"] = stale_ms
marks["alone_ms"] = alone_ms
window.close()
print(json.dumps(marks))
"""

LABELS = (
    ("hits listed", "hits_ms"),
    ("… of which the search task on the worker", "worker_ms"),
    ("… of which waiting for the search lane (older work on it)", "lane_wait_ms"),
    ("… of which waiting for the GUI thread", "gui_wait_ms"),
    ("… of which the GUI thread's work on the answer", "gui_ms"),
    ("hits painted", "painted_ms"),
    ("… the list's paint itself (its rows, on the GUI thread)", "paint_ms"),
    ("first screenful of snippets (and did you mean)", "details_ms"),
    ("hits listed, alone (stale test's 20 queries)", "alone_ms"),
    ("hits listed, asked while `a*` was still being answered", "stale_ms"),
    ("GUI thread's work on any search answer (stale test)", "gui_any_ms"),
)


def measure(library: Path, queries: int, home: Path | None, code: Path) -> dict[str, list[float]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPOSITORY)}
    if home is not None:
        env["ARTICLE_READER_HOME"] = str(home)
    # Run in ``code``: its ``reader`` comes first on the path (the bench's ``tests`` next).
    output = subprocess.run(
        [sys.executable, "-c", CHILD, str(library), str(queries)],
        env=env, cwd=code, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    marks: dict[str, list[float]] = json.loads(output.strip().splitlines()[-1])
    return marks


def _cell(values: list[float]) -> str:
    if not values:
        return "–"
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"{statistics.median(values):.1f} / {p95:.0f} / {values[-1]:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.keystroke")
    parser.add_argument("library", type=Path)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--home", type=Path, default=None, help="ARTICLE_READER_HOME")
    parser.add_argument("--compare", type=Path, default=None, help="older code to measure too")
    args = parser.parse_args()
    codes = {"after": REPOSITORY} if args.compare is None else {
        "before": args.compare.resolve(), "after": REPOSITORY
    }  # fmt: skip
    results = {name: measure(args.library, args.queries, args.home, code)
               for name, code in codes.items()}  # fmt: skip
    print(f"library: {args.library}, {args.queries} queries of the bench mix, window offscreen")
    print("\n| keystroke (Enter) to …, ms: median / p95 / max | " + " | ".join(codes) + " |")
    print("|---|" + "---|" * len(codes))
    for label, key in LABELS:
        print(f"| {label} | " + " | ".join(_cell(results[name][key]) for name in codes) + " |")
    print("\nTyping adds the search field's 200 ms debounce before the query is asked.")


if __name__ == "__main__":
    main()
