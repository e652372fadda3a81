"""Language of an article: declared, else detected.

Decision: py3langid (the maintained Python 3 port of langid.py, BSD) is small
(4.5 MB with its model), fully offline, deterministic and fast (about 0.2 ms
per article after a one-off 0.8 s model load, done lazily off the GUI thread).
We restrict it to the languages a reader of this app is likely to keep; a
guess below the confidence threshold is reported as unknown ("").
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
    code, confidence = _get_identifier().classify(sample)
    return str(code) if confidence >= _MIN_CONFIDENCE else ""
