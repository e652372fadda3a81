"""How highlights re-anchor after real edits of long chapters: a benchmark, not a test.

    python -m tests.bench.reanchor CORPUS [--highlights 20] [--seed 0] [--json]

Takes the ``--longest`` chapters of CORPUS (a folder of markdown chapters in one folder
per language, such as a sample of ELTeC; the longest of each language first) and a seeded
sample of ``--sample`` others. In each it highlights whole sentences and phrases of 3-30
words (one in the title, two across a paragraph break), then applies each edit of
:mod:`tests.bench.reanchor_edits` to the markdown source, parses it again and
re-anchors the highlights with ``annotating.reanchor``, as the app does when a file
changes. Markers carried through each edit say where every passage really is now
(edited or not), so each highlight is counted as: exact (the same passage), overlap
(on it, with other edges), wrong (somewhere else, or placed though its passage was
deleted: the worst), orphan-correct (its passage was deleted), orphan-missed (an
orphan although its passage is still there). Times are of one reanchor call per
chapter, all its highlights.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.annotations.anchoring import Placement, anchor
from reader.core.annotations.annotating import create, reanchor
from reader.core.annotations.reading_text import reading_text
from reader.core.annotations.userdata import Annotation
from reader.core.articles.formats import parse_bytes, parse_file
from tests.bench.reanchor_edits import EDITS, choose_passages, load_doc, locate, strip_markers

METHODS = ("position", "quote", "fuzzy")
OUTCOMES = ("exact", "overlap", "wrong", "orphan-correct", "orphan-missed")
Span = tuple[int, int]


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)
    ms: list[float] = field(default_factory=list)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.reanchor")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--highlights", type=int, default=20, help="per chapter")
    parser.add_argument("--longest", type=int, default=5, help="longest chapters taken")
    parser.add_argument("--sample", type=int, default=15, help="random chapters added")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--examples", type=int, default=3, help="shown per bad outcome")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    chapters = pick_chapters(args.corpus, args.longest, args.sample, random.Random(args.seed))
    tallies = {kind: Tally() for kind in EDITS}
    rows: list[dict[str, Any]] = []
    examples: list[dict[str, Any]] = []
    for n, rel in enumerate(chapters, 1):
        print(f"[{n}/{len(chapters)}] {rel}", file=sys.stderr, flush=True)
        row = run_chapter(args.corpus, rel, args.highlights, args.seed, tallies)
        examples += row.pop("examples")
        rows.append(row)
    seconds = time.perf_counter() - started
    if args.json:
        edits = {kind: summary(tally) for kind, tally in tallies.items()}
        out = {
            "corpus": str(args.corpus),
            "seed": args.seed,
            "highlights": args.highlights,
            "chapters": rows,
            "edits": edits,
            "examples": examples,
            "seconds": seconds,
        }
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_report(rows, tallies, examples, args.examples, seconds)


def pick_chapters(root: Path, longest: int, sample: int, rng: random.Random) -> list[str]:
    """The longest chapters, languages taking turns (longest first), then a random sample."""
    sizes = {
        path.relative_to(root).as_posix(): path.stat().st_size
        for path in root.rglob("*.md")
        if path.parent != root
    }
    by_lang: dict[str, list[str]] = {}
    for rel in sorted(sizes, key=lambda rel: (-sizes[rel], rel)):
        by_lang.setdefault(rel.split("/")[0], []).append(rel)
    turns: list[str] = []
    for turn in range(max(map(len, by_lang.values()), default=0)):
        batch = [rels[turn] for rels in by_lang.values() if turn < len(rels)]
        turns += sorted(batch, key=lambda rel: (-sizes[rel], rel))
    chosen = turns[:longest]
    rest = sorted(set(sizes) - set(chosen))
    return chosen + sorted(rng.sample(rest, min(sample, len(rest))))


def run_chapter(
    root: Path, rel: str, count: int, seed: int, tallies: dict[str, Tally]
) -> dict[str, Any]:
    rng = random.Random(f"{seed}:{rel}")
    lang = rel.split("/")[0]
    donors = sorted(p.relative_to(root).as_posix() for p in (root / lang).glob("*.md"))
    donor_rel = rng.choice([d for d in donors if d != rel] or [rel])
    donor = load_doc((root / donor_rel).read_text("utf-8"))
    article = parse_file(root, rel, detect=False)
    text = reading_text(article)
    doc = load_doc((root / rel).read_bytes().decode("utf-8"))
    marked, kinds = choose_passages(doc, rng, count)
    plain, spans = locate(reading_text(parse_bytes(rel, marked.markdown().encode(), detect=False)))
    row: dict[str, Any] = {
        "chapter": rel,
        "bytes": (root / rel).stat().st_size,
        "reading_chars": len(text),
        "paragraphs": len(doc.paras),
        "highlights": len(spans),
        "unverified": [],
        "examples": [],
    }
    if plain != text or len(spans) != len(kinds):
        row["unverified"].append("original")  # the markers changed the rendering: skip it
        return row
    notes: dict[str, int] = {}  # annotation id -> highlight number
    annotations: list[Annotation] = []
    for i, (start, end) in sorted(spans.items()):
        annotation = create(i, text, start, end, "yellow", fingerprint=article.fingerprint)
        position = annotation.selectors.position
        assert position is not None and (position.start, position.end) == (start, end)
        notes[annotation.id] = i
        annotations.append(annotation)
    for kind, edit in EDITS.items():
        edited = edit(marked, random.Random(f"{seed}:{rel}:{kind}"), donor).markdown()
        new = parse_bytes(rel, strip_markers(edited).encode(), detect=False)
        new_text = reading_text(new)
        plain, truth = locate(reading_text(parse_bytes(rel, edited.encode(), detect=False)))
        if plain != new_text:
            row["unverified"].append(kind)
            continue
        started = time.perf_counter()
        result = reanchor(annotations, new_text, new.fingerprint)
        tallies[kind].ms.append((time.perf_counter() - started) * 1000)
        placed = {p.annotation.id: (p.start, p.end) for p in result.placed}
        for annotation in annotations:
            i = notes[annotation.id]
            placement = anchor(new_text, annotation.selectors)
            span = None if placement is None else (placement.start, placement.end)
            assert span == placed.get(annotation.id), "anchor and reanchor disagree"
            verdict = outcome(truth.get(i), span)
            tally = tallies[kind].counts
            tally[verdict] += 1
            tally["highlights"] += 1
            tally[placement.method if placement else "orphan"] += 1
            if verdict in ("wrong", "orphan-missed", "overlap"):
                row["examples"].append(
                    example(rel, kind, kinds[i], annotation, new_text, truth.get(i), placement)
                )
    return row


def outcome(truth: Span | None, placed: Span | None) -> str:
    if placed is None:
        return "orphan-correct" if truth is None else "orphan-missed"
    if truth is None:
        return "wrong"
    if placed == truth:
        return "exact"
    return "overlap" if placed[0] < truth[1] and truth[0] < placed[1] else "wrong"


def example(
    rel: str,
    edit: str,
    kind: str,
    annotation: Annotation,
    text: str,
    truth: Span | None,
    placed: Placement | None,
) -> dict[str, Any]:
    def around(span: Span | None) -> str | None:
        if span is None:
            return None
        start, end = span
        return f"…{text[max(0, start - 30) : start]}[{text[start:end]}]{text[end : end + 30]}…"

    position = annotation.selectors.position
    return {
        "chapter": rel,
        "edit": edit,
        "highlight": kind,
        "verdict": outcome(truth, None if placed is None else (placed.start, placed.end)),
        "quote": annotation.quote,
        "old_at": None if position is None else [position.start, position.end],
        "expected_at": None if truth is None else list(truth),
        "expected": around(truth),
        "method": None if placed is None else placed.method,
        "placed_at": None if placed is None else [placed.start, placed.end],
        "placed": None if placed is None else around((placed.start, placed.end)),
    }


def summary(tally: Tally) -> dict[str, Any]:
    out: dict[str, Any] = {key: tally.counts[key] for key in ("highlights", *METHODS, "orphan")}
    out |= {key: tally.counts[key] for key in OUTCOMES}
    out["ms_median"] = round(statistics.median(tally.ms), 2) if tally.ms else None
    out["ms_max"] = round(max(tally.ms), 2) if tally.ms else None
    return out


def print_report(
    rows: list[dict[str, Any]],
    tallies: dict[str, Tally],
    examples: list[dict[str, Any]],
    shown: int,
    seconds: float,
) -> None:
    print(f"Chapters ({len(rows)}):")
    print(f"  {'chapter':<22} {'bytes':>8} {'chars':>8} {'paras':>6} {'hl':>4}  skipped")
    for row in rows:
        print(
            f"  {row['chapter']:<22} {row['bytes']:>8} {row['reading_chars']:>8}"
            f" {row['paragraphs']:>6} {row['highlights']:>4}  {','.join(row['unverified'])}"
        )
    heads = ["edit", "hl", "pos", "quote", "fuzzy", "orph", *OUTCOMES, "ms med", "ms max"]
    widths = [17, 5, 5, 6, 6, 5, 6, 8, 6, 15, 14, 7, 7]
    print("\nRe-anchoring per edit (counts of highlights; ms per chapter's reanchor call):")
    print(
        "  "
        + " ".join(
            f"{h:>{w}}" if n else f"{h:<{w}}"
            for n, (h, w) in enumerate(zip(heads, widths, strict=True))
        )
    )
    total = Tally()
    for kind, tally in tallies.items():
        total.counts += tally.counts
        total.ms += tally.ms
        print_line(kind, summary(tally), widths)
    print_line("all", summary(total), widths)
    for verdict in ("wrong", "orphan-missed", "overlap"):
        cases = [e for e in examples if e["verdict"] == verdict]
        print(f"\n{verdict}: {len(cases)} case(s)" + (f"; the first {shown}:" if cases else ""))
        for case in cases[:shown]:
            print(f"  - {case['chapter']} / {case['edit']} / {case['highlight']} highlight")
            print(f"    quote    {case['quote']!r} (was at {case['old_at']})")
            print(f"    expected {case['expected']} at {case['expected_at']}")
            print(f"    placed   {case['placed']} at {case['placed_at']} by {case['method']}")
    print(f"\nRan in {seconds:.1f} s.")


def print_line(name: str, values: dict[str, Any], widths: list[int]) -> None:
    keys = ["highlights", *METHODS, "orphan", *OUTCOMES, "ms_median", "ms_max"]
    cells = [name] + ["-" if values[k] is None else str(values[k]) for k in keys]
    print(
        "  "
        + " ".join(
            f"{c:>{w}}" if n else f"{c:<{w}}"
            for n, (c, w) in enumerate(zip(cells, widths, strict=True))
        )
    )


if __name__ == "__main__":
    main()
