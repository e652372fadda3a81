"""Finding article files on disk: a whole tree, or one folder's own entries.

Only stats, never reads. Hidden entries (``.git``, ``.foo.swp``) are skipped.

Symlinks that stay inside the library are followed (a folder is never walked twice: no
symlink loops); a symlink that leads out of the library, to a file or a folder, is not
followed and its target never listed. The library is the folder the reader chose: a link
out of it can lead anywhere (``/``, ``/etc/passwd``), and what the app lists, indexes
and shows must be what ``show`` and the reading pane accept, which is what is inside.
Recoll does not follow links by default either.
Paths come out as article paths (:mod:`reader.core.articles.names`: always valid
UTF-8, mapped back to the OS name by ``os_path``), so a Latin-1 ``café.txt`` is
listed like any other file.

The app's own data is never listed, even when ``ARTICLE_READER_HOME`` is inside the
library: the data home is skipped (unless it is the library itself), and so is any
folder holding a library's data (a ``catalog.sqlite3`` beside an ``index`` folder),
whichever process made it. Otherwise the app would index its own files, and each
index write would trigger a refresh.

A saved page's folder of parts (``Page_files/`` beside ``Page.html``, as browsers
save "Web page, complete": its images, scripts, stylesheets and sub-frames) is not
walked: its files are parts of the page, never articles of their own. Only a folder
whose page is beside it is skipped; a folder merely named ``x_files`` is walked.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import platformdirs

from reader.core.articles.names import article_rel
from reader.core.articles.suffixes import ARTICLE_SUFFIXES, is_article_name

FileStat = tuple[int, int]  # mtime_ns, size
_APP_NAME = "article-reader"  # as reader.core.catalog.paths.APP_NAME (a layer above us)
_DATA_SIGNATURE = ("catalog.sqlite3", "index")  # what a library's data folder holds
# What browsers append to a page's name for its folder of parts (Chrome and Firefox in
# English; Firefox in French, German, Spanish, Italian, Dutch).
_PARTS_SUFFIXES = ("_files", "_fichiers", "-Dateien", "_archivos", "_file", "-bestanden")
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
# Any character :func:`article_rel` escapes (a backslash, controls, surrogates, line
# separators, bidirectional controls; tests check it against ``article_rel`` for every
# code point). Names without one, all names in practice, are their own article path:
# one regex search in C instead of a Python loop over each character (a third of a
# rescan's time at 100,000 files).
_ESCAPES = r"\\\x00-\x1f\x7f-\x9f\ud800-\udfff\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff"
_ESCAPED = re.compile(f"[{_ESCAPES}]")
# A name that is surely an article file's, and its own article path: not hidden, no
# character to escape, one of the article suffixes in lower case (a test checks it
# against is_article_name). One match instead of three calls for most entries.
_PLAIN_ARTICLE = re.compile(
    f"[^.~#{_ESCAPES}][^{_ESCAPES}]*\\.(?:{'|'.join(s[1:] for s in sorted(ARTICLE_SUFFIXES))})"
)


def data_home_id() -> tuple[int, int] | None:
    """(device, inode) of the app's data home, as ``reader.core.catalog.paths.data_home``
    finds it; None when it does not exist (then nothing needs skipping)."""
    override = os.environ.get("ARTICLE_READER_HOME")
    home = override or platformdirs.user_data_dir(_APP_NAME, False)
    try:
        info = os.stat(home)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def walk(
    top: Path, prefix: str, folders: list[Path], root: Path | None = None
) -> Iterator[tuple[str, FileStat]]:
    """Article files below ``top`` as (``prefix`` + relative article path, stat).

    ``prefix`` is an article path (escaped as :func:`article_rel` escapes) of ``top`` in
    the library at ``root`` (``top`` itself when None). Every folder walked is appended to
    ``folders`` (the watcher watches them).
    """
    inside = _Inside(root if root is not None else top)
    seen: set[tuple[int, int]] = set()
    home = data_home_id()
    if home is not None and home != _id(top):
        seen.add(home)  # never walked, like a folder already seen
    stack = [(top, prefix)]
    while stack:
        folder, rel = stack.pop()
        try:
            info = folder.stat()
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue  # a symlink loop, a folder linked twice, or the app's data home
        seen.add((info.st_dev, info.st_ino))
        files, subfolders, is_data = _scan(folder, rel, inside)
        if is_data:
            continue
        folders.append(folder)
        yield from files.items()
        stack.extend((folder / name, f"{rel}{_article_name(name)}/") for name in subfolders)


def scan_folder(
    folder: Path, prefix: str, root: Path | None = None
) -> tuple[dict[str, FileStat], set[str]]:
    """One folder's own article files (``prefix`` + article path → stat) and subfolder
    names (as article paths: ``os_path(folder, name)`` is the folder on disk), in the
    library at ``root`` (found from ``folder`` and ``prefix`` when None)."""
    if root is None:
        root = folder.parents[prefix.count("/") - 1] if prefix else folder
    files, subfolders, is_data = _scan(folder, prefix, _Inside(root))
    if is_data:
        return {}, set()
    return files, {_article_name(name) for name in subfolders}


def is_page_parts(name: str, siblings: set[str]) -> bool:
    """True for a saved page's folder of parts: ``Page_files`` beside ``Page.html``."""
    for suffix in _PARTS_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = name[: -len(suffix)]
            if any(f"{stem}{ext}" in siblings for ext in _PAGE_SUFFIXES):
                return True
    return False


