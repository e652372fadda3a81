"""Every limit the core sets on untrusted input, in one place, each with its reason.

Articles, queries and imports come from anywhere: a file from an old ZIP, a paste,
a hostile download. Whatever exceeds one of these limits becomes a one-line error on
that one thing (an article's error, a refused query part), never a crash, a freeze
or a library that stops refreshing. This module imports nothing from ``reader``, so
any module of the core may use it.
"""

from __future__ import annotations

# --- article files ---------------------------------------------------------------------

# An "article" over 16 MB is not something anyone reads in a pane; rendering it would
# freeze the window. Such a file is listed with this reason instead of being parsed.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024

# --- YAML front matter of Markdown articles ------------------------------------------
# Front matter is a few lines of metadata (title, date, source, lang, tags). Past
# these limits the file is listed with an error saying which limit it broke.

# Its size in characters: real front matter is well under 1 KB.
MAX_FRONT_MATTER_CHARS = 64 * 1024
# How deep its collections nest (a mapping holding a list is depth 2). PyYAML's
# composer recurses once per level: 5,000 nested "[" raised RecursionError.
MAX_FRONT_MATTER_DEPTH = 20
# Aliases (``*name``) are refused outright, so there is no expansion to bound: a
# 355-byte "billion laughs" alias bomb ran for minutes and built a 300-million-character
# title, and a self-referencing alias made an endless structure. Metadata never needs them.
FRONT_MATTER_ALIASES_ALLOWED = False
# Each text field (title, source, author, lang, date) is cut to this many characters.
MAX_FIELD_CHARS = 1_000
# At most this many tags are kept, each cut to MAX_TAG_CHARS.
MAX_TAGS = 100
MAX_TAG_CHARS = 100

# --- rendering Markdown for the reading pane -----------------------------------------
# Past either budget the article is shown as plain text, and says so ("shown as plain
# text: too complex"), instead of freezing the pane or never opening.

# Nesting of blocks (list items, quotes, indented code): each level is 4 columns of
# indentation or one ">". Python-Markdown recurses per level: 600 nested list levels
# raised RecursionError.
MAX_RENDER_DEPTH = 40
# Time budget, in seconds of rendering, checked between the Python and C calls the Markdown
# library makes (so it also stops a loop of regex calls that is quadratic in C). A
# 200 KB novel chapter renders in 0.3-0.7 s on a loaded 2-core machine; 30,000 "["
# took 208 s and 8,000 "<a " 6 s before this budget. It is a time, so an article near
# the limit could render on a fast machine and not on a slow one: the limit is set well
# above what real articles need so that only pathological or huge ones reach it.
MAX_RENDER_SECONDS = 3.0
# Characters of an article's (Markdown) body rendered at most. A 1 MB article took over the
# time budget above here (3.0 s, then plain text anyway) and a 15 MB single paragraph
# spent 5 s rendering before its fallback; past this size it goes straight to plain
# text, without trying: a text file's paragraphs as written, a Markdown file's source.
# Its reading text (what highlights anchor on) is then those paragraphs, one a line.
MAX_RENDER_CHARS = 1_000_000

# --- search snippets --------------------------------------------------------------------

# The best passage is looked for in the first this-many characters of an article's text
# (an article's text is analysed word by word: a 16 MB article took seconds).
MAX_SNIPPET_SCAN_CHARS = 1_000_000

# --- search queries --------------------------------------------------------------------
# A pasted page of text must not search for minutes. Measured on 482 chapters of novels:
# 1,000 pasted words took 17 s to search (and 130 s more to look for a spelling
# correction), 200 ORed prefixes 7 s; 32 words take 0.15 s, 8 prefixes 0.3 s. What is
# past a limit is left out of the query and named, with the limit, in the status bar
# (stderr on the command line).

# Characters of a query read (a long paragraph); the rest is left out.
MAX_QUERY_CHARS = 2_000
# Words and filters kept; a longer phrase is cut.
MAX_QUERY_TERMS = 32
# Prefix clauses ("secur*") kept; each may stand for many words.
MAX_QUERY_PREFIXES = 4
# Index terms one prefix stands for, in each field: "a*" over a big library starts tens
# of thousands of words; past this the prefix searches its first ones (in order).
MAX_PREFIX_EXPANSIONS = 100
# A search (and its spelling suggestion) stops after this long and returns the hits
# found so far, saying that more may match.
QUERY_SECONDS = 1.0

# --- highlights: placing them again, importing them ------------------------------------
# Placing a highlight whose text changed ends in an approximate search of its quote over
# the whole article (bit-parallel, about 0.1-0.3 s for a long quote in 500,000 characters).
# Past a budget the highlight is kept as an orphan ("could not be placed"), never lost,
# and can be re-attached by hand.

# Seconds of approximate search per highlight, wherever highlights are placed.
ANCHOR_SECONDS = 1.0
# Seconds of approximate search for one whole import: 200 long quotes that were not in a
# 570 KB article took 40 s of the window's writer lane before this budget.
IMPORT_ANCHOR_SECONDS = 5.0
# Annotations read from one import file; the rest are left out, and the report says so.
MAX_IMPORT_ANNOTATIONS = 20_000
# An import adds highlights to one article only up to this many in all (200,000 on one
# article froze the window for 35 s at 3.2 GB); the rest are left out, named by article.
MAX_IMPORTED_PER_ARTICLE = 5_000

# --- saved web pages (.html, .htm, .xhtml, .mhtml) ---------------------------------------

# Elements in a page's tree. Real pages have a few thousand (the 40 news pages tried:
# 458-704; a long Wikipedia page about 30,000); extraction walks the tree several
# times, so a page past this is listed as too complex instead of being extracted.
MAX_PAGE_ELEMENTS = 200_000
# A JSON-LD block read for the page's date, source and title: real ones are a few KB.
MAX_JSON_LD_CHARS = 256 * 1024
# Fewer words than this in the extracted paragraphs, and the page has no article (a
# sign-in form, an index of links): it is listed with that reason.
MIN_PAGE_ARTICLE_WORDS = 25

# --- the reading pane (the window) ------------------------------------------------------

# The pane lays out at most this many characters of an article's reading text. A 15 MB
# single-paragraph article froze the window for 21 s at 1.2 GB while Qt laid it out; 300,000
# characters (a short novel, five hours of reading) take about 0.4 s as one paragraph.
# Past it the pane shows the first this-many characters as plain paragraphs, says so,
# and the reader's highlights further on stay stored: they are only not drawn.
MAX_SHOWN_CHARS = 300_000

# Images of an article's own folder are read off the GUI thread, and only regular files
# (a named pipe named like an image blocked the window forever; a device never ends).
# One image file's size: a photo straight from a camera is under 20 MB.
MAX_IMAGE_BYTES = 32 * 1024 * 1024
# Its pixels, read from its header before it is decoded: a small PNG can claim
# 100,000 × 100,000 pixels (40 GB decoded). 64 megapixels is a large camera's photo.
MAX_IMAGE_PIXELS = 64_000_000
# It is decoded no wider than this (the pane's measure is under 1,000 pixels, twice that
# on a high-density screen): a wide photo takes a quarter of the memory.
MAX_IMAGE_DECODE_WIDTH = 2_400
# At most this many images, and this many bytes of image files, per article: past
# them the rest show as missing images.
MAX_ARTICLE_IMAGES = 200
MAX_ARTICLE_IMAGE_BYTES = 128 * 1024 * 1024
