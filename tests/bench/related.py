"""Related articles: how often they share the open article's category, and how fast.
A benchmark, not a test.

    python -m tests.bench.related --eltec CORPUS [--pages DIR] [--news DIR ...]
        [--latency LIBRARY --data DATA_DIR] [--limit 5] [--json]

Quality, on labelled libraries built in a temporary folder: ``--eltec`` copies every
chapter of a corpus of novels laid out as ELTeC's sample is (``<lang>/<NOVEL>_<n>.md``)
and labels each with its novel, then again with its author (the library holds every
chapter; the articles measured are those of labels with more articles than ``--limit``,
so that all the related ones listed could share it); ``--pages`` copies saved news
pages and labels each with its section, read from its ``og:url``
(``actu.orange.fr/<section>/…``, the first two path parts for ``societe/…``). For
every article whose label has more than ``--limit`` articles, the related list is
computed as the app does, and the share of related articles with the same label is
reported (micro-averaged over all the related articles listed), with the share of
articles that got a full list. ``--news`` measures on hand-labelled news topics and
categories, tuning and held-out parts apart, beside plain tf-idf
(:mod:`tests.bench.related_news`).

Latency: ``--latency`` times the related list of a seeded sample of articles of an
existing library whose catalog and index are in ``--data`` (a library's data folder,
such as one ``python -m tests.bench`` built at 30,000 articles; copy it first: the
catalog may be migrated). The article is read and parsed before the clock starts, as
the window has it open already.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.core.articles.formats import parse_file
from reader.core.catalog.store import Catalog, CatalogRow
from reader.core.library.library import Library
from reader.core.search.index import SearchIndex
from reader.core.search.related import related_articles
from tests.bench.related_news import news_quality

_AUTHOR = re.compile(r"^author:(.*)$", re.MULTILINE)
_OG_URL = re.compile(
    rb'content="https?://[^/"]+/([^"]+)"\s+property="og:url"|og:url"\s+content="https?://[^/"]+/([^"]+)"'
)


def eltec_labels(corpus: Path, into: Path, by: str = "novel") -> dict[str, str]:
    """Copies the chapters; labels them by novel (the file's prefix) or by author (its
    front matter's ``author:``)."""
    labels = {}
    for path in sorted(corpus.glob("*/*.md")):
        rel = f"{path.parent.name}/{path.name}"
        (into / path.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, into / rel)
        labels[rel] = path.name.split("_")[0]
        if by == "author":
            author = _AUTHOR.search(path.read_text(encoding="utf-8")[:2000])
            labels[rel] = author.group(1).strip(" \"'") if author else labels[rel]
    return labels


def page_labels(folder: Path, into: Path) -> dict[str, str]:
    labels = {}
    for path in sorted(folder.glob("*.htm*")):
        match = _OG_URL.search(path.read_bytes())
        if match is None:
            continue
        parts = (match.group(1) or match.group(2)).decode().split("/")
        label = "/".join(parts[:2]) if parts[0] == "societe" else parts[0]
        shutil.copy2(path, into / path.name)
        labels[path.name] = label
    return labels


def quality(
    name: str, build: Callable[[Path], dict[str, str]], limit: int, work: Path | None
) -> dict[str, Any]:
    """The share of related articles with the open article's label, over the articles whose
    label has more than ``limit`` articles (so that every one listed could share it)."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = work / name if work else Path(temporary)
        root, data = folder / "library", folder / "data"
        root.mkdir(parents=True, exist_ok=True)
        labels = build(root)
        library = Library(root, data_dir=data)
        try:
            library.refresh()
            rows = {row.path: row for row in library.catalog.rows() if not row.error}
            counts: dict[str, int] = {}
            for rel in rows:
                counts[labels[rel]] = counts.get(labels[rel], 0) + 1
            same = listed = full = articles = duplicates = 0
            seconds = []
            for rel, row in rows.items():
                if counts[labels[rel]] <= limit:
                    continue
                article = library.read_article(row)
                result = related_articles(
                    library.index, library.catalog, library.read_article, row.id, article, limit
                )
                seconds.append(result.seconds)
                articles += 1
                duplicates += len(result.duplicates)
                listed += len(result.related)
                full += len(result.related) == limit
                same += sum(labels.get(item.path) == labels[rel] for item in result.related)
        finally:
            library.close()
    return {
        "set": name,
        "articles": articles,
        "labels": len([c for c in counts.values() if c > limit]),
        "related_listed": listed,
        "same_label_share": round(same / max(1, listed), 3),
        "full_lists": round(full / max(1, articles), 3),
        "duplicates_found": duplicates,
        "ms_median": round(1000 * statistics.median(seconds), 1) if seconds else None,
    }


def latency(root: Path, data: Path, sample: int, limit: int, seed: int = 0) -> dict[str, Any]:
    catalog = Catalog(data / "catalog.sqlite3")
    index = SearchIndex(data / "index")
    try:
        rows = [row for row in catalog.rows() if not row.error]
        picked = random.Random(seed).sample(rows, min(sample, len(rows)))

        def read(row: CatalogRow) -> Any:
            article = parse_file(root, row.path, detect=False)
            article.lang = row.lang
            return article

        seconds = []
        for row in picked:
            article = read(row)
            start = time.perf_counter()
            related_articles(index, catalog, read, row.id, article, limit)
            seconds.append(time.perf_counter() - start)
    finally:
        index.close()
        catalog.close()
    ms = sorted(1000 * s for s in seconds)
    return {
        "articles_in_library": len(rows),
        "sampled": len(ms),
        "ms_median": round(statistics.median(ms), 1),
        "ms_p90": round(ms[int(0.9 * (len(ms) - 1))], 1),
        "ms_max": round(ms[-1], 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.related")
    parser.add_argument("--eltec", type=Path, help="a corpus laid out as eltec-sample")
    parser.add_argument("--pages", type=Path, help="saved news pages with og:url sections")
    parser.add_argument("--news", type=Path, nargs="+", help="folders of labelled pages")
    parser.add_argument("--latency", type=Path, help="a library folder to time")
    parser.add_argument("--data", type=Path, help="that library's data folder (a copy)")
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--limit", type=int, default=5)
    parser.add_argument("--work", type=Path, help="build the labelled libraries here, once")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report: dict[str, Any] = {}
    if args.eltec:
        report["eltec"] = quality(
            "eltec", lambda r: eltec_labels(args.eltec, r), args.limit, args.work
        )
        report["eltec by author"] = quality(
            "eltec", lambda r: eltec_labels(args.eltec, r, "author"), args.limit, args.work
        )
    if args.pages:
        report["pages"] = quality(
            "pages", lambda r: page_labels(args.pages, r), args.limit, args.work
        )
    if args.news:
        report.update(news_quality(args.news, args.limit, args.work))
    if args.latency:
        if args.data is None:
            parser.error("--latency needs --data")
        report["latency"] = latency(args.latency, args.data, args.sample, args.limit)
    if not report:
        parser.error("nothing to measure: give --eltec, --pages, --news or --latency")
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
    else:
        for name, values in report.items():
            print(name + ": " + ", ".join(f"{key} {value}" for key, value in values.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