class _Inside:
    """Whether a symlink's target is inside the library (its real path under the root's)."""

    def __init__(self, root: Path) -> None:
        self.root = os.path.realpath(root)
        self.prefix = self.root.rstrip(os.sep) + os.sep

    def __call__(self, path: str) -> bool:
        real = os.path.realpath(path)
        return real == self.root or real.startswith(self.prefix)


def _id(folder: Path) -> tuple[int, int] | None:
    try:
        info = folder.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _article_name(name: str) -> str:
    """``article_rel(name)``, without its per-character loop for the names it keeps."""
    return name if _ESCAPED.search(name) is None else article_rel(name)


def _is_link(entry: os.DirEntry[str]) -> bool:
    """From the directory entry's type (no system call on most file systems)."""
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """From the directory entry's type on most file systems (no system call); a symlink
    to a folder is one."""
    try:
        return entry.is_dir()
    except OSError:
        return False  # deleted since scandir


def _scan(folder: Path, prefix: str, inside: _Inside) -> tuple[dict[str, FileStat], set[str], bool]:
    """Files (article paths), subfolders (OS names), and whether it is a library's data."""
    files: dict[str, FileStat] = {}
    subfolders: set[str] = set()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return files, subfolders, False  # unreadable folder: skipped, like a locked drawer
    names = {entry.name for entry in entries}
    if all(name in names for name in _DATA_SIGNATURE):
        return {}, set(), True
    for entry in entries:
        name = entry.name
        if _is_link(entry) and not inside(entry.path):
            continue  # a link out of the library: not followed (see the module)
        if _PLAIN_ARTICLE.fullmatch(name):
            rel = name  # most entries: no other question before the stat
        elif name.startswith("."):
            continue  # hidden files and folders (.git, .foo.swp)
        elif _is_folder(entry):
            if not is_page_parts(name, names):
                subfolders.add(name)
            continue
        elif is_article_name(name):
            rel = _article_name(name)
        else:
            continue  # not an article: never stat'ed
        try:
            info = entry.stat()  # follows symlinks
        except OSError:
            continue  # broken symlink, or deleted since scandir
        if stat.S_ISREG(info.st_mode):
            files[f"{prefix}{rel}"] = (info.st_mtime_ns, info.st_size)
        elif stat.S_ISDIR(info.st_mode) and not is_page_parts(name, names):
            subfolders.add(name)  # a folder named like an article file
    return files, subfolders, False
