"""Keystroke to hits in the real window: how long a reader waits for the list to answer.

    python -m tests.bench.keystroke LIBRARY [--queries 60] [--home DIR]

Opens the window (offscreen, in a fresh process) on a library whose catalog and index
are already built in ``--home`` (``article-reader index`` first), waits until it is up
to date, then for each query of the benchmark's mix (:mod:`tests.bench.queries`)
types it and presses Enter (the 200 ms debounce is skipped: it is a fixed wait, said
apart) and measures, on the GUI thread, until the list shows the hits, and until the
first screenful's snippets are in. Then the stale case: a query typed while another
is still being answered; how much later do its hits come than alone?
Prints a Markdown table. Not a test.
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
from PySide6.QtWidgets import QApplication
from reader.app import app_settings
from tests.bench.queries import query_mix
from reader.core.articles.formats import parse_file
from reader.ui.window.main_window import MainWindow

app = QApplication([])
window = MainWindow(Path(sys.argv[1]), app_settings())
window.show()
loop = QEventLoop()
window.session.refresh.done.connect(loop.quit)
loop.exec()
library = window.session.library  # the bench reads the catalog the window opened
rows = library.catalog.rows()
bodies = {r.id: parse_file(library.root, r.path, detect=False).body
          for r in rows[:: max(1, len(rows) // 400)]}
mix = query_mix(rows, bodies, int(sys.argv[2]), 1)
marks = {}

def ask(query):
    window.search_field.setText(query)
    started = time.perf_counter()
    window.search.run_now()
    return started

hits_ms, details_ms = [], []
for kind, query in mix:
    window.search_field.clear()
    app.processEvents()
    got = {}
    # Connected after the window's own slots: called once the list shows the answer.
    on_hits = lambda o, got=got: got.setdefault("hits", time.perf_counter())
    on_details = lambda d, got=got: got.setdefault("details", time.perf_counter())
    window.session.search.results_ready.connect(on_hits)
    window.session.search.snippets_ready.connect(on_details)
    started = ask(query)
    while "details" not in got and time.perf_counter() - started < 10:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
    window.session.search.results_ready.disconnect(on_hits)
    window.session.search.snippets_ready.disconnect(on_details)
    if "hits" in got:
        hits_ms.append((got["hits"] - started) * 1000)
    if "details" in got:
        details_ms.append((got["details"] - started) * 1000)
marks["hits_ms"] = hits_ms
marks["details_ms"] = details_ms
# Stale: a slow query (a frequent prefix) asked, then at once the one the reader wants.
stale_ms, alone_ms = [], []
for kind, query in mix[:20]:
    for stale in (True, False):
        window.search_field.clear()
        app.processEvents()
        got = {}
        def on_done(listed, got=got, query=query):
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
marks["stale_ms"] = stale_ms
marks["alone_ms"] = alone_ms
window.close()
print(json.dumps(marks))
"""


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.keystroke")
    parser.add_argument("library", type=Path)
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--home", type=Path, default=None, help="ARTICLE_READER_HOME")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if args.home is not None:
        env["ARTICLE_READER_HOME"] = str(args.home)
    output = subprocess.run(
        [sys.executable, "-c", CHILD, str(args.library), str(args.queries)],
        env=env, cwd=REPOSITORY, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    marks = json.loads(output.strip().splitlines()[-1])
    print(f"library: {args.library}, {args.queries} queries of the bench mix, window offscreen")
    print("\n| keystroke (Enter) to … | median | p95 | max |\n|---|---|---|---|")
    for label, key in (
        ("hits listed", "hits_ms"),
        ("first screenful of snippets (and did you mean)", "details_ms"),
        ("hits listed, alone (stale test's 20 queries)", "alone_ms"),
        ("hits listed, asked while `a*` was still being answered", "stale_ms"),
    ):
        values = sorted(marks[key])
        p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
        print(f"| {label} | {statistics.median(values):.0f} ms | {p95:.0f} ms "
              f"| {values[-1]:.0f} ms |")  # fmt: skip
    print("\nTyping adds the search field's 200 ms debounce before the query is asked.")


if __name__ == "__main__":
    main()
