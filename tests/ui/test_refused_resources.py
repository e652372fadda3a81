"""The reading pane answers every resource it refuses: Qt, answered nothing, would
open the URL itself as a file, on the GUI thread."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from reader.ui.reading.reading_view import ReadingView
from reader.ui.session.article_images import placeholder

KINDS = list(QTextDocument.ResourceType)
REFUSED = ["/dev/zero", "../../../etc/passwd", "file:///dev/zero", "https://example.org/a.png"]


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
@pytest.mark.parametrize("source", REFUSED)
def test_a_refused_resource_is_answered_never_left_to_qt(
    qtbot: QtBot, tmp_path: Path, kind: QTextDocument.ResourceType, source: str
) -> None:
    view = ReadingView()
    qtbot.addWidget(view)
    view.show_article(f'<p><img src="{source}" alt="a pipe"></p>', tmp_path, "", "", {})
    for answer in (view.loadResource(kind.value, QUrl(source)), view.loadResource(kind, source)):
        assert answer is not None
        if kind == QTextDocument.ResourceType.ImageResource:
            assert isinstance(answer, QImage) and not answer.isNull()
    view.show_message("Nothing", "no article")
    assert view.loadResource(kind.value, QUrl(source)) is not None


def test_a_refused_image_shows_its_alt_text_in_a_frame(qtbot: QtBot, tmp_path: Path) -> None:
    view = ReadingView()
    qtbot.addWidget(view)
    view.show_article('<p><img src="/dev/zero" alt="zeros"></p>', tmp_path, "", "", {})
    kind = QTextDocument.ResourceType.ImageResource.value
    shown = view.document().resource(kind, QUrl("/dev/zero"))
    assert isinstance(shown, QImage) and shown.size() == placeholder("zeros").size()
