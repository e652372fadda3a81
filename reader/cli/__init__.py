"""The command line: headless subcommands on the same core as the window, Qt-free.

- :mod:`.commands`: the parser, the list of commands, and ``list``, ``search``, ``index``.
- :mod:`.articles`: ``show`` and ``related`` (one article).
- :mod:`.annotations`: ``export`` (and ``--salvage``) and ``import`` of highlights.
- :mod:`.listing`: the ``list`` output, a line or a JSON object per article.
- :mod:`.terminal`: what reaches the terminal: escaped text, a progress bar, errors.
"""

from reader.cli.commands import COMMANDS, main

__all__ = ["COMMANDS", "main"]
