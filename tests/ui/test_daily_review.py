"""A whole daily review by keyboard alone: Ctrl+Shift+R opens it, one key answers each
highlight and the next comes, Ctrl+Z takes an answer back, E edits the note, O opens
the article at the passage and Back (Alt+Left) returns to the review where it was."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.review.daily import ReviewDeck
from reader.ui.window.main_window import MainWindow
from tests.ui.driving import open_article, saved, select_words, settle

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
PASSAGES = [
    ("Le Mali", "renforcer sa sécurité"),
    ("Le Mali", "lutte contre le terrorisme"),
    ("The harbour at dawn", "Fishing boats left the harbour"),
]


def highlight_passages(qtbot: QtBot, window: MainWindow) -> None:
    for title, words in PASSAGES:
        open_article(qtbot, window, title)
        select_words(window, words)
        qtbot.keyClick(window.reading, Qt.Key.Key_H, CTRL)
    assert len(saved(window)) == len(PASSAGES)


def deck(window: MainWindow) -> ReviewDeck:
    window.tasks.wait_idle()
    userdata = window.session.userdata
    assert userdata is not None
    return ReviewDeck(userdata)


def open_review(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.keyClick(window.reading, Qt.Key.Key_R, CTRL | SHIFT)
    assert window.review.showing
    qtbot.waitUntil(lambda: window.review.deck.loaded)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.review.page)


def test_a_whole_review_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    highlight_passages(qtbot, window)
    open_review(qtbot, window)
    page, review = window.review.page, window.review.deck
    assert len(review.items) == 3 and review.at == 0
    assert page.progress.text() == "3 left today"
    first = review.items[0]
    assert page.card.quote.text() == first.quote
    assert first.title in page.card.source.text()

    shown_before = window.annotator.opened
    qtbot.keyClick(page, Qt.Key.Key_J)  # the reader keys are off: no article moves
    qtbot.keyClick(page, Qt.Key.Key_K)  # K is the review's: keep
    assert review.at == 1 and review.items[0].answered == "keep"
    assert page.progress.text() == "2 left today"
    assert window.annotator.opened is shown_before
    record = deck(window).record(first.annotation_id)
    assert record is not None and record.due > date.today()

    qtbot.keyClick(page, Qt.Key.Key_Z, CTRL)  # the answer taken back, saved so
    assert review.items[0].answered is None
    assert deck(window).record(first.annotation_id) is None
    qtbot.keyClick(page, Qt.Key.Key_S)  # sooner, then the next
    assert review.at == 1
    assert deck(window).progress(date.today()).done == 1

    qtbot.keyClick(page, Qt.Key.Key_E)  # a note for the second, typed in place
    assert QApplication.focusWidget() is page.card.note
    qtbot.keyClicks(page.card.note, "Mkm")  # letters typed are text, not answers
    qtbot.keyClick(page.card.note, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is page
    second = review.items[1]
    assert second.answered is None
    settle(qtbot, window)
    assert next(a for a in saved(window) if a.id == second.annotation_id).note == "Mkm"

    qtbot.keyClick(page, Qt.Key.Key_O)  # the article, at the passage
    assert not window.review.showing
    qtbot.waitUntil(lambda: (window.annotator.opened or shown_before).id == second.article_id)
    qtbot.waitUntil(lambda: window.panel.list.currentItem() is not None)
    qtbot.keyClick(window.reading, Qt.Key.Key_Left, ALT)  # Back: the review, where it was
    assert window.review.showing and review.at == 1

    qtbot.keyClick(page, Qt.Key.Key_M)  # mastered
    qtbot.keyClick(page, Qt.Key.Key_N)  # skip: nothing changes, but it is answered today
    assert [item.answered for item in review.items] == ["sooner", "mastered", "skip"]
    qtbot.waitUntil(lambda: page.progress.text() == "All done today · 1-day streak")
    assert page.empty.isVisible() and "Done for today" in page.empty.text()

    qtbot.keyClick(page, Qt.Key.Key_Escape)  # back to reading; the reader keys again
    assert not window.review.showing
    assert window.navigation.next_action.isEnabled()


def test_the_review_with_no_highlights_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    open_article(qtbot, window, "Le Mali")
    open_review(qtbot, window)
    page = window.review.page
    assert page.empty.isVisible() and "Ctrl+H" in page.empty.text()
    assert not page.answer_buttons["keep"].isEnabled()
