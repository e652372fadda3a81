"""A big library's list shows its newest rows first, then every row: nothing is missing,
the order is the list's own, and the article a library was left on is shown again."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.core.catalog.store import CatalogRow
from reader.ui.library_list.article_model import ID_ROLE, TITLE, ArticleListModel
from reader.ui.session import row_pages
from reader.ui.session.row_pages import MoreRows
from reader.ui.window.main_window import MainWindow


def row(article_id: int, date: str, source: str = "", tags: tuple[str, ...] = ()) -> CatalogRow:
    title = f"Day {date}"
    return CatalogRow(article_id, f"{article_id}.txt", title, date, source, "en", 9, None, tags)


ALL = [row(n, f"2024-01-{n:02d}", f"Source {n % 3}", (f"t{n % 4}",)) for n in range(1, 29)]


class Catalog:
    """The catalog as a first page's list sees it (see ``row_pages.CatalogReader``)."""

    def row_by_path(self, path: str) -> CatalogRow | None:
        return next((r for r in ALL if r.path == path), None)

    def sources(self) -> set[str]:
        return {r.source for r in ALL}

    def file_tags(self) -> set[str]:
        return {tag for r in ALL for tag in r.tags}


def ids(model: ArticleListModel) -> list[int]:
    return [model.index(n, TITLE).data(ID_ROLE) for n in range(model.rowCount())]


def test_a_first_page_then_every_row_in_the_list_order(qtmodeltester: ModelTester) -> None:
    model = ArticleListModel()
    more = MoreRows(Catalog(), len(ALL))
    newest = sorted(ALL, key=lambda r: r.date or "", reverse=True)[:5]
    model.reset_rows([*newest, more])
    qtmodeltester.check(model)
    assert ids(model) == [28, 27, 26, 25, 24]
    assert model.total() == 28  # the count says every article from the start
    assert model.sources() == ["Source 0", "Source 1", "Source 2"]
    assert model.all_tags() == ["t0", "t1", "t2", "t3"]
    left_on = model.id_of_path("3.txt")  # an older article, not in the page
    assert left_on == 3 and ids(model) == [28, 27, 26, 25, 24, 3]
    more.arrived.emit(list(ALL))
    assert ids(model) == list(range(28, 0, -1))  # all of them, newest first
    assert model.total() == 28 and model.id_of_path("nowhere.txt") is None
    qtmodeltester.check(model)


@pytest.fixture
def paged(monkeypatch: pytest.MonkeyPatch) -> None:
    """Libraries of 10 articles or more open with a page of 4: as 100,000 would."""
    monkeypatch.setattr(row_pages, "PAGED_FROM", 10)
    monkeypatch.setattr(row_pages, "FIRST_PAGE", 4)


def test_a_relaunch_lists_every_article_and_shows_the_one_left_on(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, paged: None
) -> None:
    root = tmp_path / "big"
    root.mkdir()
    for n in range(1, 16):
        text = f"---\ntitle: Article {n}\ndate: 2020-02-{n:02d}\n---\n\nBody {n}.\n"
        (root / f"a{n:02d}.md").write_text(text, encoding="utf-8")
    window = open_window(root)  # the first launch builds the catalog
    qtbot.waitUntil(lambda: window.model.id_of_path("a02.md") is not None, timeout=30_000)
    window.open_article(window.model.id_of_path("a02.md") or -1)
    # Shown, not only asked for: the window remembers the article it shows when it closes
    # (at launch it already shows another one, so "some row is current" proves nothing).
    qtbot.waitUntil(lambda: getattr(window.current_row(), "path", "") == "a02.md")
    window.close()
    pages: list[int] = []
    again = MainWindow(root, window.settings)
    qtbot.addWidget(again)
    again.session.opened.connect(lambda rows: pages.append(again.model.rowCount()))
    with qtbot.waitSignal(again.session.refresh.done, timeout=30_000):
        again.show()
    assert pages == [5]  # the newest four, and the article left on
    titles = [again.model.index(n, TITLE).data() for n in range(again.model.rowCount())]
    assert titles == [f"Article {n}" for n in range(15, 0, -1)]
    qtbot.waitUntil(lambda: again.list_view.currentIndex().data() == "Article 2", timeout=30_000)


def test_a_relaunch_lists_the_newest_from_the_catalog_before_the_library_opens(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], tmp_path: Path, paged: None
) -> None:
    """The list shows before the library's own modules (search, parsers) have loaded:
    the newest rows come from the catalog alone, then the library opens behind them."""
    root = tmp_path / "big"
    root.mkdir()
    for n in range(1, 16):
        text = f"---\ntitle: Article {n}\ndate: 2020-02-{n:02d}\n---\n\nBody {n}.\n"
        (root / f"a{n:02d}.md").write_text(text, encoding="utf-8")
    first = open_window(root)  # the first launch builds the catalog
    first.close()
    again = MainWindow(root, first.settings)
    qtbot.addWidget(again)
    shown: list[tuple[list[str], bool]] = []

    def listed() -> None:
        model = again.model
        titles = [model.index(n, TITLE).data() for n in range(model.rowCount())]
        shown.append((titles, again.session.is_open))

    again.model.modelReset.connect(listed)
    with qtbot.waitSignal(again.session.refresh.done, timeout=30_000):
        again.show()
    newest = [f"Article {n}" for n in range(15, 11, -1)]
    assert shown[0] == (newest, False)  # listed, the library not open yet
    assert shown[-1] == ([f"Article {n}" for n in range(15, 0, -1)], True)
    assert again.model.total() == 15
