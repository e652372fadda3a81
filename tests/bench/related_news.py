"""Related articles on hand-labelled news: do they share the open article's topic?

The labels (``news_topics.tsv``, beside this file) give each saved page, by file name, a
broad category (politics, economy, sport, …) and one or more fine topics ("Covid-19",
"yellow vests", "Python programming"). Every page of the folders given goes into one
library (pages without a label too: they are distractors); the labelled pages are split
by a hash of their name into a tuning part and a held-out part, each measured apart, so
that a change tuned on one is checked on the other.

For each measured page the related list is computed as the app does, and beside it the
peer's: plain tf-idf cosine over the same texts, among the articles of the same language
(as ours). Scores, micro-averaged over the related articles listed:

- ``topic``: share of listed articles that share a fine topic with the open one;
- ``category``: share that share its broad category;
- ``topic_found``: of the first ``k`` slots, ``k`` = as many as it has topic peers (at most
  ``--limit``), the share holding one: a short list is counted short, so listing nothing
  scores nothing.

A page is measured for topics when it has at least one topic peer of its language in
the library, for categories when it has a category peer.
"""

from __future__ import annotations

import hashlib
import math
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.library.library import Library
from reader.core.search.analysis import WORD, fold
from reader.core.search.related import related_articles
from reader.core.search.schema import plain_text

LABELS = Path(__file__).with_name("news_topics.tsv")
PARTS = ("tuning", "held-out")


@dataclass(frozen=True)
class Label:
    category: str
    topics: frozenset[str]


def read_labels(path: Path = LABELS) -> dict[str, Label]:
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, category, topics = line.split("\t")
        labels[name] = Label(category, frozenset(t.strip() for t in topics.split(";")))
    return labels


def part_of(name: str) -> str:
    """The part a page belongs to, by a hash of its name: stable across runs and machines."""
    return PARTS[hashlib.sha1(name.encode("utf-8")).digest()[0] % 2]


class TfidfPeer:
    """Plain tf-idf cosine: (1 + log tf) · log(N / df), unit length, words folded, no stems."""

    def __init__(self, texts: dict[str, str]) -> None:
        counts = {key: _words(text) for key, text in texts.items()}
        spread: Counter[str] = Counter()
        for words in counts.values():
            spread.update(words.keys())
        total = max(2, len(counts))
        self.vectors = {}
        for key, words in counts.items():
            vector = {
                w: (1 + math.log(n)) * math.log(total / spread[w])
                for w, n in words.items()
                if spread[w] > 1
            }
            norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
            self.vectors[key] = {w: v / norm for w, v in vector.items()}

    def related(self, key: str, among: Iterable[str], limit: int) -> list[str]:
        own = self.vectors[key]
        scored = []
        for other in among:
            if other == key:
                continue
            vector = self.vectors[other]
            score = sum(weight * vector.get(w, 0.0) for w, weight in own.items())
            if score > 0:
                scored.append((score, other))
        return [other for _, other in sorted(scored, reverse=True)[:limit]]


def _words(text: str) -> Counter[str]:
    return Counter(fold(w) for w in WORD.findall(text) if w.isalpha() and len(w) > 2)


class Tally:
    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.values: Counter[str] = Counter()

    def add(self, listed: list[Label], own: Label, topic_peers: int, category_peers: int) -> None:
        v = self.values
        if topic_peers:
            v["topic_articles"] += 1
            v["topic_listed"] += len(listed)
            v["topic_same"] += sum(bool(label.topics & own.topics) for label in listed)
            k = min(self.limit, topic_peers)
            v["topic_slots"] += k
            v["topic_found"] += sum(bool(label.topics & own.topics) for label in listed[:k])
        if category_peers:
            v["category_articles"] += 1
            v["category_listed"] += len(listed)
            v["category_same"] += sum(label.category == own.category for label in listed)

    def report(self) -> dict[str, Any]:
        v = self.values
        return {
            "topic_articles": v["topic_articles"],
            "topic": round(v["topic_same"] / max(1, v["topic_listed"]), 3),
            "topic_found": round(v["topic_found"] / max(1, v["topic_slots"]), 3),
            "category_articles": v["category_articles"],
            "category": round(v["category_same"] / max(1, v["category_listed"]), 3),
            "listed_per_article": round(v["category_listed"] / max(1, v["category_articles"]), 2),
        }


def news_quality(folders: list[Path], limit: int, work: Path | None) -> dict[str, Any]:
    """Ours and the tf-idf peer, on the tuning part and on the held-out part."""
    labels = read_labels()
    with tempfile.TemporaryDirectory() as temporary:
        folder = work / "news" if work else Path(temporary)
        root, data = folder / "library", folder / "data"
        root.mkdir(parents=True, exist_ok=True)
        for source in folders:
            for path in sorted(source.glob("*.htm*")):
                shutil.copy2(path, root / path.name)  # its time kept: a rerun reindexes nothing
        library = Library(root, data_dir=data)
        try:
            library.refresh()
            rows = {row.path: row for row in library.catalog.rows() if not row.error}
            articles = {rel: library.read_article(row) for rel, row in rows.items()}
            texts = {rel: f"{a.title}\n{plain_text(a.body)}" for rel, a in articles.items()}
            peer = TfidfPeer(texts)
            tallies = {(part, who): Tally(limit) for part in PARTS for who in ("ours", "tf-idf")}
            for rel, row in rows.items():
                own = labels.get(rel)
                if own is None:
                    continue
                same_lang = [r for r, o in rows.items() if o.lang == row.lang and r != rel]
                peers = [labels[r] for r in same_lang if r in labels]
                topic_peers = sum(bool(p.topics & own.topics) for p in peers)
                category_peers = sum(p.category == own.category for p in peers)
                if not topic_peers and not category_peers:
                    continue
                found = related_articles(
                    library.index,
                    library.catalog,
                    library.read_article,
                    row.id,
                    articles[rel],
                    limit,
                )
                ours = [labels[i.path] for i in found.related if i.path in labels]
                theirs = [labels[r] for r in peer.related(rel, same_lang, limit) if r in labels]
                part = part_of(rel)
                tallies[(part, "ours")].add(ours, own, topic_peers, category_peers)
                tallies[(part, "tf-idf")].add(theirs, own, topic_peers, category_peers)
        finally:
            library.close()
    return {f"news {part}, {who}": t.report() for (part, who), t in tallies.items()}
