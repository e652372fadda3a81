"""Highlights found again after the article changes: what the reader sees highlighted."""

from __future__ import annotations

import textwrap

import pytest

from reader.core.annotations.anchoring import (
    CONTEXT,
    Selectors,
    TextPosition,
    TextQuote,
    anchor,
    describe,
)

TITLE = "City council approves the new budget"
DEBATE = (
    "The city council approved the new budget on Tuesday after a long debate. Members "
    "argued for hours about the cost of the bridge repairs and the future of the library."
)
MAYOR = (
    "The mayor said the library would stay open on Sundays. Critics answered that the "
    "bridge could not wait another winter, and that the repairs were already two years late."
)
AUDIT = (
    "Next year the council will review the plan again, with the help of an independent "
    "auditor chosen by the citizens."
)
ARTICLE = (
    f"{TITLE}\nPublished on Friday 28 July 2023 | The Courier\n\n{DEBATE}\n\n{MAYOR}\n\n{AUDIT}"
)

FRENCH = (
    "Le Mali renforce sa sécurité\n\n"
    "L’aide de Moscou a été précieuse au Mali pour mener sa lutte contre le terrorisme, "
    "a affirmé le Président de la Transition. « Nous avons considérablement réduit le "
    "nombre d’attaques contre nos bases\u00a0», a-t-il expliqué. Pourquoi maintenant\u00a0?"
)


