"""The Qt-free core: parsing, catalog, search and rendering. Never import PySide6 here."""
