"""``article-reader list``: every catalogued article, one line each or as a JSON array.

The JSON is written row by row, as ``json.dumps(rows, ensure_ascii=False, indent=1)``
would write it, byte for byte (a test says so): with ``indent`` set, ``json`` leaves
its C encoder for its pure-Python one, which took 2.5 of the 4 seconds the command
needed at 30,000 articles. Here each string is still escaped by ``json``'s C
function; only the layout, fixed for a row, is ours. Nothing is held but one row's
text at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from reader.core.catalog.store import CatalogRow
from reader.terminal import printable

_encode = json.encoder.encode_basestring  # what json uses with ensure_ascii=False


def write_list(rows: Iterable[CatalogRow], as_json: bool, out: TextIO) -> None:
    """The rows on ``out``: a JSON array, or one line each for a terminal."""
    if as_json:
        out.writelines(json_array(row.to_json() for row in rows))
        out.write("\n")
        return
    for row in rows:
        status = f"  [error: {row.error}]" if row.error else ""
        line = f"{row.date or '----':10}  {row.source[:20]:20}  {row.title}  ({row.path}){status}"
        out.write(printable(line) + "\n")


def json_array(objects: Iterable[dict[str, object]]) -> Iterator[str]:
    """Pieces of ``json.dumps(list(objects), ensure_ascii=False, indent=1)``, in order.

    The objects are flat: their values are strings, integers, None, or lists of strings.
    """
    keys: dict[str, str] = {}  # each key's "  \"key\": ", made once
    empty = True
    for obj in objects:
        yield "[\n {\n" if empty else ",\n {\n"
        empty = False
        yield ",\n".join(
            (keys.get(key) or keys.setdefault(key, f"  {_encode(key)}: ")) + _value(value)
            for key, value in obj.items()
        )
        yield "\n }"
    yield "[]" if empty else "\n]"


def _value(value: object) -> str:
    # Each type by hand: json.dumps per value took half the time.
    if isinstance(value, str):
        return _encode(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)  # as json writes an int
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n   " + ",\n   ".join(_value(item) for item in value) + "\n  ]"
    return json.dumps(value)  # a float
