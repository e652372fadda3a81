"""“Did you mean”: a swap of two letters is one edit, and a frequent word beats a rare one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.ui.window.main_window import MainWindow


def test_macorn_offers_macron_not_the_rarer_macon(
    qtbot: QtBot, open_window: Callable[[Path], MainWindow], library_root: Path
) -> None:
    for n in range(4):
        text = f"---\\ntitle: Politique {n}\\nlang: fr\\n---\\n\\nEmmanuel Macron a parlé {n}.\\n"
        (library_root / f"macron{n}.md").write_text(text, encoding="utf-8")
    text = "---\\ntitle: Vins\\nlang: fr\\n---\\n\\nLe vin de Mâcon.\\n"
    (library_root / "macon.md").write_text(text, encoding="utf-8")
    window = open_window(library_root)
    with qtbot.waitSignal(window.session.search.results_ready, timeout=10_000):
        window.search_field.setText("macorn")
    suggestion = window.search_bar.suggestion
    qtbot.waitUntil(suggestion.isVisible)
    assert ">macron<" in suggestion.text()
    suggestion.linkActivated.emit("suggestion")  # the reader takes it
    assert window.search_field.text() == "macron"
