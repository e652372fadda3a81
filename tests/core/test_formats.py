"""Text and Markdown articles → Article: title, date, source, language, body, words."""

from __future__ import annotations

import html
import math
import re
from pathlib import Path

import markdown
import pytest

from reader.core.articles.article import WORDS_PER_MINUTE
from reader.core.articles.formats import parse_bytes, parse_file
from reader.core.search.schema import plain_text

FRENCH = (
    "Le conseil municipal a voté hier soir le budget de la ville pour l'année prochaine. "
    "Les habitants pourront profiter de nouvelles pistes cyclables le long du fleuve. "
    "Le maire a promis que les impôts locaux n'augmenteraient pas."
)
ENGLISH = (
    "The city council voted last night on the budget for next year. "
    "Residents will be able to enjoy new cycle lanes along the river. "
    "The mayor promised that local taxes would not go up."
)
GERMAN = (
    "Der Stadtrat hat gestern Abend über den Haushalt für das nächste Jahr abgestimmt. "
    "Die Einwohner können sich auf neue Radwege entlang des Flusses freuen. "
    "Der Bürgermeister versprach, dass die Steuern nicht steigen werden."
)
SPANISH = (
    "El ayuntamiento votó anoche el presupuesto de la ciudad para el próximo año. "
    "Los vecinos podrán disfrutar de nuevos carriles bici a lo largo del río. "
    "El alcalde prometió que los impuestos locales no subirán."
)


def md(front_matter: str, body: str) -> bytes:
    return f"---\n{front_matter.strip()}\n---\n\n{body}".encode()


def test_sample_article(seed_file: Path) -> None:
    article = parse_file(seed_file.parent, seed_file.name)
    assert article.error is None
    assert article.title == "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako"
    assert article.date == "2023-07-28"
    assert article.source == "SpunikNews"
    assert article.lang == "fr"
    assert article.words > 300
    assert article.reading_minutes == math.ceil(article.words / WORDS_PER_MINUTE)
    assert article.body.startswith("L’aide de Moscou a été précieuse au Mali")
    assert "Publié le" not in article.body
    assert "SpunikNews" not in article.body
    assert article.body.count("\n\n") >= 8  # one paragraph per blank-line block


@pytest.mark.parametrize(
    ("front_matter", "date"),
    [
        ("date: 2023-07-28", "2023-07-28"),
        ("date: 2023-07-28T09:30:00Z", "2023-07-28"),
        ("date: 1860", "1860"),
        ("date: '1860'", "1860"),
        ("date: 2023-07", "2023-07"),
        ("date: 28 juillet 2023", "2023-07-28"),
        ("date: sometime in spring", None),
    ],
)
def test_markdown_front_matter_dates(front_matter: str, date: str | None) -> None:
    article = parse_bytes("a.md", md(f"title: Dated\n{front_matter}", "Some text."))
    assert article.date == date


def test_markdown_front_matter_fields() -> None:
    front = """
title: "Darwin: l'origine des espèces"
source: Revue des Deux Mondes
lang: fr-FR
tags: [science, histoire]
"""
    article = parse_bytes("darwin.md", md(front, "Un livre publié en *1859*.\n"))
    assert article.title == "Darwin: l'origine des espèces"
    assert article.source == "Revue des Deux Mondes"
    assert article.lang == "fr"
    assert article.tags == ["science", "histoire"]
    assert article.format == "markdown"
    assert article.body == "Un livre publié en *1859*."  # markdown kept as written


def test_markdown_author_when_no_source_and_comma_tags() -> None:
    front = "title: Letters\nauthor: Jane Austen\ntags: novels, letters , ,england"
    article = parse_bytes("letters.md", md(front, "Dear Cassandra."))
    assert article.source == "Jane Austen"
    assert article.tags == ["novels", "letters", "england"]


def test_markdown_heading_is_the_title_and_leaves_the_body() -> None:
    text = "# Tide tables for July #\n\nHigh water at *noon*.\n\n## Notes\n\nBring boots.\n"
    article = parse_bytes("tides.md", text.encode())
    assert article.title == "Tide tables for July"
    assert "Tide tables" not in article.body
    assert article.body.startswith("High water at *noon*.")
    assert "## Notes" in article.body


