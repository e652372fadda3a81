"""YAML front matter of Markdown articles, read within limits.

``safe_load`` alone is not enough for untrusted files: a self-referencing alias, an
alias bomb or 5,000 nested ``[`` raise or run away, and ``date: 2023-02-30`` raises
a ValueError out of the timestamp constructor. Here aliases are refused, nesting is
bounded, impossible timestamps stay plain text, and the size is checked first (the
limits live in :mod:`reader.core.limits`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, MappingStartEvent, SequenceStartEvent
from yaml.resolver import Resolver

from reader.core.limits import (
    FRONT_MATTER_ALIASES_ALLOWED,
    MAX_FIELD_CHARS,
    MAX_FRONT_MATTER_CHARS,
    MAX_FRONT_MATTER_DEPTH,
    MAX_TAG_CHARS,
    MAX_TAGS,
)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


class FrontMatterRefused(ValueError):
    """The front matter breaks a limit: the article is listed with this as its error."""


# libyaml's parser when PyYAML has it (its wheels do): the pure-Python scanner took 5 ms
# of a typical front matter, most of the time to read such an article. Only the events
# come from C; nodes are composed here, in Python, so the limits below still apply
# (libyaml's own composer would build aliases and any depth before we could look).
_Parser: Any
try:
    from yaml._yaml import CParser

    _Parser = CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _PurePythonParser(Reader, Scanner, _PyParser):
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PyParser.__init__(self)

    _Parser = _PurePythonParser


class _LimitedLoader(_Parser, Composer, SafeConstructor, Resolver):  # type: ignore[misc]
    """A safe loader without aliases, with bounded nesting and forgiving timestamps."""

    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._depth = 0

    def get_single_node(self) -> Any:
        return Composer.get_single_node(self)  # ours (limited), never libyaml's own

    def compose_node(self, parent: Any, index: Any) -> Any:
        if not FRONT_MATTER_ALIASES_ALLOWED and self.check_event(AliasEvent):
            raise FrontMatterRefused("front matter uses a YAML alias (not allowed)")
        # Exact classes: libyaml's check_event compares classes with `is`, no isinstance.
        nested = self.check_event(SequenceStartEvent, MappingStartEvent)
        if nested:
            self._depth += 1
            if self._depth > MAX_FRONT_MATTER_DEPTH:
                raise FrontMatterRefused(_too_deep())
        try:
            return Composer.compose_node(self, parent, index)
        finally:
            if nested:
                self._depth -= 1

    def construct_yaml_timestamp(self, node: Any) -> Any:
        """``2023-02-30``, ``0000-01-01`` or ``25:99:99`` stay text (and are no date)."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_LimitedLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _LimitedLoader.construct_yaml_timestamp
)


def _too_deep() -> str:
    return f"front matter nested too deep (limit {MAX_FRONT_MATTER_DEPTH} levels)"


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(metadata with lower-case keys, body) of a Markdown text.

    Malformed YAML is ignored (the body still reads, without metadata); front matter
    that breaks a limit raises :class:`FrontMatterRefused`.
    """
    body = text.lstrip("\n")
    match = _FRONT_MATTER.match(body)
    if not match:
        return {}, body
    source = match.group(1) or ""
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterRefused(
            f"front matter too large ({len(source):,} characters; limit {MAX_FRONT_MATTER_CHARS:,})"
        )
    try:
        loader = _LimitedLoader(source)  # safe: SafeConstructor, see above
        try:
            loaded = loader.get_single_data()
        finally:
            loader.dispose()
    except FrontMatterRefused:
        raise
    except yaml.YAMLError as exc:
        if "maximum nesting depth" in str(exc):  # libyaml's scanner, reading ahead of us
            raise FrontMatterRefused(_too_deep()) from None
        loaded = None  # malformed front matter: ignored, the body still reads
    except ValueError:  # e.g. an int of 5,000 digits
        loaded = None  # malformed front matter: ignored, the body still reads
    meta: dict[str, Any] = {}
    if isinstance(loaded, dict):
        meta = {str(key).lower()[:MAX_FIELD_CHARS]: value for key, value in loaded.items()}
    return meta, body[match.end() :]


def text_field(value: Any) -> str:
    """A scalar or a list of scalars as one line of text, at most MAX_FIELD_CHARS long."""
    return _text(value, MAX_FIELD_CHARS)


def tags_field(value: Any) -> list[str]:
    """Tags from ``a, b`` or a YAML list: at most MAX_TAGS, each at most MAX_TAG_CHARS."""
    if isinstance(value, str):
        value = value[: MAX_TAGS * (MAX_TAG_CHARS + 1)].split(",")
    if not isinstance(value, list):
        return []
    tags = []
    for item in value:
        tag = _text(item, MAX_TAG_CHARS)
        if tag:
            tags.append(tag)
            if len(tags) == MAX_TAGS:
                break
    return tags


def _text(value: Any, limit: int) -> str:
    if value is None or isinstance(value, dict):
        return ""
    if isinstance(value, list):
        parts: list[str] = []
        size = 0
        for item in value:
            part = _text(item, limit)
            parts.append(part)
            size += len(part) + 2
            if size > limit:
                break
        return ", ".join(part for part in parts if part)[:limit]
    if isinstance(value, bytes | bytearray):  # !!binary
        return ""
    return " ".join(str(value)[: limit * 4].split())[:limit]


def is_date_value(value: Any) -> bool:
    """Only dates, years and text can be dates: ``date: yes`` (a YAML bool) is none."""
    if isinstance(value, bool):
        return False
    return isinstance(value, dt.date | int | str)
