"""``article-reader list``: every catalogued article, one line each or as a JSON array.

The JSON is written row by row, as ``json.dumps([row.to_json() …], ensure_ascii=False,
indent=1)`` would write it, byte for byte (a test says so): with ``indent`` set, ``json``
leaves its C encoder for its pure-Python one, which would be most of the command's time
on a large library. Here each string is still escaped by ``json``'s C function; only the
layout, fixed for a row, is ours. Nothing is held but one row's text at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import TextIO

from reader.cli.language import translate
from reader.cli.terminal import printable
from reader.core.catalog.store import CatalogRow

_encode = json.encoder.encode_basestring  # what json uses with ensure_ascii=False


def write_list(
    rows: Iterable[CatalogRow],
    as_json: bool,
    out: TextIO,
    states: Mapping[int, str] | None = None,
) -> None:
    """The rows on ``out``: a JSON array, or one line each for a terminal. With
    ``states`` (article id → triage state; absent: inbox), each JSON object has its
    ``"state"`` and each line ends with its state when it is out of the inbox."""
    if as_json:
        _write_json(rows, out, states)
        return
    words = {
        "later": translate("CommandLine", "later"),
        "archive": translate("CommandLine", "archived"),
    }
    for row in rows:
        status = f"  [error: {row.error}]" if row.error else ""
        state = states.get(row.id, "inbox") if states is not None else "inbox"
        status += f"  [{words[state]}]" if state in words else ""
        line = f"{row.date or '----':10}  {row.source[:20]:20}  {row.title}  ({row.path}){status}"
        out.write(printable(line) + "\n")


def _write_json(rows: Iterable[CatalogRow], out: TextIO, states: Mapping[int, str] | None) -> None:
    empty = True
    for row in rows:
        out.write("[\n" if empty else ",\n")
        state = "" if states is None else f',\n  "state": {_encode(states.get(row.id, "inbox"))}'
        out.write(_json_object(row, state))
        empty = False
    out.write("[]\n" if empty else "\n]\n")


def _json_object(row: CatalogRow, state: str) -> str:
    """``row.to_json()`` as an element of the indented array: one f-string, since a dict
    and a call per value would cost more than all the rest of the listing."""
    tags = "[\n   " + ",\n   ".join(map(_encode, row.tags)) + "\n  ]" if row.tags else "[]"
    return (
        f' {{\n  "id": {row.id},\n  "path": {_encode(row.path)},\n'
        f'  "title": {_encode(row.title)},\n  "date": {_maybe(row.date)},\n'
        f'  "source": {_encode(row.source)},\n  "lang": {_maybe(row.lang or None)},\n'
        f'  "words": {row.words},\n  "tags": {tags},\n  "excerpt": {_encode(row.excerpt)},\n'
        f'  "error": {_maybe(row.error)}{state}\n }}'
    )


def _maybe(text: str | None) -> str:
    return "null" if text is None else _encode(text)