def test_markdown_title_in_front_matter_keeps_the_heading_in_the_body() -> None:
    article = parse_bytes("x.md", md("title: Front title", "# Body heading\n\nText."))
    assert article.title == "Front title"
    assert article.body.startswith("# Body heading")


def test_markdown_comment_in_code_block_is_not_a_title() -> None:
    text = "Setup notes.\n\n```bash\n# install the tools\nmake\n```\n\n# Real title\n\nDone.\n"
    article = parse_bytes("setup.md", text.encode())
    assert article.title == "Real title"
    assert "# install the tools" in article.body


def test_markdown_without_heading_uses_the_file_name() -> None:
    article = parse_bytes("notes/kitchen-garden.md", b"Sow the beans after the frost.\n")
    assert article.title == "kitchen-garden"
    assert article.body == "Sow the beans after the frost."


def test_malformed_front_matter_is_ignored_and_the_body_reads() -> None:
    text = "---\ntitle: [unclosed\n---\n# Still readable\n\nThe body survives.\n"
    article = parse_bytes("broken.md", text.encode())
    assert article.error is None
    assert article.title == "Still readable"
    assert "The body survives." in article.body


@pytest.mark.parametrize(
    ("text", "lang"), [(FRENCH, "fr"), (ENGLISH, "en"), (GERMAN, "de"), (SPANISH, "es")]
)
def test_language_is_detected(text: str, lang: str) -> None:
    assert parse_bytes("city.txt", f"City budget\n\n{text}\n".encode()).lang == lang
    assert parse_bytes("city.md", f"# City budget\n\n{text}\n".encode()).lang == lang


def test_declared_language_wins_over_detection() -> None:
    article = parse_bytes("budget.md", md("lang: de", FRENCH))
    assert article.lang == "de"


def test_too_little_text_has_no_language() -> None:
    assert parse_bytes("short.md", b"# Ok\n\n42\n").lang == ""


@pytest.mark.parametrize(("words", "minutes"), [(1, 1), (230, 1), (231, 2), (690, 3)])
def test_word_count_and_reading_time(words: int, minutes: int) -> None:
    body = " ".join(f"mot{i}" for i in range(words))
    article = parse_bytes("long.txt", f"Titre\n\n{body}\n".encode())
    assert article.words == words  # the title is not counted
    assert article.reading_minutes == minutes


def test_title_only_has_no_words_and_no_reading_time() -> None:
    article = parse_bytes("t.txt", b"Just a title\n")
    assert (article.words, article.reading_minutes, article.body) == (0, 0, "")


def test_words_are_counted_as_written_not_as_escaped() -> None:
    text = "Title\n\nTom & Jerry: a-t-il vu <b>1.5</b> souris?\n"
    # Tom, Jerry, a-t-il, vu, b, 1, 5, b, souris
    assert parse_bytes("t.txt", text.encode()).words == 9


SPECIAL = (
    "1. item *stars* _under_ <b>bold</b> # not a heading `code` [link](x) "
    "Tom & Jerry back\\slash &copy; ~300 km Politique | Afrique"
)


def test_text_with_markdown_characters_renders_literally() -> None:
    article = parse_bytes("special.txt", f"Special\n\n{SPECIAL}\n\n- not a list\n".encode())
    for escaped in (r"1\. item", r"\*stars\*", r"\_under\_", "&lt;b", r"\#", r"\[link\]"):
        assert escaped in article.body
    assert "&amp;copy;" in article.body
    assert plain_text(article.body).split("\n\n") == [SPECIAL, "- not a list"]
    rendered = markdown.markdown(article.body, extensions=["extra", "sane_lists"])
    assert "<ol>" not in rendered and "<ul>" not in rendered and "<em>" not in rendered
    assert "<h1>" not in rendered and "<b>" not in rendered and "<a " not in rendered
    paragraphs = [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", rendered)]
    assert paragraphs == [SPECIAL, "- not a list"]


def test_text_paragraph_lines_are_joined() -> None:
    text = "T\n\nfirst line\nsecond line\n\n\n\nnext   paragraph\n"
    assert parse_bytes("p.txt", text.encode()).body == "first line second line\n\nnext paragraph"
