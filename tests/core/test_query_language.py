"""The query language, with known answers on a small library in four languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.library.library import Library
from reader.core.search.index import IndexResults, QueryError
from reader.core.search.query import And, DateRange, Or, Text, Word, parse
from reader.core.search.spelling import Vocabulary, count_words, replace_words, suggest

ARTICLES = {
    "mali.txt": (
        "Le Mali renforce sa sécurité grâce à la Russie\n"
        "Publié le vendredi 28 juillet 2023 | SpunikNews\n\n"
        "L’aide de Moscou a été précieuse au Mali pour mener sa lutte contre le terrorisme, "
        "selon le gouvernement de transition.\n\n"
        "L’armée malienne est désormais à l'offensive et les bases militaires sont moins "
        "souvent visées.\n"
    ),
    "niger.txt": (
        "Un attentat déjoué à Niamey\n"
        "Publié le 3 août 2023 | Le Sahel\n\n"
        "Les forces de police sont intervenues près du grand marché, non loin de la "
        "frontière avec le Mali. Un suspect a été arrêté avant l'aube par les enquêteurs.\n"
    ),
    "opec.txt": (
        "Oil prices fall as OPEC talks stall\n"
        "Published on Thursday 26 February 1987 | Reuters\n\n"
        "Oil ministers failed to agree on new production quotas in Vienna on Thursday, "
        "and the government of Nigeria said it would keep pumping at the current rate.\n"
    ),
    "mali-en.md": (
        "---\ntitle: Mali's army receives new helicopters\ndate: 2023-12-31\n"
        "source: Reuters\nlang: en\ntags: [africa, defence]\n---\n\n"
        "The government in Bamako says security in the centre of the country is improving "
        "after the deliveries.\n"
    ),
    "berlin.md": (
        "---\ntitle: Die Mauer ist gefallen\ndate: 1989-11-10\nsource: Der Spiegel\n"
        "lang: de\ntags: [Europa, Geschichte]\n---\n\n"
        "Die Regierung der DDR hat in der Nacht die Grenzen geöffnet. Tausende Menschen "
        "feiern in Berlin auf der Mauer.\n"
    ),
    "madrid.md": (
        "---\ntitle: La economía española crece\ndate: 2020-03\nsource: El País\n"
        "lang: es\ntags: [Economía]\n---\n\n"
        "El gobierno de Madrid anunció que la economía creció un dos por ciento "
        "gracias al turismo y a las exportaciones.\n"
    ),
    "garden.md": (
        "---\ntitle: Notes from the garden\nlang: en\ntags: [garden]\n---\n\n"
        "The tomatoes are ripe and the government of the allotment committee is pleased.\n"
    ),
    "lyon.md": (
        "---\ntitle: Le chemin de fer arrive à Lyon\ndate: 1860\nlang: fr\n---\n\n"
        "La nouvelle ligne de chemin de fer relie désormais Paris à Lyon en une journée.\n"
    ),
}
DATED = {  # what the articles' metadata say, for the date tests
    "mali.txt": "2023-07-28",
    "niger.txt": "2023-08-03",
    "opec.txt": "1987-02-26",
    "mali-en.md": "2023-12-31",
    "berlin.md": "1989-11-10",
    "madrid.md": "2020-03",
    "lyon.md": "1860",
}


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """Built once for the module: every test here only searches."""
    root = tmp_path_factory.mktemp("library")
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    opened = Library(root, tmp_path_factory.mktemp("data"))
    try:
        opened.refresh()
        rows = {row.path: row for row in opened.catalog.rows()}
        assert {path: row.date for path, row in rows.items() if row.date} == DATED
        assert rows["mali.txt"].lang == rows["niger.txt"].lang == "fr"
        assert rows["opec.txt"].lang == "en"
        yield opened
    finally:
        opened.close()


def run(library: Library, text: str, **kwargs: object) -> tuple[list[str], IndexResults]:
    result = library.index.query(text, **kwargs)  # type: ignore[arg-type]
    paths = {row.id: row.path for row in library.catalog.rows_by_id(h.id for h in result.hits)}
    return [paths[hit.id] for hit in result.hits], result


def found(library: Library, text: str) -> list[str]:
    return sorted(run(library, text)[0])


def test_all_words_must_match(library: Library) -> None:
    assert found(library, "mali") == ["mali-en.md", "mali.txt", "niger.txt"]
    assert found(library, "mali gouvernement") == ["mali.txt"]
    assert found(library, "mali gouvernement tomatoes") == []


def test_title_match_ranks_first(library: Library) -> None:
    paths, result = run(library, "mali")
    assert paths[-1] == "niger.txt"  # the only one without Mali in its title
    assert result.hits[0].score > result.hits[-1].score


@pytest.mark.parametrize(
    "phrase",
    ['"l\'aide de Moscou"', '"L’aide de Moscou"', "«l’aide de moscou»", "“L'AIDE DE MOSCOU”"],
)
def test_phrases_keep_stop_words_and_either_apostrophe(library: Library, phrase: str) -> None:
    assert found(library, phrase) == ["mali.txt"]


def test_phrase_words_must_be_adjacent(library: Library) -> None:
    assert found(library, "aide moscou") == ["mali.txt"]
    assert found(library, '"aide Moscou"') == []
    assert found(library, '"Moscou de aide"') == []


@pytest.mark.parametrize("word", ["armée", "armee", "aide", "l'armée", "L’aide"])
def test_elided_words_are_found(library: Library, word: str) -> None:
    assert found(library, word) == ["mali.txt"]


def test_prefix(library: Library) -> None:
    assert found(library, "helico*") == ["mali-en.md"]
    assert found(library, "niam*") == ["niger.txt"]
    assert found(library, "securite*") == ["mali.txt"]  # its stem is "securit"
    assert found(library, "secur*") == ["mali-en.md", "mali.txt"]
    assert found(library, "gouvern* lang:fr") == ["mali.txt"]


def test_or_not_minus_and_parentheses(library: Library) -> None:
    assert found(library, "niamey OR berlin") == ["berlin.md", "niger.txt"]
    assert found(library, "mali -helicopters") == ["mali.txt", "niger.txt"]
    assert found(library, "mali NOT helicopters") == ["mali.txt", "niger.txt"]
    assert found(library, "mali -(helicopters OR niamey)") == ["mali.txt"]
    assert found(library, "(niamey OR moscou) mali") == ["mali.txt", "niger.txt"]
    assert found(library, "government -tomatoes") == ["mali-en.md", "opec.txt"]
    assert "garden.md" in found(library, "-mali")


def test_title_field_uses_every_languages_analyzer(library: Library) -> None:
    assert found(library, "title:mali") == ["mali-en.md", "mali.txt"]
    assert found(library, "title:helicopter") == ["mali-en.md"]  # English stemming
    assert found(library, "title:renforcer") == ["mali.txt"]  # French stemming
    assert found(library, "title:Mauern") == ["berlin.md"]  # German stemming
    assert found(library, "title:economia") == ["madrid.md"]  # folded Spanish
    assert found(library, 'title:"chemin de fer"') == ["lyon.md"]
    assert found(library, "title:(niamey OR lyon)") == ["lyon.md", "niger.txt"]
    assert found(library, "title:gouvernement") == []  # only in a body


def test_source_is_folded(library: Library) -> None:
    assert found(library, "source:reuters") == ["mali-en.md", "opec.txt"]
    assert found(library, "source:REUTERS") == ["mali-en.md", "opec.txt"]
    assert found(library, 'source:"el pais"') == ["madrid.md"]
    assert found(library, "source:spuniknews") == ["mali.txt"]
    assert found(library, "source:sahel") == ["niger.txt"]


def test_language_filter_narrows(library: Library) -> None:
    assert found(library, "lang:fr") == ["lyon.md", "mali.txt", "niger.txt"]
    assert found(library, "mali lang:fr") == ["mali.txt", "niger.txt"]
    assert found(library, "mali lang:en") == ["mali-en.md"]
    assert found(library, "lang:de") == ["berlin.md"]
    assert found(library, "lang:spanish") == ["madrid.md"]


def test_every_language_is_searched_and_stemmed(library: Library) -> None:
    assert found(library, "Regierungen") == ["berlin.md"]
    assert found(library, "economías") == ["madrid.md"]
    assert found(library, "economia") == ["madrid.md"]
    assert found(library, "terroristes") == ["mali.txt"]
    assert found(library, "quota") == ["opec.txt"]


def test_tags_are_folded(library: Library) -> None:
    assert found(library, "tag:africa") == ["mali-en.md"]
    assert found(library, "tag:economia") == ["madrid.md"]
    assert found(library, "tag:Economía") == ["madrid.md"]
    assert found(library, "tag:geschichte") == ["berlin.md"]
    assert found(library, "tag:gard*") == ["garden.md"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("date:2023", ["mali-en.md", "mali.txt", "niger.txt"]),
        ("date:2023-07", ["mali.txt"]),
        ("date:2023-7", ["mali.txt"]),
        ("date:2023-07-28", ["mali.txt"]),
        ("date:2023-07-29", []),
        ("date:2020", ["madrid.md"]),
        ("date:1860", ["lyon.md"]),
        ("date:2020..2023", ["madrid.md", "mali-en.md", "mali.txt", "niger.txt"]),
        ("date:[2020 to 2023]", ["madrid.md", "mali-en.md", "mali.txt", "niger.txt"]),
        ("date:[2020 TO 2023]", ["madrid.md", "mali-en.md", "mali.txt", "niger.txt"]),
        ("date:2023-07..2023-08", ["mali.txt", "niger.txt"]),
        ("date:{1987 to 2023}", ["berlin.md", "madrid.md"]),
        ("date:1987..1989", ["berlin.md", "opec.txt"]),
        ("date:..1900", ["lyon.md"]),
        ("date:..1989", ["berlin.md", "lyon.md", "opec.txt"]),
        ("date:[to 1989]", ["berlin.md", "lyon.md", "opec.txt"]),
        ("date:2020..", ["madrid.md", "mali-en.md", "mali.txt", "niger.txt"]),
        ("date:>2020", ["mali-en.md", "mali.txt", "niger.txt"]),
        ("date:>=2020", ["madrid.md", "mali-en.md", "mali.txt", "niger.txt"]),
        ("date:<1989", ["lyon.md", "opec.txt"]),
        ("date:<=1989-11", ["berlin.md", "lyon.md", "opec.txt"]),
        ("mali date:2023-12", ["mali-en.md"]),
        ("mali -date:2023-12", ["mali.txt", "niger.txt"]),
    ],
)
def test_dates(library: Library, query: str, expected: list[str]) -> None:
    assert found(library, query) == expected


def test_date_range_end_covers_the_whole_last_year() -> None:
    assert parse("date:2020..2023").node == DateRange("2020", "2023")


def test_sort_by_date_newest_first_undated_last(library: Library) -> None:
    paths, result = run(library, "government OR gouvernement OR regierung", sort="date")
    assert paths == ["mali-en.md", "mali.txt", "berlin.md", "opec.txt", "garden.md"]
    assert result.total == 5


def test_total_counts_beyond_the_limit(library: Library) -> None:
    paths, result = run(library, "lang:fr", limit=1)
    assert len(paths) == 1
    assert result.total == 3
    assert library.index.query("lang:fr", limit=0).total == 3


def test_old_search_api_agrees(library: Library) -> None:
    hits = library.index.search("mali")
    assert hits == library.index.query("mali").hits
    assert {type(hit.score) for hit in hits} == {float}


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("securiteé", "securite"),
        ("securitee", "securite"),
        ("goverment", "government"),
        ("goverment lang:en", "government lang:en"),
        ("mali goverment", "mali government"),
        ("title:helicoptres", "title:helicopters"),
        ("Niamy", "niamey"),
    ],
)
def test_did_you_mean(library: Library, query: str, suggestion: str) -> None:
    result = library.index.query(query)
    assert result.suggestion == suggestion
    assert library.index.query(suggestion).total > result.total


@pytest.mark.parametrize("query", ["mali", "government", "zzyzx", "securite", "goverment lang:de"])
def test_no_suggestion_without_a_better_query(library: Library, query: str) -> None:
    # enough hits already; nothing near; already right; corrected but still nothing
    assert library.index.query(query).suggestion is None


def test_suggestions_are_real_words_not_stems(library: Library) -> None:
    suggestion = library.index.query("gouvernemnt").suggestion
    assert suggestion == "gouvernement"  # the stem would be "gouvern"


@pytest.mark.parametrize(
    "query",
    [
        '"forces armées',
        "(mali OR niger",
        "mali)",
        "mali NOT",
        "mali OR",
        "OR mali",
        "mali AND OR lutte",
        "mali title:",
        "mali date:abc",
        "mali date:2023-13",
        "mali date:[2020 to",
        "mali date:..",
        "mali lang:",
        'mali tag:"',
        "mali -",
        "mali *",
        "mali ((((",
        "mali ))))",
        "mali :",
        "mali title:title:x OR mali",
        "mali \x00 🙂",
        "(" * 300 + "mali",
        "NOT " * 300 + "NOT mali mali",
    ],
)
def test_malformed_queries_search_what_they_can(library: Library, query: str) -> None:
    paths, _ = run(library, query)
    assert "mali.txt" in paths or query.startswith(("NOT", '"forces')), paths


@pytest.mark.parametrize("query", ["title:", "date:abc", "date:[", "lang:", "is:", "tag:!"])
def test_a_clause_alone_that_makes_no_sense_does_not_raise(library: Library, query: str) -> None:
    result = library.index.query(query)  # its words are searched instead
    assert result.left_out == (query,)


def test_left_out_clauses_are_reported(library: Library) -> None:
    paths, result = run(library, "mali date:abc title:")
    assert sorted(paths) == ["mali-en.md", "mali.txt", "niger.txt"]
    assert result.left_out == ("date:abc", "title:")


@pytest.mark.parametrize("query", ["", "   ", "!!!", '""', "NOT", "OR", "AND NOT", "( )", "-", "*"])
def test_nothing_to_search_for_is_a_query_error(library: Library, query: str) -> None:
    with pytest.raises(QueryError):
        library.index.query(query)


def test_reserved_keywords_parse_and_match_nothing_yet(library: Library) -> None:
    assert found(library, "is:starred") == []
    assert found(library, "mali has:notes") == []
    assert found(library, "notes:mali") == []


def test_unknown_field_is_plain_text(library: Library) -> None:
    assert found(library, "frontière:mali") == []  # "frontière mali" as a phrase
    assert found(library, "Mali:pour") == ["mali.txt"]


def test_bad_sort_is_a_programming_error(library: Library) -> None:
    with pytest.raises(ValueError, match="sort"):
        library.index.query("mali", sort="title")


def test_or_binds_tighter_than_the_implicit_and() -> None:
    node = parse("mali niger OR lyon").node
    assert isinstance(node, And)
    first, second = node.nodes
    assert isinstance(first, Text) and [w.text for w in first.words] == ["mali"]
    assert isinstance(second, Or) and len(second.nodes) == 2


def test_a_field_applies_to_the_phrase_or_group_right_after_it() -> None:
    assert parse('title:"aide de Moscou"').node == Text(
        (Word("aide", 7), Word("de", 12), Word("Moscou", 15)), "title", phrase=True
    )
    grouped = parse("title:(a OR b)").node
    assert isinstance(grouped, Or)
    assert {child.scope for child in grouped.nodes if isinstance(child, Text)} == {"title"}
    assert parse("title: mali").ignored == ("title:",)  # a space ends the field


def test_vocabulary_written_elsewhere_is_reloaded_and_damage_is_harmless(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    writer, reader = Vocabulary(path), Vocabulary(path)  # as in two processes
    assert reader.count("securite") == 0
    writer.add(count_words(["La sécurité, la SÉCURITÉ", "Sécurité et défense 2023"]))
    assert reader.count("securite") == 2
    assert reader.count("2023") == 0  # numbers are no words to suggest
    assert reader.within("securitee", 1) == ["securite"]
    assert reader.starting("def", 10) == ["defense"]
    path.write_bytes(b"\xff\xfe garbage\n\x00\n")
    assert reader.count("securite") == 0
    assert suggest(parse("securitee"), reader, lambda text: 5, 0) is None


def test_corrected_query_keeps_the_rest_as_typed() -> None:
    parsed = parse("“Forces armées” goverment -Sécurité")
    (word,) = [w for w, _ in parsed.words() if w.text == "goverment"]
    assert replace_words(parsed.text, {word: "government"}) == (
        "“Forces armées” government -Sécurité"
    )
