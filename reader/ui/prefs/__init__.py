"""Preferences of the interface: reading typography, themes, the interface language.

Plain settings and palettes; no widgets of their own.
"""
