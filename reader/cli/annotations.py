"""The command line's highlights and notes: ``export`` (also ``--salvage``) and ``import``.

Imported only by those commands (see :mod:`reader.cli.commands`): the export formats
and the importer are not loaded for ``list`` or ``search``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reader.cli.language import translate
from reader.cli.terminal import TerminalProgress, fail, warn
from reader.core.annotations.export import (
    ImportFormatError,
    import_jsonld,
    to_jsonld,
    to_markdown,
    write_atomically,
)
from reader.core.annotations.library_view import ExportView
from reader.core.annotations.salvage import NothingToSalvage, Salvaged, salvage
from reader.core.annotations.userdata import UserDataError
from reader.core.catalog.paths import library_data_dir
from reader.core.exchange.extras import ReaderExtras
from reader.core.library.library import Library


def export(
    library: ExportView, form: str, output: Path | None, article_id: int | None = None
) -> int:
    """The highlights as ``form`` (markdown, jsonld) on ``output``, atomically, or stdout:
    the library's, or those of one of its articles; with the triage states and review
    records of a library (a salvage has the highlights alone)."""
    extras = ReaderExtras(library) if isinstance(library, Library) else None
    if form == "markdown":
        text = to_markdown(library, article_id, extras)
    else:
        data = to_jsonld(library, article_id, extras)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        return 0
    try:
        write_atomically(output, text)
    except OSError as exc:
        return fail(
            translate("CommandLine", "cannot write {0}: {1}").format(output, exc.strerror or exc)
        )
    annotations = library.userdata.all_annotations()
    count = sum(article_id in (None, a.article_id) for a in annotations)
    print(_exported(count, output, salvaged=isinstance(library, Salvaged)), file=sys.stderr)
    return 0


def _exported(count: int, output: Path, salvaged: bool) -> str:
    if salvaged and count == 1:
        text = translate(
            "CommandLine", "Exported 1 highlight salvaged from the damaged catalog to {1}"
        )
    elif salvaged:
        text = translate(
            "CommandLine", "Exported {0} highlights salvaged from the damaged catalog to {1}"
        )
    elif count == 1:
        text = translate("CommandLine", "Exported 1 highlight to {1}")
    else:
        text = translate("CommandLine", "Exported {0} highlights to {1}")
    return text.format(count, output)


def export_salvaged(root: Path, form: str, output: Path | None) -> int:
    """``export --salvage``: the highlights still readable in a damaged catalog."""
    root = Path(root).expanduser().resolve()
    catalog = library_data_dir(root, create=False) / "catalog.sqlite3"
    if not catalog.exists():
        return fail(f"no catalog for {root} ({catalog})")
    try:
        found = salvage(catalog, root)
    except NothingToSalvage as exc:
        return fail(f"nothing could be salvaged: {exc}")
    status = export(found, form, output)
    if found.unreadable:
        warn(f"{found.unreadable} highlights could not be read from the damaged catalog")
    return status or (1 if found.unreadable else 0)


def import_annotations(library: Library, data: object) -> int:
    """Web Annotation JSON already loaded (``data``) into ``library``; 1 if some refused."""
    progress = TerminalProgress(sys.stderr)
    try:
        report = import_jsonld(library, data, progress, ReaderExtras(library))
    except (ImportFormatError, UserDataError) as exc:
        return fail(f"nothing imported: {exc}")
    finally:
        progress.finish()
    for error in report.errors:
        warn(error)
    for limit in report.limits:
        warn(limit)
    print(report.summary())
    return 1 if report.errors else 0
