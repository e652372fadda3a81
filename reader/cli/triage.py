"""The command line's triage: ``later``, ``archive``, ``inbox`` (see :mod:`reader.cli.commands`).

    article-reader later   PATH… [--library DIR] [--top]
    article-reader archive PATH… [--library DIR]
    article-reader inbox   PATH… [--library DIR]

Each PATH is an article's file (or its path inside the library given with
``--library``); the library is ``--library``, else the nearest folder above the first
article that is one (as for ``export ARTICLE``). Articles joining the queue go to its
end, in the order given (``--top``: before the first, the first given first). One line
says how many moved; a PATH that is not an article of the library is one line on
stderr and status 2, and nothing moves. ``list --state later`` lists the queue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.cli.articles import locate
from reader.cli.language import translate
from reader.cli.terminal import fail
from reader.core.library.library import Library
from reader.core.triage.triage import State, Triage

TRIAGE_COMMANDS: dict[str, State] = {"later": "later", "archive": "archive", "inbox": "inbox"}


def add_commands(commands: Any) -> None:
    """``later``, ``archive`` and ``inbox``, on ``parser.add_subparsers()``."""
    helps = {
        "later": translate("CommandLine", "add articles to the reading queue (at its end)"),
        "archive": translate("CommandLine", "archive articles (done with them)"),
        "inbox": translate("CommandLine", "put articles back in the inbox"),
    }
    for name, help_text in helps.items():
        command = commands.add_parser(name, help=help_text)
        command.add_argument(
            "paths", nargs="+", type=Path, metavar=translate("CommandLine", "PATH"),
            help=translate("CommandLine", "the articles' files"),
        )  # fmt: skip
        command.add_argument(
            "--library", type=Path, default=None, metavar=translate("CommandLine", "FOLDER"),
            help=translate(
                "CommandLine",
                "their library (default: the nearest folder above the first that is one)",
            ),
        )  # fmt: skip
        if name == "later":
            command.add_argument(
                "--top", action="store_true",
                help=translate("CommandLine", "at the top of the queue, not its end"),
            )  # fmt: skip


def locate_all(paths: list[Path], library: Path | None) -> tuple[Path, list[str]] | str:
    """(library root, the articles' paths in it), or the line that refuses one of them."""
    root: Path | None = library
    found = []
    for path in paths:
        if root is not None and not path.expanduser().is_file() and (root / path).is_file():
            path = root / path  # a path inside the library, from elsewhere
        located = locate(path, root)
        if isinstance(located, str):
            return located
        root, rel = located
        found.append(rel)
    assert root is not None  # at least one path (nargs="+")
    return root, found


def move(library: Library, command: str, rels: list[str], top: bool = False) -> int:
    """Move the articles (``library`` is up to date) and say how many moved."""
    ids = []
    for rel in rels:
        row = library.catalog.row_by_path(rel)
        if row is None:
            message = translate("CommandLine", "{0} is not an article of the library {1}")
            return fail(message.format(rel, library.root))
        ids.append(row.id)
    triage = Triage(library.userdata)
    state = TRIAGE_COMMANDS[command]
    queued_before = triage.queue()
    change = triage.set_state(ids, state)
    moved = sum(1 for was, now in zip(change.before, change.after, strict=True) if was != now)
    if not top:
        print(_moved(moved, state))
        return 0
    for article_id in reversed(list(dict.fromkeys(ids))):
        triage.move_in_queue(article_id, "top")
    # Articles already queued moved too, though none was added: say what was done.
    queue = triage.queue()
    placed = {article_id: n for n, article_id in enumerate(queue)}
    was = {article_id: n for n, article_id in enumerate(queued_before)}
    at_top = sum(1 for article_id in set(ids) if was.get(article_id) != placed.get(article_id))
    print(_at_top(at_top))
    return 0


def _at_top(count: int) -> str:
    if count == 1:
        return translate("CommandLine", "1 article moved to the top of the queue")
    return translate("CommandLine", "{0} articles moved to the top of the queue").format(count)


def _moved(count: int, state: State) -> str:
    if state == "later":
        if count == 1:
            return translate("CommandLine", "1 article added to the queue")
        return translate("CommandLine", "{0} articles added to the queue").format(count)
    if state == "archive":
        if count == 1:
            return translate("CommandLine", "1 article archived")
        return translate("CommandLine", "{0} articles archived").format(count)
    if count == 1:
        return translate("CommandLine", "1 article back in the inbox")
    return translate("CommandLine", "{0} articles back in the inbox").format(count)
