"""Triage and the daily review on a large catalog: how long each call the window makes takes.

    python -m tests.bench.triage_review CATALOG [--highlights N] [--queued N]

CATALOG is a library's ``catalog.sqlite3`` (e.g. of the 30,000-article benchmark
library); it is copied into a temporary folder (and migrated there), never written.
N highlights are added over the articles (one per article, round robin), N articles
queued; then each call is timed, the median of several runs, in milliseconds. There
is no peer to compare with: these are SQLite queries over the catalog's own tables.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from reader.core.annotations.anchoring import Selectors, TextQuote
from reader.core.annotations.userdata import Annotation, UserData
from reader.core.catalog.store import Catalog
from reader.core.review import records
from reader.core.review.daily import ReviewDeck
from reader.core.review.schedule import ReviewRecord
from reader.core.search.query_tree import Filter
from reader.core.search.user_filters import UserFilters
from reader.core.triage.triage import Triage

DAY = date(2026, 1, 5)


def timed(call: Callable[[], object], runs: int = 7) -> float:
    spent = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        spent.append((time.perf_counter() - started) * 1000)
    return statistics.median(spent)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("catalog", type=Path)
    parser.add_argument("--highlights", type=int, default=20_000)
    parser.add_argument("--queued", type=int, default=2_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalog.sqlite3"
        shutil.copy(args.catalog, path)
        catalog = Catalog(path)
        userdata = UserData(path)
        ids = [row[0] for row in catalog.db.execute("SELECT id FROM articles ORDER BY id")]
        stamp = "2020-01-01T00:00:00Z"
        userdata.save_all(
            Annotation(
                f"urn:uuid:{uuid.uuid4()}",
                ids[n % len(ids)],
                Selectors(TextQuote(f"quoted words number {n}")),
                "yellow",
                created=stamp,
                modified=stamp,
            )
            for n in range(args.highlights)
        )
        triage, deck = Triage(userdata), ReviewDeck(userdata)
        results = {
            f"set_state of {args.queued} articles to later": timed(
                lambda: triage.set_state(ids[: args.queued], "later"), runs=1
            ),
            "states()": timed(triage.states),
            "counts()": timed(triage.counts),
            "queue()": timed(triage.queue),
            "move_in_queue(last, top), undone": timed(
                lambda: triage.undo(triage.move_in_queue(triage.queue()[-1], "top"))
            ),
            "set_state of one article to archive, undone": timed(
                lambda: triage.undo(triage.set_state(ids[-1:], "archive"))
            ),
            "is:later filter ids": timed(
                lambda: UserFilters(userdata).filter_ids(Filter("is", "later"))
            ),
            "is:inbox filter ids": timed(
                lambda: UserFilters(userdata).filter_ids(Filter("is", "inbox"))
            ),
        }
        days = iter(range(1000))
        results["items(): the day's first draw"] = timed(
            lambda: deck.items(DAY + timedelta(days=next(days)))
        )
        results["items(): the same day again"] = timed(lambda: deck.items(DAY))
        first = deck.items(DAY)[0].annotation_id
        results["answer()"] = timed(lambda: deck.answer(first, "keep", DAY))
        results["progress()"] = timed(lambda: deck.progress(DAY))
        with userdata.writing() as db:  # every highlight reviewed, due over a year
            records.store_all(
                db,
                (
                    (annotation_id, ReviewRecord(2, DAY + timedelta(days=n % 365), 3, DAY))
                    for n, (annotation_id,) in enumerate(db.execute("SELECT id FROM annotations"))
                ),
            )
        later = iter(range(1000, 2000))
        results["items(): a first draw, every highlight reviewed"] = timed(
            lambda: deck.items(DAY + timedelta(days=next(later)))
        )
        userdata.close()
        catalog.close()
    print(f"{len(ids):,} articles, {args.highlights:,} highlights, {args.queued:,} queued")
    for name, ms in results.items():
        print(f"| {name} | {ms:.1f} ms |")


if __name__ == "__main__":
    main()
