"""Saved pages: the article's text as trafilatura keeps it plain, with the images, links
and emphasis of the page carried back; the page's address in the byline; a site's own
sign-in box; images that cannot show."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from reader.cli import main
from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_bytes
from reader.core.articles.html_figures import carry_figures
from reader.core.render import byline_text, render_article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
RELEASE = "release-notes.html"
ADDRESS = "https://www.lantern.example/blog/2024/05/lantern-4-2.html"
PROSE = "The lighthouse keeper wrote down the weather every evening at six. " * 6


def release() -> str:
    article = parse_bytes(RELEASE, (PAGES / RELEASE).read_bytes())
    assert article.error is None, article.error
    return reading_text(article)


def page(head: str, body: str) -> bytes:
    return f"<html><head>{head}<title>Log</title></head><body>{body}</body></html>".encode()


def test_a_sign_in_box_in_the_sites_header_does_not_hide_the_article() -> None:
    text = release()
    assert "Lantern 4.2 is now available!" in text
    assert "Popular posts" not in text and "All rights reserved" not in text
    assert "Password" not in text and "Sign in" not in text


def test_paragraphs_with_links_and_bold_words_read_whole() -> None:
    text = release()
    assert "You can download Lantern 4.2 here. Most shops that sell lanterns" in text
    assert "\nPrice: the update is free" in text  # the space after the bold word is kept
    article = parse_bytes(RELEASE, (PAGES / RELEASE).read_bytes())
    assert "[here](<https://lantern.example/download/>)" in article.body
    assert "**Price:** the update" in article.body


def test_the_byline_links_the_site_to_the_pages_address() -> None:
    article = parse_bytes(RELEASE, (PAGES / RELEASE).read_bytes())
    assert article.url == ADDRESS
    assert (
        byline_text(article)
        == "Monday 13 May 2024 · Lantern blog · lantern.example · 96 words · 1 min read"
    )
    html = render_article(article)
    link = f'<a href="{ADDRESS}">lantern.example</a>'
    assert f'<p class="byline">Monday 13 May 2024 · Lantern blog · {link} · 96 words' in html
    assert "lantern.example" not in reading_text(article).split("\n")[1]  # not anchored on


@pytest.mark.parametrize(
    ("head", "url"),
    [
        ('<link rel="canonical" href="https://example.org/log">', "https://example.org/log"),
        ('<meta property="og:url" content="/log"><link rel="canonical" href="http://e.org/l">',
         "http://e.org/l"),
        ('<meta property="og:url" content="javascript:alert(1)">', ""),
        ('<meta property="og:url" content="http://[broken">', ""),
        ("", ""),
    ],
)  # fmt: skip
def test_the_address_is_a_web_address_of_the_page_or_none(head: str, url: str) -> None:
    article = parse_bytes("log.html", page(head, f"<article><p>{PROSE}</p></article>"))
    assert article.url == url
    assert ("<a href" in render_article(article).split("</p>")[0]) == bool(url)


def test_show_prints_the_byline_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / RELEASE).write_bytes((PAGES / RELEASE).read_bytes())
    assert main(["show", str(tmp_path / RELEASE), "--format", "html"]) == 0
    assert f'<a href="{ADDRESS}">lantern.example</a>' in capsys.readouterr().out


def test_an_image_that_cannot_show_is_its_alt_text_or_image() -> None:
    body = (
        f"<article><p>{PROSE}</p><p><img src='https://cdn.example.org/a.jpg'></p>"
        f"<p>{PROSE}</p><p><img src='/img/b.jpg' alt='The old lighthouse'></p><p>{PROSE}</p>"
        "</article>"
    )
    head = '<meta property="og:url" content="https://example.org/log/1">'
    article = parse_bytes("log.html", page(head, body))
    html = render_article(article)
    assert '<em class="image-alt">[image]</em>' in html
    assert '<em class="image-alt">[The old lighthouse]</em>' in html  # made absolute
    assert "![The old lighthouse](<https://example.org/img/b.jpg>)" in article.body
    assert "cdn.example.org" not in html  # never loaded


def xml(text: str) -> etree._Element:
    return etree.fromstring(text)


def test_figures_go_after_the_words_they_follow_and_strays_are_left_out() -> None:
    text = xml("<body><p>First words of the story.</p><p>Second part of the story.</p></body>")
    figures = xml(
        '<body><graphic src="lead.jpg"/><p>First words of the story.</p>'
        '<graphic src="middle.jpg"/><p>Second part <ref target="https://a.example">of the'
        '</ref> story.</p><p>Related: other stories</p><graphic src="thumb.jpg"/></body>'
    )
    carry_figures(text, figures)
    assert [e.get("src") or e.tag for e in text] == ["lead.jpg", "p", "middle.jpg", "p"]
    assert etree.tostring(text[3], encoding="unicode") == (
        '<p>Second part <ref target="https://a.example">of the</ref> story.</p>'
    )


def test_an_image_beside_a_list_item_or_a_cell_goes_after_the_list_or_table() -> None:
    text = xml(
        "<body><list><item>One step of the recipe.</item><item>Two</item></list>"
        "<table><row><cell>Flour, in grams</cell><cell>500</cell></row></table></body>"
    )
    figures = xml(
        '<body><list><item>One step of the recipe.</item><graphic src="step.jpg"/>'
        "<item>Two</item></list><table><row><cell>Flour, in grams</cell>"
        '<graphic src="flour.jpg"/><cell>500</cell></row></table></body>'
    )
    carry_figures(text, figures)
    assert [e.get("src") or e.tag for e in text] == ["list", "step.jpg", "table", "flour.jpg"]
    assert [len(row) for row in text.iter("row")] == [2]
