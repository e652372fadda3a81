"""Typography in the pane: French spacing (U+202F before ? ! : ; and inside « »), shown
but never part of the reading text highlights anchor on; and a text article's short
line with no closing punctuation, between paragraphs, rendered as a subheading."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from reader.core import render
from reader.core.annotations.offset_map import OffsetMap
from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import is_subheading, parse_bytes, parse_file
from reader.core.articles.typography import NARROW_HTML, french_spacing, french_spacing_html
from reader.core.render import page_html, render_body

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
FRENCH = """Les marées d’équinoxe : un grand spectacle
Publié le 3 mars 2021 | Le Courrier

Pourquoi la mer monte-t-elle si haut ? Parce que la Lune et le Soleil s’alignent!

Le maire l’a dit : « Nous fermerons la digue » dès samedi; les pêcheurs, «inquiets», attendent.
"""


def shown_text(page: str) -> str:
    """The pane's text as its document holds it: blocks on lines, entities decoded."""
    inline = re.sub(r"</?span[^>]*>", "", page)
    return html.unescape(re.sub(r"<[^>]+>", "\n", inline))


def test_french_spacing_puts_a_narrow_no_break_space_where_french_wants_one() -> None:
    assert french_spacing("Pourquoi ? Parce que!") == "Pourquoi\u202f? Parce que\u202f!"
    assert french_spacing("Il a dit : «oui» ;") == "Il a dit\u202f: «\u202foui\u202f»\u202f;"
    assert french_spacing("« Nous »") == "«\u202fNous\u202f»"
    # no narrow space in times, addresses or after a digit
    assert french_spacing("à 10:30, voir https://exemple.fr") == "à 10:30, voir https://exemple.fr"
    # entities and code are left alone
    assert french_spacing_html("<p>AT&amp;T <code>a ? b</code></p>") == (
        "<p>AT&amp;T <code>a ? b</code></p>"
    )
    # in a span that keeps it: Qt's HTML reader would make any other one a plain space
    assert french_spacing_html("<p>Oui ?</p>") == f"<p>Oui{NARROW_HTML}?</p>"


def test_a_french_article_is_spaced_in_the_pane_only() -> None:
    article = parse_bytes("marees.txt", FRENCH.encode())
    assert article.lang == "fr"
    body = render_body(article)
    page = shown_text(page_html(article, body).html)
    assert "haut\u202f?" in page and "s’alignent\u202f!" in page
    assert "«\u202fNous fermerons la digue\u202f»" in page and "samedi\u202f;" in page
    assert "d’équinoxe\u202f:" in page  # the title too
    text = reading_text(article)
    assert "\u202f" not in text  # what highlights anchor on is as written
    assert "haut ? Parce que" in text and "« Nous fermerons" in text


def test_a_highlight_after_french_punctuation_lands_on_the_same_words() -> None:
    article = parse_bytes("marees.txt", FRENCH.encode())
    text = reading_text(article)
    shown = shown_text(page_html(article, render_body(article)).html)
    offsets = OffsetMap(shown, text)
    for words in ("Parce que la Lune", "Nous fermerons", "dès samedi", "inquiets", "attendent"):
        start = text.index(words)
        begin, end = offsets.span_to_shown(start, start + len(words))
        assert shown[begin:end] == words
        assert offsets.to_text(begin) == start


def test_english_is_not_spaced() -> None:
    article = parse_bytes("t.md", b"---\ntitle: Why?\nlang: en\n---\n\nWhy? Because: tides.\n")
    assert "\u202f" not in page_html(article, render_body(article)).html


def test_the_sample_subheading_renders_as_a_heading() -> None:
    article = parse_file(SEEDS, "000_10d9d95bf921b5c7.txt")
    body = render_body(article).html
    assert "<h2>Formation militaire, mais pas uniquement</h2>" in body
    # one line of the reading text, as the paragraph it was: highlights keep their offsets
    assert "\nFormation militaire, mais pas uniquement\n" in reading_text(article)


def test_a_short_sentence_with_its_full_stop_stays_a_paragraph() -> None:
    text = (
        "Titre\nPublié le 3 mars 2021 | Le Courrier\n\nPremier paragraphe du texte.\n\n"
        "Il pleut.\n\nUn intertitre sans point\n\nDernier paragraphe.\n\nLa fin sans point\n"
    )
    body = render_body(parse_bytes("a.txt", text.encode())).html
    assert "<p>Il pleut.</p>" in body
    assert "<h2>Un intertitre sans point</h2>" in body
    assert "<p>La fin sans point</p>" in body  # the last block: no paragraph after it
    assert "<p>Premier paragraphe du texte.</p>" in body
    assert not is_subheading("une ligne en minuscules")
    assert not is_subheading("Pourquoi la mer monte-t-elle si haut ?")
    assert not is_subheading("A long line " * 10)


def test_a_huge_text_shown_as_plain_text_shows_no_heading_marks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(render, "MAX_RENDER_CHARS", 10)
    article = parse_file(SEEDS, "000_10d9d95bf921b5c7.txt")
    rendered = render.render_body(article)
    assert rendered.paragraphs is not None
    assert "Formation militaire, mais pas uniquement" in rendered.paragraphs
