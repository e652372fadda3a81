"""Article extraction from saved pages: precision, recall and time per page. Not a test.

    python -m tests.bench.extraction [--pages DIR] [--fixtures DIR] [--sample N] [--json]
    python -m tests.bench.extraction --dev CORPUS_DIR [--split tune|held-out|all]

``--dev`` scores a development set of pages with passages that must and must not be
in each article, beside trafilatura's default and best configurations: see
:mod:`tests.bench.extraction_dev`. The rest of this docstring is about the other mode.

Each page's extracted article (its reading text, as the pane shows it and highlights
anchor on, less the title line) is compared with the text expected, as bags of words
(case folded), as the Article Extraction Benchmark scores: precision is the share of
the words extracted that are expected, recall the share of expected words extracted.

Expected text: for ``--fixtures`` (tests/fixtures/pages), ``expected/<name>.txt``
beside the pages, written by hand; for ``--pages`` (a folder of saved news
pages, kept outside the project), the page's ``itemprop="articleBody"`` less its dateline
(``p.date``) and its video and tweet embeds (``div.ms-embed``): that rule was checked
by hand on the first ten pages (sorted by name) against the article as the site
shows it. Pages without such an element are skipped.

Time: ``parse_bytes`` per page (decode, parse, metadata, extraction, Markdown,
language detection), after one warm-up page. For comparison, trafilatura alone (its
plain-text output, same options, none of our post-processing: title, dateline) and,
when it is installed (it is not a dependency), readability-lxml alone (its article's
text) are measured on the same pages.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.html

from reader.core.annotations.reading_text import reading_text
from reader.core.articles.article import Article
from reader.core.articles.formats import parse_bytes
from reader.core.articles.suffixes import PAGE_SUFFIXES
from tests.bench.extraction_dev import SPLITS, report

_WORD = re.compile(r"\w+")
_FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "pages"


@dataclass
class Score:
    name: str
    precision: float
    recall: float
    seconds: float


@dataclass
class Run:
    label: str
    scores: list[Score] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        if not self.scores:
            return {"label": self.label, "pages": 0}
        ms = [score.seconds * 1000 for score in self.scores]
        return {
            "label": self.label,
            "pages": len(self.scores),
            "precision_mean": round(statistics.mean(s.precision for s in self.scores), 3),
            "precision_min": round(min(s.precision for s in self.scores), 3),
            "recall_mean": round(statistics.mean(s.recall for s in self.scores), 3),
            "recall_min": round(min(s.recall for s in self.scores), 3),
            "ms_median": round(statistics.median(ms), 1),
            "ms_max": round(max(ms), 1),
        }


def bag(text: str) -> Counter[str]:
    return Counter(word.casefold() for word in _WORD.findall(text))


def precision_recall(got: str, expected: str) -> tuple[float, float]:
    found, wanted = bag(got), bag(expected)
    common = sum((found & wanted).values())
    return common / max(1, sum(found.values())), common / max(1, sum(wanted.values()))


def article_text(article: Article) -> str:
    """The reading text without its first line (the title)."""
    return "" if article.error else reading_text(article).partition("\n")[2]


def article_body_gold(data: bytes) -> str | None:
    """The hand-checked rule for the saved news pages (see the module's docstring)."""
    root = lxml.html.document_fromstring(data)
    bodies = root.xpath('//*[@itemprop="articleBody"]')
    if not bodies:
        return None
    body = bodies[0]
    junk = './/script|.//style|.//noscript|.//p[@class="date"]|.//div[contains(@class,"ms-embed")]'
    for element in body.xpath(junk):
        element.drop_tree()
    return str(body.text_content())


def _readability(data: bytes) -> str | None:
    """readability-lxml's article as text, as it gives it (None if not installed)."""
    try:
        from readability import Document
    except ImportError:
        return None
    summary = Document(data).summary(html_partial=True)
    return str(lxml.html.fragment_fromstring(summary, create_parent="div").text_content())


def _trafilatura(data: bytes) -> str:
    """Trafilatura's text as it gives it, with the options we use (no post-processing)."""
    from trafilatura import extract

    return extract(data, include_comments=False, include_tables=True) or ""


def pages(fixtures: Path | None, folder: Path | None, sample: int) -> list[tuple[str, bytes, str]]:
    """(name, bytes, expected text) of every page with an expected text."""
    found = []
    if fixtures is not None:
        for path in sorted(fixtures.iterdir()):
            expected = fixtures / "expected" / f"{path.stem}.txt"
            if path.suffix.lower() in PAGE_SUFFIXES and expected.exists():
                found.append((path.name, path.read_bytes(), expected.read_text("utf-8")))
    if folder is not None:
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in PAGE_SUFFIXES)
        for path in paths[:sample] if sample else paths:
            data = path.read_bytes()
            gold = article_body_gold(data)
            if gold is not None:
                found.append((path.name, data, gold))
    return found


