"""Article Reader: an offline desktop reader for a local folder of articles."""

__version__ = "0.1.0"
