"""A library: a folder with its catalog, index and user data, kept in step.

Owns refresh (change detection, identity), big refreshes in a child process.
"""
