"""The daily review in the window: a page in place of the list and the article, showing
the day's highlights one at a time, answered with one key each.
"""