def highlight(text: str, passage: str, nth: int = 0) -> Selectors:
    """What the app stores when the reader selects the nth occurrence of ``passage``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(passage, start + 1)
    return describe(text, start, start + len(passage))


def placed(text: str, selectors: Selectors) -> str | None:
    """The text the reader sees highlighted, or None for an orphan."""
    placement = anchor(text, selectors)
    return None if placement is None else text[placement.start : placement.end]


def method(text: str, selectors: Selectors) -> str | None:
    placement = anchor(text, selectors)
    return None if placement is None else placement.method


# Selectors


def test_describe_keeps_the_passage_and_its_context() -> None:
    selectors = highlight(ARTICLE, "the new budget on Tuesday", 0)
    start = ARTICLE.index("the new budget on Tuesday")
    assert selectors.quote.exact == "the new budget on Tuesday"
    assert selectors.quote.prefix == ARTICLE[start - CONTEXT : start]
    assert selectors.quote.suffix == " after a long debate. Members ar"
    assert selectors.position == TextPosition(start, start + 25)


def test_describe_clamps_offsets_and_refuses_an_empty_selection() -> None:
    selectors = describe("short text", -5, 500)
    assert selectors.quote == TextQuote("short text")
    assert selectors.position == TextPosition(0, 10)
    with pytest.raises(ValueError):
        describe("short text", 4, 4)
    with pytest.raises(ValueError):
        describe("short text", 20, 30)


# Unchanged and shifted text


def test_unchanged_text_is_anchored_by_position() -> None:
    selectors = highlight(ARTICLE, "the bridge repairs")
    assert placed(ARTICLE, selectors) == "the bridge repairs"
    assert method(ARTICLE, selectors) == "position"


def test_text_inserted_before_the_highlight_moves_it_along() -> None:
    selectors = highlight(ARTICLE, "the bridge repairs")
    edited = ARTICLE.replace("\n\n", "\n\nUpdate: the vote was unanimous.\n\n", 1)
    placement = anchor(edited, selectors)
    assert placement is not None
    assert edited[placement.start : placement.end] == "the bridge repairs"
    assert placement.method == "quote"
    assert placement.start == edited.index("the bridge repairs")


def test_a_paragraph_moved_elsewhere_keeps_its_highlight() -> None:
    selectors = highlight(ARTICLE, "stay open on Sundays")
    moved = f"{TITLE}\n\n{AUDIT}\n\n{DEBATE}\n\n{MAYOR}"
    assert placed(moved, selectors) == "stay open on Sundays"
    assert method(moved, selectors) == "quote"


# Edited passages


def test_a_word_changed_inside_the_highlight_covers_the_edited_passage() -> None:
    selectors = highlight(ARTICLE, "approved the new budget on Tuesday after a long debate")
    edited = ARTICLE.replace("on Tuesday", "on Wednesday")
    assert placed(edited, selectors) == "approved the new budget on Wednesday after a long debate"
    assert method(edited, selectors) == "fuzzy"


def test_words_added_inside_and_around_a_long_highlight() -> None:
    selectors = highlight(ARTICLE, MAYOR)
    edited = ARTICLE.replace("would stay open", "would definitely stay open").replace(
        "Critics", "(Photo: archives.) Critics"
    )
    expected = MAYOR.replace("would stay open", "would definitely stay open").replace(
        "Critics", "(Photo: archives.) Critics"
    )
    assert placed(edited, selectors) == expected


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("council approved the", "council passed the", "passed the new budget on Tuesday"),
        ("council approved the", "council the", "the new budget on Tuesday"),
        ("on Tuesday after", "on Wednesday after", "approved the new budget on Wednesday"),
        ("on Tuesday after", "on after", "approved the new budget on"),
    ],
    ids=["first word replaced", "first word deleted", "last word replaced", "last word deleted"],
)
def test_an_edited_edge_word_is_covered_and_no_neighbour_is(
    old: str, new: str, expected: str
) -> None:
    selectors = highlight(ARTICLE, "approved the new budget on Tuesday")
    assert placed(ARTICLE.replace(old, new), selectors) == expected


# Whitespace and line endings


def test_crlf_line_endings_keep_a_highlight_across_paragraphs() -> None:
    passage = "future of the library.\n\nThe mayor said"
    selectors = highlight(ARTICLE, passage)
    windows = ARTICLE.replace("\n", "\r\n")
    assert placed(windows, selectors) == "future of the library.\r\n\r\nThe mayor said"
    assert method(windows, selectors) == "quote"


def test_double_spaces_inside_the_highlight() -> None:
    selectors = highlight(ARTICLE, "approved the new budget on Tuesday")
    spaced = ARTICLE.replace("the new budget", "the  new  budget")
    assert placed(spaced, selectors) == "approved the  new  budget on Tuesday"


def test_a_reflowed_paragraph_keeps_its_highlight() -> None:
    passage = "argued for hours about the cost of the bridge repairs"
    selectors = highlight(ARTICLE, passage)
    reflowed = ARTICLE.replace(DEBATE, textwrap.fill(DEBATE, width=40))
    found = placed(reflowed, selectors)
    assert found is not None and "\n" in found
    assert " ".join(found.split()) == passage


def test_a_reflowed_paragraph_with_a_changed_word() -> None:
    selectors = highlight(ARTICLE, "argued for hours about the cost of the bridge repairs")
    edited = DEBATE.replace("for hours", "for days")
    reflowed = ARTICLE.replace(DEBATE, textwrap.fill(edited, width=40))
    found = placed(reflowed, selectors)
    assert found is not None
    assert " ".join(found.split()) == "argued for days about the cost of the bridge repairs"


def test_an_imported_quote_with_other_line_endings_and_indentation() -> None:
    selectors = Selectors(TextQuote("after a long\r\n   debate. Members"))
    assert placed(ARTICLE, selectors) == "after a long debate. Members"


# Orphans


def test_a_deleted_passage_is_an_orphan() -> None:
    selectors = highlight(ARTICLE, "stay open on Sundays")
    assert placed(ARTICLE.replace(f"\n\n{MAYOR}", ""), selectors) is None


def test_a_deleted_sentence_does_not_jump_to_a_similar_one() -> None:
    sentence = "The city council approved the new budget on Tuesday after a long debate."
    selectors = highlight(ARTICLE, sentence)
    similar = "The city council approved the old budget on Friday after a short debate."
    edited = ARTICLE.replace(sentence + " ", "").replace(AUDIT, f"{similar} {AUDIT}")
    assert placed(edited, selectors) is None


def test_a_deleted_short_highlight_does_not_jump_to_a_similar_word() -> None:
    selectors = highlight(ARTICLE, "Sundays")
    edited = ARTICLE.replace("The mayor said the library would stay open on Sundays. ", "")
    edited = edited.replace("review the plan", "review on Sunday the plan")
    assert placed(edited, selectors) is None


def test_nothing_to_anchor_or_nowhere_to_anchor_it() -> None:
    assert anchor(ARTICLE, Selectors(TextQuote(""), TextPosition(0, 0))) is None
    assert anchor("", highlight(ARTICLE, "the bridge repairs")) is None


# The same passage twice


REFRAIN = "Once again the crowd shouted: stay calm and carry on, friends, the night is young."
SONG = (
    f"Verse one begins quietly.\n\n{REFRAIN}\n\n"
    f"Verse two is about the river and the old mill by the water.\n\n{REFRAIN}\n\nThe end."
)
SHIFTS = {
    "text added before": lambda text: "A short preface. " + text,
    "text removed before": lambda text: text.replace("Verse one begins quietly.", "Verse one."),
}


@pytest.mark.parametrize("nth", [0, 1])
@pytest.mark.parametrize("shift", SHIFTS)
def test_the_same_sentence_twice_the_one_nearest_the_old_place_wins(nth: int, shift: str) -> None:
    selectors = highlight(SONG, "stay calm and carry on", nth)
    edited = SHIFTS[shift](SONG)
    placement = anchor(edited, selectors)
    assert placement is not None
    assert edited[placement.start : placement.end] == "stay calm and carry on"
    first = edited.index("stay calm and carry on")
    expected = first if nth == 0 else edited.index("stay calm and carry on", first + 1)
    assert placement.start == expected


def test_the_same_sentence_twice_its_own_context_beats_nearness() -> None:
    text = f"{DEBATE} The vote was close.\n\n{MAYOR} The vote was close.\n\n{AUDIT}"
    selectors = highlight(text, "The vote was close.", 1)
    # A long insertion between the two puts the old position nearer the first one.
    edited = text.replace(f"\n\n{MAYOR}", f"\n\n{AUDIT}\n\n{AUDIT}\n\n{MAYOR}")
    placement = anchor(edited, selectors)
    assert placement is not None
    assert edited[placement.start : placement.end] == "The vote was close."
    assert edited[: placement.start].endswith("two years late. ")


def test_a_common_word_keeps_its_own_occurrence() -> None:
    start = ARTICLE.index("cost of the bridge") + len("cost of ")
    selectors = describe(ARTICLE, start, start + len("the"))
    # A paragraph full of "the" inserted just before: the old offset now points among them.
    edited = ARTICLE.replace(DEBATE, f"{MAYOR}\n\n{DEBATE}")
    placement = anchor(edited, selectors)
    assert placement is not None and edited[placement.start : placement.end] == "the"
    assert placement.start == edited.index("cost of the bridge") + len("cost of ")


# Selectors from elsewhere


def test_only_a_quote_is_given() -> None:
    quote = highlight(ARTICLE, "the bridge repairs").quote
    assert placed(ARTICLE, Selectors(quote)) == "the bridge repairs"
    assert method(ARTICLE, Selectors(quote)) == "quote"


def test_only_a_quote_of_a_repeated_sentence_takes_the_first() -> None:
    placement = anchor(SONG, Selectors(TextQuote("stay calm and carry on")))
    assert placement is not None
    assert placement.start == SONG.index("stay calm and carry on")


def test_only_a_quote_with_a_changed_word() -> None:
    selectors = Selectors(highlight(ARTICLE, "the cost of the bridge repairs").quote)
    edited = ARTICLE.replace("bridge repairs", "bridge works")
    assert placed(edited, selectors) == "the cost of the bridge works"


@pytest.mark.parametrize(
    "position",
    [TextPosition(10_000, 10_018), TextPosition(-4, 3), TextPosition(7, 7), TextPosition(0, 18)],
    ids=["beyond the end", "negative", "empty", "other text there"],
)
def test_a_position_that_no_longer_fits_falls_back_to_the_quote(position: TextPosition) -> None:
    quote = highlight(ARTICLE, "the bridge repairs").quote
    selectors = Selectors(quote, position)
    assert placed(ARTICLE, selectors) == "the bridge repairs"
    assert method(ARTICLE, selectors) == "quote"


# Where the highlight is


def test_a_highlight_over_two_paragraphs() -> None:
    passage = "two years late.\n\nNext year the council"
    selectors = highlight(ARTICLE, passage)
    assert placed(ARTICLE, selectors) == passage
    edited = ARTICLE.replace("Published on", "Updated and published on")
    assert placed(edited, selectors) == passage
    assert placed(edited.replace("two years", "three years"), selectors) == (
        "three years late.\n\nNext year the council"
    )


def test_a_highlight_at_the_very_start_survives_an_edited_title() -> None:
    selectors = highlight(ARTICLE, TITLE)
    assert selectors.quote.prefix == ""
    edited = ARTICLE.replace("the new budget", "the 2024 budget", 1)
    placement = anchor(edited, selectors)
    assert placement is not None
    assert (placement.start, edited[placement.start : placement.end]) == (
        0,
        "City council approves the 2024 budget",
    )


def test_a_highlight_at_the_very_end() -> None:
    selectors = highlight(ARTICLE, "chosen by the citizens.")
    assert selectors.quote.suffix == ""
    assert placed(ARTICLE + "\n\nCorrection: a date was wrong.", selectors) == (
        "chosen by the citizens."
    )
    assert placed(ARTICLE.replace("citizens.", "residents."), selectors) == (
        "chosen by the residents."
    )


# French


def test_french_accents_in_an_edited_highlight() -> None:
    selectors = highlight(FRENCH, "L’aide de Moscou a été précieuse au Mali")
    edited = FRENCH.replace("a été précieuse", "a été très précieuse")
    assert placed(edited, selectors) == "L’aide de Moscou a été très précieuse au Mali"
    assert placed(edited.replace("é", "e"), selectors) == (
        "L’aide de Moscou a ete très precieuse au Mali"
    )


def test_french_non_breaking_spaces_replaced_by_plain_ones() -> None:
    selectors = highlight(
        FRENCH, "contre nos bases\u00a0», a-t-il expliqué. Pourquoi maintenant\u00a0?"
    )
    plain = FRENCH.replace("\u00a0", " ").replace("Le Mali renforce", "Le Mali, renforce")
    assert placed(plain, selectors) == "contre nos bases », a-t-il expliqué. Pourquoi maintenant ?"


def test_a_short_deleted_passage_is_not_moved_onto_the_same_words_elsewhere() -> None:
    """Found by ``python -m tests.bench.reanchor`` on an ELTeC chapter (a deleted paragraph)."""
    text = (
        "You have never seen any, and do not know how lovely is the water!\n"
        "Then she told him of the sea at night, of the boats and of the lights.\n"
        "He said he did not care; they do not know what they want, those people."
    )
    selectors = describe(text, text.index("do not know what"), text.index(" what they want"))
    edited = text.replace(
        "\nHe said he did not care; they do not know what they want, those people.", ""
    )
    assert anchor(edited, selectors) is None  # an orphan, not "do not know" in line one


def test_an_edited_first_word_of_the_title_keeps_the_whole_title() -> None:
    text = (
        "Monsieur Lecoq — Chapitre 9\nJamais consultation au chevet d'un malade ne fut si longue."
    )
    selectors = describe(text, 0, len("Monsieur Lecoq — Chapitre 9"))
    edited = text.replace("Monsieur", "Culture")
    assert placed(edited, selectors) == "Culture Lecoq — Chapitre 9"
