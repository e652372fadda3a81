"""The one build step pyproject.toml cannot declare: compile the French translation.

The ``.ts`` sources are in the repository; the ``.qm`` the app loads is a build output
(never committed). Building a wheel compiles it into the wheel's build folder with Qt's
``lrelease`` (from PySide6, a build requirement); an sdist carries it too, so a wheel
built from the sdist has it even where ``lrelease`` is missing. An editable install
(``pip install -e .``, which install.sh runs) compiles it beside the ``.ts``, where a
checkout's app looks for it. Everything else is in pyproject.toml.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # reader.i18n: standard library only, no Qt import

from reader import i18n  # noqa: E402


class BuildPyWithTranslations(build_py):
    """build_py, then the .qm files into the built package (or the checkout if editable)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            i18n.build()
            return
        target = Path(self.build_lib) / "reader" / "translations"
        target.mkdir(parents=True, exist_ok=True)
        try:
            i18n.build(into=target)
        except FileNotFoundError:  # no lrelease: an sdist's own .qm is already copied
            if not any(target.glob("*.qm")):
                raise

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if self.editable_mode:
            return outputs
        target = Path(self.build_lib) / "reader" / "translations"
        built = [str(target / i18n.qm_path(lang).name) for lang in i18n.LANGUAGES if lang != "en"]
        return sorted({*outputs, *built})


class SdistWithTranslations(sdist):
    """The sdist carries the compiled .qm as well as the .ts it comes from."""

    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        i18n.build(into=Path(base_dir) / "reader" / "translations")


setup(cmdclass={"build_py": BuildPyWithTranslations, "sdist": SdistWithTranslations})
