"""The command line's article commands: ``show`` and ``related`` (see :mod:`reader.cli.commands`).

    article-reader show PATH [--library DIR] [--format text|markdown|html]
    article-reader related PATH [--library DIR] [--limit N] [--json]

``show`` prints what the reading pane shows of one article of any format: its reading
text (the text highlights anchor on, title first), its Markdown (the title as a
heading, then the body the parsers made, with only the escapes Markdown needs: see
:mod:`reader.cli.lean_markdown`), or its sanitized HTML (title, byline and
body, as the pane is given it). It reads the file alone: no catalog, no index. An
article that cannot be read prints its reason on stderr and exits with status 1.

``related`` lists the articles of the library most related to one (title, source,
date, path), then the ones that are the same text, as "also in your library as".
The library is ``--library``, else the nearest folder above the article that is a
library already (it has a catalog), else the article's own folder; it is brought up
to date first, as for ``search``. ``export ARTICLE`` finds its library so too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.cli.language import translate
from reader.cli.terminal import fail, printable
from reader.core.articles.names import article_rel
from reader.core.catalog.paths import library_data_dir
from reader.core.limits import RELATED_LIMIT

if TYPE_CHECKING:
    from reader.core.library.library import Library
    from reader.core.search.related import RelatedArticle

# What ``show`` and ``related`` use (the parsers, the renderer, the search engine) is
# imported when they run: every command builds this parser, and ``list`` needs none of it.

ARTICLE_COMMANDS = ("show", "related")
FORMATS = ("text", "markdown", "html")


def add_commands(commands: Any) -> None:
    """The ``show`` and ``related`` subcommands, on ``parser.add_subparsers()``."""
    # An article's library defaults to the one it is in (see locate), not the bundled
    # sample the other commands default to.
    library_help = translate(
        "CommandLine", "its library (default: the nearest folder above it that is one, or its own)"
    )
    path_help = translate("CommandLine", "the article's file")
    folder = translate("CommandLine", "FOLDER")
    show = commands.add_parser(
        "show", help=translate("CommandLine", "print an article as the reading pane shows it")
    )
    show.add_argument("path", type=Path, metavar=translate("CommandLine", "PATH"), help=path_help)
    show.add_argument("--library", type=Path, default=None, metavar=folder, help=library_help)
    show.add_argument(
        "--format", choices=FORMATS, default="text",
        help=translate(
            "CommandLine",
            "reading text (default; what highlights anchor on), Markdown, or sanitized HTML",
        ),
    )  # fmt: skip
    related = commands.add_parser(
        "related", help=translate("CommandLine", "the articles most related to one")
    )
    related.add_argument(
        "path", type=Path, metavar=translate("CommandLine", "PATH"), help=path_help
    )
    related.add_argument("--library", type=Path, default=None, metavar=folder, help=library_help)
    related.add_argument(
        "--limit", type=int, default=RELATED_LIMIT, metavar="N",
        help=translate("CommandLine", "at most N (default {0})").format(RELATED_LIMIT),
    )  # fmt: skip
    related.add_argument(
        "--json", action="store_true", help=translate("CommandLine", "print a JSON object")
    )


def locate(path: Path, library: Path | None) -> tuple[Path, str] | str:
    """(library root, article path) of an article file, or why it cannot be one."""
    path = path.expanduser()
    if not path.is_file():
        return translate("CommandLine", "not a file: {0}").format(path)
    root = (library.expanduser() if library else enclosing_library(path)).resolve()
    try:
        relative = path.resolve().relative_to(root)
    except ValueError:
        return translate("CommandLine", "{0} is not inside the library {1}").format(path, root)
    return root, "/".join(article_rel(part) for part in relative.parts)


def enclosing_library(article: Path) -> Path:
    """The nearest folder above ``article`` that is a library already (it has a catalog:
    its highlights are there), else the article's own folder."""
    for folder in article.resolve().parents:
        if (library_data_dir(folder, create=False) / "catalog.sqlite3").exists():
            return folder
    return article.parent


def show(path: Path, library: Path | None, form: str) -> int:
    from reader.cli.lean_markdown import lean_markdown
    from reader.core.annotations.reading_text import reading_text
    from reader.core.articles.formats import parse_file
    from reader.core.articles.markdown_escape import escape_markdown
    from reader.core.render import render_article

    located = locate(path, library)
    if isinstance(located, str):
        return fail(located)
    root, rel = located
    try:
        article = parse_file(root, rel)
    except FileNotFoundError:
        return fail(translate("CommandLine", "not a file: {0}").format(path))
    if article.error:
        return fail(f"{rel}: {article.error}", status=1)
    if form == "markdown":
        output = lean_markdown(f"# {escape_markdown(article.title)}\n\n{article.body}\n")
    elif form == "html":
        output = render_article(article) + "\n"
    else:
        output = reading_text(article) + "\n"
    sys.stdout.write(output)
    return 0


def related(library: Library, rel: str, limit: int, as_json: bool) -> int:
    """The related list of a catalogued article (``library`` is up to date)."""
    from reader.core.search.related import related_articles

    row = library.catalog.row_by_path(rel)
    if row is None:
        message = translate("CommandLine", "{0} is not an article of the library {1}")
        return fail(message.format(rel, library.root))
    if row.error:
        return fail(f"{rel}: {row.error}", status=1)
    try:
        article = library.read_article(row)
    except FileNotFoundError:
        return fail(translate("CommandLine", "{0} is gone").format(rel))
    result = related_articles(
        library.index, library.catalog, library.read_article, row.id, article, limit
    )
    if as_json:
        payload = {
            "article": rel,
            "related": [item.to_json() for item in result.related],
            "duplicates": [item.to_json() for item in result.duplicates],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    if not result.related:
        print(translate("CommandLine", "no related article in this library"))
    for item in result.related:
        print(_line(item))
    if result.duplicates:
        print(translate("CommandLine", "also in your library as:"))
        for item in result.duplicates:
            print(f"  {_line(item)}")
    return 0


def _line(item: RelatedArticle) -> str:
    return printable(
        f"{item.date or '----':10}  {item.source[:20]:20}  {item.title}  ({item.path})"
    )
