"""Benchmarks: how fast and how well the reader does, beside its peers. Not tests.

Development only (the wheel and the bundle never carry ``tests/``), run from the
repository root as ``python -m tests.bench[.MODULE] …``; each module's docstring gives
its command. Some need Recoll (Debian's ``recoll python3-recoll``) or corpora kept
outside the project. The synthetic libraries come from :mod:`tests.synthetic`.

- ``__main__``: the search benchmark (build, relaunch, queries, memory) beside SQLite
  FTS5 (:mod:`.fts5`) and Recoll (:mod:`.recoll`, :mod:`.recoll_queries`), on the query
  mix of :mod:`.queries`.
- :mod:`.query_latency`, :mod:`.keystroke`: query latency in process, and keystroke to
  hits in the real window.
- :mod:`.launch`, :mod:`.relaunch`: launch to list, and a relaunch with nothing changed.
- :mod:`.ranking`, :mod:`.related`: known-item ranking, and related articles' quality.
- :mod:`.extraction`, :mod:`.language`: article extraction from saved pages, language
  detection.
- :mod:`.reanchor` (edits in :mod:`.reanchor_edits`), :mod:`.save_latency`: highlights
  re-anchored after edits, and highlight to disk in the window.
"""
