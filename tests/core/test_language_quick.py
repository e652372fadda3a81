"""The stop-word test before py3langid: clear cases decided, the rest left to the model."""

from __future__ import annotations

import pytest

from reader.core.articles.language import detect_language, quick_language

TEXTS = {
    "fr": "Le maire a expliqué que les travaux dans la ville sont presque finis, mais les "
    "habitants ont été nombreux à se plaindre du bruit pendant des mois. Pour lui, cette "
    "décision était la seule possible avec le budget des communes et leur dette.",
    "en": "The mayor said that the works in the town were almost finished, but many of the "
    "residents have complained about the noise for months. For him this was the only "
    "decision that was possible with the budget which the council had been given.",
    "de": "Der Bürgermeister sagte, dass die Arbeiten in der Stadt fast fertig sind, aber "
    "viele Bewohner haben sich über den Lärm beschwert. Für ihn war das die einzige "
    "Entscheidung, die mit dem Haushalt der Gemeinde auch möglich ist, und nicht mehr.",
    "es": "El alcalde dijo que las obras en la ciudad están casi terminadas, pero muchos de "
    "los vecinos se han quejado del ruido durante meses. Para él fue la única decisión "
    "posible con el presupuesto del ayuntamiento y sus deudas, y todo hasta el final.",
}
ITALIAN = (
    "Il sindaco ha detto che i lavori nella città sono quasi finiti, ma molti degli "
    "abitanti si sono lamentati del rumore per mesi. Per lui questa era la sola decisione "
    "possibile con il bilancio del comune e non c'era altro da fare della spesa."
)


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_a_clear_text_is_decided_by_its_stop_words(lang: str) -> None:
    assert quick_language(TEXTS[lang]) == lang
    assert detect_language(TEXTS[lang]) == lang


def test_other_languages_and_short_texts_go_to_the_model() -> None:
    assert quick_language(ITALIAN) == ""
    assert detect_language(ITALIAN) == "it"
    assert quick_language("The end of the line.") == ""  # too few stop words to be sure


def test_a_mixed_text_is_left_to_the_model() -> None:
    assert quick_language(TEXTS["fr"] + " " + TEXTS["en"]) == ""
