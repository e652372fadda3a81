"""A damaged catalog: recognised, said in one line, with the ways back.

SQLite reports a file that is not a database, or a damaged page, as
``sqlite3.DatabaseError`` ("file is not a database", "database disk image is
malformed"). Then no command can work on the library; what can still be done is
named in the message: go back to the last backup (``catalog.sqlite3.v*.bak``, made
before each schema migration), or export what can still be read of the highlights
(``article-reader export --salvage``, see :mod:`reader.core.annotations.salvage`).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

_SIGNS = ("not a database", "malformed", "corrupt", "encrypted")


def is_corruption(exc: BaseException) -> bool:
    """Whether ``exc`` is SQLite saying the file is damaged (not busy, full or read-only)."""
    if not isinstance(exc, sqlite3.DatabaseError) or isinstance(exc, CatalogCorrupt):
        return isinstance(exc, CatalogCorrupt)
    text = str(exc).lower()
    return any(sign in text for sign in _SIGNS)


def latest_backup(db_path: Path) -> Path | None:
    """The newest ``<catalog>.v<N>.bak`` beside the catalog, if any."""
    backups = []
    for candidate in db_path.parent.glob(f"{db_path.name}.v*.bak"):
        version = candidate.name[len(db_path.name) + 2 : -4]
        if version.isdigit():
            backups.append((int(version), candidate))
    return max(backups)[1] if backups else None


class CatalogCorrupt(sqlite3.DatabaseError):
    """The catalog file is damaged; ``str()`` says so in one line, with the ways back."""

    def __init__(self, db_path: Path, cause: BaseException) -> None:
        self.path = db_path
        self.backup = latest_backup(db_path)
        back = (
            f"; the last backup is {self.backup} (copy it over the catalog to go back to it)"
            if self.backup
            else ""
        )
        super().__init__(
            f"the library's catalog is damaged ({cause}): {db_path}{back}; "
            "`article-reader export --salvage --format jsonld` saves what can be read of "
            "your highlights"
        )


def copy_database(saved: Path, target: Path) -> None:
    """Copy a database we may not write to: with its write-ahead log if SQLite can read
    it read-only, else the main file as it is (``immutable``). A damaged one raises
    :class:`CatalogCorrupt`: never an empty copy that would show nothing saved."""
    failure: sqlite3.Error | None = None
    for options in ("mode=ro", "mode=ro&immutable=1"):
        source = sqlite3.connect(f"{saved.as_uri()}?{options}", uri=True)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            return
        except sqlite3.Error as exc:
            failure = exc
        finally:
            copy.close()
            source.close()
    if failure is not None and is_corruption(failure):
        raise CatalogCorrupt(saved, failure) from failure
