"""Headless commands: the same core as the window, no display needed.

    article-reader list   [FOLDER] [--sort date|title|source] [--reverse] [--json]
                          [--state inbox|later|archive]
    article-reader search QUERY [FOLDER] [--limit N] [--sort relevance|date] [--json]
    article-reader index  [FOLDER] [--rebuild]
    article-reader export [FOLDER | ARTICLE] [--format markdown|jsonld] [--output FILE]
    article-reader import FILE [FOLDER]
    article-reader show PATH [--library DIR] [--format text|markdown|html]
    article-reader related PATH [--library DIR] [--limit N] [--json]
    article-reader later|archive|inbox PATH… [--library DIR]
    article-reader review [FOLDER] [--json] [--today YYYY-MM-DD] [--limit N] [--tag T]
    article-reader review [FOLDER] --answer ID keep|sooner|mastered|skip | --restore ID [--today D]

A library FOLDER can also be given as ``--library FOLDER`` (not both at once); an
ARTICLE to ``export`` exports that article's highlights alone. ``list --json`` rows carry
each article's ``state`` (inbox, later, archive); ``list --state later`` is the queue,
in its order. ``later``, ``archive``, ``inbox``: :mod:`reader.cli.triage`; ``review``:
:mod:`reader.cli.review`. A reader that stops
reading (``| head``) ends the command quietly, with status 0.

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
from typing import TYPE_CHECKING

from reader.cli import articles, review, triage
from reader.cli.language import argparse_words, translate, use_language
from reader.cli.listing import write_listing
from reader.cli.parser import Commands, library_of, parse
from reader.cli.terminal import TerminalProgress, fail, printable, reader_gone, warn
from reader.core.catalog.damage import CatalogCorrupt, is_corruption
from reader.core.library.library import (
    BULK_INDEX_BATCH,
    ChangeSet,
    DiskFull,
    Library,
    LibraryError,
    LibraryUnavailable,
)
from reader.defaults import default_library

if TYPE_CHECKING:
    from reader.core.search.snippets import Snippet

# What only some commands use is imported by them (export, import, search, the search
# engine, the parsers): ``list`` is asked for often, by scripts, and need not load it.

COMMANDS = (
    "list", "search", "index", "export", "import", *articles.ARTICLE_COMMANDS,
    *triage.TRIAGE_COMMANDS, "review",
)  # fmt: skip


def _more_commands(commands: Commands) -> None:
    articles.add_commands(commands)
    triage.add_commands(commands)
    review.add_commands(commands)


def main(argv: list[str]) -> int:
    """The command's exit status. A reader that stops reading (``| head``) is a normal
    end: no message and status 0 (see :func:`reader.cli.terminal.reader_gone`)."""
    use_language()
    try:
        with argparse_words():
            args = parse(argv, _more_commands)
        return _command(args)
    except BrokenPipeError:
        return reader_gone()


def _command(args: argparse.Namespace) -> int:
    if args.command in ("search", "related", "review") and args.limit < 1:
        return fail(translate("CommandLine", "--limit must be at least 1"))
    if args.command == "show":  # the file alone: no catalog, no index
        return articles.show(args.path, args.library, args.format)
    article = args.path if args.command == "related" else None
    if args.command == "export" and args.folder is not None and args.folder.is_file():
        article, args.folder = args.folder, None  # a file: that article's highlights
    args.rel = None
    if args.command in triage.TRIAGE_COMMANDS:
        found = triage.locate_all(args.paths, args.library)
        if isinstance(found, str):
            return fail(found)
        args.library, args.rels = found
    elif article is None:
        chosen = library_of(args)
        if isinstance(chosen, str):
            return fail(chosen)
        args.library = chosen
    else:
        located = articles.locate(article, args.library)
        if isinstance(located, str):
            return fail(located)
        args.library, args.rel = located
    if args.command == "export" and args.salvage:
        if args.rel is not None:
            return fail(translate("CommandLine", "--salvage exports a whole library"))
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
        # Never merging behind the command's back: a child would die with it.
        library = Library(args.library or default_library(), merge_in_background=False)
    except (LibraryError, sqlite3.DatabaseError) as exc:
        return fail(_database_message(exc))
    try:
        return _run(library, args, data)
    except BrokenPipeError:
        raise  # the reader stopped reading: see main
    except (OSError, sqlite3.DatabaseError) as exc:  # a full disk, a damaged catalog
        return fail(_database_message(exc))
    finally:
        library.close()


def _run(library: Library, args: argparse.Namespace, data: object) -> int:
    progress = TerminalProgress(sys.stderr)
    if args.command == "index" and args.rebuild:
        library.rebuild_index()
    started = time.perf_counter()
    try:
        # A big refresh is read and indexed by one worker process per core (see
        # reader.core.library.parallel_build); a small one stays in this process.
        changes = library.refresh(progress, procs=os.cpu_count() or 1, index_batch=BULK_INDEX_BATCH)
    except (LibraryUnavailable, DiskFull) as exc:  # what was saved before stays readable
        progress.finish()
        if args.command in ("index", "import"):
            return fail(str(exc))
        warn(f"{exc}; this is what the catalog had")
        changes = ChangeSet()
    progress.finish()
    if args.command == "index":
        if not changes.not_saved:
            library.merge_index()  # what a build left, searched at its best at once
        return _index_summary(library, changes, time.perf_counter() - started)
    if args.command == "list":
        write_listing(library, args.sort, args.reverse, args.json, sys.stdout, args.state)
        return 0
    if args.command in triage.TRIAGE_COMMANDS:
        return triage.move(library, args.command, args.rels, getattr(args, "top", False))
    if args.command == "review":
        return review.review(library, args)
    if args.command in ("export", "import"):
        from reader.cli.annotations import export, import_annotations

        if args.command == "export":
            article_id = None
            if args.rel is not None:
                row = library.catalog.row_by_path(args.rel)
                if row is None:
                    message = translate("CommandLine", "{0} is not an article of the library {1}")
                    return fail(message.format(args.rel, library.root))
                article_id = row.id
            return export(library, args.format, args.output, article_id)
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


def _index_summary(library: Library, changes: ChangeSet, seconds: float) -> int:
    if changes.not_saved:  # a read-only session: nothing it found could be kept
        return fail(f"nothing was saved: {changes.not_saved}")
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
    from reader.core.search.index import QueryError

    def rebuilding() -> None:
        warn(translate("CommandLine", "the search index was damaged; rebuilding it"))

    try:
        found = search_library(
            library, query, limit=limit, sort=sort, rebuild=rebuilding,
            progress=TerminalProgress(sys.stderr),
        )  # fmt: skip
    except QueryError as exc:
        return fail(translate("CommandLine", "bad query: {0}").format(exc))
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
                note = translate("CommandLine", "✎ in your highlights: {0}")
                print(printable("         " + note.format(found.notes[hit.id])))
    if found.left_out:
        left_out = translate("CommandLine", "left out of the query: {0}")
        print(printable(left_out.format(", ".join(found.left_out))), file=sys.stderr)
    print(_hit_count(len(found.hits), found.total, found.estimated), file=sys.stderr)
    if found.timed_out:
        stopped = translate("CommandLine", "the search stopped at its time limit: more may match")
        print(stopped, file=sys.stderr)
    if found.suggestion:
        suggestion = translate("CommandLine", "did you mean: {0}")
        print(printable(suggestion.format(found.suggestion)), file=sys.stderr)
    return 0


def _hit_count(count: int, total: int, estimated: bool) -> str:
    """The count line; an estimated total says so, as the window's "about" does."""
    if not count:
        return translate("CommandLine", "no hits")
    if total > count and estimated:
        return translate("CommandLine", "{0} of about {1} hits").format(count, total)
    if total > count:
        return translate("CommandLine", "{0} of {1} hits").format(count, total)
    if count == 1:
        return translate("CommandLine", "1 hit")
    return translate("CommandLine", "{0} hits").format(count)


def _terminal_marks(snippet: Snippet) -> str:
    """The snippet with its hits in bold on a terminal; plain text in a pipe, where any
    mark would be read as the text's own (« » are French quotes, * is Markdown):
    ``--json`` has the hits, as ``<mark>`` in ``snippet_html``."""
    if not sys.stdout.isatty():
        return printable(snippet.text)
    parts, last = [], 0
    for start, end in snippet.spans:
        word = printable(snippet.text[start:end])  # our own escapes around it, no other
        parts += [printable(snippet.text[last:start]), f"\x1b[1m{word}\x1b[0m"]
        last = end
    parts.append(printable(snippet.text[last:]))
    return "".join(parts)
