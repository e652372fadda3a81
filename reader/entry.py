"""The ``article-reader`` command: a headless subcommand, or the window.

Qt is imported only when the window is wanted, so ``list`` and ``search``
run on machines without a display or Qt's system libraries.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from reader.cli import COMMANDS

    if args and args[0] in COMMANDS:
        from reader.cli import main as cli_main

        return cli_main(args)
    from reader.app import main as gui_main

    return gui_main(args)
