"""``show --format text`` on saved pages: the reading text, without an image's alt text;
nor the credit that ends a caption; a short page that says it is an article is shown,
not refused."""

from __future__ import annotations

from pathlib import Path

from running import Cli

from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_bytes
from reader.core.render import render_article

PROSE = "The ferry crossed the sound at noon, slower than the gulls that followed it. " * 4


def test_an_images_alt_text_is_shown_in_the_pane_but_not_printed(
    library_root: Path, cli: Cli
) -> None:
    """A remote image shows as ``[its alt text]`` in the pane; a reader does not read that
    as the article's prose, so the text (what highlights anchor on) leaves it out."""
    page = library_root / "ferry.html"
    page.write_text(
        "<html><head><title>The ferry</title></head><body><article>"
        f"<p>{PROSE}</p>"
        '<figure><img src="https://photos.example.org/ferry.jpg" alt="Photo: Jane Roe"></figure>'
        f"<p>{PROSE.replace('noon', 'dusk')}</p>"
        "<figure><figcaption>The ferry at the pier. (Quelle: John Doe/Unsplash)</figcaption>"
        "</figure></article></body></html>",
        encoding="utf-8",
    )
    article = parse_bytes(page.name, page.read_bytes())
    assert '<em class="image-alt">[Photo: Jane Roe]</em>' in render_article(article)

    result = cli("show", str(page), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "Jane Roe" not in result.stdout and "John Doe" not in result.stdout
    assert "The ferry at the pier." in result.stdout
    assert "crossed the sound at noon" in result.stdout
    assert "crossed the sound at dusk" in result.stdout
    assert result.stdout.strip() == reading_text(article)


def test_a_short_poem_on_a_page_that_says_it_is_an_article_is_shown(
    library_root: Path, cli: Cli
) -> None:
    poem = library_root / "poem.html"
    poem.write_text(
        '<html lang="de"><head><meta property="og:type" content="article">'
        "<title>Die Möglichkeit</title></head><body><nav><a href='/'>Start</a></nav><article>"
        "<p>„Ich weiß, ich bin müde und sollte das jetzt vielleicht nicht sagen.“</p>"
        "<p>– „Dann sag es nicht.“</p></article></body></html>",
        encoding="utf-8",
    )
    result = cli("show", str(poem), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "sollte das jetzt vielleicht nicht sagen" in result.stdout
    assert "Dann sag es nicht" in result.stdout
