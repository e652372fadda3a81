"""A day of reading French news, through the window: subheads in capitals, a Markdown
title said once, phrase snippets on the phrase, highlights never taken for the
selection, quotes not doubled in the panel, and a note's own words when a note is
what the search found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextBlock
from pytestqt.qtbot import QtBot

from reader.core.annotations.annotating import create
from reader.core.articles.formats import parse_file
from reader.ui.library_list.article_model import ID_ROLE, SNIPPET_ROLE, TITLE
from reader.ui.window.main_window import MainWindow
from tests.ui.driving import highlighted_text, open_article, saved, select_words

WAIT_MS = 10_000
TELE = """Téléréalité : la fin d’une époque ?
Publié le vendredi 28 juillet 2023 | SpunikNews

Les chaînes ont longtemps misé sur les émissions de téléréalité.

DE LA TÉLÉRÉALITÉ À LA FICTION ?

Les producteurs se tournent désormais vers les séries.

UN SUCCÈS MONDIAL !

Les audiences ont suivi.
"""
# The reading text of TELE as it has always been: a highlight made on it must still land.
TELE_TEXT = (
    "Téléréalité : la fin d’une époque ?\n"
    "Les chaînes ont longtemps misé sur les émissions de téléréalité.\n"
    "DE LA TÉLÉRÉALITÉ À LA FICTION ?\n"
    "Les producteurs se tournent désormais vers les séries.\n"
    "UN SUCCÈS MONDIAL !\n"
    "Les audiences ont suivi."
)
REPEATED = """---
title: Le Mali et la Russie
date: 2023-07-28
lang: fr
---

# Le Mali et la RUSSIE

Bamako se félicite de la coopération militaire avec Moscou.
"""
URGENCE = """Sécheresse : le préfet réagit
Publié le 3 mars 2021 | Le Courrier

Après l’état de choc des premiers jours, d’autres mesures sont venues. Le préfet d’abord
a parlé d’eau, de récoltes et de l’état des nappes, puis des communes et des éleveurs.

Les communes du sud ont attendu des semaines avant que la sécheresse ne soit reconnue
par l’État. Les éleveurs ont vendu une partie de leurs bêtes faute de fourrage.

Il a fallu la fin du mois pour que l’état d’urgence soit enfin déclaré dans le département.
"""
QUOTED = """Compte rendu du conseil
Publié le 3 mars 2021 | Le Courrier

"Compte tenu de la situation, nous fermons la digue", a dit le maire.
"""


def delta_e(a: QColor, b: QColor) -> float:
    """How far apart two colours look (CIE76: a distance in CIELAB; about 2.3 is the
    least a person notices, and colours read as different from about 30)."""

    def lab(color: QColor) -> tuple[float, float, float]:
        def linear(c: float) -> float:
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (linear(c) for c in (color.redF(), color.greenF(), color.blueF()))
        x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
        y = 0.2126 * r + 0.7152 * g + 0.0722 * b
        z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

        def f(t: float) -> float:
            return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

        return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))

    return float(sum((p - q) ** 2 for p, q in zip(lab(a), lab(b), strict=True)) ** 0.5)


@pytest.fixture
def reading_day(tmp_path: Path, library: Path) -> Path:
    (library / "tele.txt").write_text(TELE, encoding="utf-8")
    (library / "repeated.md").write_text(REPEATED, encoding="utf-8")
    (library / "urgence.txt").write_text(URGENCE, encoding="utf-8")
    (library / "quoted.txt").write_text(QUOTED, encoding="utf-8")
    return library


@pytest.fixture
def day_window(open_window: Callable[[Path], MainWindow], reading_day: Path) -> MainWindow:
    return open_window(reading_day)


def article_id(window: MainWindow, title_start: str) -> int:
    for row in range(window.model.rowCount()):
        if window.model.index(row, 0).data().startswith(title_start):
            return int(window.model.index(row, 0).data(ID_ROLE))
    raise AssertionError(f"no article titled {title_start!r}")


def block_of(window: MainWindow, words: str) -> QTextBlock:
    found = window.reading.document().find(words)
    assert not found.isNull(), f"{words!r} is not shown"
    return found.block()


def search(qtbot: QtBot, window: MainWindow, query: str) -> str:
    """Search as the reader types, and the first hit's snippet once the list has it."""
    with qtbot.waitSignal(window.session.search.snippets_ready, timeout=WAIT_MS):
        window.search_field.setText(query)
    return str(window.model.index(0, TITLE).data(SNIPPET_ROLE))


