"""Known-item ranking where titles carry meaning: four words of a page's lead, some of
them also in OTHER articles' titles, and is the page first?

    python -m tests.bench.ranking_web --web DEV_DIR [--news NEWS_DIR] [--novels CORPUS]
        [--split tune|held-out] [--seed 1] [--per-page 2] [--work DIR] [--no-recoll]

The novels' test (:mod:`tests.bench.ranking`) has titles like "Chapter 12": a title's
weight is never tried there. Searching news, the query a reader types is often a few
words of the article's summary, and another article's title may hold one or two of
them: that title must not outrank the article whose text holds them all.

The pool: ``DEV_DIR`` is a folder of saved pages of many sites and languages
(``pages/``, split in halves by a hash of the file name as in
:mod:`tests.bench.extraction_dev`); ``tune`` pools its tuning half, ``held-out`` its
other half plus every page of ``NEWS_DIR`` (news pages of one site, never tuned on).
``CORPUS`` (novel chapters, as for :mod:`tests.bench.ranking`) is added to both as
distractors: a few hundred pages alone make a collection where nearly any ranking
finds the page; with the chapters, common words have realistic frequencies and the
page must beat long texts that hold its words too.

A query, for a page of the split: its lead (the page's meta description when it has
ten words or more, else the first paragraph of 20 words or more of the article we
extract), then four of its words drawn at random, in the lead's order: words of four
letters or more found in 2 articles to 20 % of the pool, each in the page's extracted
text (its body, not only its title), one or two of them in another article's title.
The same queries go to our index, SQLite FTS5 and Recoll in the same run (each on the
same files; Recoll reads the pages its own way).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html

from reader.core.articles.article import Article
from reader.core.articles.formats import parse_file
from reader.core.search.analysis import WORD, FoldingStemAnalyzer, fold
from reader.core.search.fields import query_terms, term_positions
from reader.core.search.schema import LANGUAGE_KEYS, language_key, plain_text
from tests.bench import recoll
from tests.bench.extraction_dev import in_split
from tests.bench.ranking import (
    MAX_SHARE,
    MIN_CHAPTERS,
    KnownItem,
    Ranker,
    fts5,
    ours,
    recoll_ranker,
    report,
)

SPLITS = ("tune", "held-out")
MIN_DESCRIPTION_WORDS = 10
MIN_LEAD_WORDS = 20
MIN_RIVALS = 1  # other articles holding all four words: else any engine finds the page
_LETTERS = re.compile(r"[^\W\d_]{4,}")
_DESCRIPTIONS = ('//meta[@name="description"]', '//meta[@property="og:description"]')


def build_pool(
    work: Path, web: Path, news: Path | None, novels: Path | None, split: str
) -> tuple[Path, list[str]]:
    """A fresh library folder of the split's pages and the distractors; the folder and
    the relative paths of the pages queries are drawn from."""
    pool = work / f"ranking-web-{split}"
    shutil.rmtree(pool, ignore_errors=True)
    targets: list[str] = []
    for page in sorted((web / "pages").iterdir()):
        if in_split(page.name, split):
            targets.append(_copy(page, pool, f"web/{page.name}"))
    if news is not None:
        for page in sorted(news.glob("*.htm*")):
            if in_split(page.name, split):
                targets.append(_copy(page, pool, f"news/{page.name}"))
    if novels is not None:
        for chapter in sorted(novels.rglob("*.md")):
            if chapter.name.lower() != "readme.md":
                _copy(chapter, pool, f"novels/{chapter.relative_to(novels).as_posix()}")
    return pool, targets


def _copy(source: Path, pool: Path, rel: str) -> str:
    (pool / rel).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, pool / rel)
    return rel


def lead(pool: Path, rel: str, article: Article) -> str:
    """The page's summary as its meta description gives it, else its first paragraph."""
    try:
        root = lxml.html.fromstring((pool / rel).read_bytes())
        for selector in _DESCRIPTIONS:
            for meta in root.xpath(selector):
                text = " ".join((meta.get("content") or "").split())
                if len(WORD.findall(text)) >= MIN_DESCRIPTION_WORDS:
                    return text
    except (ValueError, lxml.etree.ParserError):
        pass
    for paragraph in plain_text(article.body).split("\n\n"):
        prose = not paragraph.lstrip().startswith(("#", "-", "*", ">", "|"))
        if prose and len(WORD.findall(paragraph)) >= MIN_LEAD_WORDS:
            return paragraph
    return ""


