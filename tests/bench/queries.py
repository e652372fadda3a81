"""A deterministic mix of reader queries drawn from the library itself (so they hit)."""

from __future__ import annotations

import random
import re

from reader.core.catalog.store import CatalogRow

TOPICS_FR = ["sécurité", "gouvernement", "élection", "économie"]
TOPICS_EN = ["security", "government", "election", "climate"]
KINDS = ("one word", "two words", "phrase", "prefix", "field", "date")
_WORDS = re.compile(r"[^\W\d_]{4,}")


def query_mix(
    rows: list[CatalogRow], bodies: dict[int, str], count: int, seed: int
) -> list[tuple[str, str]]:
    """``count`` (kind, query) pairs, the kinds in equal share."""
    rng = random.Random(seed)
    sample = [row for row in rows if row.id in bodies]
    queries = []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        row = rng.choice(sample)
        words = _WORDS.findall(bodies[row.id]) or ["article"]
        topic = rng.choice(TOPICS_FR if row.lang == "fr" else TOPICS_EN)
        if kind == "one word":
            query = rng.choice([topic, rng.choice(words)])
        elif kind == "two words":
            query = f"{rng.choice(words)} {rng.choice(words)}"
        elif kind == "phrase":
            tokens = bodies[row.id].split()
            start = rng.randrange(max(1, len(tokens) - 1))
            pair = [t.strip('.,;:!?«»"“”()') for t in tokens[start : start + 2]]
            query = f'"{" ".join(pair)}"'
        elif kind == "prefix":
            query = f"{topic[:5]}*"
        elif kind == "field":
            title_words = _WORDS.findall(row.title) or [topic]
            query = rng.choice(
                [
                    f"title:{rng.choice(title_words)}",
                    f'source:"{row.source}" {topic}',
                    f"lang:{row.lang} {topic}",
                ]
            )
        else:
            year = (row.date or "2000")[:4]
            query = rng.choice([f"date:{year} {topic}", f"date:{int(year) - 3}..{year} {topic}"])
        queries.append((kind, query))
    return queries
