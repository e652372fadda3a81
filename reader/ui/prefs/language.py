"""Installs the interface's language in the application (see :mod:`reader.i18n`)."""

from __future__ import annotations

import logging
import subprocess

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from reader.i18n import LANGUAGES, build, qm_path, resolve_language, ts_path

log = logging.getLogger(__name__)
SETTING = "interface/language"  # system, en or fr
_installed: list[QTranslator] = []
_current = "en"


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
            log.warning("no %s translation found; the interface stays in English", lang)
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
    compiled, source = qm_path(lang), ts_path(lang)
    stale = source.exists() and (
        not compiled.exists() or compiled.stat().st_mtime < source.stat().st_mtime
    )
    if stale:
        # A checkout where install.sh's build step did not run (or the .ts changed since):
        # build it now. Where it cannot be written, the .qm there (if any) is used.
        try:
            build()
        except (OSError, subprocess.CalledProcessError) as exc:
            log.warning("could not compile the %s translation: %s", lang, exc)
    return compiled.exists() and translator.load(str(compiled))
