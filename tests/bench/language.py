"""Language detection: the stop-word test against py3langid, on real files.

    python -m tests.bench.language FOLDER [FOLDER…]

For every ``.md`` and ``.txt`` file (its first 1,500 characters, as detection
sees them): how often the stop-word test decides alone, whether it agrees with
py3langid when it does, and the time of each.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from reader.core.articles import language


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.language")
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--limit", type=int, default=5000, help="files per folder, at most")
    args = parser.parse_args()
    samples = []
    for folder in args.folders:
        files = sorted(p for p in folder.rglob("*") if p.suffix in (".md", ".txt"))
        samples += [p.read_text("utf-8", "replace")[:1500] for p in files[: args.limit]]
    language.load_model()
    identifier = language._get_identifier()
    started = time.perf_counter()
    quick = [language.quick_language(s) for s in samples]
    quick_s = time.perf_counter() - started
    started = time.perf_counter()
    slow = [identifier.classify(s) for s in samples]
    slow_s = time.perf_counter() - started
    decided = [(q, str(code)) for q, (code, _) in zip(quick, slow, strict=True) if q]
    disagree = Counter(f"{q}≠{code}" for q, code in decided if q != code)
    n = len(samples)
    print(f"{n} texts: the stop-word test decides {len(decided)} ({len(decided) / n:.1%}),")
    print(f"  agreeing with py3langid on {len(decided) - sum(disagree.values())} {dict(disagree)}")
    print(f"  stop words {quick_s / n * 1e6:.0f} µs a text, py3langid {slow_s / n * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
