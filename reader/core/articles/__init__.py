"""Articles: one file in, one Article record out.

Owns the formats (text, Markdown), bylines, decoding, language detection and the folder walk.
"""
