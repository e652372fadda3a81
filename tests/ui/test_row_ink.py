"""Each row of the list is painted inside its own rect: long French titles over two lines,
then source · date · #tags and the opening (or the search snippet), at 1024×600 and
1920×1080, with the list's font enlarged, searching or not. What is checked is what the
delegate paints: no ink above or below the row, and the hit's mark inside it.

Also the tags in the row's muted line (the file's and the reader's own)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reader.ui.library_list import snippet_delegate
from reader.ui.library_list.article_model import ID_ROLE, TITLE
from reader.ui.window.main_window import MainWindow

TITLES = (
    "La réforme des retraites divise profondément les syndicats et le gouvernement à"
    " l’approche de l’hiver",
    "Comment les bibliothèques municipales réinventent leur rôle dans les quartiers"
    " populaires de Marseille",
    "Les agriculteurs bretons face à la sécheresse : témoignages et solutions pour"
    " l’avenir des exploitations",
    "Énergie : la France mise sur le nucléaire et l’éolien en mer pour atteindre la"
    " neutralité carbone",
    "Santé mentale des étudiants : les universités débordées par les demandes d’accompagnement",
    "Quand les vignerons bordelais arrachent leurs vignes pour survivre à la crise du"
    " marché du vin",
)
BODY = (
    "Le gouvernement a présenté mardi un projet ambitieux qui suscite déjà de nombreuses"
    " réactions parmi les élus locaux, les associations et les citoyens concernés. "
) * 5
MARK = QColor("#fde68a")


@pytest.fixture
def french(tmp_path: Path) -> Path:
    root = tmp_path / "presse"
    root.mkdir()
    for n, title in enumerate(TITLES):
        (root / f"article_{n}.md").write_text(
            f'---\ntitle: "{title}"\ndate: 2024-03-1{n}\nsource: Le Monde diplomatique\n'
            f"lang: fr\ntags: [politique, longue lecture]\n---\n\n{BODY}\n",
            "utf-8",
        )
    return root


def paint_row(window: MainWindow, row: int) -> tuple[QImage, QRect]:
    """The row painted by the list's delegate alone, with a row's height of room above
    and below it (transparent): returns the image and where the row is in it."""
    view = window.list_view
    index = window.model.index(row, TITLE)
    rect = view.visualRect(index)
    room = QRect(0, rect.height(), rect.width(), rect.height())
    image = QImage(rect.width(), 3 * rect.height(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = room
    painter = QPainter(image)
    try:
        view.itemDelegate().paint(painter, option, index)
    finally:
        painter.end()
    return image, room


def ink_outside(image: QImage, room: QRect) -> bool:
    blank = QImage(image.width(), room.top(), image.format())
    blank.fill(Qt.GlobalColor.transparent)
    above = image.copy(0, 0, image.width(), room.top())
    below = image.copy(0, room.bottom() + 1, image.width(), room.top())
    return above != blank or below != blank


def shows(image: QImage, room: QRect, colour: QColor) -> bool:
    return any(
        image.pixelColor(x, y) == colour
        for y in range(room.top(), room.bottom() + 1)
        for x in range(room.left(), room.right() + 1, 2)
    )


def lower_half_inked(image: QImage, room: QRect) -> bool:
    """Something is written in the row's lower half (the muted lines): text, not blank."""
    top = room.center().y()
    base = image.pixelColor(room.left() + 1, room.top() + 1)
    return any(
        abs(image.pixelColor(x, y).lightness() - base.lightness()) > 40
        for y in range(top, room.bottom() + 1)
        for x in range(room.left(), room.right() + 1, 2)
    )


def check_rows(window: MainWindow, searching: bool) -> None:
    model = window.model
    assert model.rowCount() == len(TITLES)
    for row in range(model.rowCount()):
        image, room = paint_row(window, row)
        title = model.index(row, TITLE).data()
        assert not ink_outside(image, room), f"row {row} paints outside its rect: {title}"
        assert lower_half_inked(image, room), f"row {row} shows no muted line: {title}"
        if searching:
            assert shows(image, room, MARK), f"the hit of row {row} is not shown: {title}"


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
@pytest.mark.parametrize("enlarged", [False, True])
def test_every_row_paints_inside_its_rect_searching_or_not(
    qtbot: QtBot,
    open_window: Callable[[Path], MainWindow],
    french: Path,
    size: tuple[int, int],
    enlarged: bool,
) -> None:
    window = open_window(french)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0] or window.width() < size[0])
    if enlarged:
        font = window.list_view.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)  # as a reader who needs it bigger
        window.list_view.setFont(font)
    check_rows(window, searching=False)
    with qtbot.waitSignal(window.session.search.snippets_ready, timeout=10_000):
        window.search_field.setText("gouvernement")
    qtbot.waitUntil(lambda: window.model.rowCount() == len(TITLES))
    check_rows(window, searching=True)
    window.search_field.clear()
    check_rows(window, searching=False)


def test_rows_show_their_tags_the_file_s_and_the_reader_s(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], french: Path
) -> None:
    window = open_window(french)
    index = window.model.index(0, TITLE)
    about = snippet_delegate.muted_text(index)
    assert about.startswith("Le Monde diplomatique · ")
    assert "#politique · #longue lecture" in about
    window.state.add_tag(index.data(ID_ROLE), "à relire")
    qtbot.waitUntil(lambda: "#à relire" in snippet_delegate.muted_text(window.model.index(0, 0)))
