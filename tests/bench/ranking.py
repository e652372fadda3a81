"""Known-item ranking: four rare words of a paragraph, and is its chapter first?

    python -m tests.bench.ranking CORPUS [--seed 1] [--per-language 40] [--work DIR]
                                          [--no-recoll]

CORPUS is a folder of chapters in several languages, such as a sample of ELTeC
(the European Literary Text Collection; never copied into the project). For each
query a chapter is drawn (languages in turn, fixed seed), then one of its
paragraphs of 40 words or more, and the query is four of that paragraph's rare
words, drawn at random, in paragraph order: words of four letters or more found
in 2 chapters to 20 % of them (a word of one chapter alone would make the test
trivial: with the rarest words every engine scored 0.99). The same queries go
to our index, to SQLite FTS5 (bm25, title weighted
3.0 as in :mod:`tests.bench.fts5`) and to Recoll (stemming in the corpus's
languages); each answers its top 10. Reported per engine: MRR@10 (1/rank of
the chapter, 0 past 10), how often the chapter is first, and in the top 10.
Tune on one seed, report on another: the queries of two seeds differ.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core.articles.article import Article
from reader.core.articles.formats import parse_file
from reader.core.search.analysis import fold
from reader.core.search.schema import plain_text
from tests.bench import recoll
from tests.bench.fts5 import Fts5Library

TOP = 10
MIN_PARAGRAPH_WORDS = 40
MIN_CHAPTERS = 2  # a word of one chapter alone would make the test trivial
MAX_SHARE = 0.2  # of the chapters, at most
_LETTERS = re.compile(r"[^\W\d_]{4,}")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class KnownItem:
    query: str
    target: str  # the chapter's path, relative to the corpus
    lang: str


@dataclass(frozen=True)
class Score:
    mrr: float
    first: int
    top: int
    count: int

    def row(self) -> str:
        return f"{self.mrr:.3f} | {self.first} | {self.top}"


Ranker = Callable[[list[KnownItem]], list[list[str]]]  # queries → ranked relative paths


def chapters(corpus: Path) -> dict[str, Article]:
    """Every chapter of the corpus, parsed as the app parses it, by relative path."""
    found = sorted(p.relative_to(corpus).as_posix() for p in corpus.rglob("*.md"))
    parsed = {rel: parse_file(corpus, rel) for rel in found if rel.lower() != "readme.md"}
    return {rel: article for rel, article in parsed.items() if not article.error}


def known_items(articles: dict[str, Article], seed: int, per_language: int) -> list[KnownItem]:
    """``per_language`` queries for each language of the corpus, drawn with ``seed``."""
    document_frequency: Counter[str] = Counter()
    for article in articles.values():
        document_frequency.update({fold(w) for w in _LETTERS.findall(plain_text(article.body))})
    rng = random.Random(seed)
    most = MAX_SHARE * len(articles)
    by_language: dict[str, list[str]] = {}
    for rel, article in articles.items():
        by_language.setdefault(article.lang, []).append(rel)
    items: list[KnownItem] = []
    for lang in sorted(by_language):
        pool = by_language[lang]
        made = 0
        for _ in range(per_language * 20):
            if made == per_language:
                break
            rel = rng.choice(pool)
            paragraphs = [
                p
                for p in plain_text(articles[rel].body).split("\n\n")
                if len(_WORDS.findall(p)) >= MIN_PARAGRAPH_WORDS
            ]
            if not paragraphs:
                continue
            query = rare_words(rng.choice(paragraphs), document_frequency, most, rng)
            if query:
                items.append(KnownItem(query, rel, lang))
                made += 1
    return items


def rare_words(
    paragraph: str, document_frequency: Counter[str], most: float, rng: random.Random
) -> str:
    """Four rare words of the paragraph (in ``MIN_CHAPTERS`` to ``most`` chapters),
    drawn at random, in the paragraph's order."""
    seen: dict[str, str] = {}  # folded → as written, first occurrence
    for word in _LETTERS.findall(paragraph):
        seen.setdefault(fold(word), word)
    candidates = sorted(f for f in seen if MIN_CHAPTERS <= document_frequency[f] <= most)
    if len(candidates) < 4:
        return ""
    chosen = set(rng.sample(candidates, 4))
    return " ".join(seen[f] for f in seen if f in chosen)


