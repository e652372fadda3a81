"""The interface in English or French, through Qt's translation system.

The French strings live in ``reader/translations/article_reader_fr.ts`` (kept in
the repository, edited with Qt Linguist or by hand); the compiled ``.qm`` the app
loads is a build output, never committed: building the wheel compiles it into the
package (``setup.py``), and for a checkout this project's own command does
(``install.sh`` runs it). The app never compiles one at run time (it never writes
into its installation): a missing ``.qm`` leaves the interface in English.

    python -m reader.i18n build     # .ts → .qm (Qt's lrelease, shipped with PySide6)
    python -m reader.i18n update    # refresh the .ts from the tr() calls (lupdate)

The language is the system's (French if its locale is French, else English),
unless the settings say otherwise (View → Language).

The command line runs without Qt, so it cannot load a ``.qm``: it reads the French of
the ``.ts`` (shipped beside the ``.qm``) with :func:`ts_translations`, in the language
the environment asks for (:func:`environment_language`), and marks its strings with a
plain ``translate("CommandLine", "…")`` call, which lupdate finds as it finds Qt's
(``update`` reads the command line's sources too).

Writing translatable strings (lupdate reads the Python sources, so the calls must
be literal): ``self.tr("…")`` in a QObject subclass (the context is the class's
name); ``QCoreApplication.translate("Context", "…")`` elsewhere, never through an
alias; ``QT_TRANSLATE_NOOP("Context", "…")`` (this module's) in module-level tables,
translated where shown. Placeholders are ``{0}`` filled by ``.format()`` after translation.
Plurals are ``self.tr("%n articles", "", n)`` in a QObject (lupdate marks plurals
of ``self.tr`` only), with the English singular chosen in the code: English needs
no translation file.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

LANGUAGES = {"en": "English", "fr": "Français"}
TRANSLATIONS = Path(__file__).resolve().parent / "translations"
PACKAGE = Path(__file__).resolve().parent
# Where lupdate looks for translatable strings: the window, and the command line (Qt-free).
SOURCE_FOLDERS = (PACKAGE / "ui", PACKAGE / "cli")
SOURCE_FILES = (PACKAGE / "entry.py",)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` (lupdate finds it); returns it as is,
    to be translated where it is shown. Qt's own is typed ``object``; this one ``str``."""
    return text


def qm_path(lang: str) -> Path:
    return TRANSLATIONS / f"article_reader_{lang}.qm"


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"article_reader_{lang}.ts"


def resolve_language(choice: str, system_locale: str) -> str:
    """``system`` → the system's language if we have it, else English."""
    if choice in LANGUAGES:
        return choice
    system = system_locale.split("_")[0].split("-")[0].lower()
    return system if system in LANGUAGES else "en"


def environment_language(environ: Mapping[str, str]) -> str:
    """The language the environment asks messages in, as gettext reads it: ``LANGUAGE``
    (a list, the first we have), else the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``
    that is set. A plain "C" or "POSIX" locale (ASCII only) is English whatever
    ``LANGUAGE`` says, as for gettext; "C.UTF-8", a container's usual, lets it choose."""
    locale = next((environ[n] for n in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(n)), "")
    if locale in ("C", "POSIX"):
        return "en"
    for choice in environ.get("LANGUAGE", "").split(":"):
        language = resolve_language("system", choice)
        if choice and (language != "en" or choice.lower().startswith("en")):
            return language
    return resolve_language("system", locale)


def ts_translations(lang: str) -> dict[tuple[str, str], str]:
    """(context, English) → translation of every finished message of the language's
    ``.ts`` (none for English, or a missing file); plurals are left out (Qt's own)."""
    path = ts_path(lang)
    if lang == "en" or not path.is_file():
        return {}
    import xml.etree.ElementTree as ElementTree  # only for another language than English

    table = {}
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source, translation = message.find("source"), message.find("translation")
            if source is None or translation is None or translation.get("type"):
                continue  # unfinished, obsolete or vanished
            if message.get("numerus") != "yes" and source.text and translation.text:
                table[(name, source.text)] = translation.text
    return table


def _tool(name: str) -> list[str]:
    """Qt's ``lrelease``/``lupdate``: the PySide6 wrapper beside this Python, the binary
    inside the PySide6 package (a wheel's isolated build has no wrapper on PATH), or
    one on PATH. PySide6 is found without being imported."""
    import importlib.util
    import shutil

    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return [str(beside)]
    spec = importlib.util.find_spec("PySide6")
    folders = (spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        binary = Path(folder) / name
        if binary.is_file():
            return [str(binary)]
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"Qt's {name} is not installed (it comes with PySide6)")
    return [found]


def build(quiet: bool = True, into: Path | None = None) -> list[Path]:
    """Compile every .ts into the .qm the app loads (beside the .ts, or in ``into``: a
    wheel's build folder); returns the files written."""
    import subprocess

    written = []
    for lang in LANGUAGES:
        source = ts_path(lang)
        if not source.exists():
            continue
        target = qm_path(lang) if into is None else into / qm_path(lang).name
        subprocess.run(
            [*_tool("lrelease"), *(["-silent"] if quiet else []), str(source), "-qm", str(target)],
            check=True,
        )
        written.append(target)
    return written


def source_files() -> list[Path]:
    """The Python files lupdate reads for translatable strings."""
    found = [path for folder in SOURCE_FOLDERS for path in folder.rglob("*.py")]
    return sorted((*found, *SOURCE_FILES))


def update() -> None:
    """Gather every tr() string of the interface into the .ts files (keeps translations)."""
    import subprocess

    sources = [str(path) for path in source_files()]
    options = ["-no-obsolete", "-locations", "relative"]  # relative: fewer diffs per edit
    for lang in LANGUAGES:
        if lang != "en":
            command = [*_tool("lupdate"), *options, *sources, "-ts", str(ts_path(lang))]
            subprocess.run(command, check=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "build"
    if command == "build":
        for path in build(quiet=False):
            print(f"built {path}")
        return 0
    if command == "update":
        update()
        return 0
    print("usage: python -m reader.i18n build|update", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
