"""The command line's words in the environment's language, without Qt.

The window's French comes from Qt's ``.qm``; the command line must run where Qt cannot
load, so it takes the same French from the ``.ts`` (see :mod:`reader.i18n`), read only
when the environment asks for a language other than English: ``list`` in English
reads no file for it. Strings are marked ``translate("CommandLine", "…")`` (lupdate
finds the call by its name). argparse's own words (``usage:``, ``error:``, its
complaints) come through its gettext calls, which :func:`argparse_words` answers
while a parser runs.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from reader.i18n import QT_TRANSLATE_NOOP, environment_language, ts_translations

CONTEXT = "CommandLine"
_table: dict[tuple[str, str], str] = {}

# argparse's messages that a reader of this command line can meet, marked for the .ts.
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
)


def use_language(environ: Mapping[str, str] = os.environ) -> str:
    """Speak the environment's language from now on (see :mod:`reader.i18n`); returns it."""
    language = environment_language(environ)
    _table.clear()
    _table.update(ts_translations(language))
    return language


def translate(context: str, text: str) -> str:
    """``text`` in the language in use (itself when it has no translation)."""
    return _table.get((context, text), text)


@contextmanager
def argparse_words() -> Iterator[None]:
    """argparse's own words translated while the block runs (restored after, even on
    the SystemExit of ``--help`` or an error): argparse calls gettext at each message,
    through its module's ``_`` and ``ngettext``, so replacing them is enough."""
    if not _table:
        yield
        return
    saved = {name: getattr(argparse, name) for name in ("_", "ngettext")}

    def plural(singular: str, plural: str, count: int) -> str:
        return translate("argparse", singular if count == 1 else plural)

    setattr(argparse, "_", lambda text: translate("argparse", text))  # noqa: B010
    setattr(argparse, "ngettext", plural)  # noqa: B010
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(argparse, name, value)
