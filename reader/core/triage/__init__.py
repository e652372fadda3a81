"""Triage: every article is in the inbox, in the reader's queue ("later"), or archived."""
