"""The library's orders in the core (the command line's ``list``) are the window's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.catalog.ordering import natural_key
from reader.ui.library_list.ordering import natural_key as window_key

# Words, numbers (with leading zeros, in other scripts), spaces, case, accents.
titles = st.text(alphabet=st.sampled_from("aAbé 0123٣9x-."), max_size=12)


def sign(a: object, b: object) -> int:
    return (a > b) - (a < b)  # type: ignore[operator]


@settings(max_examples=1000, deadline=None)
@given(titles, titles)
def test_titles_compare_as_in_the_window(a: str, b: str) -> None:
    assert sign(natural_key(a), natural_key(b)) == sign(window_key(a), window_key(b))


def test_natural_order() -> None:
    found = sorted(["Chapter 11", "chapter 2", "Chapter", "2 apples", "Chapter 02b", ""],
                   key=natural_key)  # fmt: skip
    assert found == ["", "Chapter", "chapter 2", "Chapter 02b", "Chapter 11", "2 apples"]
