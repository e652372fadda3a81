"""The article list: the model (ids, lazy rows, sorting, hits), its view and delegate.

Also the filter bar and the search bar above it.
"""
