"""Triage in the window: the list's views (everything not archived, Inbox, Later, Archive)
with their counts, the reader's triage state as the list knows it, and the keys that move
articles between the three places.
"""
