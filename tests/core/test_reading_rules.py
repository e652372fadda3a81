"""The rules behind a reader's day, at their edges: which lines are subheads, when a
Markdown heading repeats the title, what a phrase marks, how a quote is put between
quote marks, and which part of a highlight a note hit shows."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reader.core.annotations.annotating import create
from reader.core.articles.formats import is_subheading, parse_bytes
from reader.core.articles.typography import unquoted
from reader.core.library.library import Library
from reader.core.operations import open_article, search_library
from reader.core.search.snippets import QueryTerms, hit_spans


def test_a_short_line_in_capitals_is_a_subhead_even_as_a_question() -> None:
    assert is_subheading("DE LA TÉLÉRÉALITÉ À LA FICTION ?")
    assert is_subheading("UN SUCCÈS MONDIAL !")
    assert is_subheading("ÉPILOGUE")
    assert not is_subheading("FIN DE LA PARTIE.")  # a full stop: a sentence
    assert not is_subheading("OK ?")  # too few letters to be words
    assert not is_subheading("La NASA a-t-elle menti ?")  # a sentence with a sigle
    assert not is_subheading("LES " * 13 + "?")  # too many words


def test_a_heading_is_dropped_only_when_it_opens_the_body_and_says_the_title() -> None:
    def body(markdown: str) -> str:
        return parse_bytes("a.md", markdown.encode()).body

    assert body("---\ntitle: Le Mali\n---\n# *Le* mali #\n\nTexte.\n") == "Texte."
    assert body("---\ntitle: Le Mali\n---\nIntro.\n\n# Le Mali\n") == "Intro.\n\n# Le Mali"
    assert body("---\ntitle: Le Mali\n---\n# Le Niger\n\nTexte.\n") == "# Le Niger\n\nTexte."
    assert body("---\ntitle: Le Mali\n---\n```\n# Le Mali\n```\n").startswith("```")


def test_a_phrase_marks_its_words_in_sequence_across_punctuation_only() -> None:
    text = "L’état de choc, puis l’état d’urgence ; enfin l’état d’alerte et d’urgence."
    spans = hit_spans(text, QueryTerms.parse('"état d\'urgence"'), "fr")
    assert [text[s:e] for s, e in spans] == ["état d’urgence"]
    both = hit_spans(text, QueryTerms.parse('"état d\'urgence" choc'), "fr")
    assert [text[s:e] for s, e in both] == ["choc", "état d’urgence"]


def test_a_quote_is_put_between_quote_marks_once() -> None:
    assert unquoted('"Compte tenu de la situation"') == ("Compte tenu de la situation", True)
    assert unquoted("« Nous fermerons la digue »") == ("Nous fermerons la digue", True)
    assert unquoted('"Oui", dit-il') == ('"Oui", dit-il', False)  # its own marks suffice
    assert unquoted("  dit-il  ") == ("dit-il", True)


def test_a_note_hit_shows_the_passage_of_the_note_around_its_words(
    library_of: Callable[[Mapping[str, str]], Library],
) -> None:
    library = library_of(
        {
            "mali.txt": "Le Mali et Moscou\nPublié le 3 mars 2021 | Le Courrier\n\n"
            "L’aide de Moscou a été précieuse au Mali.\n"
        }
    )
    row = library.catalog.row_by_path("mali.txt")
    assert row is not None
    opened = open_article(library, row)
    start = opened.text.index("L’aide")
    note = "Début de la note. " * 20 + "Chiffres du ministère à vérifier. " + "Suite. " * 20
    highlight = create(row.id, opened.text, start, start + 16, "blue", note, opened.fingerprint)
    library.userdata.save(highlight)
    line = search_library(library, "ministère").notes[row.id]
    assert "Chiffres du ministère" in line and "L’aide" not in line
    assert line.startswith("…") and len(line) < len(note)  # the passage, not the whole note
    assert search_library(library, "in:notes aide").notes[row.id] == "“L’aide de Moscou”"
