"""The search benchmark: build, relaunch, queries, memory — beside FTS5 and Recoll.

    python -m tests.bench [--sizes 30000,100000] [--work DIR] [--queries 300]
                           [--no-launch] [--no-recoll]

Generates (once, cached in --work) a library per size with
``tests.synthetic``, then measures, on whatever this machine has:
the first full build (catalog + Whoosh index, with ``article-reader index``
in a child process, so its peak memory is measured alone), the same
articles into SQLite FTS5, and the same folder through ``recollindex``
(French and English stemming, :mod:`tests.bench.recoll`); a relaunch with
nothing changed (the real window, offscreen); how soon a file written into
the library is found; the latency of a deterministic mix of queries for the
top 20 hits with a snippet each, on all three engines, each in process (ours through
``search_library``, as the search box, after highlighting passages of some articles
with notes, for the mix's ``notes`` queries).
Prints a Markdown table with each peer's figure and our ratio beside ours.
Not a test: it takes minutes (about 10 at 30,000 articles on 2 cores).
The known-item ranking test is ``python -m tests.bench.ranking CORPUS``.
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

from reader.core.articles.article import Article
from reader.core.articles.formats import parse_file
from reader.core.catalog.store import CatalogRow
from reader.core.library.library import Library
from reader.core.operations import search_library
from tests.bench import recoll
from tests.bench.fts5 import Fts5Library
from tests.bench.launch import launch
from tests.bench.queries import KINDS, query_mix
from tests.bench.query_latency import add_highlights
from tests.synthetic import generate_library

Row = tuple[str, str, str, str]  # measure, ours, FTS5 (ratio), Recoll (ratio)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench")
    parser.add_argument("--sizes", default="30000,100000")
    parser.add_argument("--work", type=Path, default=Path("/tmp/article-reader-bench"))
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-launch", action="store_true", help="skip relaunch and live add")
    parser.add_argument("--no-recoll", action="store_true")
    args = parser.parse_args()
    with_recoll = not args.no_recoll and recoll.available()
    print(f"# Article Reader benchmark — {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    for size in (int(s) for s in args.sizes.split(",")):
        run_size(size, args.work, args.queries, args.seed, not args.no_launch, with_recoll)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_size(
    size: int, work: Path, query_count: int, seed: int, with_launch: bool, with_recoll: bool
) -> None:
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
    rows: list[Row] = []

    say("building the catalog and Whoosh index (article-reader index)")
    build_s, build_rss, build_cpu = timed_child([sys.executable, "-m", "reader", "index",
                                                 "--library", str(library_dir)])  # fmt: skip
    say("building SQLite FTS5 from the same files")
    library = Library(library_dir)
    catalog = library.catalog.rows()
    fts_path = work / f"fts5-{size}.sqlite3"
    started = time.perf_counter()
    fts = Fts5Library(fts_path)
    batch: list[tuple[int, Article]] = []
    for row in catalog:
        batch.append((row.id, parse_file(library.root, row.path, detect=False)))
        if len(batch) >= 2000:
            fts.add(batch)
            batch = []
    fts.add(batch)
    fts_build_s = time.perf_counter() - started
    confdir = work / f"recoll-{size}"
    recoll_build_s = recoll_rss = recoll_mb = recoll_cpu = 0.0
    if with_recoll:
        say("building Recoll's index of the same folder (recollindex)")
        command = recoll.configure(confdir, library_dir, ("fr", "en"))
        recoll_build_s, recoll_rss, recoll_cpu = timed_child(command)
        recoll_mb = recoll.index_size_mb(confdir)
    ours_mb = folder_mb(library.index.folder)
    rows.append(
        (
            "first build",
            f"{build_s:.0f} s ({size / build_s:.0f} articles/s)",
            f"{fts_build_s:.0f} s ({size / fts_build_s:.0f}/s), ×{build_s / fts_build_s:.1f}",
            f"{recoll_build_s:.0f} s ({size / recoll_build_s:.0f}/s), "
            f"×{build_s / recoll_build_s:.2f}"
            if with_recoll
            else "",
        )
    )
    rows.append(
        (
            # On a shared machine the wall time depends on the neighbours; the CPU
            # time (user + system, the index workers included) much less.
            "first build, CPU time",
            f"{build_cpu:.0f} s",
            "",
            f"{recoll_cpu:.0f} s, ×{build_cpu / recoll_cpu:.2f}" if with_recoll else "",
        )
    )
    rows.append(
        (
            "peak RSS while indexing (largest process)",
            f"{build_rss:.0f} MB",
            "",
            f"{recoll_rss:.0f} MB, ×{build_rss / recoll_rss:.2f}" if with_recoll else "",
        )
    )
    rows.append(
        (
            "index on disk",
            f"{ours_mb:.0f} MB",
            f"{fts_path.stat().st_size / 1e6:.0f} MB",
            f"{recoll_mb:.0f} MB, ×{ours_mb / recoll_mb:.2f}" if with_recoll else "",
        )
    )
    if with_launch:
        rows += launch_rows(library, library_dir, home, written)
        catalog = [row for row in catalog if row.path != written.name]
    rows += query_rows(library, catalog, fts, confdir if with_recoll else None, query_count, seed)
    library.close()
    fts.close()

    print(f"\n## {size:,} articles\n")
    print("| measure | Article Reader (Whoosh) | SQLite FTS5, ratio ours/FTS5 "
          "| Recoll, ratio ours/Recoll |\n|---|---|---|---|")  # fmt: skip
    for name, value, fts_value, recoll_value in rows:
        print(f"| {name} | {value} | {fts_value} | {recoll_value} |")
    sys.stdout.flush()


def launch_rows(library: Library, library_dir: Path, home: Path, written: Path) -> list[Row]:
    say("relaunching the window (offscreen), nothing changed")
    marks = launch(library_dir, home)
    rows: list[Row] = [
        ("relaunch: list shown", f"{marks['list_shown']:.2f} s "
         f"({marks['rows_at_list_shown']} rows)", "", ""),
        ("relaunch: up to date", f"{marks['refreshed']:.2f} s", "", ""),
        ("app peak RSS (relaunch)", f"{marks['peak_rss_mb']:.0f} MB", "", ""),
    ]  # fmt: skip
    say("writing one file and searching for it")
    written.write_text("Zqxfresh écrit à l’instant\n\nUn mot rare : zqxfresh.\n", "utf-8")
    started = time.perf_counter()
    library.refresh(plan=library.plan([library_dir]))  # as the app: the folder that changed
    found = [hit.id for hit in library.index.search("zqxfresh", limit=5)]
    fresh_s = time.perf_counter() - started
    written.unlink()
    library.refresh(plan=library.plan([library_dir]))
    rows.append(("file written → searchable (the app adds its 0.3 s debounce)",
                 f"{fresh_s:.2f} s (found: {bool(found)})", "", ""))  # fmt: skip
    return rows


def query_rows(
    library: Library,
    catalog: list[CatalogRow],
    fts: Fts5Library,
    confdir: Path | None,
    query_count: int,
    seed: int,
) -> list[Row]:
    rows_ = catalog
    sample = rows_[:: max(1, len(rows_) // 400)]
    bodies = {row.id: parse_file(library.root, row.path, detect=False).body for row in sample}
    say(f"highlighting {add_highlights(library, sample, bodies)} passages, with notes")
    say(f"running {query_count} queries, top 20 with snippets")
    mix = query_mix(rows_, bodies, query_count, seed)
    ours: dict[str, list[float]] = {kind: [] for kind in KINDS}
    theirs: dict[str, list[float]] = {kind: [] for kind in KINDS}
    hits_ours = hits_theirs = 0
    for kind, query in mix:
        started = time.perf_counter()
        found = search_library(library, query, limit=20, suggest=False)
        ours[kind].append(time.perf_counter() - started)
        hits_ours += len(found.hits)
        started = time.perf_counter()
        hits_theirs += len(fts.search(query))
        theirs[kind].append(time.perf_counter() - started)
    recoll_times: dict[str, list[float]] = {kind: [] for kind in KINDS}
    hits_recoll = 0
    if confdir is not None:
        say("the same queries in Recoll")
        run = recoll.run_queries(confdir, [recoll.translate(q) for _, q in mix], ("fr", "en"))
        for (kind, _), seconds, paths in zip(mix, run.seconds, run.paths, strict=True):
            recoll_times[kind].append(seconds)
            hits_recoll += len(paths)
    every = [[t for times in d.values() for t in times] for d in (ours, theirs, recoll_times)]
    rows: list[Row] = []
    for name, stat in (("median", statistics.median), ("p95", p95)):
        mine, fts_s = stat(every[0]), stat(every[1])
        rec = f"{ms(stat(every[2]))}, ×{mine / stat(every[2]):.1f}" if every[2] else ""
        rows.append((f"query, top 20 + a snippet each: {name}", ms(mine),
                     f"{ms(fts_s)}, ×{mine / fts_s:.1f}", rec))  # fmt: skip
    for kind in KINDS:
        rows.append(
            (
                f"  {kind}: median / p95",
                f"{ms(statistics.median(ours[kind]))} / {ms(p95(ours[kind]))}",
                f"{ms(statistics.median(theirs[kind]))} / {ms(p95(theirs[kind]))}",
                f"{ms(statistics.median(recoll_times[kind]))} / {ms(p95(recoll_times[kind]))}"
                if recoll_times[kind]
                else "",
            )
        )
    rows.append(("hits returned (of 20 × queries)", str(hits_ours), str(hits_theirs),
                 str(hits_recoll) if confdir else ""))  # fmt: skip
    return rows


def timed_child(command: list[str]) -> tuple[float, float, float]:
    """Wall time, peak RSS (MB) and CPU time (user + system) of a child process.

    Its own children (the index workers) count: the RSS of the largest process,
    the CPU time of all."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{command} failed with {process.returncode}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def folder_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


if __name__ == "__main__":
    main()
