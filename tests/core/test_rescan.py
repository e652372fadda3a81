"""A rescan with nothing changed is fast, and still sees every change a reader makes.

The scan decides by name before it asks the disk (see ``scanning._scan``) and skips
``article_rel``'s loop for plain names: these tests pin what that must not change.
"""

from __future__ import annotations

import os
import random
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.articles.names import article_rel
from reader.core.articles.scanning import _ESCAPED, _PLAIN_ARTICLE, walk
from reader.core.articles.suffixes import is_article_name
from reader.core.library.library import Library

OpenLibrary = Callable[[Path], Library]


def _scan(root: Path) -> dict[str, tuple[int, int]]:
    return dict(walk(root, "", []))


def test_the_quick_name_check_agrees_with_article_rel_on_every_character() -> None:
    disagree = [
        code
        for code in range(sys.maxunicode + 1)
        if (_ESCAPED.search(chr(code)) is None) != (article_rel(chr(code)) == chr(code))
    ]
    assert disagree == []


def test_the_quick_article_name_check_says_yes_only_for_plain_article_names() -> None:
    pieces = ["a", ".", "~", "#", "\\", "\n", "\u202e", "ſ", "K", "é", "txt", "TXT", "md", "html"]
    pieces += ["markdown", "shtml", "mht", "text", "bak", " ", "_files"]
    rng = random.Random(7)
    names = {"".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(50_000)}
    names |= {"a.txt", "a.b.md", ".a.txt", "~a.md", "a.md~", "#a.md#", "a.TXT", "x.ſhtml"}
    quick = {name for name in names if _PLAIN_ARTICLE.fullmatch(name)}
    assert quick and all(is_article_name(name) and article_rel(name) == name for name in quick)
    assert "a.b.md" in quick and "a.TXT" not in quick and "x.ſhtml" not in quick


def test_names_that_need_escaping_are_listed_escaped(library_root: Path) -> None:
    for name in ("back\\slash.txt", "new\nline.md", "plain é.txt"):
        (library_root / name).write_text("# T\n\nbody\n")
    (library_root / "sub\u202efolder").mkdir()
    (library_root / "sub\u202efolder" / "a.txt").write_text("x")
    assert set(_scan(library_root)) == {
        "back\\\\slash.txt",
        "new\\x0aline.md",
        "plain é.txt",
        "sub\\u202efolder/a.txt",
    }


def test_only_article_files_are_listed(library_root: Path) -> None:
    for name in ("a.txt", "b.md", "c.html", "notes.pdf", ".hidden.txt", "draft.txt~", "#x.md#"):
        (library_root / name).write_text("text")
    (library_root / "folder.txt").mkdir()  # a folder named like an article is walked
    (library_root / "folder.txt" / "inside.txt").write_text("text")
    if hasattr(os, "mkfifo"):
        os.mkfifo(library_root / "pipe.txt")  # not a regular file: never read
    assert set(_scan(library_root)) == {"a.txt", "b.md", "c.html", "folder.txt/inside.txt"}


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_links_inside_are_followed_links_out_and_broken_links_skipped(
    library_root: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "far.txt").write_text("far")
    (library_root / "shelf").mkdir()
    (library_root / "shelf" / "near.txt").write_text("near")
    (library_root / "linked").symlink_to(elsewhere, target_is_directory=True)
    (library_root / "link.txt").symlink_to(elsewhere / "far.txt")
    (library_root / "alias.txt").symlink_to(library_root / "shelf" / "near.txt")
    (library_root / "broken.txt").symlink_to(tmp_path / "gone.txt")
    scanned = _scan(library_root)
    assert set(scanned) == {"shelf/near.txt", "alias.txt"}
    assert scanned["alias.txt"][1] == 4  # the target's size, not the link's


def test_a_rescan_sees_a_new_size_at_the_same_time(
    open_library: OpenLibrary, library_root: Path
) -> None:
    library = open_library(library_root)
    article = library_root / "a.txt"
    article.write_text("# A\n\nfirst\n")
    library.refresh()
    before = article.stat()
    article.write_text("# A\n\nfirst, and longer\n")
    os.utime(article, ns=(before.st_atime_ns, before.st_mtime_ns))  # same mtime
    assert library.plan().to_parse == ["a.txt"]


def test_a_rescan_sees_a_new_time_and_new_renamed_and_removed_files(
    open_library: OpenLibrary, library_root: Path
) -> None:
    library = open_library(library_root)
    for name in ("kept.txt", "touched.txt", "renamed.txt", "removed.txt"):
        (library_root / name).write_text(f"# {name}\n\nbody of {name}\n")
    library.refresh()
    assert library.plan().work == 0  # nothing changed: nothing to do
    touched = library_root / "touched.txt"
    stat = touched.stat()
    os.utime(touched, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    (library_root / "renamed.txt").rename(library_root / "now.txt")
    (library_root / "removed.txt").unlink()
    (library_root / "added.md").write_text("# Added\n\nnew\n")
    plan = library.plan()
    assert sorted(plan.to_parse) == ["added.md", "now.txt", "touched.txt"]
    assert set(plan.known) - set(plan.on_disk) == {"renamed.txt", "removed.txt"}
    changes = library.refresh(plan=plan)
    assert (len(changes.added), len(changes.moved), len(changes.removed)) == (1, 1, 1)
