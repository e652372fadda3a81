"""The list model and its proxy obey Qt's model contract, through live changes too."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester

from reader.core.store import CatalogRow
from reader.ui.article_model import DATE, ID_ROLE, TITLE, ArticleFilterProxy, ArticleListModel


def row(article_id: int, title: str, date: str | None, source: str = "") -> CatalogRow:
    return CatalogRow(article_id, f"{article_id}.txt", title, date, source, "fr", 100, None)


ROWS = [
    row(1, "Bamako", "2023-07-28", "SpunikNews"),
    row(2, "Harbour", "1987-02-26", "Reuters"),
    row(3, "Undated", None),
    row(4, "Village", "1860", "ELTeC"),
]


def test_model_and_proxy_pass_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ArticleListModel()
    model.reset_rows(ROWS)
    qtmodeltester.check(model)
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(DATE)
    qtmodeltester.check(proxy)
    # Live changes while the tester watches: an insert, an update, a removal.
    model.apply([row(5, "New", "2024-01-01"), row(2, "Harbour at dusk", "1987-02-26")], [3])
    proxy.set_hits([2, 1])
    proxy.set_hits(None)
    assert model.rowCount() == 4


def test_proxy_sorts_by_date_newest_first_and_undated_last() -> None:
    model = ArticleListModel()
    model.reset_rows(ROWS)
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(DATE, order=proxy.sortOrder().DescendingOrder)
    titles = [proxy.index(r, TITLE).data() for r in range(proxy.rowCount())]
    assert titles == ["Bamako", "Harbour", "Village", "Undated"]


def test_hits_are_shown_alone_in_relevance_order() -> None:
    model = ArticleListModel()
    model.reset_rows(ROWS)
    proxy = ArticleFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(DATE)
    proxy.set_hits([4, 2])  # relevance order, unlike date order
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [4, 2]
    proxy.set_hits(None)
    assert proxy.rowCount() == 4


def test_a_year_only_date_is_shown_as_the_year() -> None:
    model = ArticleListModel()
    model.reset_rows(ROWS)
    assert model.index(3, DATE).data() == "1860"
    assert model.index(0, DATE).data() == "2023-07-28"
