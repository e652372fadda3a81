"""Why a change could not be saved, in the interface's language (the core's words are English)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject

from reader.core.annotations.userdata import ErrorKind, UserDataError
from reader.core.catalog.wal import REOPENED


class ErrorText(QObject):
    def save_error(self, exc: BaseException) -> str:
        kind: ErrorKind = exc.kind if isinstance(exc, UserDataError) else "other"
        if kind == "read-only":  # SQLite does not say whether the folder or the file
            return self.tr(
                "the library's data folder or its catalog file is read-only, "
                "so changes cannot be saved"
            )
        if kind == "full":
            return self.tr(
                "the disk holding the library's data is full, so changes cannot be saved"
            )
        if kind == "busy":
            return self.tr("the library's data is in use by another program; try again in a moment")
        return self.tr("changes cannot be saved ({0})").format(exc)

    def read_only(self, catalog: bool) -> str:
        """``catalog``: the catalog's file (or its log) alone cannot be written."""
        if catalog:
            return self.tr("the library's catalog file cannot be written")
        return self.tr("the library's data folder cannot be written")

    def notice(self, notice: str) -> str:
        """The core's notice about the catalog (``UserData.notice``)."""
        if notice.startswith(REOPENED) and "may be lost" in notice:
            return self.tr(
                "The catalog's files were changed by another program; it was reopened, "
                "and changes made since the last save may be lost."
            )
        if notice.startswith(REOPENED) and "could not be kept" in notice:
            return self.tr(
                "The catalog's files were changed by another program; it was reopened, "
                "and recent changes could not be kept."
            )
        if notice == REOPENED:
            return self.tr("The catalog's files were changed by another program; it was reopened.")
        return self.tr(
            "The catalog's files were changed by another program: changes cannot be saved "
            "until the library is opened again."
        )


@cache
def _texts() -> ErrorText:
    return ErrorText()


def save_error_text(exc: BaseException) -> str:
    return _texts().save_error(exc)


def read_only_text(catalog: bool = False) -> str:
    return _texts().read_only(catalog)


def notice_text(notice: str) -> str:
    return _texts().notice(notice)
