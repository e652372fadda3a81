"""What the annotation code needs of a library, as a protocol (no import of the library).

:class:`reader.core.library.library.Library` has all of it, so it is passed as it is;
the library imports this package (for the reader's data to follow the files after a
refresh), and this package must not import it back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol

from reader.core.annotations.userdata import Annotation, DetachedArticle, UserData
from reader.core.articles.article import Article
from reader.core.catalog.store import Catalog, CatalogRow


class LibraryView(Protocol):
    """A library's folder, its catalog, the reader's data, and how to read an article."""

    @property
    def root(self) -> Path: ...

    @property
    def catalog(self) -> Catalog: ...

    @property
    def userdata(self) -> UserData: ...

    def read_article(self, row: CatalogRow) -> Article:
        """The catalogued article's current text (FileNotFoundError when it is gone)."""
        ...


class AnnotationSource(Protocol):
    """Where an export reads the reader's annotations (``UserData``, or a salvage)."""

    def all_annotations(self) -> list[Annotation]: ...

    def detached(self) -> list[DetachedArticle]: ...


class RowSource(Protocol):
    """Where an export reads the articles' rows (``Catalog``, or a salvage)."""

    def rows_by_id(self, ids: Iterable[int]) -> list[CatalogRow]: ...


class ExportView(Protocol):
    """What an export needs of a library: its folder, its rows, the reader's annotations."""

    @property
    def root(self) -> Path: ...

    @property
    def catalog(self) -> RowSource: ...

    @property
    def userdata(self) -> AnnotationSource: ...


class ExportExtras(Protocol):
    """What the packages above this one add to an export and read back from an import:
    the articles' triage states, the highlights' review records
    (:class:`reader.core.exchange.extras.ReaderExtras`). An export without them (a
    salvage) has the highlights alone."""

    def collection_fields(self, article_id: int | None) -> dict[str, Any]:
        """Fields of the JSON-LD collection (of the library, or of one article)."""
        ...

    def annotation_fields(self, annotation_id: str) -> dict[str, Any]:
        """Fields of one annotation's JSON-LD object."""
        ...

    def article_details(self, article_id: int) -> tuple[str, ...]:
        """Words on an article's line of the Markdown ("in the queue")."""
        ...

    def annotation_details(self, annotation_id: str) -> tuple[str, ...]:
        """Words on a highlight's last line of the Markdown ("review: back on …")."""
        ...

    def markdown_sections(self, article_id: int | None) -> list[str]:
        """Lines ending the Markdown (the reading queue)."""
        ...

    def imported(self, data: object, stored: Mapping[str, Mapping[str, Any]]) -> None:
        """After an import saved its highlights (``stored``: id → its JSON object)."""
        ...
