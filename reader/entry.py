"""The ``article-reader`` command: a headless subcommand, the desktop files, or the window.

Qt is imported only when the window is wanted, so ``list`` and ``search`` run on
machines without a display or Qt's system libraries; ``--help`` and ``--version``
need neither. Without a display the window is not attempted: one line says so and
points at the command line (Qt would abort with a misleading message otherwise), and so
for a display that cannot be reached or a system library the window lacks
(reader.window_needs).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from reader import __version__
from reader.cli.language import translate, use_language
from reader.cli.terminal import reader_gone
from reader.i18n import QT_TRANSLATE_NOOP

PROG = "article-reader"
# One line each, for --help; a test checks every command of reader.cli is here.
COMMAND_HELP = {
    "list": QT_TRANSLATE_NOOP(
        "CommandLine", "list a library's articles, newest first (--sort, --json)"
    ),
    "search": QT_TRANSLATE_NOOP(
        "CommandLine", 'search a library: words, "phrases", prefix*, OR/NOT, fields, dates'
    ),
    "index": QT_TRANSLATE_NOOP(
        "CommandLine", "bring a library's catalog and search index up to date (--rebuild)"
    ),
    "export": QT_TRANSLATE_NOOP(
        "CommandLine", "export a library's or an article's highlights as Markdown or JSON-LD"
    ),
    "import": QT_TRANSLATE_NOOP(
        "CommandLine", "import highlights and notes from W3C Web Annotation JSON(-LD)"
    ),
    "show": QT_TRANSLATE_NOOP(
        "CommandLine", "print an article as the pane shows it (--format text|markdown|html)"
    ),
    "related": QT_TRANSLATE_NOOP(
        "CommandLine", "the articles most related to one, duplicates apart (--limit N, --json)"
    ),
    "later": QT_TRANSLATE_NOOP(
        "CommandLine", "add articles to the end of the reading queue (--top)"
    ),
    "archive": QT_TRANSLATE_NOOP("CommandLine", "archive articles: done with them"),
    "inbox": QT_TRANSLATE_NOOP("CommandLine", "put articles back in the inbox"),
    "review": QT_TRANSLATE_NOOP(
        "CommandLine", "the day's highlights to review (--json, --today), or --answer ID keep"
    ),
    "desktop": QT_TRANSLATE_NOOP(
        "CommandLine", "add the app to the desktop's menu, or remove it (install|uninstall)"
    ),
}
# Qt platforms that need no display server (tests, screenshots, remote rendering).
HEADLESS_PLATFORMS = {
    "offscreen",
    "minimal",
    "minimalegl",
    "vnc",
    "eglfs",
    "linuxfb",
    "vkkhrdisplay",
}
NO_DISPLAY = (
    f"{PROG}: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set). "
    f"The command line needs none: '{PROG} list|search …', see '{PROG} --help'."
)


def usage() -> str:
    """The top-level help, in the environment's language (see reader.cli.language)."""
    width = max(len(name) for name in COMMAND_HELP)
    commands = "\n".join(
        f"  {name:<{width}}  {translate('CommandLine', text)}"
        for name, text in COMMAND_HELP.items()
    )
    return (
        translate("CommandLine", "usage: {0} [FOLDER | ARTICLE]").format(PROG) + "\n"
        + translate(
            "CommandLine", "       {0} COMMAND [OPTIONS]   ('{0} COMMAND --help' for its options)"
        ).format(PROG) + "\n\n"
        + translate(
            "CommandLine",
            "Read a folder of articles, offline. With no argument the window opens the library\n"
            "used last (the bundled sample library the first time); with a folder, that folder;\n"
            "with an article file, that article: in your library that holds it, else in a\n"
            "reading window of its own (your library stays as it was). While the window is open,\n"
            "another launch hands what it was given to it.",
        ) + "\n\n"
        + translate("CommandLine", "commands (no display needed):") + f"\n{commands}\n\n"
        + translate("CommandLine", "options:") + "\n"
        + translate("CommandLine", "  -h, --help     show this message and exit") + "\n"
        + translate("CommandLine", "  --version      print the version and exit") + "\n"
    )  # fmt: skip


def has_display(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether Qt can open a window here, judged without loading Qt."""
    if sys.platform != "linux":  # Windows and macOS always have their own platform
        return True
    platform = environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if platform in HEADLESS_PLATFORMS:
        return True
    if platform == "xcb":
        return bool(environ.get("DISPLAY"))
    if platform.startswith("wayland"):
        return bool(environ.get("WAYLAND_DISPLAY"))
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ("-h", "--help", "--version"):
        use_language()
        try:
            print(usage() if args[0] != "--version" else f"{PROG} {__version__}\n", end="")
            sys.stdout.flush()
        except BrokenPipeError:  # "| head": a normal end, as for every command
            return reader_gone()
        return 0
    if args and args[0] == "desktop":
        from reader.desktop import main as desktop_main

        return desktop_main(args[1:])
    from reader.cli import COMMANDS

    if args and args[0] in COMMANDS:
        from reader.cli import main as cli_main

        return cli_main(args)
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    return open_window(args)


def open_window(args: list[str]) -> int:
    """The window, or one line and status 2 for what the system lacks to show it."""
    from reader.window_needs import display_problem, missing_library_message, prefer_utf8_ctype

    prefer_utf8_ctype()
    try:
        from reader.app import main as gui_main
    except ImportError as error:  # Qt's own libraries load the system's at import
        message = missing_library_message(error)
        if message is None:
            raise
        print(message, file=sys.stderr)
        return 2
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    return gui_main(args)
