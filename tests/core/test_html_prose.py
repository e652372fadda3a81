"""Saved pages whose article is not in paragraphs of spaced words still have one: text
in Chinese or Japanese, a recipe's steps in a list; soft hyphens do not split words;
captions stay, photo credits go; the heading that repeats the title goes; a page that
says it is an article is one with a single sentence."""

from __future__ import annotations

from pathlib import Path

from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_bytes

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
JAPANESE = (
    "今朝は港に深い霧がかかっていて、漁船は日が昇るまで出発を待つことにしました。",
    "昼になると霧は少しずつ晴れて、灯台の光がなくても沖の島がよく見えるようになりました。",
    "漁師たちは夕方までに網を引き上げ、市場ではその日の魚がいつもより高く売れたそうです。",
)
STEPS = (
    "Sift the flour with the salt into a wide bowl and make a well in the middle.",
    "Pour in the warm milk slowly, stirring all the time until the batter is smooth.",
    "Leave the batter to rest for half an hour under a cloth in a cool corner.",
    "Fry each pancake in a little butter until both of its sides are golden brown.",
)


POEM = "<p>„Ich weiß, ich bin müde und sollte das jetzt vielleicht nicht sagen.“</p><p>Gut.</p>"


def page(lang: str, body: str, head: str = "") -> bytes:
    html = (
        f'<html lang="{lang}"><head><meta charset="utf-8"><title>Page</title>{head}</head>'
        f"<body><nav><a href='/'>Home</a></nav><article>{body}</article></body></html>"
    )
    return html.encode("utf-8")


def test_an_article_in_japanese_is_found() -> None:
    paragraphs = "".join(f"<p>{sentence}</p>" for sentence in JAPANESE)
    article = parse_bytes("kiri.html", page("ja", paragraphs))
    assert article.error is None, article.error
    assert JAPANESE[1] in reading_text(article)


def test_a_recipe_whose_steps_are_a_list_is_an_article() -> None:
    steps = "".join(f"<li>{step}</li>" for step in STEPS)
    article = parse_bytes("pancakes.html", page("en", f"<h2>Pancakes</h2><ol>{steps}</ol>"))
    assert article.error is None, article.error
    assert STEPS[2] in reading_text(article)


def test_a_list_of_links_is_still_no_article() -> None:
    links = "".join(f"<li><a href='/{n}'>{step}</a></li>" for n, step in enumerate(STEPS))
    article = parse_bytes("links.html", page("en", f"<ul>{links}</ul>"))
    assert article.error is not None and article.error.startswith("no article found")


def test_soft_hyphens_do_not_split_words() -> None:
    shy = "\xad"
    text = " ".join(STEPS).replace("flour", f"flo{shy}ur").replace("batter", f"bat{shy}ter")
    article = parse_bytes("shy.html", page("en", f"<p>{text}</p><p>{text}</p>"))
    assert shy not in article.body
    assert "Sift the flour with the salt" in reading_text(article)


def test_a_figures_caption_is_kept_and_a_photo_credit_is_not() -> None:
    steps = "".join(f"<p>{step}</p>" for step in STEPS)
    figure = (
        "<figure><img src='https://cdn.example.org/p.jpg' alt='Pancakes'>"
        "<figcaption>A stack of pancakes on the blue plate.</figcaption>"
        "<p class='credit'>Photo: Jo Baker/Studio</p></figure>"
    )
    article = parse_bytes("pancakes.html", page("en", steps[:200] + figure + steps[200:]))
    text = reading_text(article)
    assert "A stack of pancakes on the blue plate." in text
    assert "Jo Baker" not in text


def test_a_heading_that_repeats_the_title_goes_even_after_a_menu() -> None:
    article = parse_bytes("old-page.htm", (PAGES / "old-page.htm").read_bytes())
    assert article.title == "Notes on repairing a mantel clock"
    assert "Notes on repairing" not in article.body
    assert "Guestbook" not in article.body  # the menu, whose "Home" is no link


def test_a_page_that_says_it_is_an_article_is_one_with_a_single_sentence() -> None:
    for head in (
        '<meta property="og:type" content="article">',
        '<script type="application/ld+json">{"@type": "BlogPosting"}</script>',
    ):
        article = parse_bytes("poem.html", page("de", POEM, head))
        assert article.error is None, article.error
        assert "sollte das jetzt vielleicht nicht sagen" in reading_text(article)


def test_a_sentence_alone_is_no_article_on_a_page_that_does_not_say_it_is_one() -> None:
    for head in ("", '<meta property="og:type" content="website">'):
        article = parse_bytes("poem.html", page("de", POEM, head))
        assert article.error is not None and article.error.startswith("no article found")
    links = "".join(f"<li><a href='/{n}'>{step}</a></li>" for n, step in enumerate(STEPS))
    declared = page("en", f"<ul>{links}</ul>", '<meta property="og:type" content="article">')
    assert parse_bytes("links.html", declared).error is not None  # headlines are no sentence


def test_the_credit_that_ends_a_caption_goes_and_the_caption_stays() -> None:
    steps = "".join(f"<p>{step}</p>" for step in STEPS)
    figure = (
        "<figure><img src='https://cdn.example.org/p.jpg' alt=''>"
        "<figcaption>The <b>first</b> pancake is always for the cook. "
        "(Foto: Jo Baker/Studio)</figcaption></figure>"
    )
    text = reading_text(parse_bytes("pancakes.html", page("en", steps + figure)))
    assert "The first pancake is always for the cook." in text
    assert "Jo Baker" not in text and "Foto" not in text
