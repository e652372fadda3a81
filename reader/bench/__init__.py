"""Benchmark helpers: deterministic synthetic article libraries (see :mod:`.generate`)."""
