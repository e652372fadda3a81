"""Where the app keeps its own data: one folder per library, never inside it.

``ARTICLE_READER_HOME`` overrides the platform's data folder (tests always
set it). Decision: platformdirs rather than QStandardPaths because the core,
and the headless command line built on it, must not import Qt.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "article-reader"


def data_home(create: bool = True) -> Path:
    override = os.environ.get("ARTICLE_READER_HOME")
    home = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    if create:
        home.mkdir(parents=True, exist_ok=True)
    return home


def library_data_dir(library_root: Path, create: bool = True) -> Path:
    """The data folder of one library: its catalog, search index and the reader's notes."""
    resolved = library_root.resolve()
    key = hashlib.sha1(os.fsencode(resolved)).hexdigest()[:16]  # any bytes the OS allows
    folder = data_home(create) / "libraries" / f"{_slug(resolved.name)}-{key}"
    if not create:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / "library-path.txt"
    if not marker.exists():  # so a person browsing the data folder knows what is what
        # As the OS spells it: bytes that are not UTF-8 are written as they are.
        marker.write_bytes(os.fsencode(resolved) + b"\n")
    return folder


def _slug(name: str) -> str:
    slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")
    return slug[:40] or "library"
