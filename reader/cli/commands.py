"""Headless commands: the same core as the window, no display needed.

    article-reader list   [--library DIR] [--json]
    article-reader search QUERY [--library DIR] [--limit N] [--sort relevance|date] [--json]
    article-reader index  [--library DIR] [--rebuild]
    article-reader export [--library DIR] --format markdown|jsonld [--output FILE]
    article-reader import FILE [--library DIR]
    article-reader show PATH [--library DIR] [--format text|markdown|html]
    article-reader related PATH [--library DIR] [--limit N] [--json]

Each brings the catalog and the index up to date first (a progress bar on
stderr when it is a terminal; highlights of changed articles are re-anchored)
and exits with status 2 and one line on stderr for a bad folder, a bad query, a
file that cannot be written, or an import file that is not Web Annotation JSON.
``export`` writes its file atomically (the old one stays whole until the new one
is). ``import`` prints one summary line, and exits with status 1 when some
annotations were refused (each named on stderr: e.g. its article is not in the
library).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli import articles
from reader.cli.listing import write_list
from reader.cli.terminal import TerminalProgress, fail, printable, warn
from reader.core.catalog.damage import CatalogCorrupt, is_corruption
from reader.core.library.library import ChangeSet, Library, LibraryError, LibraryUnavailable
from reader.core.search.index import SORTS, QueryError
from reader.defaults import default_library

if TYPE_CHECKING:
    from reader.core.search.snippets import Snippet

# What only some commands use is imported by them (export, import, search, a bulk
# refresh): ``list`` is asked for often, by scripts, and need not load it.

COMMANDS = ("list", "search", "index", "export", "import", *articles.ARTICLE_COMMANDS)


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
    search.add_argument(
        "--sort", choices=SORTS, default="relevance", help="best first (default) or newest first"
    )
    search.add_argument("--json", action="store_true", help="print a JSON array")

    index = commands.add_parser("index", help="bring the catalog and search index up to date")
    index.add_argument("--library", type=Path, default=None, help=library_help)
    index.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")

    export = commands.add_parser("export", help="export the highlights and notes")
    export.add_argument("--library", type=Path, default=None, help=library_help)
    export.add_argument(
        "--format",
        choices=("markdown", "jsonld"),
        required=True,
        help="Markdown to read, or W3C Web Annotation JSON-LD to import elsewhere (or here)",
    )
    export.add_argument(
        "--output", type=Path, default=None, help="the file (default, or -: standard output)"
    )
    export.add_argument(
        "--salvage",
        action="store_true",
        help="read what can be read of the highlights of a damaged catalog",
    )

    imports = commands.add_parser("import", help="import W3C Web Annotation JSON(-LD)")
    imports.add_argument("file", type=Path)
    imports.add_argument("--library", type=Path, default=None, help=library_help)
    articles.add_commands(commands, library_help)  # show, related
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.command in ("search", "related") and args.limit < 1:
        return fail("--limit must be at least 1")
    if args.command == "show":  # the file alone: no catalog, no index
        return articles.show(args.path, args.library, args.format)
    if args.command == "related":
        located = articles.locate(args.path, args.library)
        if isinstance(located, str):
            return fail(located)
        args.library, args.rel = located
    if args.command == "export" and args.salvage:
        from reader.cli.annotations import export_salvaged

        return export_salvaged(args.library or default_library(), args.format, args.output)
    data: object = None
    if args.command == "import":  # a bad file fails before any work on the library
        from reader.core.annotations.export import ImportFormatError, load_jsonld

        try:
            data = load_jsonld(args.file)
        except ImportFormatError as exc:
            return fail(str(exc))
    try:
        library = Library(args.library or default_library())
    except (LibraryError, sqlite3.DatabaseError) as exc:
        return fail(_database_message(exc))
    try:
        return _run(library, args, data)
    except (OSError, sqlite3.DatabaseError) as exc:  # a full disk, a damaged catalog
        return fail(_database_message(exc))
    finally:
        library.close()


def _run(library: Library, args: argparse.Namespace, data: object) -> int:
    progress = TerminalProgress(sys.stderr)
    if args.command == "index" and args.rebuild:
        library.rebuild_index()
    started = time.perf_counter()
    from reader.core.library.bulk import BULK_INDEX_BATCH

    try:
        # A big refresh is read and indexed by one worker process per core (see
        # reader.core.library.parallel_build); a small one stays in this process.
        changes = library.refresh(progress, procs=os.cpu_count() or 1, index_batch=BULK_INDEX_BATCH)
    except LibraryUnavailable as exc:
        progress.finish()
        if args.command in ("index", "import"):
            return fail(str(exc))
        warn(f"{exc}; this is what the catalog had")
        changes = ChangeSet()
    progress.finish()
    if args.command == "index":
        return _index_summary(library, changes, time.perf_counter() - started)
    if args.command == "list":
        return _list(library, args.json)
    if args.command in ("export", "import"):
        from reader.cli.annotations import export, import_annotations

        if args.command == "export":
            return export(library, args.format, args.output)
        return import_annotations(library, data)
    if args.command == "related":
        return articles.related(library, args.rel, args.limit, args.json)
    return _search(library, args.query, args.limit, args.sort, args.json)


def _database_message(exc: BaseException) -> str:
    """One line for a library or data folder that cannot be used."""
    if isinstance(exc, CatalogCorrupt):
        return str(exc)
    if isinstance(exc, sqlite3.DatabaseError) and is_corruption(exc):
        path = getattr(exc, "path", None)
        return str(exc) if path is None else str(CatalogCorrupt(path, exc))
    if isinstance(exc, LibraryError):
        return str(exc)
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        return f"cannot update the library: {exc.strerror or exc}{where}"
    return f"cannot use the library's data: {exc}"


def _list(library: Library, as_json: bool) -> int:
    write_list(library.catalog.rows(), as_json, sys.stdout)
    return 0


def _index_summary(library: Library, changes: ChangeSet, seconds: float) -> int:
    counts = ", ".join(
        f"{len(ids)} {name}"
        for name, ids in (
            ("added", changes.added),
            ("updated", changes.updated),
            ("moved", changes.moved),
            ("removed", changes.removed),
        )
        if ids
    )
    print(
        f"{library.catalog.count()} articles, {library.index.doc_count()} in the index; "
        f"catalog: {counts or 'nothing changed'}; {seconds:.1f} s"
    )
    return 0


def _search(library: Library, query: str, limit: int, sort: str, as_json: bool) -> int:
    from reader.core.operations import search_library

    def rebuilding() -> None:
        print("article-reader: the search index was damaged; rebuilding it", file=sys.stderr)

    try:
        found = search_library(
            library, query, limit=limit, sort=sort, rebuild=rebuilding,
            progress=TerminalProgress(sys.stderr),
        )  # fmt: skip
    except QueryError as exc:
        return fail(f"bad query: {exc}")
    if as_json:
        results = []
        for hit in found.hits:
            snippet = found.snippets.get(hit.id)
            results.append(
                {
                    **hit.row.to_json(),
                    "score": round(hit.score, 4) if sort == "relevance" else None,
                    "snippet": snippet.text if snippet else None,
                    "snippet_html": snippet.html() if snippet else None,
                    "note": found.notes.get(hit.id),
                }
            )
        print(json.dumps(results, ensure_ascii=False, indent=1))
    else:
        for hit in found.hits:
            row = hit.row
            print(
                printable(f"{hit.score:7.2f}  {row.date or '----':10}  {row.title}  ({row.path})")
            )
            snippet = found.snippets.get(hit.id)
            if snippet:
                print(f"         {_terminal_marks(snippet)}")
            if hit.id in found.notes:
                print(printable(f"         ✎ in your highlights: {found.notes[hit.id]}"))
    if found.left_out:
        print(printable(f"left out of the query: {', '.join(found.left_out)}"), file=sys.stderr)
    count = len(found.hits)
    noun = "hit" if found.total == 1 else "hits"
    shown = f"{count} of {found.total} {noun}" if found.total > count else f"{count} {noun}"
    print(shown if count else "no hits", file=sys.stderr)
    if found.timed_out:
        print("the search stopped at its time limit: more may match", file=sys.stderr)
    if found.suggestion:
        print(printable(f"did you mean: {found.suggestion}"), file=sys.stderr)
    return 0


def _terminal_marks(snippet: Snippet) -> str:
    """The snippet with hits in bold when printing to a terminal, else in «»."""
    bold = sys.stdout.isatty()
    parts, last = [], 0
    for start, end in snippet.spans:
        word = printable(snippet.text[start:end])  # our own escapes around it, no other
        parts += [printable(snippet.text[last:start])]
        parts += [f"\x1b[1m{word}\x1b[0m" if bold else f"«{word}»"]
        last = end
    parts.append(printable(snippet.text[last:]))
    return "".join(parts)
