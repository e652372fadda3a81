"""Where the bundled sample library is, in a checkout and in an installed package."""

from __future__ import annotations

from pathlib import Path


def default_library() -> Path:
    """The bundled ``seeds/`` folder: the library opened when none is given."""
    package = Path(__file__).resolve().parent
    for candidate in (package.parent / "seeds", package / "seeds"):
        if candidate.is_dir():
            return candidate
    return package.parent / "seeds"  # reported as "not a folder" by the caller
