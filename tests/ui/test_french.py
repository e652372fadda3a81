"""The interface in French, through the real widgets: menus, status, dates, empty states."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from driving import open_article
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar
from pytestqt.qtbot import QtBot

from reader.app import app_settings
from reader.core.annotations.export import ImportReport
from reader.i18n import resolve_language
from reader.ui.library_list.article_model import DATE, EXCERPT_ROLE, TITLE
from reader.ui.prefs.language import SETTING, current_language, install_language
from reader.ui.window import main_window as main_window_module
from reader.ui.window.main_window import MainWindow
from reader.ui.window.status_text import count_text, empty_text

NBSP = "\u00a0"
MALI = "Le Mali a pu renforcer sa sécurité grâce à la Russie, selon Bamako"


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """French from now on; English again afterwards, for the other tests."""
    locale = QLocale()
    assert install_language("fr") == "fr"
    yield
    install_language("en")
    QLocale.setDefault(locale)


@pytest.fixture
def french_window(french: None, window: MainWindow) -> MainWindow:
    return window


def menu_titles(bar: QMenuBar | QMenu) -> list[str]:
    return [action.text() for action in bar.actions()]


def menu_named(bar: QMenuBar | QMenu, title: str) -> QMenu:
    for action in bar.actions():
        if action.text() == title and action.menu() is not None:
            return action.menu()  # type: ignore[return-value]
    raise AssertionError(f"no menu {title!r} in {menu_titles(bar)}")


def titles(window: MainWindow) -> list[str]:
    return [window.model.index(row, TITLE).data() for row in range(window.model.rowCount())]


def test_french_menus(french_window: MainWindow) -> None:
    bar = french_window.menuBar()
    assert menu_titles(bar) == ["&Fichier", "É&dition", "A&rticle", "&Affichage", "A&ide"]
    file_menu = [a.text() for a in menu_named(bar, "&Fichier").actions() if a.text()]
    assert file_menu[0] == "&Ouvrir un dossier…" and file_menu[-1] == "&Quitter"
    edit_menu = [a.text() for a in menu_named(bar, "É&dition").actions() if a.text()]
    assert edit_menu[:2] == ["&Annuler", "&Rétablir"]
    view = menu_named(bar, "&Affichage")
    assert [a.text() for a in view.actions() if a.text()][:5] == [
        "&Revue du jour",
        "&Vues",
        "&Tous les articles",
        "&Non lus",
        "&Favoris (signets)",
    ]
    languages = [a.text() for a in menu_named(view, "&Langue").actions()]
    assert languages == ["Langue du &système", "&English", "&Français"]
    assert french_window.windowTitle() == "library — Article Reader"


def test_french_mnemonics_are_unique_in_every_menu(french_window: MainWindow) -> None:
    def mnemonics(texts: list[str]) -> list[str]:
        keys = []
        for text in texts:
            at = text.replace("&&", "").find("&")
            if at >= 0:
                keys.append(text.replace("&&", "")[at + 1].casefold())
        return keys

    def check(title: str, actions: list) -> None:
        keys = mnemonics([a.text() for a in actions])
        assert len(keys) == len(set(keys)), f"{title}: {[a.text() for a in actions]}"
        for action in actions:
            if action.menu() is not None:
                check(action.text(), list(action.menu().actions()))

    check("menu bar", list(french_window.menuBar().actions()))


def test_french_status_and_list(qtbot: QtBot, french_window: MainWindow) -> None:
    window = french_window
    assert window.count_label.text() == "4 articles"
    model = window.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (TITLE, DATE)] == [
        "Titre",
        "Date",
    ]
    dates = {model.index(r, TITLE).data(): model.index(r, DATE).data() for r in range(4)}
    assert dates[MALI] == "28 juil. 2023"
    assert dates["The harbour at dawn"] == "26 févr. 1987"
    broken = model.index(titles(window).index("broken"), TITLE)
    assert broken.data(EXCERPT_ROLE) == f"Illisible{NBSP}: fichier binaire, pas du texte"
    assert window.search_field.placeholderText() == (
        "Rechercher dans tous les articles  (Ctrl+K ou /)"
    )
    box = window.filter_bar.source_box
    assert box.itemText(0) == "Toute source"
    show = window.filter_bar.show_box
    assert [show.itemText(i) for i in range(show.count())] == [
        "Tous les articles",
        "Non lus",
        "Favoris",
    ]
    box.setCurrentIndex(box.findData("Reuters"))
    assert window.count_label.text() == "1 article affiché sur 4"
    window.filter_bar.show_everything()

    window.search_field.setText("securite")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    assert window.count_label.text() == "1 article sur 4 correspond"
    window.search_field.setText("zanzibar")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=10_000)
    assert window.count_label.text() == "0 article sur 4 correspond"  # French: 0 is singular
    assert window.list_view.placeholder.startswith(
        f"Aucun article ne correspond à «{NBSP}zanzibar{NBSP}»."
    )


def test_french_byline_date(qtbot: QtBot, french_window: MainWindow) -> None:
    open_article(qtbot, french_window, "Le Mali")
    opened = french_window.annotator.opened
    assert opened is not None
    assert opened.byline.startswith("vendredi 28 juillet 2023 · SpunikNews · ")
    assert "min de lecture" in opened.byline
    assert opened.byline in french_window.reading.toPlainText()
    assert french_window.state.read_action.text() == "Marquer comme l&u"


def test_french_empty_library(
    french: None, open_window: Callable[[Path], MainWindow], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    window = open_window(empty)
    assert window.list_view.placeholder.startswith("Aucun article dans ce dossier pour l’instant.")
    assert "Pas encore d’articles ici" in window.reading.toPlainText()
    assert window.count_label.text() == "0 article"


def test_plurals_in_both_languages(french: None) -> None:
    install_language("en")
    assert count_text(1, 1, False, None, False, False) == "1 article"
    assert count_text(2, 2, False, None, False, False) == "2 articles"
    assert count_text(1, 0, False, None, True, False) == "0 of 1 article shown"
    assert count_text(3, 2, True, None, False, True) == (
        "2 of 3 articles match (still indexing: more may match)"
    )
    install_language("fr")
    assert count_text(1, 1, False, None, False, False) == "1 article"
    assert count_text(2, 2, False, None, False, False) == "2 articles"
    assert count_text(3, 2, False, None, True, False) == "2 articles affichés sur 3"
    assert count_text(3, 1, True, None, False, False) == "1 article sur 3 correspond"
    assert count_text(3, 2, True, None, False, False) == "2 articles sur 3 correspondent"
    assert (
        empty_text(3, "", "unread", True, False)
        == f"Aucun article non lu{NBSP}: vous les avez tous lus."
    )


def test_import_summary_in_both_languages(french_window: MainWindow) -> None:
    exports = french_window.exports
    report = ImportReport(added=2, skipped_existing=1, orphans=1)
    assert exports.summary(report) == (
        "2 surlignages importés (1 impossible à placer, 1 déjà présent)"
    )
    install_language("en")
    for added, skipped, orphans in ((1, 0, 0), (2, 1, 1), (0, 3, 0)):
        report = ImportReport(added=added, skipped_existing=skipped, orphans=orphans)
        assert exports.summary(report) == report.summary()  # as the command line says it


def test_the_language_menu_rebuilds_the_window_in_french(
    qtbot: QtBot, qapp: QApplication, window: MainWindow
) -> None:
    locale = QLocale()
    try:
        assert menu_titles(window.menuBar())[0] == "&File"
        open_article(qtbot, window, "Jardins")
        window.language_actions["fr"].trigger()
        [replacement] = list(main_window_module.OPEN_WINDOWS)
        qtbot.addWidget(replacement)
        with qtbot.waitSignal(replacement.session.refresh.done, timeout=15_000):
            pass
        assert not window.isVisible() and replacement.isVisible()
        assert current_language() == "fr"
        assert app_settings().value(SETTING) == "fr"
        assert menu_titles(replacement.menuBar())[0] == "&Fichier"
        assert replacement.language_actions["fr"].isChecked()
        assert replacement.model.rowCount() == 4 and replacement.count_label.text() == "4 articles"
        qtbot.waitUntil(lambda: "Jardins partagés" in replacement.reading.toPlainText())
        current = replacement.current_row()
        assert current is not None and current.title.startswith("Jardins")  # the same article

        replacement.language_actions["system"].trigger()  # the system's language, whatever it is
        expected = resolve_language("system", QLocale.system().name())
        assert current_language() == expected
        assert app_settings().value(SETTING) == "system"
        if expected != "fr":
            assert not replacement.isVisible()
            [english] = list(main_window_module.OPEN_WINDOWS)
            qtbot.addWidget(english)
            with qtbot.waitSignal(english.session.refresh.done, timeout=15_000):
                pass
            assert menu_titles(english.menuBar())[0] == "&File"
        for other in list(main_window_module.OPEN_WINDOWS):
            other.close()
    finally:
        install_language("en")
        QLocale.setDefault(locale)


def test_english_mnemonics_are_unique_in_every_menu(window: MainWindow) -> None:
    def check(title: str, actions: list) -> None:  # type: ignore[type-arg]
        keys = []
        for action in actions:
            text = action.text().replace("&&", "")
            if (at := text.find("&")) >= 0:
                keys.append(text[at + 1].casefold())
            if action.menu() is not None:
                check(action.text(), list(action.menu().actions()))
        assert len(keys) == len(set(keys)), f"{title}: {[a.text() for a in actions]}"

    check("menu bar", list(window.menuBar().actions()))
