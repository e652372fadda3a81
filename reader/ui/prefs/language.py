"""Installs the interface's language in the application (see :mod:`reader.i18n`)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from reader.i18n import LANGUAGES, qm_path, resolve_language

log = logging.getLogger(__name__)
SETTING = "interface/language"  # system, en or fr
_installed: list[QTranslator] = []
_current = "en"
_missing_said: set[str] = set()  # languages whose missing .qm was logged already


def current_language() -> str:
    """The language the interface is in now: dates and bylines follow it."""
    return _current


def chosen_language(settings: QSettings) -> str:
    return resolve_language(str(settings.value(SETTING, "system")), QLocale.system().name())


def install_language(lang: str) -> str:
    """Translate the interface into ``lang`` from now on; returns the language in effect.

    Windows made before keep their strings: the window is rebuilt after a switch.
    """
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    lang = lang if lang in LANGUAGES else "en"
    if lang != "en" and app is not None:
        ours = QTranslator()
        if not _load(ours, lang):
            if lang not in _missing_said:
                _missing_said.add(lang)
                log.warning(
                    "no %s translation at %s; the interface stays in English", lang, qm_path(lang)
                )
            _current = "en"
            return _current
        qt_own = QTranslator()  # Qt's own strings: standard buttons and dialogs
        if qt_own.load(
            f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
        app.installTranslator(ours)
        _installed.append(ours)
    _current = lang
    QLocale.setDefault(QLocale(lang))
    return _current


def _load(translator: QTranslator, lang: str) -> bool:
    """Load the compiled translation shipped with the app. Never built here: the app
    does not write into its installation (the wheel's build and install.sh make it)."""
    compiled = qm_path(lang)
    return compiled.is_file() and translator.load(str(compiled))
