"""The catalog: which article files exist, their metadata and fingerprints, in SQLite.

Owns the articles table, its migrations and the per-library data folder; writes no user data.
"""