def score(items: list[KnownItem], ranked: list[list[str]]) -> Score:
    pairs = zip(items, ranked, strict=True)
    ranks = [r.index(item.target) + 1 if item.target in r else 0 for item, r in pairs]
    mrr = sum(1 / rank for rank in ranks if rank) / max(1, len(items))
    return Score(mrr, ranks.count(1), sum(1 for rank in ranks if rank), len(items))


# --- the engines --------------------------------------------------------------------


def ours(corpus: Path, home: Path) -> tuple[Ranker, Callable[[], None]]:
    """Our index of the corpus, built afresh in ``home``; its ranker and its closer."""
    shutil.rmtree(home, ignore_errors=True)
    os.environ["ARTICLE_READER_HOME"] = str(home)
    from reader.core.library.library import Library

    library = Library(corpus)
    library.refresh()
    paths = {row.id: row.path for row in library.catalog.rows()}

    def rank(items: list[KnownItem]) -> list[list[str]]:
        return [[paths[h.id] for h in library.index.search(i.query, limit=TOP)] for i in items]

    return rank, library.close


def fts5(articles: dict[str, Article], work: Path) -> Ranker:
    database = Fts5Library(work / "ranking-fts5.sqlite3")
    names = list(articles)
    database.add((n, articles[rel]) for n, rel in enumerate(names))

    def rank(items: list[KnownItem]) -> list[list[str]]:
        return [[names[n] for n, _ in database.search(i.query, TOP)] for i in items]

    return rank


def recoll_ranker(corpus: Path, work: Path, languages: tuple[str, ...]) -> Ranker:
    confdir = work / "ranking-recoll"
    command = recoll.configure(confdir, corpus.resolve(), languages)
    import subprocess

    subprocess.run(command, check=True, capture_output=True)
    root = corpus.resolve()

    def rank(items: list[KnownItem]) -> list[list[str]]:
        run = recoll.run_queries(confdir, [i.query for i in items], languages, TOP)
        return [[p.relative_to(root).as_posix() for p in found] for found in run.paths]

    return rank


def report(items: list[KnownItem], engines: dict[str, list[list[str]]]) -> None:
    languages = sorted({i.lang for i in items})
    print("| engine | MRR@10 | found first | in top 10 | " + " | ".join(
        f"MRR@10 {lang}" for lang in languages) + " |")  # fmt: skip
    print("|---|---|---|---|" + "---|" * len(languages))
    for name, ranked in engines.items():
        total = score(items, ranked)
        per = []
        for lang in languages:
            pairs = [(i, r) for i, r in zip(items, ranked, strict=True) if i.lang == lang]
            per.append(f"{score([p[0] for p in pairs], [p[1] for p in pairs]).mrr:.3f}")
        print(f"| {name} | {total.row()} | " + " | ".join(per) + " |")


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.ranking")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-language", type=int, default=40)
    parser.add_argument("--work", type=Path, default=Path("/tmp/article-reader-bench"))
    parser.add_argument("--no-recoll", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print this many queries")
    args = parser.parse_args(list(argv) if argv is not None else None)
    args.work.mkdir(parents=True, exist_ok=True)
    articles = chapters(args.corpus)
    items = known_items(articles, args.seed, args.per_language)
    languages = tuple(sorted({a.lang for a in articles.values()} & set(recoll.RECOLL_LANGUAGES)))
    for item in items[: args.show]:
        print(f"{item.lang} {item.query!r} → {item.target}", file=sys.stderr)
    started = time.perf_counter()
    rank, close = ours(args.corpus, args.work / "ranking-home")
    print(f"our index built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    engines = {"Article Reader (Whoosh)": rank(items)}
    close()
    engines["SQLite FTS5 (bm25)"] = fts5(articles, args.work)(items)
    if not args.no_recoll and recoll.available():
        engines["Recoll"] = recoll_ranker(args.corpus, args.work, languages)(items)
    print(f"\n{len(items)} known-item queries, seed {args.seed}, {args.corpus.name}\n")
    report(items, engines)


if __name__ == "__main__":
    main()
