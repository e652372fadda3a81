"""The reader's own data: highlights, notes, stars, read state, tags, and how they follow edits.

Owns the user-data tables, anchoring on the reading text, following the files (edits,
moves), export and import.
"""
