"""The status bar's count (how many articles, how many match, what a filter shows) and
what the list says when it is empty.

What the core noticed about the catalog (another program changed its files) is said
once in the status bar (:func:`watch_catalog_notice`).

English plurals are chosen here (the English text needs no translation file);
other languages get theirs from the numerus forms of their ``.ts`` (``%n``). The
texts are methods of a QObject because lupdate only sees plurals in ``self.tr``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from reader.core.annotations.userdata import UserData
from reader.ui.library_list.article_list import ArticleList
from reader.ui.library_list.article_model import ArticleListModel
from reader.ui.plain_text import plain_label
from reader.ui.session.error_text import notice_text
from reader.ui.session.library_session import LibrarySession, progress_text
from reader.ui.triage.views import TriagedListModel

if TYPE_CHECKING:
    from reader.core.operations import SearchResults


class RefreshProgress:
    """The status bar's right end: what a refresh of the library is doing, and how far."""

    def __init__(self, bar: QStatusBar) -> None:
        self.label = plain_label(QLabel())  # it may name files
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.bar.setTextVisible(False)
        self.bar.hide()
        bar.addPermanentWidget(self.label)
        bar.addPermanentWidget(self.bar)

    def show_progress(self, done: int, total: int, message: str) -> None:
        self.label.setText(progress_text(message))
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:
            self.bar.setRange(0, 0)  # busy, amount unknown
        self.bar.show()

    def finished(self, unavailable: str) -> None:
        """The refresh is done; ``unavailable`` says why the folder cannot be read ("")."""
        self.bar.hide()
        self.label.setText(unavailable)


NOTICE_LOOK_MS = 1000  # how often the catalog's notice is looked at (an attribute read)


def watch_catalog_notice(
    parent: QObject, session: LibrarySession, say: Callable[[str], None]
) -> QTimer:
    """Tells the reader, once, what the core noticed about the catalog (its files were
    changed by another program and it was reopened): the notice is set on whichever
    thread read or wrote the catalog then, so it is looked at here, on a timer."""
    said: WeakKeyDictionary[UserData, str] = WeakKeyDictionary()  # per library opened

    def look() -> None:
        userdata = session.userdata
        if userdata is not None and userdata.notice and said.get(userdata) != userdata.notice:
            said[userdata] = userdata.notice
            say(notice_text(userdata.notice))

    timer = QTimer(parent)
    timer.setInterval(NOTICE_LOOK_MS)
    timer.timeout.connect(look)
    timer.start()
    return timer


def show_count(
    count_label: QLabel,
    list_view: ArticleList,
    model: ArticleListModel,
    session: LibrarySession,
    query: str,
    results: SearchResults | None,
) -> None:
    """The status bar's count, and what the list says when it is empty (``query`` and
    ``results``: the search the list shows, if any)."""
    searching = model.searching
    view = model.view if isinstance(model, TriagedListModel) else "unarchived"
    filtered = model.filter[0] != "all" or any(model.filter[1:])
    filtered = filtered or (isinstance(model, TriagedListModel) and model.view_hides)
    count_label.setText(
        count_text(
            model.total(),
            model.rowCount(),
            searching,
            results if searching else None,
            filtered,
            searching and (session.refresh.running or bool(results and results.while_indexing)),
        )
    )
    kind, tag, source = model.filter
    if not searching and not tag and not source and kind == "all" and view != "unarchived":
        list_view.set_placeholder(_texts().empty_view(view))
        return
    list_view.set_placeholder(
        empty_text(
            model.total(),
            query if searching else "",
            kind,
            filtered,
            session.refresh.running or not session.is_open,
            tag,
            source,
        )
    )


def count_text(
    total: int,
    shown: int,
    searching: bool,
    results: SearchResults | None,
    filtered: bool,
    refreshing: bool,
) -> str:
    return _texts().count(total, shown, searching, results, filtered, refreshing)


