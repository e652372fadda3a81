"""A text file's snippet comes from its words as written, without the Markdown round trip:
the same text the reader would see of the parsed article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.articles.formats import parse_file, text_file_line
from reader.core.search.snippets import readable_text

PIECES = st.sampled_from(
    [*"abc é<>&;#*_`|[]()!\\-.+{}~", "\n", "\n\n", " ", "\t", "\r\n", "&amp;", "&lt;",
     "<b>", "</i>", "## ", "1. ", "- ", "> ", "http://x.y", "&#39;", "Titre\n",
     "Publié le vendredi 28 juillet 2023 | SpunikNews\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(PIECES, min_size=1, max_size=60).map("".join))
def test_a_text_files_line_is_the_text_of_its_parsed_body(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    folder = tmp_path_factory.mktemp("lib")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    article = parse_file(folder, "a.txt", detect=False)
    if article.error:
        return
    assert text_file_line(folder, "a.txt") == readable_text(article.body)


def test_the_title_and_byline_are_no_part_of_the_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Le Mali et Moscou\n\nPublié le vendredi 28 juillet 2023 | SpunikNews\n\n"
        "L’aide de *Moscou* a été précieuse.\n\n## Formation\n\nFin & <b>suite</b>.\n",
        encoding="utf-8",
    )
    assert text_file_line(tmp_path, "a.txt") == (
        "L’aide de *Moscou* a été précieuse. ## Formation Fin & <b>suite</b>."
    )


def test_other_formats_are_left_to_the_parser(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# T\n\nText\n", encoding="utf-8")
    assert text_file_line(tmp_path, "a.md") is None
