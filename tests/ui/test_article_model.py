"""The list model obeys Qt's model contract, sorts, filters to hits, and follows changes."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester

from reader.core.catalog.store import CatalogRow
from reader.ui.library_list.article_model import (
    DATE,
    EXCERPT_ROLE,
    ID_ROLE,
    SOURCE,
    TITLE,
    ArticleListModel,
)


def row(article_id: int, title: str, date: str | None, source: str = "") -> CatalogRow:
    return CatalogRow(article_id, f"{article_id}.txt", title, date, source, "fr", 100, None)


ROWS = [
    row(1, "Bamako", "2023-07-28", "SpunikNews"),
    row(2, "Harbour", "1987-02-26", "Reuters"),
    row(3, "Undated", None),
    row(4, "Village", "1860", "ELTeC"),
]


def model_with_rows() -> ArticleListModel:
    model = ArticleListModel()
    model.reset_rows(ROWS)
    return model


def titles(model: ArticleListModel) -> list[str]:
    return [model.index(r, TITLE).data() for r in range(model.rowCount())]


def test_the_model_passes_the_model_tester_through_live_changes(
    qtmodeltester: ModelTester,
) -> None:
    model = model_with_rows()
    qtmodeltester.check(model)
    model.apply([row(5, "New", "2024-01-01"), row(2, "Harbour at dusk", "1987-02-26")], [3])
    model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    model.set_hits([2, 1])
    model.set_hits(None)
    assert model.rowCount() == 4


def test_newest_first_by_default_and_undated_last() -> None:
    assert titles(model_with_rows()) == ["Bamako", "Harbour", "Village", "Undated"]


def test_sorting_by_title_and_by_source() -> None:
    model = model_with_rows()
    model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(model) == ["Bamako", "Harbour", "Undated", "Village"]
    model.sort(SOURCE, Qt.SortOrder.AscendingOrder)
    assert titles(model)[1:] == ["Village", "Harbour", "Bamako"]  # "", ELTeC, Reuters, Spunik


def test_hits_are_shown_alone_in_relevance_order_and_a_header_click_sorts_them() -> None:
    model = model_with_rows()
    model.set_hits([4, 2])  # relevance order, unlike date order
    assert [model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())] == [4, 2]
    assert model.relevance_order and model.total() == 4
    model.sort(DATE, Qt.SortOrder.DescendingOrder)  # "by date, on request"
    assert titles(model) == ["Harbour", "Village"]
    model.set_hits(None)
    assert model.rowCount() == 4 and not model.searching


def test_live_changes_keep_the_current_row_on_its_article() -> None:
    model = model_with_rows()
    harbour = QPersistentModelIndex(model.index(titles(model).index("Harbour"), TITLE))
    model.apply([row(5, "Newest", "2025-01-01")], [1])  # one above it goes, one comes
    assert harbour.data() == "Harbour"
    assert titles(model) == ["Newest", "Harbour", "Village", "Undated"]
    model.apply([row(2, "Harbour", "2026-01-01")], [])  # edited: its date moves it to the top
    assert harbour.row() == 0 and harbour.data() == "Harbour"


def test_new_articles_outside_a_search_stay_hidden_until_it_ends() -> None:
    model = model_with_rows()
    model.set_hits([1])
    model.apply([row(9, "Unrelated", "2025-05-05")], [])
    assert titles(model) == ["Bamako"]
    model.set_hits(None)
    assert "Unrelated" in titles(model)


def test_a_year_only_date_is_shown_as_the_year() -> None:
    model = model_with_rows()
    assert model.index(titles(model).index("Village"), DATE).data() == "1860"
    assert model.index(0, DATE).data() == "28 Jul 2023"  # in the interface's language


def test_the_source_filter_keeps_one_source_whatever_its_case(
    qtmodeltester: ModelTester,
) -> None:
    model = model_with_rows()
    model.apply([row(5, "Harbour again", "2024-01-01", "reuters")], [])
    assert model.sources() == ["ELTeC", "Reuters", "SpunikNews"]  # once each, sorted
    model.set_filter("all", source="REUTERS")
    assert model.filter == ("all", "", "REUTERS")
    assert titles(model) == ["Harbour again", "Harbour"]
    qtmodeltester.check(model)
    model.set_state(2, read=True)
    model.set_filter("unread", source="Reuters")  # with the other filters
    assert titles(model) == ["Harbour again"]
    model.apply([row(6, "A new Reuters story", "2025-01-01", "Reuters")], [])
    model.apply([row(7, "Not theirs", "2025-01-01", "AFP")], [])
    assert titles(model) == ["A new Reuters story", "Harbour again"]  # the newcomer, in order
    model.set_filter("all")
    assert model.filter == ("all", "", "") and model.rowCount() == 7


def test_the_excerpt_role_gives_the_opening_or_why_the_article_cannot_be_read() -> None:
    model = ArticleListModel()
    model.reset_rows(
        [
            CatalogRow(1, "a.txt", "Alpha", "2024-01-01", "", "en", 9, None, excerpt="It began."),
            CatalogRow(2, "b.txt", "b", "2023-01-01", "", "", 0, "empty file"),
        ]
    )
    assert model.index(0, TITLE).data(EXCERPT_ROLE) == "It began."
    assert model.index(1, TITLE).data(EXCERPT_ROLE) == "Cannot be read: empty file"