def test_a_subhead_in_capitals_is_a_heading_and_an_old_highlight_on_it_still_lands(
    qtbot: QtBot, day_window: MainWindow, reading_day: Path
) -> None:
    window = day_window
    open_article(qtbot, window, "Le Mali")  # not the article the highlight is put on
    userdata = window.session.userdata
    assert userdata is not None
    start = TELE_TEXT.index("TÉLÉRÉALITÉ À LA FICTION")
    fingerprint = parse_file(reading_day, "tele.txt").fingerprint
    old = create(article_id(window, "Téléréalité"), TELE_TEXT, start, start + 24, "blue",
                 fingerprint=fingerprint)  # fmt: skip
    userdata.save(old)
    open_article(qtbot, window, "Téléréalité")
    for subhead in ("DE LA TÉLÉRÉALITÉ À LA FICTION", "UN SUCCÈS MONDIAL"):
        assert block_of(window, subhead).blockFormat().headingLevel() == 2, subhead
    assert block_of(window, "Les producteurs").blockFormat().headingLevel() == 0
    assert highlighted_text(window) == ["TÉLÉRÉALITÉ À LA FICTION"]
    assert saved(window) == [old]  # found where it was: nothing moved, nothing to save
    # and a new highlight on the heading comes back on the same words
    select_words(window, "SUCCÈS MONDIAL")
    window.annotator.highlight_selection("green")
    open_article(qtbot, window, "Le Mali")
    open_article(qtbot, window, "Téléréalité")
    assert highlighted_text(window) == ["TÉLÉRÉALITÉ À LA FICTION", "SUCCÈS MONDIAL"]


def test_a_markdown_title_repeated_by_its_first_heading_is_shown_once(
    qtbot: QtBot, day_window: MainWindow
) -> None:
    open_article(qtbot, day_window, "Le Mali et la Russie")
    shown = day_window.reading.document().toPlainText().casefold()
    assert shown.count("le mali et la russie") == 1
    assert "bamako se félicite" in shown


def test_a_phrase_search_shows_and_marks_the_phrase_not_its_words_elsewhere(
    qtbot: QtBot, day_window: MainWindow
) -> None:
    snippet = search(qtbot, day_window, '"état d\'urgence"')
    assert [day_window.model.index(0, TITLE).data()] == ["Sécheresse : le préfet réagit"]
    assert "<mark>état d’urgence</mark>" in snippet
    assert snippet.count("<mark>") == 1  # not "état de choc", "l’État", a stray "d’"
    # the article itself marks the phrase, once
    open_article(qtbot, day_window, "Sécheresse")
    qtbot.waitUntil(lambda: len(day_window.reading.hits.cursors) == 1, timeout=WAIT_MS)
    assert day_window.reading.hits.cursors[0].selectedText() == "état d’urgence"


@pytest.mark.parametrize("theme", ["light", "sepia", "dark"])
def test_no_highlight_colour_looks_like_the_selection(
    qtbot: QtBot, day_window: MainWindow, theme: str
) -> None:
    window = day_window
    window.controls.choose("theme", theme)
    open_article(qtbot, window, "Le Mali a pu")
    colours = ("yellow", "green", "blue", "pink", "purple")
    for colour, words in zip(colours, ("L’aide", "de Moscou", "a été", "précieuse", "au Mali"),
                             strict=True):  # fmt: skip
        select_words(window, words)
        window.annotator.highlight_selection(colour)
    select_words(window, "lutte contre le terrorisme")  # the selection, side by side
    palette = window.reading.palette()
    selection = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    panel = window.panel
    for row in range(panel.list.count()):
        item = panel.list.item(row)  # clicked in the panel: drawn deeper, still no selection
        rect = panel.list.visualItemRect(item)
        qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        for drawn in window.reading._layers["highlights"]:
            fill = drawn.format.background().color()
            assert delta_e(fill, selection) >= 35, (theme, fill.name(), selection.name())


def test_a_quote_selected_with_its_quote_marks_is_not_quoted_twice_in_the_panel(
    qtbot: QtBot, day_window: MainWindow
) -> None:
    window = day_window
    open_article(qtbot, window, "Le Mali a pu")
    select_words(window, "«\u202fNous avons pu renforcer nos forces armées\u202f»")  # French
    window.annotator.highlight_selection("yellow")
    assert window.panel.list.item(0).text().split("\n")[0] == (
        "“Nous avons pu renforcer nos forces armées”"
    )
    open_article(qtbot, window, "Compte rendu")
    select_words(window, '"Compte tenu de la situation')  # opened, closed further on
    window.annotator.highlight_selection("yellow")
    assert window.panel.list.item(0).text().split("\n")[0] == '"Compte tenu de la situation'


def test_a_hit_found_by_a_note_shows_the_notes_words_marked(
    qtbot: QtBot, day_window: MainWindow
) -> None:
    window = day_window
    open_article(qtbot, window, "Le Mali a pu")
    select_words(window, "renforcer sa sécurité")
    window.annotator.highlight_selection("yellow")
    [highlight] = saved(window)
    note = "Worth checking against the defence ministry figures, and the budget lines too"
    window.annotator.set_note(highlight.id, note)
    line = search(qtbot, window, "ministry")
    assert "<mark>ministry</mark>" in line and "defence" in line
    assert "renforcer" not in line  # the note's words, not the quote
    line = search(qtbot, window, "in:notes sécurité")  # found in the quote: the quote
    assert "<mark>sécurité</mark>" in line and "renforcer" in line and "ministry" not in line
