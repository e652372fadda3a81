"""Article extraction scored on a development set of saved pages with passages that must
and must not be in each article (trafilatura's evaluation format). Not a test.

    python -m tests.bench.extraction --dev CORPUS_DIR [--split tune|held-out|all]

``CORPUS_DIR`` holds ``expected.json`` (each page's file name → ``with``: passages of the
article, ``without``: passages of boilerplate) and the pages in ``pages/``. A passage
counts when it is in the extracted text as written (a substring), as trafilatura's own
evaluation counts it: true positives are ``with`` passages found, false positives
``without`` passages found, false negatives ``with`` passages missing; precision, recall
and F1 are over all passages of the split.

The split is fixed by a hash of each file's name: ``tune`` is the half to tune on,
``held-out`` the half to check on once, at the end. Each extractor runs in the same run
on the same pages: ours (the reading text, as ``show --format text`` prints it; and the
same without its title line, as trafilatura's text comes) and trafilatura's plain text
with its default settings and with its best configuration found on the tuning half
(:data:`TRAFILATURA_BEST`).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_bytes

SPLITS = ("tune", "held-out", "all")
# Trafilatura's options that score best on the tuning half, among its defaults,
# favor_precision, favor_recall, fast, without tables and without comments (each
# alone and with comments left out): the same as ours, comments left out.
TRAFILATURA_BEST: dict[str, Any] = {"include_comments": False}


@dataclass
class Page:
    name: str
    data: bytes
    with_: list[str]
    without: list[str]


@dataclass
class Tally:
    label: str
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)  # "page: passage" lines

    def add(self, page: Page, text: str) -> None:
        for passage in page.with_:
            if passage in text:
                self.true_positives += 1
            else:
                self.false_negatives += 1
                self.misses.append(f"{page.name}: missing {passage!r}")
        for passage in page.without:
            if passage in text:
                self.false_positives += 1
                self.misses.append(f"{page.name}: kept {passage!r}")

    @property
    def precision(self) -> float:
        return self.true_positives / max(1, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float:
        return self.true_positives / max(1, self.true_positives + self.false_negatives)

    @property
    def f1(self) -> float:
        tp = self.true_positives
        return 2 * tp / max(1, 2 * tp + self.false_positives + self.false_negatives)


def in_split(name: str, split: str) -> bool:
    """Whether the page named ``name`` is in ``split`` (a fixed half by a hash of the name)."""
    if split == "all":
        return True
    tune = int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % 2 == 0
    return tune == (split == "tune")


def dev_pages(corpus: Path, split: str) -> list[Page]:
    expected = json.loads((corpus / "expected.json").read_text("utf-8"))
    return [
        Page(name, (corpus / "pages" / name).read_bytes(), item["with"], item["without"])
        for name, item in sorted(expected.items())
        if in_split(name, split)
    ]


def ours(name: str, data: bytes) -> str:
    """What ``show --format text`` prints: the reading text, title first; "" for an error."""
    article = parse_bytes(name, data)
    return "" if article.error else reading_text(article)


def ours_body(name: str, data: bytes) -> str:
    """Ours without the title line: trafilatura's text has no title, and these sets
    often list the page's title among what must not be in the article."""
    return ours(name, data).partition("\n")[2]


def trafilatura(**options: Any) -> Callable[[str, bytes], str]:
    def run(name: str, data: bytes) -> str:
        from trafilatura import extract

        return extract(data, **options) or ""

    return run


def extractors() -> list[tuple[str, Callable[[str, bytes], str]]]:
    best = ", ".join(f"{key}={value}" for key, value in TRAFILATURA_BEST.items())
    return [
        ("article-reader", ours),
        ("article-reader, title line left out", ours_body),
        ("trafilatura default", trafilatura()),
        (f"trafilatura best ({best})", trafilatura(**TRAFILATURA_BEST)),
    ]


def score(pages: list[Page], label: str, extract: Callable[[str, bytes], str]) -> Tally:
    tally = Tally(label)
    for page in pages:
        start = time.perf_counter()
        text = extract(page.name, page.data)
        tally.seconds += time.perf_counter() - start
        tally.add(page, text)
    return tally


def report(corpus: Path, split: str, verbose: bool) -> list[str]:
    """The table (Markdown) of each extractor on the split, and ours against each peer."""
    pages = dev_pages(corpus, split)
    tallies = [score(pages, label, extract) for label, extract in extractors()]
    lines = [
        f"split {split}: {len(pages)} pages, "
        f"{sum(len(p.with_) for p in pages)} passages with, "
        f"{sum(len(p.without) for p in pages)} without",
        "",
        "| extractor | precision | recall | F1 | TP | FP | FN | s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for t in tallies:
        lines.append(
            f"| {t.label} | {t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} | "
            f"{t.true_positives} | {t.false_positives} | {t.false_negatives} | {t.seconds:.1f} |"
        )
    first = tallies[0]
    for peer in (t for t in tallies if t.label.startswith("trafilatura")):
        lines.append(
            f"| ours − {peer.label} | {first.precision - peer.precision:+.3f} "
            f"| {first.recall - peer.recall:+.3f} | {first.f1 - peer.f1:+.3f} "
            f"| F1 ratio {first.f1 / max(peer.f1, 1e-9):.3f} | | | |"
        )
    if verbose:
        for t in tallies:
            lines += ["", f"{t.label}:", *(f"  {miss}" for miss in t.misses)]
    return lines
