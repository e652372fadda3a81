"""Query latency on libraries already built, ours beside Recoll's, in one run.

    python -m tests.bench.query_latency --size 100000 [--work DIR] [--queries 300]
                                          [--seed 0] [--rounds 2] [--home DIR]
                                          [--add-highlights]

Uses what ``python -m tests.bench`` (or ``article-reader index`` and ``recollindex``
with :func:`tests.bench.recoll.configure`) left in ``--work``: the library
``library-SIZE-SEED``, our data in ``home-SIZE`` and Recoll's in ``recoll-SIZE``. Builds
nothing, so the queries can be timed on a quiet machine apart from a long build. The
benchmark's query mix (:mod:`tests.bench.queries`), each query timed three ways:

* ours, hits only: the top 20 through ``search_library`` (the reader's own data, notes
  included, as the search box asks), what the window lists first;
* ours, top 20 with a snippet each: the same, then each hit's snippet (``hit_snippets``,
  its file read), which is what ``search_library`` does when asked for snippets;
* Recoll, top 20 with ``makedocabstract`` of each, in process (python3-recoll).

``--home``: our data folder (default ``WORK/home-SIZE``). ``--add-highlights`` first
highlights passages of the sampled articles, each with a note
(:func:`tests.bench.queries.highlights`), through the reader's data API, as the window
saves them; it writes into ``--home``, so give it a copy of a shared one. Without
highlights the ``notes`` queries find nothing (and cost only their search).

``--rounds``: the whole mix is run this many times, ours and Recoll's in turn, and each
query keeps its best time of the rounds (the machine is shared: the best is the least
disturbed). Prints a Markdown table, the ratios ours/Recoll beside.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from reader.core.annotations.annotating import create
from reader.core.articles.formats import parse_file
from reader.core.catalog.store import CatalogRow
from reader.core.library.library import Library
from reader.core.operations import hit_snippets, open_article, search_library
from tests.bench import recoll
from tests.bench.queries import KINDS, highlights, query_mix

Times = dict[str, list[float]]  # kind → seconds, one per query of the kind


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.query_latency")
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--work", type=Path, default=Path("/tmp/article-reader-bench"))
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--home", type=Path, default=None)
    parser.add_argument("--add-highlights", action="store_true")
    args = parser.parse_args()
    root = args.work / f"library-{args.size}-{args.seed}"
    home = args.home or args.work / f"home-{args.size}"
    os.environ["ARTICLE_READER_HOME"] = str(home)
    confdir = args.work / f"recoll-{args.size}"
    library = Library(root)
    rows = library.catalog.rows()
    if len(rows) < args.size or library.catalog.unindexed_ids():
        raise SystemExit(f"{root} is not indexed in {os.environ['ARTICLE_READER_HOME']}")
    sample = rows[:: max(1, len(rows) // 400)]
    bodies = {row.id: parse_file(root, row.path, detect=False).body for row in sample}
    if args.add_highlights:
        print(f"highlighting {add_highlights(library, sample, bodies)} passages", file=sys.stderr)
    mix = query_mix(rows, bodies, args.queries, args.seed)
    with_recoll = recoll.available() and (confdir / "xapiandb").exists()
    hits_only: list[Times] = []
    snippets: list[Times] = []
    theirs: list[Times] = []
    for round_ in range(args.rounds):
        print(f"round {round_ + 1}: ours", file=sys.stderr, flush=True)
        hit: Times = {kind: [] for kind in KINDS}
        snip: Times = {kind: [] for kind in KINDS}
        for kind, query in mix:
            started = time.perf_counter()
            found = search_library(library, query, limit=20, snippets=0, suggest=False)
            listed = time.perf_counter()
            hit_snippets(library, query, [one.row for one in found.hits])
            hit[kind].append(listed - started)
            snip[kind].append(time.perf_counter() - started)
        hits_only.append(hit)
        snippets.append(snip)
        if with_recoll:
            print(f"round {round_ + 1}: Recoll", file=sys.stderr, flush=True)
            translated = [recoll.translate(query) for _, query in mix]
            run = recoll.run_queries(confdir, translated, ("fr", "en"))
            them: Times = {kind: [] for kind in KINDS}
            for (kind, _), seconds in zip(mix, run.seconds, strict=True):
                them[kind].append(seconds)
            theirs.append(them)
    library.close()
    report(args.size, len(mix), best(hits_only), best(snippets), best(theirs) if theirs else None)


def add_highlights(library: Library, sample: list[CatalogRow], bodies: dict[int, str]) -> int:
    """Highlights with notes on the sampled articles (none twice): how many were made."""
    userdata = library.userdata
    if userdata.note_texts():
        return 0
    made = []
    for row in sample:
        opened = open_article(library, row)
        for quote, note in highlights(row.id, bodies[row.id]):
            start = opened.text.find(quote)
            if start >= 0:
                made.append(create(row.id, opened.text, start, start + len(quote), "yellow", note))
    userdata.save_all(made)
    return len(made)


def best(rounds: list[Times]) -> Times:
    """Each query's best time over the rounds."""
    return {
        kind: [min(times) for times in zip(*(r[kind] for r in rounds), strict=True)]
        for kind in KINDS
    }


def report(size: int, count: int, hits: Times, snippets: Times, theirs: Times | None) -> None:
    print(f"\n{size:,} articles, {count} queries (best of the rounds)\n")
    print("| query kind | ours, hits only | ours, top 20 + snippets | Recoll, top 20 + "
          "abstracts | ours/Recoll |\n|---|---|---|---|---|")  # fmt: skip
    for label, pick in (("all: median", statistics.median), ("all: p95", p95)):
        row(label, pick, every(hits), every(snippets), every(theirs) if theirs else None)
    for kind in KINDS:
        for label, pick in ((f"{kind}: median", statistics.median), (f"{kind}: p95", p95)):
            row(label, pick, hits[kind], snippets[kind], theirs[kind] if theirs else None)


def row(
    label: str,
    pick: Callable[[list[float]], float],
    hits: list[float],
    snippets: list[float],
    theirs: list[float] | None,
) -> None:
    ours = pick(snippets)
    recoll_s = pick(theirs) if theirs else None
    ratio = f"×{ours / recoll_s:.2f}" if recoll_s else ""
    shown = f"{recoll_s * 1000:.0f} ms" if recoll_s is not None else ""
    print(f"| {label} | {pick(hits) * 1000:.0f} ms | {ours * 1000:.0f} ms | {shown} | {ratio} |")


def every(times: Times) -> list[float]:
    return [t for values in times.values() for t in values]


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


if __name__ == "__main__":
    main()
