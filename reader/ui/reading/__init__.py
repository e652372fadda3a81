"""The reading pane: the rendered article, hit marks, find in article, text controls.

Shows what core.render produced; knows nothing of highlights' storage.
"""
