"""What the core says while it works, in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.i18n import QT_TRANSLATE_NOOP

PROGRESS = (  # what the core says while it works: translated where shown (progress_text)
    QT_TRANSLATE_NOOP("LibrarySession", "Scanning"),
    QT_TRANSLATE_NOOP("LibrarySession", "Reading articles"),
    QT_TRANSLATE_NOOP("LibrarySession", "Indexing"),
    QT_TRANSLATE_NOOP("LibrarySession", "Up to date"),
)


def progress_text(message: str) -> str:
    """A progress message in the interface's language (unknown ones as they are)."""
    return QCoreApplication.translate("LibrarySession", message)