Extractor = Callable[[str, bytes], "tuple[str, float] | None"]


def timed(extract: Callable[[bytes], str | None]) -> Extractor:
    def run(name: str, data: bytes) -> tuple[str, float] | None:
        start = time.perf_counter()
        text = extract(data)
        return None if text is None else (text, time.perf_counter() - start)

    return run


def ours(name: str, data: bytes) -> tuple[str, float]:
    """Our text; the time of parse_bytes alone (the reading text is the pane's work)."""
    start = time.perf_counter()
    article = parse_bytes(name, data)
    seconds = time.perf_counter() - start
    return article_text(article), seconds


def measure(label: str, items: list[tuple[str, bytes, str]], extract: Extractor) -> Run | None:
    run = Run(label)
    if items and extract(items[0][0], items[0][1]) is None:
        return None  # that extractor is not installed
    for name, data, expected in items:
        text, seconds = extract(name, data) or ("", 0.0)
        precision, recall = precision_recall(text, expected)
        run.scores.append(Score(name, precision, recall, seconds))
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.extraction")
    parser.add_argument("--pages", type=Path, help="a folder of saved news pages")
    parser.add_argument("--fixtures", type=Path, default=_FIXTURES)
    parser.add_argument("--sample", type=int, default=0, help="only the first N of --pages")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="every page's scores")
    parser.add_argument("--dev", type=Path, help="a set of pages with passages with/without")
    parser.add_argument("--split", choices=SPLITS, default="tune", help="of --dev (tune)")
    args = parser.parse_args(argv)
    if args.dev:
        print("\n".join(report(args.dev, args.split, args.verbose)))
        return 0
    groups = {"fixtures": pages(args.fixtures, None, 0)}
    if args.pages:
        groups["pages"] = pages(None, args.pages, args.sample)
    extractors: list[tuple[str, Extractor]] = [
        ("article-reader (trafilatura + ours)", ours),
        ("trafilatura alone", timed(_trafilatura)),
        ("readability-lxml alone", timed(_readability)),
    ]
    results = []
    for group, items in groups.items():
        for label, extract in extractors:
            run = measure(f"{label}, {group}", items, extract)
            if run is None:
                continue
            results.append(run.summary())
            if args.verbose:
                for s in run.scores:
                    ms = s.seconds * 1000
                    print(f"  {s.name}: P {s.precision:.3f} R {s.recall:.3f} {ms:.1f} ms")
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()
        return 0
    print("| extractor, pages | n | precision mean (min) | recall mean (min) | ms median (max) |")
    print("|---|---|---|---|---|")
    for r in results:
        if r["pages"]:
            print(
                f"| {r['label']} | {r['pages']} | {r['precision_mean']} ({r['precision_min']}) "
                f"| {r['recall_mean']} ({r['recall_min']}) | {r['ms_median']} ({r['ms_max']}) |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
