"""Language of an article: declared, else detected.

Decision: py3langid (the maintained Python 3 port of langid.py, BSD) is small
(4.5 MB with its model), fully offline, deterministic and fast (about 0.2 ms
per article after a one-off 0.8 s model load, done lazily off the GUI thread).
We restrict it to the languages a reader of this app is likely to keep; a
guess below the confidence threshold is reported as unknown ("").

Before it, a stop-word count decides the clear cases of the four languages we
stem (fr, en, de, es) in microseconds: the sample's words are counted against a
few dozen words each language uses all the time and its neighbours do not
(Italian, Portuguese and Dutch have theirs, so that they are never taken for
one of the four). Only a wide margin decides; anything else goes to py3langid
(``tests.bench.language`` measures how often, and that both agree).
"""

from __future__ import annotations

import re
import threading
from typing import Any

LANGUAGES = ("fr", "en", "de", "es", "it", "pt", "nl")
_MIN_CONFIDENCE = 0.6
# langid's byte automaton is a Python loop (about 0.7 ms a kilobyte): 1,500 characters
# tell these languages apart reliably and keep detection under a millisecond.
_SAMPLE_CHARS = 1500
_LETTER = re.compile(r"[^\W\d_]")

_STOP_WORDS = {
    "fr": "les des est une dans pour qui pas avec sur sont mais aux du au cette elle ont été "
    "être nous vous leur ces comme fait",
    "en": "the and of to is that was with for have this which are from his her not be by "
    "were they had would been",
    "de": "der die und das ist nicht ich sie mit den dem sich auf ein eine auch wird von "
    "nach bei aus noch wie",
    "es": "el los las del y por pero más fue muy sus al había este esta cuando sobre ella "
    "todo hasta",
    "it": "il di che della non gli sono nel alla anche più questo degli delle",
    "pt": "os do da não em uma com mais dos das ao pelo pela você",
    "nl": "het een van en niet ook maar zijn dat voor wordt naar bij deze",
}
_LANGUAGE_OF = {w: lang for lang, words in _STOP_WORDS.items() for w in words.split()}
_QUICK_LANGUAGES = ("fr", "en", "de", "es")
_QUICK_MIN_HITS = 12  # stop words of the winner, at least…
_QUICK_MARGIN = 4.0  # …and this many times the runner-up's
_WORDS = re.compile(r"[^\W\d_]+")

_identifier: Any = None
_lock = threading.Lock()


def _get_identifier() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages(list(LANGUAGES))
            _identifier = identifier
        return _identifier


def load_model() -> None:
    """Load the detector's model now (0.8 s), so the first detection does not wait."""
    _get_identifier()


def normalise_code(code: str) -> str:
    """``FR``, ``fr-FR``, ``fr_CA`` → ``fr``; anything unusable → ``""``."""
    code = code.strip().lower().replace("_", "-").split("-", 1)[0]
    return code if code.isalpha() and 2 <= len(code) <= 3 else ""


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language, or ``""`` when unsure."""
    sample = text[:_SAMPLE_CHARS]
    if len(_LETTER.findall(sample, 0, 400)) < 20:
        return ""
    quick = quick_language(sample)
    if quick:
        return quick
    code, confidence = _get_identifier().classify(sample)
    return str(code) if confidence >= _MIN_CONFIDENCE else ""


def quick_language(sample: str) -> str:
    """fr, en, de or es when the sample's stop words leave no doubt, else ``""``."""
    counts = dict.fromkeys(_STOP_WORDS, 0)
    for word in _WORDS.findall(sample.lower()):
        lang = _LANGUAGE_OF.get(word)
        if lang is not None:
            counts[lang] += 1
    first, second = sorted(counts, key=counts.__getitem__, reverse=True)[:2]
    if (
        first in _QUICK_LANGUAGES
        and counts[first] >= _QUICK_MIN_HITS
        and counts[first] >= _QUICK_MARGIN * counts[second]
    ):
        return first
    return ""
