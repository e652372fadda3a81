"""The command line's arguments: one parser, its help in the environment's language.

A library can be named where it is expected, as a last positional FOLDER, or with
``--library`` as before: never both (one line says so, :func:`library_of`).
``export`` takes a folder (the whole library) or an article file (that article's
highlights) in the same place.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TypeAlias

from reader.cli.language import translate
from reader.core.search.query_tree import SORTS
from reader.core.triage.states import STATES

LIST_SORTS = ("date", "title", "source")  # see reader.core.catalog.ordering
EXPORT_FORMATS = ("markdown", "jsonld")


Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # add_subparsers()


def build_parser(more: Callable[[Commands], None]) -> argparse.ArgumentParser:
    """The parser of every command: the library's here, and ``more`` (show, related)."""
    parser = argparse.ArgumentParser(
        prog="article-reader",
        description=translate(
            "CommandLine", "Headless commands: the same core as the window, no display needed."
        ),
    )
    commands = parser.add_subparsers(dest="command", required=True)
    add_library_commands(commands)
    more(commands)
    return parser


def parse(argv: list[str], more: Callable[[Commands], None]) -> argparse.Namespace:
    """``argv`` read by its command's parser, options and positionals in any order
    (``search mali --json ~/Articles``: argparse alone would have taken the query for
    the whole of the positionals before the option and refused the folder after it)."""
    parser = build_parser(more)
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    command: argparse.ArgumentParser | None = commands.choices.get(argv[0]) if argv else None
    if command is None:
        return parser.parse_args(argv)  # its own error, or --help
    # argparse's intermixed parsing keeps the usage without its "usage: " by cutting
    # that many characters, which a translated "usage: " is not: given, it is kept whole.
    prefix = translate("argparse", "usage: ")
    command.usage = command.format_usage().removeprefix(prefix).strip()
    args = command.parse_intermixed_args(argv[1:])
    args.command = argv[0]
    return args


def library_options(parser: argparse.ArgumentParser, positional: bool = True) -> None:
    if positional:
        parser.add_argument(
            "folder", nargs="?", type=Path, default=None,
            metavar=translate("CommandLine", "FOLDER"),
            help=translate("CommandLine", "the library folder (or --library)"),
        )  # fmt: skip
    parser.add_argument(
        "--library", type=Path, default=None, metavar=translate("CommandLine", "FOLDER"),
        help=translate("CommandLine", "the library folder (default: the bundled sample library)"),
    )  # fmt: skip


def add_library_commands(commands: Commands) -> None:
    """``list``, ``search``, ``index``, ``export``, ``import`` on ``add_subparsers()``."""
    json_help = translate("CommandLine", "print a JSON array")
    listing = commands.add_parser(
        "list", help=translate("CommandLine", "list the articles of a library")
    )
    library_options(listing)
    listing.add_argument(
        "--sort", choices=LIST_SORTS, default=None,
        help=translate(
            "CommandLine",
            "newest first (default; the queue's own order for --state later), by title,"
            " or by source",
        ),
    )  # fmt: skip
    listing.add_argument(
        "--state", choices=STATES, default=None,
        help=translate("CommandLine", "only the articles in the inbox, the queue or the archive"),
    )  # fmt: skip
    listing.add_argument(
        "--reverse", action="store_true",
        help=translate("CommandLine", "the other way round (oldest first, Z to A)"),
    )  # fmt: skip
    listing.add_argument("--json", action="store_true", help=json_help)

    search = commands.add_parser("search", help=translate("CommandLine", "search a library"))
    search.add_argument(
        "query", metavar=translate("CommandLine", "QUERY"),
        help=translate("CommandLine", 'words, "phrases", prefix*, OR/NOT, fields, dates'),
    )  # fmt: skip
    library_options(search)
    search.add_argument(
        "--limit", type=int, default=20, metavar="N",
        help=translate("CommandLine", "at most N hits (default 20)"),
    )  # fmt: skip
    search.add_argument(
        "--sort", choices=SORTS, default="relevance",
        help=translate("CommandLine", "best first (default) or newest first"),
    )  # fmt: skip
    search.add_argument("--json", action="store_true", help=json_help)

    index = commands.add_parser(
        "index", help=translate("CommandLine", "bring the catalog and search index up to date")
    )
    library_options(index)
    index.add_argument(
        "--rebuild", action="store_true",
        help=translate("CommandLine", "rebuild the index from scratch"),
    )  # fmt: skip

    export = commands.add_parser(
        "export", help=translate("CommandLine", "export the highlights and notes")
    )
    export.add_argument(
        "folder", nargs="?", type=Path, default=None, metavar=translate("CommandLine", "PATH"),
        help=translate(
            "CommandLine", "a library folder (all its highlights) or one article's file (its own)"
        ),
    )  # fmt: skip
    library_options(export, positional=False)
    export.add_argument(
        "--format", choices=EXPORT_FORMATS, default="markdown",
        help=translate(
            "CommandLine",
            "Markdown to read (default), or W3C Web Annotation JSON-LD to import elsewhere",
        ),
    )  # fmt: skip
    export.add_argument(
        "--output", type=Path, default=None, metavar=translate("CommandLine", "FILE"),
        help=translate("CommandLine", "the file (default, or -: standard output)"),
    )  # fmt: skip
    export.add_argument(
        "--salvage", action="store_true",
        help=translate(
            "CommandLine", "read what can be read of the highlights of a damaged catalog"
        ),
    )  # fmt: skip

    imports = commands.add_parser(
        "import", help=translate("CommandLine", "import W3C Web Annotation JSON(-LD)")
    )
    imports.add_argument(
        "file", type=Path, metavar=translate("CommandLine", "FILE"),
        help=translate("CommandLine", "the Web Annotation JSON(-LD) file"),
    )  # fmt: skip
    library_options(imports)


def library_of(args: argparse.Namespace) -> Path | str | None:
    """The library a command names (FOLDER or ``--library``, None for the default), or
    the one line that refuses both at once."""
    folder: Path | None = getattr(args, "folder", None)
    if folder is None:
        return args.library  # type: ignore[no-any-return]
    if args.library is not None:
        return translate(
            "CommandLine", "give the library once: as FOLDER or with --library, not both"
        )
    return folder
