"""Recoll's side of the benchmark: run queries in process, with a snippet each.

    /usr/bin/python3 tests/bench/recoll_queries.py CONFDIR STEMLANGS < queries.json

Run by :mod:`tests.bench.recoll` with the *system* Python, which has Debian's
``python3-recoll`` (the venv does not). Standard library and ``recoll`` only: it
never imports ``reader``. Reads a JSON list of Recoll query strings; writes one
JSON object: for each query its seconds (search + top 20 + ``makedocabstract``
of each, as the Recoll GUI's result list) and the paths found, best first; and
this process's peak RSS.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from urllib.parse import unquote

from recoll import recoll  # type: ignore[import-not-found]


def main() -> None:
    confdir, stemlang = sys.argv[1], sys.argv[2]
    queries = json.load(sys.stdin)
    db = recoll.connect(confdir=confdir)
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    results = []
    for text in queries:
        started = time.perf_counter()
        query = db.query()
        try:
            query.execute(text, stemming=1, stemlang=stemlang)
            docs = query.fetchmany(limit)
            for doc in docs:
                query.makedocabstract(doc)
            paths = [unquote(doc.url.removeprefix("file://")) for doc in docs]
        except Exception as exc:  # a query Recoll refuses: no hits, as ours would say
            print(f"recoll: {text!r}: {exc}", file=sys.stderr)
            paths = []
        results.append({"seconds": time.perf_counter() - started, "paths": paths})
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump({"results": results, "peak_rss_mb": peak}, sys.stdout)


if __name__ == "__main__":
    main()
