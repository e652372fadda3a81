"""The command line: headless subcommands on the same core as the window, Qt-free.

- :mod:`.commands`: the list of commands, and ``list``, ``search``, ``index``.
- :mod:`.parser`: the arguments (a library as FOLDER or ``--library``), their help.
- :mod:`.language`: the words in the environment's language, from the ``.ts``, no Qt.
- :mod:`.articles`: ``show`` and ``related`` (one article).
- :mod:`.lean_markdown`: ``show --format markdown`` with only the escapes it needs.
- :mod:`.annotations`: ``export`` (a library's or one article's, ``--salvage``) and
  ``import`` of highlights.
- :mod:`.listing`: the ``list`` output, a line or a JSON object per article.
- :mod:`.terminal`: what reaches the terminal: escaped text, a progress bar, errors,
  and the quiet end when the reader of a pipe goes.
"""

from reader.cli.commands import COMMANDS, main

__all__ = ["COMMANDS", "main"]
