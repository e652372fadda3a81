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

PROG = "article-reader"
# One line each, for --help; a test checks every command of reader.cli is here.
COMMAND_HELP = {
    "list": "list the articles of a library (--json for JSON)",
    "search": 'search a library: words, "phrases", prefix*, OR/NOT, fields, dates',
    "index": "bring a library's catalog and search index up to date (--rebuild)",
    "export": "export highlights and notes as Markdown or W3C Web Annotation JSON-LD",
    "import": "import highlights and notes from W3C Web Annotation JSON(-LD)",
    "show": "print an article as the pane shows it (--format text|markdown|html)",
    "related": "the articles most related to one, duplicates apart (--limit N, --json)",
    "desktop": "add the app to the desktop's menu, or remove it (install|uninstall)",
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
    width = max(len(name) for name in COMMAND_HELP)
    commands = "\n".join(f"  {name:<{width}}  {text}" for name, text in COMMAND_HELP.items())
    return (
        f"usage: {PROG} [FOLDER | ARTICLE]\n"
        f"       {PROG} COMMAND [OPTIONS]   ('{PROG} COMMAND --help' for its options)\n\n"
        "Read a folder of articles, offline. With no argument the window opens the library\n"
        "used last (the bundled sample library the first time); with a folder, that folder;\n"
        "with an article file, that article: in your library that holds it, else in a\n"
        "reading window of its own (your library stays as it was). While the window is open,\n"
        "another launch hands what it was given to it.\n\n"
        f"commands (no display needed):\n{commands}\n\n"
        "options:\n"
        "  -h, --help     show this message and exit\n"
        "  --version      print the version and exit\n"
    )


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
    if args and args[0] in ("-h", "--help"):
        print(usage(), end="")
        return 0
    if args and args[0] == "--version":
        print(f"{PROG} {__version__}")
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