def empty_text(
    total: int,
    query: str,
    kind: str,
    filtered: bool,
    refreshing: bool,
    tag: str = "",
    source: str = "",
) -> str:
    """What an empty list says: why it is empty, and what to do (``tag``, ``source``: the
    filter's, "" for any)."""
    return _texts().empty(total, query, kind, filtered, refreshing, tag, source)


@cache
def _texts() -> StatusText:
    return StatusText()


class StatusText(QObject):
    def count(
        self,
        total: int,
        shown: int,
        searching: bool,
        results: SearchResults | None,
        filtered: bool,
        refreshing: bool,
    ) -> str:
        if not searching:
            if not filtered:
                return self.tr("1 article") if total == 1 else self.tr("%n articles", "", total)
            if total == 1:
                return self.tr("%n of 1 article shown", "", shown)
            return self.tr("%n of {0} articles shown", "", shown).format(total)
        if results is None:
            text = self._matching(shown, total, estimated=False)
        else:
            text = self._matching(results.total, total, results.estimated)
            if results.total > len(results.hits):
                text += self.tr(", the best %n shown", "", len(results.hits))
            if filtered:
                text += self.tr(", %n after the filter", "", shown)
            if results.left_out:
                text += self.tr(" — left out: {0}").format(", ".join(results.left_out))
        if refreshing:
            text += self.tr(" (still indexing: more may match)")
        return text

    def _matching(self, matching: int, total: int, estimated: bool) -> str:
        """ "3 of 4 articles match" (or "about 3…"): the plural follows the library's size."""
        if total == 1:
            if estimated:
                return self.tr("about %n of 1 article match", "", matching)
            return self.tr("%n of 1 article match", "", matching)
        if estimated:
            return self.tr("about %n of {0} articles match", "", matching).format(total)
        return self.tr("%n of {0} articles match", "", matching).format(total)

    def empty(
        self,
        total: int,
        query: str,
        kind: str,
        filtered: bool,
        refreshing: bool,
        tag: str = "",
        source: str = "",
    ) -> str:
        if total == 0:
            if refreshing:
                return self.tr("Looking for articles…")
            return self.tr(
                "No articles in this folder yet.\nAdd .txt or .md files to it and they appear"
                " here at once, or open another folder (Ctrl+O)."
            )
        if query and filtered:  # the search may match what the filter hides
            return (
                self.tr("No articles shown match “{0}”.").format(query)
                + "\n"
                + self._hidden(kind, tag, source)
            )
        if query:
            return self.tr(
                "No articles match “{0}”.\nCheck the spelling, use fewer words,"
                " or look in your notes with in:notes."
            ).format(query)
        if tag or source:
            return (
                self.tr("No articles match this filter.") + "\n" + self._hidden(kind, tag, source)
            )
        if kind == "starred":
            return self.tr(
                "No starred articles yet.\nPress Ctrl+D (or S) to star the article you are reading."
            )
        if kind == "unread":
            return self.tr("Nothing unread: you have read every article here.")
        if filtered:
            return self.tr("No articles match this filter.")
        return ""

    def empty_view(self, view: str) -> str:
        """What an empty Inbox, Later or Archive says."""
        if view == "later":
            return self.tr(
                "Nothing in Later.\nPress L on an article to put it in your reading queue."
            )
        if view == "archive":
            return self.tr("Nothing archived.\nPress E on an article you are done with.")
        return self.tr("The inbox is empty: every article is in Later or in the Archive.")

    def _hidden(self, kind: str, tag: str, source: str) -> str:
        """What the filter is, that it hides the rest, and how to see everything."""
        parts = {"unread": self.tr("unread"), "starred": self.tr("starred")}
        shown = [parts[kind]] if kind in parts else []
        if tag:
            shown.append(self.tr("tag “{0}”").format(tag))
        if source:
            shown.append(self.tr("source “{0}”").format(source))
        return self.tr(
            "The filter ({0}) hides the rest of the library: choose “All articles”,"
            " “Any tag” and “Any source” above the list to see every article."
        ).format(", ".join(shown))
