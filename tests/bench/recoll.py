"""The peer people would pick instead: Recoll (Xapian, C++), on the same files.

Debian packages ``recoll python3-recoll``. ``recollindex -c CONFDIR`` builds the index
of the library from a ``recoll.conf`` naming it as the only top folder, with the
stemming languages asked for and nothing else configured (``.txt`` and ``.md`` are
plain text to Recoll: no title, source, language or date fields). Queries run in
process in the system Python that has the ``recoll`` module
(:mod:`tests.bench.recoll_queries`), so the venv never imports it.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SYSTEM_PYTHON = "/usr/bin/python3"
QUERIES_SCRIPT = Path(__file__).with_name("recoll_queries.py")
RECOLL_LANGUAGES = {"fr": "french", "en": "english", "de": "german", "es": "spanish"}
_FIELD = re.compile(r'(\w+):("[^"]*"|\S+)')


@dataclass(frozen=True)
class RecollRun:
    seconds: list[float]  # per query: search, top hits, a snippet each
    paths: list[list[Path]]  # per query: the files found, best first
    peak_rss_mb: float  # of the querying process


def available() -> bool:
    return shutil.which("recollindex") is not None and Path(SYSTEM_PYTHON).exists()


def configure(confdir: Path, library: Path, languages: tuple[str, ...]) -> list[str]:
    """A fresh Recoll configuration for ``library``; returns the ``recollindex`` command."""
    shutil.rmtree(confdir, ignore_errors=True)
    confdir.mkdir(parents=True)
    stemming = " ".join(RECOLL_LANGUAGES[lang] for lang in languages)
    (confdir / "recoll.conf").write_text(
        f"topdirs = {library}\nindexstemminglanguages = {stemming}\n", "utf-8"
    )
    return ["recollindex", "-c", str(confdir)]


def index_size_mb(confdir: Path) -> float:
    database = confdir / "xapiandb"
    return sum(f.stat().st_size for f in database.rglob("*") if f.is_file()) / 1e6


def run_queries(
    confdir: Path, queries: list[str], languages: tuple[str, ...], limit: int = 20
) -> RecollRun:
    """Each query (Recoll syntax) in one process, timed there; see recoll_queries.py.

    ``-I``: the script's folder holds this module, also named ``recoll``.
    """
    stemlang = " ".join(RECOLL_LANGUAGES[lang] for lang in languages)
    done = subprocess.run(
        [SYSTEM_PYTHON, "-I", str(QUERIES_SCRIPT), str(confdir), stemlang, str(limit)],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        check=True,
    )
    answer = json.loads(done.stdout)
    results = answer["results"]
    return RecollRun(
        [r["seconds"] for r in results],
        [[Path(p) for p in r["paths"]] for r in results],
        float(answer["peak_rss_mb"]),
    )


def translate(query: str) -> str:
    """Our query syntax → Recoll's.

    Words, "phrases" and prefix* are the same. Recoll has no title, source,
    language or date of a plain text file (its date: is the file's time), so
    those clauses run as their words: ``title:x`` → ``x``, ``source:"Le Monde"`` →
    ``"Le Monde"``, and ``lang:`` and ``date:`` clauses are dropped. Recoll keeps no
    notes: ``notes:x`` runs as ``x`` over the text, and ``in:notes`` is dropped.
    """

    def clause(match: re.Match[str]) -> str:
        field, value = match.group(1), match.group(2)
        return value if field in ("title", "source", "notes") else ""

    return " ".join(_FIELD.sub(clause, query).split())
