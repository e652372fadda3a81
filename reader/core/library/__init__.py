"""A library: a folder with its catalog, index and user data, kept in step.

Owns refresh (change detection, identity), big refreshes in a child process, and when
what a build leaves in the index is merged.
"""
