"""'Did you mean' weighs what is likely, even when the misspelt query finds something."""

from collections.abc import Callable, Mapping

from reader.core.library.library import Library


def _articles() -> dict[str, str]:
    articles = {
        f"gov{n}.txt": f"Budget {n}\n\nThe government voted the budget; the government fell.\n"
        for n in range(12)
    }
    articles |= {
        f"gvs{n}.txt": f"Novel {n}\n\nThe governess read to the children by the fire.\n"
        for n in range(5)
    }
    return articles


def test_a_misspelt_word_found_through_a_stem_still_offers_the_frequent_word(
    library_of: Callable[[Mapping[str, str]], Library],
) -> None:
    """`goverment` is no word of the library: it still matches some articles through its
    stem, but the frequent near-miss `government` is what the reader meant."""
    library = library_of(_articles())
    result = library.index.query("goverment")
    assert result.suggestion == "government"
    assert library.index.query("government").total > result.total


def test_a_word_of_the_library_gets_no_suggestion_when_it_finds_enough(
    library_of: Callable[[Mapping[str, str]], Library],
) -> None:
    library = library_of(_articles())
    assert library.index.query("governess").suggestion is None
