"""The command line in French, from the same translation as the window, without Qt."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from running import Cli

from reader import entry
from reader.i18n import environment_language


@pytest.fixture
def french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")


@pytest.mark.usefixtures("french")
def test_the_help_is_french_under_a_french_locale(capsys: pytest.CaptureFixture[str]) -> None:
    assert entry.main(["--help"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("utilisation\u00a0: article-reader [DOSSIER | ARTICLE]\n")
    assert "  list     liste les articles d’une bibliothèque" in text
    assert "  -h, --help     affiche ce message et quitte\n" in text


@pytest.mark.usefixtures("french")
def test_a_command_s_help_and_errors_are_french(library_root: Path, cli: Cli) -> None:
    helped = cli("list", "--help")
    assert helped.returncode == 0
    assert helped.stdout.startswith("utilisation\u00a0: article-reader list [-h]")
    assert "affiche cette aide et quitte" in helped.stdout
    assert "le dossier de la bibliothèque (ou --library)" in helped.stdout
    both = cli("list", str(library_root), "--library", str(library_root))
    assert both.stderr == (
        "article-reader: donnez la bibliothèque une seule fois\u00a0:"
        " en DOSSIER ou avec --library, pas les deux\n"
    )
    missing = cli("search")
    assert missing.returncode == 2
    assert missing.stderr.splitlines()[-1] == (
        "article-reader search\u00a0: erreur\u00a0: arguments obligatoires manquants\u00a0: REQUÊTE"
    )


def test_argparse_speaks_english_again_after_a_french_run(
    library_root: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert "utilisation" in cli("list", "--help").stdout
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert cli("list", "--help").stdout.startswith("usage: article-reader list")
    assert argparse.ArgumentParser(prog="p").format_usage() == "usage: p [-h]\n"


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "fr_CA.UTF-8", "LANG": "en_GB.UTF-8"}, "fr"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),  # LC_ALL rules the others
        ({"LANGUAGE": "de:fr", "LANG": "en_US.UTF-8"}, "fr"),  # the first we have
        ({"LANGUAGE": "fr", "LANG": "C.UTF-8"}, "fr"),
        ({"LANGUAGE": "fr", "LANG": "C"}, "en"),  # ASCII only: as gettext does
        ({"LANGUAGE": "en:fr", "LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_language_is_read_as_gettext_reads_it(environ: dict[str, str], language: str) -> None:
    assert environment_language(environ) == language
