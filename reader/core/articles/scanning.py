"""Finding article files on disk: a whole tree, or one folder's own entries.

Only stats, never reads. Hidden entries (``.git``, ``.foo.swp``) are skipped;
symlinks are followed, but a folder is never walked twice (no symlink loops).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from reader.core.articles.formats import is_article_name

FileStat = tuple[int, int]  # mtime_ns, size


def walk(top: Path, prefix: str, folders: list[Path]) -> Iterator[tuple[str, FileStat]]:
    """Article files below ``top`` as (``prefix`` + relative path, stat).

    Every folder walked is appended to ``folders`` (the watcher watches them).
    """
    seen: set[tuple[int, int]] = set()
    stack = [(top, prefix)]
    while stack:
        folder, rel = stack.pop()
        try:
            info = folder.stat()
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen:
            continue  # a symlink loop, or a folder linked twice
        seen.add((info.st_dev, info.st_ino))
        folders.append(folder)
        files, subfolders = scan_folder(folder, rel)
        yield from files.items()
        stack.extend((folder / name, f"{rel}{name}/") for name in subfolders)


def scan_folder(folder: Path, prefix: str) -> tuple[dict[str, FileStat], set[str]]:
    """One folder's own article files (``prefix`` + name → stat) and subfolder names."""
    files: dict[str, FileStat] = {}
    subfolders: set[str] = set()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return files, subfolders  # unreadable folder: skipped, like an unreadable drawer
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files and folders (.git, .foo.swp)
        try:
            info = entry.stat()  # follows symlinks
        except OSError:
            continue  # broken symlink, or deleted since scandir
        if stat.S_ISDIR(info.st_mode):
            subfolders.add(entry.name)
        elif stat.S_ISREG(info.st_mode) and is_article_name(entry.name):
            files[f"{prefix}{entry.name}"] = (info.st_mtime_ns, info.st_size)
    return files, subfolders
