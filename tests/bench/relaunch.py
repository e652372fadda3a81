"""Relaunch with nothing changed: what a reader waits for when the library is already built.

    python -m tests.bench.relaunch LIBRARY --home HOME [--compare OLD_CODE] [--runs 3]

``HOME`` (an ``ARTICLE_READER_HOME``) must already hold LIBRARY's catalog and index
(``ARTICLE_READER_HOME=HOME python -m reader index --library LIBRARY``): nothing is
built here, every run is a relaunch. Each measure is a fresh process:

* **list shown**: the window (offscreen) from start until its list has rows;
* **scan**: from the list shown until the window's background refresh ("is anything
  changed?", the watcher set up) says the library is up to date;
* **core scan**: ``Library.plan()`` + ``refresh(plan=…)`` alone, no window;
* **list --json**: ``python -m reader list --json --library LIBRARY > /dev/null``;
* **peak RSS** of the window's process.

With ``--compare OLD_CODE`` (a checkout of older code, e.g. ``git worktree add
/tmp/old HEAD``) each run measures the old code then this one, one after the other,
so a noisy machine affects both alike; the table gives medians of ``--runs`` runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.launch import launch

THIS_CODE = Path(__file__).resolve().parents[2]  # the folder holding this ``reader``

CORE_SCAN = r"""
import json, sys, time
from pathlib import Path
from reader.core.library.library import Library
library = Library(Path(sys.argv[1]))
start = time.perf_counter()
plan = library.plan()
library.refresh(plan=plan)
seconds = time.perf_counter() - start
library.close()
print(json.dumps({"core_scan": seconds, "to_parse": len(plan.to_parse)}))
"""

Measures = dict[str, float]


def _env(code: Path, home: Path) -> dict[str, str]:
    # PYTHONPATH first on the path: its ``reader`` wins over the installed (editable) one.
    return {**os.environ, "ARTICLE_READER_HOME": str(home), "PYTHONPATH": str(code)}


def core_scan(library: Path, home: Path, code: Path) -> Measures:
    output = subprocess.run(
        [sys.executable, "-c", CORE_SCAN, str(library)],
        env=_env(code, home), cwd=code, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    found: Measures = json.loads(output.strip().splitlines()[-1])
    return found


def list_json(library: Path, home: Path, code: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reader", "list", "--json", "--library", str(library)],
        env=_env(code, home), cwd=code, stdout=subprocess.DEVNULL, check=True,
    )  # fmt: skip
    return time.perf_counter() - start


def one_run(library: Path, home: Path, code: Path) -> Measures:
    window = launch(library, home, code)
    measures = {
        "list_shown": window["list_shown"],
        "scan": window["refreshed"] - window["list_shown"],
        "peak_rss_mb": window["peak_rss_mb"],
        "rows": window["rows"],
    }
    measures.update(core_scan(library, home, code))
    measures["list_json"] = list_json(library, home, code)
    return measures


LABELS = (
    ("list_shown", "window: list shown", "s"),
    ("scan", "window: background scan (list shown → up to date)", "s"),
    ("core_scan", "core: plan + refresh, nothing changed", "s"),
    ("list_json", "`article-reader list --json`", "s"),
    ("peak_rss_mb", "window: peak RSS", "MB"),
)


def _cell(values: list[float], unit: str) -> str:
    middle = statistics.median(values)
    return f"{middle:.0f} MB" if unit == "MB" else f"{middle:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.relaunch")
    parser.add_argument("library", type=Path)
    parser.add_argument("--home", type=Path, required=True, help="ARTICLE_READER_HOME, built")
    parser.add_argument("--compare", type=Path, default=None, help="older code to measure too")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    codes = {"after": THIS_CODE} if args.compare is None else {
        "before": args.compare.resolve(), "after": THIS_CODE
    }  # fmt: skip
    results: dict[str, list[Measures]] = {name: [] for name in codes}
    print(f"# relaunch, {args.library} — {dt.datetime.now():%Y-%m-%d %H:%M}, "
          f"{os.cpu_count()} cores", flush=True)  # fmt: skip
    for run in range(args.runs):
        for name, code in codes.items():
            measures = one_run(args.library, args.home, code)
            results[name].append(measures)
            print(f"run {run + 1} {name}: {json.dumps(measures)}", file=sys.stderr, flush=True)
    print()
    print("| measure | " + " | ".join(codes) + " |")
    print("|---|" + "---|" * len(codes))
    for key, label, unit in LABELS:
        cells = [_cell([m[key] for m in results[name]], unit) for name in codes]
        print(f"| {label} | " + " | ".join(cells) + " |")
    rows = {int(m["rows"]) for name in codes for m in results[name]}
    print(f"\nrows listed once up to date: {sorted(rows)}; medians of {args.runs} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
