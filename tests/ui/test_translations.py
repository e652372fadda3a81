"""The French translation: every message translated, placeholders kept, the .ts up to date
with the code, and the compiled .qm built by the project's own command."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from reader import i18n

TS = i18n.ts_path("fr")
_PLACEHOLDER = re.compile(r"\{\d+\}|%n")
_TAG = re.compile(r"</?[a-z]+[^>]*>")


def messages(path: Path) -> list[tuple[str, str, str | None, ET.Element]]:
    """(context, source, disambiguation, <message>) for every message of a .ts file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            comment = message.find("comment")
            found.append(
                (
                    name,
                    message.findtext("source") or "",
                    comment.text if comment is not None else None,
                    message,
                )
            )
    return found


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def mnemonics(text: str) -> int:
    return len(re.findall(r"&(?=[^&\s])", text.replace("&&", "")))


def test_every_message_is_translated_with_its_placeholders() -> None:
    found = messages(TS)
    assert len(found) > 150
    for context, source, _, message in found:
        where = f"{context}: {source!r}"
        assert message.find("translation").get("type") is None, f"unfinished: {where}"  # type: ignore[union-attr]
        forms = translations(message)
        if "%n" in source:
            assert message.get("numerus") == "yes", f"plural not marked: {where}"
            assert len(forms) == 2, where  # French: one, many
        for text in forms:
            assert text.strip(), f"empty: {where}"
            assert sorted(_PLACEHOLDER.findall(text)) == sorted(_PLACEHOLDER.findall(source)), where
            assert mnemonics(text) == mnemonics(source), f"mnemonic: {where} → {text!r}"
            assert _TAG.findall(text) == _TAG.findall(source), where
            assert text.count("\n") == source.count("\n"), where


def test_no_message_is_a_context_name() -> None:
    """A translate call lupdate misread (an alias of it, say) shows as context-as-source."""
    contexts = {context for context, *_ in messages(TS)}
    assert not [source for _, source, *_ in messages(TS) if source in contexts]


def test_the_ts_is_up_to_date_with_the_code(tmp_path: Path) -> None:
    """lupdate over the sources finds nothing new: every string in the code is in the .ts."""
    try:
        lupdate = i18n._tool("lupdate")
    except FileNotFoundError:
        pytest.skip("Qt's lupdate is not installed")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = [str(path) for path in i18n.source_files()]
    subprocess.run([*lupdate, "-silent", "-no-obsolete", *sources, "-ts", str(copy)], check=True)
    before = {(c, s, d, m.get("numerus")) for c, s, d, m in messages(TS)}
    after = {(c, s, d, m.get("numerus")) for c, s, d, m in messages(copy)}
    assert after == before, "run: python -m reader.i18n update, then translate what is new"


def test_build_makes_a_qm_that_loads(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As from a fresh clone: no .qm yet, the project's command builds it."""
    monkeypatch.setattr(i18n, "qm_path", lambda lang: tmp_path / f"article_reader_{lang}.qm")
    assert not (tmp_path / "article_reader_fr.qm").exists()
    assert i18n.main(["build"]) == 0
    translator = QTranslator()
    assert translator.load(str(tmp_path / "article_reader_fr.qm"))
    assert translator.translate("WindowMenus", "&File") == "&Fichier"
    assert translator.translate("StatusText", "%n articles", "", 1) == "%n article"
    assert translator.translate("StatusText", "%n articles", "", 5) == "%n articles"
    assert translator.translate("Colors", "Purple") == "Violet"
