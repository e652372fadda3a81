"""A deterministic mix of reader queries drawn from the library itself (so they hit).

The ``notes`` kind searches the reader's highlights and notes (``notes:``, ``in:notes``):
a synthetic library has none, so :func:`highlights` says which passages of the sampled
articles a bench highlights, and with which note, before it runs the mix
(:func:`tests.bench.query_latency.add_highlights`, through the reader's data API).
"""

from __future__ import annotations

import random
import re

from reader.core.catalog.store import CatalogRow

TOPICS_FR = ["sécurité", "gouvernement", "élection", "économie"]
TOPICS_EN = ["security", "government", "election", "climate"]
KINDS = ("one word", "two words", "phrase", "prefix", "field", "date", "notes")
NOTE_WORDS = ["relire", "important", "vérifier", "citer", "check", "quote", "follow", "source"]
HIGHLIGHTS_PER_ARTICLE = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
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
        elif kind == "date":
            year = (row.date or "2000")[:4]
            query = rng.choice([f"date:{year} {topic}", f"date:{int(year) - 3}..{year} {topic}"])
        else:
            notes = [note for _, note in highlights(row.id, bodies[row.id])] or ["relire"]
            word = rng.choice(_WORDS.findall(rng.choice(notes)) or ["relire"])
            query = rng.choice([f"notes:{word}", f"in:notes {word}", f"in:notes {word} {topic}"])
        queries.append((kind, query))
    return queries


def highlights(article_id: int, body: str) -> list[tuple[str, str]]:
    """The passages (quote, note) a bench highlights in a sampled article: whole
    sentences of its body, each noted with a few of its words and a reader's word."""
    rng = random.Random(article_id)
    sentences = [s.strip() for s in _SENTENCE_END.split(body) if len(_WORDS.findall(s)) >= 6]
    found = []
    for quote in rng.sample(sentences, min(HIGHLIGHTS_PER_ARTICLE, len(sentences))):
        words = _WORDS.findall(quote)
        note = f"{' '.join(rng.sample(words, 3))}, {rng.choice(NOTE_WORDS)}"
        found.append((quote, note))
    return found
