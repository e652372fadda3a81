"""Why a change could not be saved, in the interface's language (the core's words are English)."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QObject

from reader.core.annotations.userdata import ErrorKind, UserDataError


class ErrorText(QObject):
    def save_error(self, exc: BaseException) -> str:
        kind: ErrorKind = exc.kind if isinstance(exc, UserDataError) else "other"
        if kind == "read-only":
            return self.tr("the library's data folder is read-only, so changes cannot be saved")
        if kind == "full":
            return self.tr(
                "the disk holding the library's data is full, so changes cannot be saved"
            )
        if kind == "busy":
            return self.tr("the library's data is in use by another program; try again in a moment")
        return self.tr("changes cannot be saved ({0})").format(exc)

    def read_only(self) -> str:
        return self.tr("the library's data folder cannot be written")


@cache
def _texts() -> ErrorText:
    return ErrorText()


def save_error_text(exc: BaseException) -> str:
    return _texts().save_error(exc)


def read_only_text() -> str:
    return _texts().read_only()
