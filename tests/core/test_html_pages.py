"""Saved web pages as articles: extraction, metadata, images, pages without an article,
the pages' ``_files`` folders, encodings and single-file (MHTML) pages."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from reader.core import limits
from reader.core.annotations.reading_text import reading_text
from reader.core.articles.formats import parse_bytes, parse_file
from reader.core.articles.html_markdown import local_image
from reader.core.articles.scanning import scan_folder, walk
from reader.core.articles.suffixes import is_article_name
from reader.core.render import render_article

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
HARBOUR = "Harbour at dawn.html"


def page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


def body_text(name: str) -> str:
    """The reading text of a fixture page, less its title line."""
    return reading_text(parse_bytes(name, page(name))).partition("\n")[2]


def precision_recall(got: str, expected: str) -> tuple[float, float]:
    found = Counter(w.casefold() for w in re.findall(r"\w+", got))
    wanted = Counter(w.casefold() for w in re.findall(r"\w+", expected))
    common = sum((found & wanted).values())
    return common / max(1, sum(found.values())), common / max(1, sum(wanted.values()))


@pytest.mark.parametrize(
    "name", [HARBOUR, "en-blog-post.html", "fr-actualite.html", "fr-tutoriel.xhtml", "old-page.htm"]
)
def test_the_article_is_extracted_with_precision_and_recall_of_at_least_95(name: str) -> None:
    expected = (PAGES / "expected" / f"{Path(name).stem}.txt").read_text("utf-8")
    precision, recall = precision_recall(body_text(name), expected)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_navigation_comments_banners_and_ads_are_left_out() -> None:
    text = body_text("en-blog-post.html")
    boilerplate_words = [
        *("cookies", "Recipes", "Share on Twitter", "You might also like", "Great article"),
        *("Subscribe", "All rights reserved", "Popular"),
    ]
    for boilerplate in boilerplate_words:
        assert boilerplate not in text
    french = body_text("fr-actualite.html")
    for boilerplate in ("Se connecter", "Lire aussi", "Gérard68", "Mentions légales", "Partager"):
        assert boilerplate not in french


def test_structure_becomes_markdown_with_the_same_typography() -> None:
    article = parse_bytes("en-blog-post.html", page("en-blog-post.html"))
    assert article.format == "html" and article.error is None
    assert "## What happens during a long fermentation" in article.body
    assert "- Lactic acid brings" in article.body and "1. Bake straight" in article.body
    assert "> Bread is not made" in article.body
    html = render_article(article)
    for tag in ("<h2>", "<ul>", "<ol>", "<blockquote>", "<table>", "<th>"):
        assert tag in html
    assert "Why sourdough needs time" not in article.body  # the title is not repeated


@pytest.mark.parametrize(
    ("name", "title", "date", "source", "lang"),
    [
        ("en-blog-post.html", "Why sourdough needs time", "2023-03-14", "The Slow Kitchen", "en"),
        # no og:title: the <title> less the site's name; JSON-LD NewsArticle's date and publisher
        ("fr-actualite.html", "Les cigognes reviennent plus tôt en Alsace", "2024-02-21",
         "Le Courrier du Rhin", "fr"),
        ("fr-tutoriel.xhtml", "Faire son pain d'épices maison", "2021-12-05", "Cuisine de Lise",
         "fr"),
        # nothing declared: <title>, no date, no source, the language detected
        ("old-page.htm", "Notes on repairing a mantel clock", None, "", "en"),
    ],
)  # fmt: skip
def test_metadata_comes_from_the_page(
    name: str, title: str, date: str | None, source: str, lang: str
) -> None:
    article = parse_bytes(name, page(name))
    assert (article.title, article.date, article.source, article.lang) == (
        title, date, source, lang
    )  # fmt: skip
    assert article.words > 50 and article.excerpt and "\\" not in article.excerpt


def test_author_is_the_source_without_a_site_name() -> None:
    html = (
        '<html><head><meta name="author" content="Ada Byron"><title>On engines</title></head>'
        f"<body><article><p>{'The analytical engine weaves algebraic patterns. ' * 12}</p>"
        "</article></body></html>"
    )
    article = parse_bytes("engines.html", html.encode())
    assert article.source == "Ada Byron" and article.title == "On engines"
    assert article.date is None and article.error is None


def test_images_of_the_pages_own_folder_show_and_remote_ones_never_load() -> None:
    article = parse_bytes(HARBOUR, page(HARBOUR))
    html = render_article(article)
    assert 'src="Harbour%20at%20dawn_files/boats.png"' in html
    assert 'src="Harbour%20at%20dawn_files/lighthouse.png"' in html
    assert "example.net/images" not in html  # the remote map: its alt text only
    assert '<em class="image-alt">[Map of the coast]</em>' in html
    for never in ("<script", "<style", "<iframe", "<link", "tracker.js", "site.css", "stats."):
        assert never not in html


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        ("./Page_files/a.png", "Page_files/a.png"),
        ("Page%20one_files/a b.png", "Page%20one_files/a%20b.png"),
        ("shot12:30.png", "shot12%3A30.png"),
        ("../secret.png", None),
        ("/etc/passwd", None),
        ("Page_files/../../x.png", None),
        ("https://example.com/a.png", None),
        ("//cdn.example.com/a.png", None),
        ("data:image/png;base64,AAAA", None),
    ],
)
def test_only_images_inside_the_pages_folder_are_local(source: str, kept: str | None) -> None:
    assert local_image(source) == kept


@pytest.mark.parametrize(("name", "sign_in"), [("login.html", True), ("index.html", False)])
def test_a_page_without_an_article_is_listed_with_the_reason(name: str, sign_in: bool) -> None:
    article = parse_bytes(name, page(name))
    assert article.error is not None and article.error.startswith("no article found in this page")
    assert ("sign-in" in article.error) == sign_in
    assert "cannot be shown: no article found" in render_article(article)


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n", b"<html></html>", b"<html><body><p>Too short.</p></body></html>",
     b"\x00\x01\x02binary\x00", b"<!-- only a comment -->", b"<?xml version='1.0'?>"],
)  # fmt: skip
def test_empty_or_odd_pages_give_a_reason_never_a_crash(data: bytes) -> None:
    article = parse_bytes("odd.html", data)
    assert article.error and "\n" not in article.error


def test_a_page_past_the_element_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.core.articles.html_page.MAX_PAGE_ELEMENTS", 100)
    article = parse_bytes("en-blog-post.html", page("en-blog-post.html"))
    assert article.error is not None and article.error.startswith("page too complex")
    assert limits.MAX_PAGE_ELEMENTS > 10_000


def test_the_files_folder_of_a_saved_page_is_never_listed(tmp_path: Path) -> None:
    shutil.copytree(PAGES, tmp_path, dirs_exist_ok=True)
    (tmp_path / "notes_files").mkdir()  # no notes.html beside it: an ordinary folder
    (tmp_path / "notes_files" / "todo.md").write_text("# Todo\n\nBuy flour.\n")
    (tmp_path / "Report-Dateien").mkdir()  # Firefox in German, beside Report.htm
    (tmp_path / "Report-Dateien" / "frame.htm").write_text("<p>an ad frame</p>")
    (tmp_path / "Report.htm").write_bytes(page("en-blog-post.html"))
    listed = dict(walk(tmp_path, "", []))
    assert HARBOUR in listed and "notes_files/todo.md" in listed
    assert not any("_files/" in rel and not rel.startswith("notes_files/") for rel in listed)
    assert not any(rel.startswith("Report-Dateien/") for rel in listed)
    files, subfolders = scan_folder(tmp_path, "")
    assert "Harbour at dawn_files" not in subfolders and "notes_files" in subfolders
    assert HARBOUR in files


def test_page_names_are_articles() -> None:
    for name in ("a.html", "b.HTM", "c.xhtml", "d.mhtml", "e.mht"):
        assert is_article_name(name)
    assert not is_article_name("style.css") and not is_article_name("app.js")


ARTICLE_HTML = (
    "<html{lang}><head>{meta}<title>Café crème</title></head><body><nav>Accueil Menu</nav>"
    "<article><h1>Café crème</h1><p>Le café crème se boit au comptoir, le matin, avec un "
    "croissant encore tiède. À Paris, on le commande sans y penser, mais chaque brûlerie "
    "a sa façon de le préparer et ses habitués qui défendent la leur.</p><p>Prix : 3 € "
    "– « une folie », disent les anciens, qui l'ont connu à un franc et regrettent l'époque "
    "où le garçon connaissait le prénom de chacun.</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("meta", "encoding", "codec"),
    [
        ('<meta charset="windows-1252">', "cp1252", "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252",
         "cp1252"),  # Latin-1 declared: read as Windows-1252 (the € is 0x80), as browsers do
        ('<meta charset="utf-8">', "utf-8", "utf-8"),
        ("", "cp1252", "cp1252"),  # nothing declared: as a text file
        ('<meta charset="windows-1252">', "utf-8", "utf-8"),  # declared wrongly: as text
        ('<meta charset="x-no-such-charset">', "utf-8", "utf-8"),
    ],
)  # fmt: skip
def test_encodings_as_the_page_declares_them(meta: str, encoding: str, codec: str) -> None:
    data = ARTICLE_HTML.format(lang="", meta=meta).encode(encoding)
    article = parse_bytes("cafe.html", data)
    assert article.error is None and article.encoding == codec
    assert article.title == "Café crème"
    assert "3 € – « une folie »" in reading_text(article)
    assert article.lang == "fr"  # detected: no <html lang>


def test_a_byte_order_mark_wins_over_the_declaration() -> None:
    data = ARTICLE_HTML.format(lang=' lang="fr-FR"', meta='<meta charset="cp1252">')
    for bom_data in (b"\xef\xbb\xbf" + data.encode("utf-8"), data.encode("utf-16")):
        article = parse_bytes("cafe.htm", bom_data)
        assert article.error is None and "3 € – « une folie »" in reading_text(article)
        assert article.lang == "fr"


def test_a_single_file_page_mhtml_reads_its_html_part() -> None:
    html = ARTICLE_HTML.format(lang=' lang="fr"', meta='<meta charset="utf-8">')
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    message = MIMEMultipart("related")
    message["Subject"] = "Café crème"
    part = MIMEText(html, "html", "utf-8")
    part.replace_header("Content-Transfer-Encoding", "quoted-printable")
    part.set_payload(__import__("quopri").encodestring(html.encode("utf-8")).decode("ascii"))
    message.attach(part)
    message.attach(MIMEText("body { color: red }", "css"))
    article = parse_bytes("cafe.mhtml", message.as_bytes())
    assert article.error is None and article.title == "Café crème"
    assert "3 € – « une folie »" in reading_text(article)
    assert parse_bytes("x.mhtml", b"Subject: nothing\n\nplain").error == (
        "no web page in this MHTML file"
    )


def test_a_page_in_a_library_is_listed_searchable_and_dated(tmp_path: Path) -> None:
    from reader.core.library.library import Library

    root = tmp_path / "lib"
    shutil.copytree(PAGES, root, ignore=shutil.ignore_patterns("expected"))
    library = Library(root, data_dir=tmp_path / "data")
    try:
        library.refresh()
        rows = {row.path: row for row in library.catalog.rows()}
        post = rows["en-blog-post.html"]
        assert (post.title, post.date, post.source) == (
            "Why sourdough needs time", "2023-03-14", "The Slow Kitchen"
        )  # fmt: skip
        assert rows["login.html"].error and not any("_files/" in rel for rel in rows)
        for query in ("fermentation", 'source:"slow kitchen"', "date:2023-03 sourdough"):
            assert [hit.id for hit in library.index.search(query)] == [post.id], query
        assert not library.index.search("cookie policy")  # the banner was not indexed
        article = parse_file(root, "en-blog-post.html")
        assert article.fingerprint and article.title == post.title
    finally:
        library.close()


def test_a_highlight_survives_a_re_save_with_other_boilerplate(tmp_path: Path) -> None:
    """Highlights live on the extracted reading text: a page saved again with a new menu,
    new ads and scripts, and the same article, keeps them in the same place."""
    from reader.core.annotations.annotating import create
    from reader.core.library.library import Library

    root = tmp_path / "lib"
    root.mkdir()
    saved = root / "sourdough.html"
    original = page("en-blog-post.html").decode("utf-8")
    saved.write_text(original, encoding="utf-8")
    library = Library(root, data_dir=tmp_path / "data")
    try:
        library.refresh()
        row = library.catalog.row_by_path("sourdough.html")
        assert row is not None
        article = parse_file(root, "sourdough.html")
        text = reading_text(article)
        words = "the starter sets the pace"
        start = text.index(words)
        annotation = create(
            row.id, text, start, start + len(words), "yellow", "", article.fingerprint
        )
        library.userdata.save(annotation)

        resaved = (
            original.replace(
                '<nav class="main-nav">',
                '<div class="promo">Spring sale: 20% off all flour this week only!</div>'
                '<script>trackVisit("spring")</script><nav class="main-nav">'
                '<a href="/new">New this week</a>',
            )
            .replace("Get our recipes by email", "Our weekly letter, free")
            .replace("Ten rye breads", "Twelve rye breads")
            .replace("</body>", '<div class="ad">Buy a proving basket</div></body>')
        )
        assert resaved != original
        saved.write_text(resaved, encoding="utf-8")
        library.refresh()
        again = parse_file(root, "sourdough.html")
        assert again.fingerprint != article.fingerprint
        assert reading_text(again) == text  # the same article, whatever the page around it
        kept = library.userdata.annotation(annotation.id)
        assert kept is not None and not kept.orphan
        assert kept.article_id == row.id
        position = kept.selectors.position
        assert position is not None and (position.start, position.end) == (
            start, start + len(words)
        )  # fmt: skip
        assert reading_text(again)[position.start : position.end] == words
    finally:
        library.close()
