"""Full-text search: accents, stemming per language, phrases, title boost, filters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.library.library import Library
from reader.core.search.index import QueryError

OpenLibrary = Callable[[Path], Library]
Write = Callable[[Path, str], Path]

ARTICLES = {
    "mali.txt": (
        "Le Mali renforce sa sécurité avec l'aide de Moscou\n"
        "Publié le vendredi 28 juillet 2023 | SpunikNews\n\n"
        "Les forces armées maliennes ont reçu de nouveaux hélicoptères de combat. "
        "Le gouvernement affirme que la situation s'améliore dans le centre du pays.\n\n"
        "Les bases militaires sont désormais moins souvent visées.\n"
    ),
    "niger.txt": (
        "Un attentat déjoué à Niamey\n"
        "Publié le 3 août 2023 | Le Sahel\n\n"
        "Les forces de police sont intervenues rapidement près du grand marché. "
        "Un terroriste présumé a été arrêté avant l'aube par les enquêteurs. "
        "Plus tard dans la journée, des patrouilles armées ont quadrillé le quartier.\n"
    ),
    "mali-en.md": (
        "---\ntitle: Mali's army receives new helicopters\ndate: 2023-07-29\n"
        "source: Reuters\nlang: en\ntags: [africa, defence]\n---\n\n"
        "The government in Bamako says the situation in the centre of the country "
        "is improving after the deliveries.\n"
    ),
    "cafe.md": (
        "---\ntitle: A morning at the corner café\nlang: en\n---\n\n"
        "She runs to the café every morning before work and orders a croissant.\n"
    ),
    "marathon.md": (
        "---\ntitle: Training for the marathon\nlang: en\n---\n\n"
        "He likes to run along the canal when the weather is dry.\n"
    ),
    "tomatoes.md": (
        "---\ntitle: Growing tomatoes\nlang: en\n---\n\n"
        "Plant them in full sun, water the roots and pinch out the side shoots.\n"
    ),
    "kitchen.md": (
        "---\ntitle: Notes from the kitchen\nlang: en\n---\n\n"
        "Roast the tomatoes slowly with garlic, thyme and a little olive oil.\n"
    ),
}


@pytest.fixture
def library(library_root: Path, open_library: OpenLibrary, write: Write) -> Library:
    for name, text in ARTICLES.items():
        write(library_root / name, text)
    opened = open_library(library_root)
    opened.refresh()
    langs = {row.path: row.lang for row in opened.catalog.rows()}
    assert langs["mali.txt"] == langs["niger.txt"] == "fr"  # detected, not declared
    assert langs["cafe.md"] == "en"
    return opened


def found(library: Library, query: str) -> list[str]:
    """Paths of the hits, best first."""
    hits = library.index.search(query)
    rows = {row.id: row.path for row in library.catalog.rows_by_id(hit.id for hit in hits)}
    return [rows.get(hit.id, f"<id {hit.id}: not in the catalog>") for hit in hits]


def test_unaccented_query_finds_accented_word(library: Library) -> None:
    assert "sécurité" in ARTICLES["mali.txt"]
    assert found(library, "securite") == ["mali.txt"]
    assert found(library, "sécurité") == ["mali.txt"]
    assert found(library, "SECURITE") == ["mali.txt"]


def test_french_plural_finds_singular(library: Library) -> None:
    assert "terroristes" not in ARTICLES["niger.txt"]
    assert found(library, "terroristes") == ["niger.txt"]


def test_phrase_matches_words_together_only(library: Library) -> None:
    assert sorted(found(library, "forces armées")) == ["mali.txt", "niger.txt"]
    assert found(library, '"forces armées"') == ["mali.txt"]
    assert found(library, '"forces armees"') == ["mali.txt"]


def test_all_words_must_match(library: Library) -> None:
    assert found(library, "forces hélicoptères") == ["mali.txt"]
    assert found(library, "forces hélicoptères croissant") == []


def test_a_word_no_article_has_finds_nothing_beside_others_and_excludes_nothing(
    library: Library,
) -> None:
    # Stems the index does not hold are left out of the query: never the whole clause.
    assert found(library, "forces zqxwv") == []
    assert found(library, '"forces zqxwv"') == []
    assert found(library, "zqxw* forces") == []
    assert sorted(found(library, "forces -zqxwv")) == ["mali.txt", "niger.txt"]
    assert sorted(found(library, "zqxwv OR forces")) == ["mali.txt", "niger.txt"]


def test_a_word_is_found_in_each_language_with_that_languages_stem(library: Library) -> None:
    # One body field for every language: "running" is "run" in English, "running" folded.
    assert sorted(found(library, "running")) == ["cafe.md", "marathon.md"]
    assert found(library, "gouvernements") == ["mali.txt"]  # French stem "gouvern"
    assert found(library, "governments") == ["mali-en.md"]  # English stem "govern"


def test_english_stemming(library: Library) -> None:
    assert sorted(found(library, "running")) == ["cafe.md", "marathon.md"]
    assert found(library, "mornings") == ["cafe.md"]


def test_english_accents_are_folded(library: Library) -> None:
    assert found(library, "cafe") == ["cafe.md"]


def test_title_match_ranks_above_body_match(library: Library) -> None:
    assert found(library, "tomatoes") == ["tomatoes.md", "kitchen.md"]


def test_language_filter(library: Library) -> None:
    assert sorted(found(library, "situation")) == ["mali-en.md", "mali.txt"]
    assert found(library, "situation lang:fr") == ["mali.txt"]
    assert found(library, "situation lang:en") == ["mali-en.md"]


def test_tag_filter(library: Library) -> None:
    assert found(library, "situation tag:africa") == ["mali-en.md"]


@pytest.mark.parametrize("query", ["", "   ", "!!!", '""'])
def test_empty_query_is_an_error(library: Library, query: str) -> None:
    with pytest.raises(QueryError):
        library.index.search(query)


def test_sample_article_is_the_first_hit(seeds_dir: Path, open_library: OpenLibrary) -> None:
    seeds = open_library(seeds_dir)
    seeds.refresh()
    assert found(seeds, "securite russie")[0] == "000_10d9d95bf921b5c7.txt"


def test_search_after_a_deletion_in_the_same_session(library: Library, library_root: Path) -> None:
    assert found(library, "croissant") == ["cafe.md"]
    (library_root / "cafe.md").unlink()
    library.refresh()
    assert found(library, "croissant") == []


def test_search_after_a_rename_in_the_same_session(library: Library, library_root: Path) -> None:
    assert found(library, "croissant") == ["cafe.md"]
    (library_root / "cafe.md").rename(library_root / "corner-cafe.md")
    library.refresh()
    assert found(library, "croissant") == ["corner-cafe.md"]


def test_search_before_and_after_the_first_articles_arrive(
    library_root: Path, open_library: OpenLibrary, write: Write
) -> None:
    library = open_library(library_root)
    library.refresh()
    assert found(library, "croissant") == []
    write(library_root / "cafe.md", ARTICLES["cafe.md"])
    library.refresh()
    assert found(library, "croissant") == ["cafe.md"]
