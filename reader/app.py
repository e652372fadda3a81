"""Composition root of the window: arguments, QApplication, settings, the main window."""

from __future__ import annotations

import argparse
import sys
from importlib.resources import files
from pathlib import Path
from typing import cast

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.core.catalog.paths import data_home


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="article-reader",
        description="Read a folder of articles. Headless commands: "
        "'article-reader list --help', 'article-reader search --help'.",
    )
    parser.add_argument("folder", nargs="?", type=Path, help="the library folder (default: "
                        "the library used last, the bundled sample library the first time), "
                        "or an article file: shown in your library that holds it, else in a "
                        "reading window of its own, your library left as it was")  # fmt: skip
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def app_settings() -> QSettings:
    """Settings in our own data folder (so ARTICLE_READER_HOME isolates tests too)."""
    return QSettings(str(data_home() / "settings.ini"), QSettings.Format.IniFormat)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    from reader.ui.window.launch import open_first_window

    app = cast(QApplication, QApplication.instance()) or QApplication([sys.argv[0], *argv])
    app.setApplicationName("Article Reader")
    app.setOrganizationName("article-reader")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("article-reader")
    app.setWindowIcon(QIcon(str(files("reader.resources").joinpath("article-reader.svg"))))
    from reader.ui.prefs.language import chosen_language, install_language

    settings = app_settings()
    install_language(chosen_language(settings))
    window = open_first_window(args.folder, settings)
    if window is None:  # a running instance took the folder or article: nothing else to do
        return 0
    window.show()
    return int(app.exec())
