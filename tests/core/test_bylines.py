"""Bylines of plain-text articles: the line under the title with the date and source."""

from __future__ import annotations

from datetime import date

import pytest

from reader.core.articles.bylines import parse_byline
from reader.core.articles.formats import parse_bytes


@pytest.mark.parametrize(
    ("line", "when", "source", "language"),
    [
        (
            "Publié le vendredi 28 juillet 2023 | SpunikNews",
            date(2023, 7, 28),
            "SpunikNews",
            "fr",
        ),
        (
            "Published on Thursday 26 February 1987 | Reuters",
            date(1987, 2, 26),
            "Reuters",
            "en",
        ),
        ("Publié le 28 juillet 2023 | Le Monde", date(2023, 7, 28), "Le Monde", "fr"),
        ("Publié le 1er août 2023", date(2023, 8, 1), "", "fr"),
        ("Publié le 05 août 2023 | AFP", date(2023, 8, 5), "AFP", "fr"),
        ("Publie le 5 aout 2023 | AFP", date(2023, 8, 5), "AFP", "fr"),
        ("Publié le lundi 3 février 2020", date(2020, 2, 3), "", "fr"),
        ("Publie le 3 fevrier 2020", date(2020, 2, 3), "", "fr"),
        ("PUBLIÉ LE 14 JUILLET 1789 | Gazette", date(1789, 7, 14), "Gazette", "fr"),
        ("Mis à jour le mardi 2 mars 2021 | Le Soir", date(2021, 3, 2), "Le Soir", "fr"),
        ("Published on February 26, 1987 | AP", date(1987, 2, 26), "AP", "en"),
        ("Published on Sunday, 1st March 2020", date(2020, 3, 1), "", "en"),
        ("  Published   on  9 May 2001  |  BBC  ", date(2001, 5, 9), "BBC", "en"),
    ],
)
def test_byline_forms(line: str, when: date, source: str, language: str) -> None:
    byline = parse_byline(line)
    assert byline is not None, line
    assert (byline.date, byline.source, byline.language) == (when, source, language)


def test_byline_source_keeps_its_accents_and_case() -> None:
    byline = parse_byline("Publié le 2 mai 2022 | Radio Télé Éireann")
    assert byline is not None
    assert byline.source == "Radio Télé Éireann"


@pytest.mark.parametrize(
    "line",
    [
        "Publié le 31 février 2023 | SpunikNews",  # no such day
        "Published on 30 February 2024",
        "Publié le 32 juillet 2023",
        "Publié le 30 brumaire 1799",  # not a month we know
        "Publié le 28 juillet | SpunikNews",  # no year
        "Published on Thursday | Reuters",
        "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako",
        "Le 28 juillet 2023, le président a parlé.",
        "",
    ],
)
def test_not_a_byline(line: str) -> None:
    assert parse_byline(line) is None


def test_byline_under_the_title_gives_date_and_source_and_leaves_the_body() -> None:
    text = (
        "Vendanges précoces en Bourgogne\n"
        "Publié le 1er août 2023 | Le Bien Public\n"
        "\n"
        "Les vignerons ont commencé la récolte avec deux semaines d'avance.\n"
    )
    article = parse_bytes("vendanges.txt", text.encode())
    assert article.title == "Vendanges précoces en Bourgogne"
    assert (article.date, article.source) == ("2023-08-01", "Le Bien Public")
    assert "Publi" not in article.body
    assert article.body.startswith("Les vignerons")


def test_blank_line_between_title_and_byline_is_allowed() -> None:
    text = "Grève à la SNCF\n\nPublié le 05 mars 2024 | Ouest-France\n\nLes trains restent.\n"
    article = parse_bytes("greve.txt", text.encode())
    assert (article.date, article.source) == ("2024-03-05", "Ouest-France")


def test_invalid_date_line_stays_in_the_body() -> None:
    text = "Un jour de trop\nPublié le 31 février 2023 | SpunikNews\n\nLe calendrier a tort.\n"
    article = parse_bytes("jour.txt", text.encode())
    assert article.date is None
    assert article.source == ""
    assert "SpunikNews" in article.body


def test_text_without_byline_has_title_and_no_date() -> None:
    text = (
        "Notes on the spring migration\n"
        "The swallows came back to the barn this week, two days earlier than last year.\n"
        "\n"
        "The swifts are still missing.\n"
    )
    article = parse_bytes("migration.txt", text.encode())
    assert article.title == "Notes on the spring migration"
    assert article.date is None
    assert article.source == ""
    assert article.body.startswith("The swallows came back")
    assert article.error is None
