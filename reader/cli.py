"""Headless commands: the same core as the window, no display needed.

    article-reader list   [--library DIR] [--json]
    article-reader search QUERY [--library DIR] [--limit N] [--json]

Both bring the catalog and the index up to date first (progress on stderr
when it is a terminal) and exit with status 2 and one line on stderr for a
bad folder or a bad query.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from reader.core.library import Library, LibraryError
from reader.core.search import QueryError
from reader.defaults import default_library

COMMANDS = ("list", "search")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="article-reader", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    library_help = "the library folder (default: the bundled sample library)"

    listing = commands.add_parser("list", help="list the articles of a library")
    listing.add_argument("--library", type=Path, default=None, help=library_help)
    listing.add_argument("--json", action="store_true", help="print a JSON array")

    search = commands.add_parser("search", help="search a library")
    search.add_argument("query")
    search.add_argument("--library", type=Path, default=None, help=library_help)
    search.add_argument("--limit", type=int, default=20, help="at most N hits (default 20)")
    search.add_argument("--json", action="store_true", help="print a JSON array")
    return parser


class _TerminalProgress:
    """One rewritten line on stderr, only when stderr is a terminal."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.active = stream.isatty()
        self.shown = False

    def __call__(self, done: int, total: int, message: str) -> None:
        if not self.active:
            return
        counter = f" {done}/{total}" if total else ""
        self.stream.write(f"\r\x1b[K{message}{counter}")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "search" and args.limit < 1:
        return _fail("--limit must be at least 1")
    try:
        library = Library(args.library or default_library())
    except LibraryError as exc:
        return _fail(str(exc))
    progress = _TerminalProgress(sys.stderr)
    try:
        library.refresh(progress)
        progress.finish()
        if args.command == "list":
            return _list(library, args.json)
        return _search(library, args.query, args.limit, args.json)
    finally:
        library.close()


def _list(library: Library, as_json: bool) -> int:
    rows = library.catalog.rows()
    if as_json:
        print(json.dumps([row.to_json() for row in rows], ensure_ascii=False, indent=1))
        return 0
    for row in rows:
        status = f"  [error: {row.error}]" if row.error else ""
        print(f"{row.date or '----':10}  {row.source[:20]:20}  {row.title}  ({row.path}){status}")
    return 0


def _search(library: Library, query: str, limit: int, as_json: bool) -> int:
    try:
        hits = library.index.search(query, limit=limit)
    except QueryError as exc:
        return _fail(f"bad query: {exc}")
    rows = {row.id: row for row in library.catalog.rows_by_id(hit.id for hit in hits)}
    found = [(hit, rows[hit.id]) for hit in hits if hit.id in rows]
    if as_json:
        results = [{**row.to_json(), "score": round(hit.score, 4)} for hit, row in found]
        print(json.dumps(results, ensure_ascii=False, indent=1))
        return 0
    for hit, row in found:
        print(f"{hit.score:7.2f}  {row.title}  ({row.path})")
    if not found:
        print("no hits", file=sys.stderr)
    return 0


def _fail(message: str) -> int:
    print(f"article-reader: {message}", file=sys.stderr)
    return 2
