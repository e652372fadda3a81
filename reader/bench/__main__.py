"""The search benchmark: build, relaunch, write-to-searchable, queries, memory — vs FTS5.

    python -m reader.bench [--sizes 30000,100000] [--work DIR] [--queries 300]

Generates (once, cached in --work) a library per size with
``reader.bench.generate``, then measures, on whatever this machine has:
the first full build (catalog + Whoosh index, with ``article-reader index``
in a child process, so its peak memory is measured alone) and the same
articles into SQLite FTS5; a relaunch with nothing changed (the real window,
offscreen); how soon a file written into the library is found; the latency
of a deterministic mix of queries for the top 20 hits with snippets. Prints
a Markdown table; the FTS5 figure and the ratio stand beside each of ours.
Not a test: it takes minutes (about 10 at 30,000 articles on 2 cores).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from reader.bench.fts5 import Fts5Library
from reader.bench.generate import generate_library
from reader.bench.launch import launch
from reader.bench.queries import KINDS, query_mix
from reader.core.articles.article import Article
from reader.core.articles.formats import parse_file
from reader.core.library.library import Library
from reader.core.operations import article_snippet
from reader.core.search.snippets import QueryTerms


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m reader.bench")
    parser.add_argument("--sizes", default="30000,100000")
    parser.add_argument("--work", type=Path, default=Path("/tmp/article-reader-bench"))
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(f"# Article Reader benchmark — {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for size in (int(s) for s in args.sizes.split(",")):
        run_size(size, args.work, args.queries, args.seed)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_size(size: int, work: Path, query_count: int, seed: int) -> None:
    library_dir = work / f"library-{size}-{seed}"
    if not (library_dir / ".complete").exists():
        say(f"generating {size} articles into {library_dir}")
        shutil.rmtree(library_dir, ignore_errors=True)
        generate_library(library_dir, size, seed)
        (library_dir / ".complete").write_text("ok")
    written = library_dir / "bench-fresh.txt"
    written.unlink(missing_ok=True)  # left by an interrupted run
    home = work / f"home-{size}"
    shutil.rmtree(home, ignore_errors=True)
    os.environ["ARTICLE_READER_HOME"] = str(home)
    rows: list[tuple[str, str, str]] = []

    say("building the catalog and Whoosh index (article-reader index)")
    build_s, build_rss = timed_child([sys.executable, "-m", "reader", "index", "--library",
                                      str(library_dir)])  # fmt: skip
    say("building SQLite FTS5 from the same files")
    library = Library(library_dir)
    catalog = library.catalog.rows()
    started = time.perf_counter()
    fts = Fts5Library(work / f"fts5-{size}.sqlite3")
    batch: list[tuple[int, Article]] = []
    for row in catalog:
        batch.append((row.id, parse_file(library.root, row.path, detect=False)))
        if len(batch) >= 2000:
            fts.add(batch)
            batch = []
    fts.add(batch)
    fts_build_s = time.perf_counter() - started
    rows.append(
        (
            "first build",
            f"{build_s:.0f} s ({size / build_s:.0f} articles/s)",
            f"{fts_build_s:.0f} s ({size / fts_build_s:.0f}/s), ×{build_s / fts_build_s:.1f}",
        )
    )
    rows.append(("indexer peak RSS", f"{build_rss:.0f} MB", ""))

    say("relaunching the window (offscreen), nothing changed")
    marks = launch(library_dir, home)
    rows.append(
        (
            "relaunch: list shown",
            f"{marks['list_shown']:.2f} s ({marks['rows_at_list_shown']} rows)",
            "",
        )
    )
    rows.append(("relaunch: up to date", f"{marks['refreshed']:.2f} s", ""))
    rows.append(("app peak RSS (relaunch)", f"{marks['peak_rss_mb']:.0f} MB", ""))

    say("writing one file and searching for it")
    written.write_text("Zqxfresh écrit à l’instant\n\nUn mot rare : zqxfresh.\n", "utf-8")
    started = time.perf_counter()
    library.refresh(plan=library.plan([library_dir]))  # as the app: the folder that changed
    found = [hit.id for hit in library.index.search("zqxfresh", limit=5)]
    fresh_s = time.perf_counter() - started
    written.unlink()
    library.refresh(plan=library.plan([library_dir]))
    catalog = [row for row in catalog if row.path != written.name]
    rows.append(
        (
            "file written → searchable (the app adds its 0.3 s debounce)",
            f"{fresh_s:.2f} s (found: {bool(found)})",
            "",
        )
    )

    say(f"running {query_count} queries, top 20 with snippets")
    by_id = {row.id: row for row in catalog}
    bodies = {row.id: parse_file(library.root, row.path, detect=False).body
              for row in catalog[:: max(1, len(catalog) // 400)]}  # fmt: skip
    ours: dict[str, list[float]] = {kind: [] for kind in KINDS}
    theirs: dict[str, list[float]] = {kind: [] for kind in KINDS}
    hits_ours = hits_theirs = 0
    for kind, query in query_mix(catalog, bodies, query_count, seed):
        started = time.perf_counter()
        hits = library.index.search(query, limit=20)
        terms = QueryTerms.parse(query)
        for hit in hits:
            row = by_id[hit.id]
            article_snippet(library, row, terms)
        ours[kind].append(time.perf_counter() - started)
        hits_ours += len(hits)
        started = time.perf_counter()
        hits_theirs += len(fts.search(query))
        theirs[kind].append(time.perf_counter() - started)
    every_ours = [t for times in ours.values() for t in times]
    every_theirs = [t for times in theirs.values() for t in times]
    rows.append(
        (
            "query, top 20 + snippets: median",
            ms(statistics.median(every_ours)),
            f"{ms(statistics.median(every_theirs))}, "
            f"×{statistics.median(every_ours) / statistics.median(every_theirs):.1f}",
        )
    )
    rows.append(
        (
            "query: p95",
            ms(p95(every_ours)),
            f"{ms(p95(every_theirs))}, ×{p95(every_ours) / p95(every_theirs):.1f}",
        )
    )
    for kind in KINDS:
        rows.append(
            (
                f"  {kind}: median / p95",
                f"{ms(statistics.median(ours[kind]))} / {ms(p95(ours[kind]))}",
                f"{ms(statistics.median(theirs[kind]))} / {ms(p95(theirs[kind]))}",
            )
        )
    rows.append(("hits returned (of 20 × queries)", str(hits_ours), str(hits_theirs)))
    library.close()
    fts.close()

    print(f"\n## {size:,} articles\n")
    print("| measure | Article Reader (Whoosh) | SQLite FTS5, ratio ours/FTS5 |")
    print("|---|---|---|")
    for name, value, other in rows:
        print(f"| {name} | {value} | {other} |")
    sys.stdout.flush()


def timed_child(command: list[str]) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of a child process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{command} failed with {process.returncode}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


if __name__ == "__main__":
    main()
