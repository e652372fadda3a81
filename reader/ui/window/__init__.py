"""The main window and what hangs off it: menus, status line, navigation keys, folders.

Composes the other ui packages; no other package imports it.
"""