@dataclass
class PoolTerms:
    """What the draw needs to know of the pool: words' frequencies, articles' terms."""

    frequency: Counter[str] = field(default_factory=Counter)  # folded word → articles
    titles: dict[str, set[str]] = field(default_factory=dict)  # each article's title terms
    held: dict[str, set[str]] = field(default_factory=dict)  # and its terms, title and body
    in_titles: Counter[str] = field(default_factory=Counter)  # term → titles holding it

    @classmethod
    def of(cls, articles: dict[str, Article]) -> PoolTerms:
        pool = cls()
        for rel, article in articles.items():
            text = f"{article.title}\n{plain_text(article.body)}"
            pool.frequency.update({fold(w) for w in _LETTERS.findall(text)})
            pool.titles[rel] = set(term_positions(language_key(article), article.title))
            pool.held[rel] = set(term_positions(language_key(article), text))
            pool.in_titles.update(pool.titles[rel])
        return pool

    def in_other_title(self, word: str, rel: str) -> bool:
        own = self.titles[rel]
        return any(self.in_titles[t] > (t in own) for t in query_terms(word, LANGUAGE_KEYS))


def known_items(
    pool: Path, articles: dict[str, Article], targets: list[str], seed: int, per_page: int
) -> list[KnownItem]:
    """Up to ``per_page`` distinct queries for each target page, drawn with ``seed``."""
    terms = PoolTerms.of(articles)
    most = MAX_SHARE * len(articles)
    rng = random.Random(seed)
    items: list[KnownItem] = []
    for rel in targets:
        article = articles.get(rel)
        if article is None:
            continue
        stem = FoldingStemAnalyzer(language_key(article)).term
        body = set(term_positions(language_key(article), plain_text(article.body)))
        words: dict[str, str] = {}  # folded → as written, first occurrence
        for word in _LETTERS.findall(lead(pool, rel, article)):
            if MIN_CHAPTERS <= terms.frequency[fold(word)] <= most and stem(word) in body:
                words.setdefault(fold(word), word)
        titled = [f for f in words if terms.in_other_title(words[f], rel)]
        drawn = draws(rng, words, titled, per_page * 20)
        kept = 0
        while kept < per_page and (query := next(drawn, None)) is not None:
            if rivals(query, rel, terms) >= MIN_RIVALS:
                items.append(KnownItem(query, rel, article.lang or "xx"))
                kept += 1
    return items


def draws(
    rng: random.Random, words: dict[str, str], titled: list[str], tries: int
) -> Iterator[str]:
    """Distinct queries of four of ``words`` (in their order), one or two of them
    ``titled``, drawn ``tries`` times at most."""
    others = [f for f in words if f not in titled]
    seen: set[str] = set()
    for _ in range(tries):
        if not titled:
            break
        k = min(rng.choice((1, 2)), len(titled))
        if len(others) < 4 - k:
            k = 4 - len(others)
            if k > len(titled):
                break
        chosen = set(rng.sample(titled, k)) | set(rng.sample(others, 4 - k))
        query = " ".join(words[f] for f in words if f in chosen)
        if query not in seen:
            seen.add(query)
            yield query


def rivals(query: str, target: str, terms: PoolTerms) -> int:
    """How many other articles hold every word of the query (in any of its stems), one
    of them or more in their title: the articles a title's weight may put first."""
    words = [set(query_terms(word, LANGUAGE_KEYS)) for word in query.split()]
    return sum(
        1
        for rel, held in terms.held.items()
        if rel != target
        and all(w & held for w in words)
        and any(w & terms.titles[rel] for w in words)
    )


def parse_pool(pool: Path) -> dict[str, Article]:
    found = sorted(p.relative_to(pool).as_posix() for p in pool.rglob("*") if p.is_file())
    parsed = {rel: parse_file(pool, rel) for rel in found}
    return {rel: article for rel, article in parsed.items() if not article.error}


def run(args: argparse.Namespace) -> None:
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    pool, targets = build_pool(work, args.web, args.news, args.novels, args.split)
    articles = parse_pool(pool)
    items = known_items(pool, articles, targets, args.seed, args.per_page)
    for item in items[: args.show]:
        print(f"{item.lang} {item.query!r} → {item.target}", file=sys.stderr)
    rank, close = ours(pool, work / "ranking-web-home")
    engines: dict[str, list[list[str]]] = {"Article Reader (Whoosh)": rank(items)}
    close()
    engines["SQLite FTS5 (bm25)"] = fts5(articles, work)(items)
    if not args.no_recoll and recoll.available():
        languages = tuple(recoll.RECOLL_LANGUAGES)
        recolled: Ranker = recoll_ranker(pool, work, languages)
        engines["Recoll"] = recolled(items)
    pages = sum(1 for rel in articles if not rel.startswith("novels/"))
    print(
        f"\n{len(items)} known-item queries, seed {args.seed}, split {args.split}: "
        f"{len({i.target for i in items})} of {len(targets)} pages queried, pool of "
        f"{len(articles)} articles ({pages} pages)\n"
    )
    report(items, engines)


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.ranking_web")
    parser.add_argument("--web", type=Path, required=True)
    parser.add_argument("--news", type=Path)
    parser.add_argument("--novels", type=Path)
    parser.add_argument("--split", choices=SPLITS, default="tune")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-page", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/article-reader-bench"))
    parser.add_argument("--no-recoll", action="store_true")
    parser.add_argument("--show", type=int, default=0, help="print this many queries")
    run(parser.parse_args(list(argv) if argv is not None else None))


if __name__ == "__main__":
    main()
