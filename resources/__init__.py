"""Installed as ``reader.resources``: icons and desktop files (see pyproject.toml)."""
