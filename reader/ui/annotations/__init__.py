"""Highlights and marks in the window: selection to highlight, panel, all-highlights view.

Also stars, read state, position and tags of the open article, and the tags dialog.
"""
