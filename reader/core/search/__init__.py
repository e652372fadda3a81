"""Full-text search: the Whoosh index, the query language and what a hit shows.

Owns the schema, analysis (folding, stemming), the compiler, spelling, snippets and user filters.
"""
