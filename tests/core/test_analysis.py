"""The cached analyzer gives exactly the terms of Whoosh's filter chain it replaces."""

from __future__ import annotations

import pickle

import pytest
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter
from whoosh.support.charset import accent_map

from reader.core.search.analysis import FoldingStemAnalyzer

TEXT = (
    "L’aide de Moscou a été précieuse au Mali. Des hélicoptères Mi-171 ont été livrés. "
    "Fishing boats were running before the storm. Die Straßen waren voller Menschen. "
    "Los niños jugaban en las calles de Sevilla. ŒUVRES complètes, Ærø, naïveté."
)


@pytest.mark.parametrize("lang", ["fr", "en", "de", "es", "it"])
def test_same_terms_and_positions_as_the_whoosh_chain(lang: str) -> None:
    chain = RegexTokenizer(r"\w+") | LowercaseFilter() | CharsetFilter(accent_map)
    if lang != "it":  # unstemmed languages are only folded
        chain = chain | StemFilter(lang=lang)
    expected = [(t.text, t.pos, t.startchar) for t in chain(TEXT, positions=True, chars=True)]
    ours = FoldingStemAnalyzer(lang)(TEXT, positions=True, chars=True)
    assert [(t.text, t.pos, t.startchar) for t in ours] == expected


def test_survives_pickling_as_part_of_a_schema() -> None:
    analyzer = FoldingStemAnalyzer("fr")
    analyzer.term("sécurité")
    clone = pickle.loads(pickle.dumps(analyzer))
    assert clone == analyzer
    assert [t.text for t in clone("Sécurité")] == ["securit"]
