"""Find in the article folds case, accents, apostrophes and whitespace like search does."""

from __future__ import annotations

from reader.core.search.text_find import find_all

TEXT = "L’aide de Moscou a été précieuse.\nLa SÉCURITÉ   d’abord : sécurité, Sécurité."


def found(query: str, text: str = TEXT) -> list[str]:
    return [text[start:end] for start, end in find_all(text, query)]


def test_case_and_accents_are_folded() -> None:
    assert found("securite") == ["SÉCURITÉ", "sécurité", "Sécurité"]


def test_typographic_apostrophes_match_plain_ones() -> None:
    assert found("l'aide") == ["L’aide"]
    assert found("d'abord") == ["d’abord"]


def test_whitespace_runs_and_line_breaks_match_one_space() -> None:
    assert found("SECURITE d’abord") == ["SÉCURITÉ   d’abord"]
    assert found("précieuse. la") == ["précieuse.\nLa"]


def test_nothing_to_find() -> None:
    assert found("   ") == []
    assert found("moscow") == []


def test_ligatures_map_back_to_the_original_characters() -> None:
    text = "Un cœur œcuménique"
    assert found("coeur", text) == ["cœur"]
    assert found("oecumenique", text) == ["œcuménique"]
    assert found("cœur", text) == ["cœur"]
