"""What merging a build's segments gains: the same queries on the index as built and merged.

    python -m tests.bench.merge_gain --size 30000 [--work DIR] [--queries 300] [--rounds 3]
                                      [--merged INDEX]

Copies the index of ``home-SIZE`` (in ``--work``, as :mod:`tests.bench.query_latency`
finds it) as the build left it, merges the copy
(:func:`reader.core.search.segment_merge.merge_segments`, in a process of its own:
its time and peak memory are printed), then runs the benchmark's query mix on both,
each query on one then the other (a noisy machine disturbs both alike), each keeping
its best time of the rounds. Prints the medians and 95th percentiles, the ratio
merged/as built, and how many queries' hits differ (none should). ``--merged``: an
index folder already merged from the same one (a copy is used), to skip the merge.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.core.articles.formats import parse_file
from reader.core.library.library import Library
from reader.core.search.index import SearchIndex
from tests.bench.queries import KINDS, query_mix

MERGE = """
import sys
from pathlib import Path
from reader.core.search.segment_merge import merge_segments
print(merge_segments(Path(sys.argv[1])))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--work", type=Path, default=Path("/tmp/article-reader-bench"))
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--merged", type=Path, default=None)
    args = parser.parse_args(argv)
    os.environ["ARTICLE_READER_HOME"] = str(args.work / f"home-{args.size}")
    library = Library(args.work / f"library-{args.size}-{args.seed}", merge_in_background=False)
    rows = library.catalog.rows()
    sample = rows[:: max(1, len(rows) // 400)]
    bodies = {row.id: parse_file(library.root, row.path, detect=False).body for row in sample}
    mix = query_mix(rows, bodies, args.queries, args.seed)
    source = library.data_dir / "index"
    library.close()
    with tempfile.TemporaryDirectory(prefix="merge-gain-") as scratch:
        built, merged = Path(scratch) / "built", Path(scratch) / "merged"
        shutil.copytree(source, built)
        shutil.copytree(args.merged or source, merged)
        if args.merged is None:
            started = time.perf_counter()
            outcome = subprocess.run(
                [sys.executable, "-c", MERGE, str(merged)],
                capture_output=True, text=True, check=True,
            ).stdout.strip()  # fmt: skip
            seconds = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"merge: {outcome}, {seconds:.1f} s, peak RSS {peak:.0f} MB", file=sys.stderr)
        indexes = {"built": SearchIndex(built), "merged": SearchIndex(merged)}
        for name, index in indexes.items():
            segments = index.ix._segments()  # type: ignore[attr-defined]
            print(f"{name}: {len(segments)} segments", file=sys.stderr)
        times: dict[str, list[list[float]]] = {name: [] for name in indexes}
        differ = set()
        for round_ in range(args.rounds):
            print(f"round {round_ + 1}", file=sys.stderr, flush=True)
            run: dict[str, list[float]] = {name: [] for name in indexes}
            for _, query in mix:
                found = {}
                for name, index in indexes.items():
                    start = time.perf_counter()
                    found[name] = [hit.id for hit in index.search(query, limit=20)]
                    run[name].append(time.perf_counter() - start)
                if found["built"] != found["merged"]:
                    differ.add(query)
            for name in indexes:
                times[name].append(run[name])
        for index in indexes.values():
            index.close()
    best = {name: [min(each) for each in zip(*runs, strict=True)] for name, runs in times.items()}
    report(mix, best, len(differ))
    return 0


def report(mix: list[tuple[str, str]], best: dict[str, list[float]], differ: int) -> None:
    print(f"\n{len(mix)} queries (best of the rounds); hits differ on {differ}\n")
    print("| query kind | as built | merged | merged/as built |\n|---|---|---|---|")
    kinds = [("all", lambda kind: True)] + [(k, lambda kind, k=k: kind == k) for k in KINDS]
    for label, wanted in kinds:
        chosen = {n: [t for (kind, _), t in zip(mix, ts, strict=True) if wanted(kind)]
                  for n, ts in best.items()}  # fmt: skip
        for what, pick in (("median", statistics.median), ("p95", _p95)):
            a, b = pick(chosen["built"]), pick(chosen["merged"])
            print(f"| {label}: {what} | {a * 1000:.0f} ms | {b * 1000:.0f} ms | ×{b / a:.2f} |")


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


if __name__ == "__main__":
    sys.exit(main())
