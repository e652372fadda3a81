"""Every limit the core sets on untrusted input, in one place, each with its reason.

Articles, queries and imports come from anywhere: a file from an old ZIP, a paste,
a hostile download. Whatever exceeds one of these limits becomes a one-line error on
that one thing (an article's error, a refused query part), never a crash, a freeze
or a library that stops refreshing. This module imports nothing from ``reader``, so
any module of the core may use it.

``DOCUMENTED`` at the end says, for each limit, what a reader sees past it: the user
guide's table of limits is generated from it (``python -m tests.docs.tables --write``)
and a test fails when the guide and this module disagree.
"""

from __future__ import annotations

from typing import NamedTuple

# --- article files ---------------------------------------------------------------------

# An "article" over 16 MB is not something anyone reads in a pane; rendering it would
# freeze the window. Such a file is listed with this reason instead of being parsed.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024
# A file is read within this many seconds, or listed as unreadable ("the file did not
# answer") while the others are read: a file on a stalled network or FUSE mount blocks
# whoever reads it, for ever. A 16 MB file on a slow network share is read well within
# it. (A named pipe or a device is never read at all: only regular files are articles.)
READ_SECONDS = 10.0

# --- YAML front matter of Markdown articles ------------------------------------------
# Front matter is a few lines of metadata (title, date, source, lang, tags). Past
# these limits the file is listed with an error saying which limit it broke.

# Its size in characters: real front matter is well under 1 KB.
MAX_FRONT_MATTER_CHARS = 64 * 1024
# How deep its collections nest (a mapping holding a list is depth 2). PyYAML's
# composer recurses once per level, so thousands of nested "[" end in RecursionError.
MAX_FRONT_MATTER_DEPTH = 20
# Aliases (``*name``) are refused outright, so there is no expansion to bound: a few
# hundred bytes of nested aliases ("billion laughs") expand to hundreds of millions of
# characters, and a self-referencing alias to an endless structure. Metadata never
# needs them.
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
# indentation or one ">". Python-Markdown recurses per level, so hundreds of nested
# list levels end in RecursionError.
MAX_RENDER_DEPTH = 40
# Time budget, in seconds of rendering, checked between the Python and C calls the
# Markdown library makes (so it also stops a loop of regex calls that is quadratic in
# C: a page of unclosed "[" or "<a " otherwise renders for minutes). It is a time, so an
# article near the limit could render on a fast machine and not on a slow one: it is
# set several times above what a long novel chapter needs, so that only pathological
# or huge articles reach it.
MAX_RENDER_SECONDS = 3.0
# Characters of an article's (Markdown) body rendered at most. Articles this long spend
# the whole time budget above and end as plain text anyway; past this size they go
# straight to plain text, without trying: a text file's paragraphs as written, a
# Markdown file's source. Their reading text (what highlights anchor on) is then those
# paragraphs, one a line.
MAX_RENDER_CHARS = 1_000_000

# --- search snippets --------------------------------------------------------------------

# The best passage is looked for in the first this-many characters of an article's
# text: an article's text is analysed word by word, which takes seconds for the largest
# files.
MAX_SNIPPET_SCAN_CHARS = 1_000_000

# --- search queries --------------------------------------------------------------------
# A pasted page of text must not search for minutes: the cost of a query grows with
# its words, and much faster with its prefixes, each of which stands for many words.
# What is past a limit is left out of the query and named, with the limit, in the
# status bar (stderr on the command line).

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
# the whole article, whose cost grows with the quote and the article. Past a budget the
# highlight is kept as an orphan ("could not be placed"), never lost, and can be placed
# again by hand.

# Seconds of approximate search per highlight, wherever highlights are placed.
ANCHOR_SECONDS = 1.0
# Seconds of approximate search for one whole import: an import of many long quotes
# that are not in the article would otherwise hold the writer for minutes.
IMPORT_ANCHOR_SECONDS = 5.0
# Annotations read from one import file; the rest are left out, and the report says so.
MAX_IMPORT_ANNOTATIONS = 20_000
# An import adds highlights to one article only up to this many in all: an article with
# hundreds of thousands of highlights cannot be opened in the window in reasonable time
# and memory. The rest are left out, named by article.
MAX_IMPORTED_PER_ARTICLE = 5_000

# --- what an import file may hold ----------------------------------------------------
# An import file comes from anywhere; what it holds is stored and then searched and shown
# on every keystroke, so each field is bounded. An annotation past a bound is not
# imported and the report says why (cutting a note or an id would store something the
# reader never wrote); prefixes and suffixes, which are only hints, are cut.

# The import file itself: no annotation export is near this size.
MAX_IMPORT_BYTES = 64 * 1024 * 1024
# A note: several pages of writing. The window's note editor stops here too.
MAX_NOTE_CHARS = 100_000
# The highlighted text: no longer than the pane ever shows of an article.
MAX_QUOTE_CHARS = 300_000
# An annotation's id (a ``urn:uuid:`` is 45 characters).
MAX_ANNOTATION_ID_CHARS = 1_000

# --- saved web pages (.html, .htm, .xhtml, .mhtml) ---------------------------------------

# Elements in a page's tree. Real pages have a few thousand (a long encyclopedia page
# tens of thousands); extraction walks the tree several times, so a page past this is
# listed as too complex instead of being extracted.
MAX_PAGE_ELEMENTS = 200_000
# A JSON-LD block read for the page's date, source and title: real ones are a few KB.
MAX_JSON_LD_CHARS = 256 * 1024
# Fewer words than this in the extracted paragraphs, and the page has no article (a
# sign-in form, an index of links): it is listed with that reason. A page that says it is
# an article (og:type, JSON-LD) needs only one sentence: the site's word is evidence.
MIN_PAGE_ARTICLE_WORDS = 25
# Runs of text in a page's paragraphs (a paragraph's text is one run, and one more at
# each link or emphasis in it). Extraction gathers all of them in one call of the XML
# library, whose time grows with the square of their number (40,000 take seconds, 90,000
# a minute) and which no time budget can interrupt. A long article has a few thousand;
# a book saved as one page tens of thousands. Past it the page is listed as too complex.
MAX_PAGE_TEXT_RUNS = 20_000
# Seconds of extraction per page, checked between the calls extraction makes (as
# MAX_RENDER_SECONDS is). Extraction's cost grows faster than the page: tens of
# thousands of paragraphs, each a few bytes, take minutes and gigabytes while under
# every size limit. Past it the page is listed as too complex. It is a time, so a page
# near it could be read on a fast machine and not on a slow one: it is set several times
# above what the longest real pages need.
MAX_PAGE_SECONDS = 5.0
# Parts of a single-file page (.mhtml) read: the page and each image, style sheet and
# font it uses are a part each, and browsers write the page first. A heavy page has a
# few hundred; reading each costs time, so past this many the rest are not read.
MAX_PAGE_PARTS = 10_000
# Multipart sections (and enclosed messages) of a single-file page: a browser writes one,
# sometimes a few. Each may nest inside the one before, and Python's MIME parser
# recurses per level (thousands end in RecursionError), so an archive with more is
# listed with that reason instead of being parsed.
MAX_PAGE_SECTIONS = 32

# --- the reading pane (the window) ------------------------------------------------------

# The pane lays out at most this many characters of an article's reading text: Qt lays
# out a document on the GUI thread, and a multi-megabyte single paragraph would hold the
# window for many seconds and gigabytes. This many is a short novel, hours of reading.
# Past it the pane shows the first this-many characters as plain paragraphs, says so,
# and the reader's highlights further on stay stored: they are only not drawn.
MAX_SHOWN_CHARS = 300_000

# Images of an article's own folder are read off the GUI thread, and only regular files
# (a named pipe named like an image would block whoever reads it; a device never ends).
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

# --- the search index's upkeep ---------------------------------------------------------

# A build's segments are merged into one afterwards (reader.core.search.segment_merge),
# which needs free disk for the merged segment (about the index's size) and this much
# more, so that a merge never fills the disk the catalog and the reader's highlights are
# saved on. With less free the index is left as it is (searches a little slower) and
# the merge is tried again after the next build or launch.
MERGE_SPARE_BYTES = 256 * 1024 * 1024

# --- related articles ---------------------------------------------------------------------

# The articles "related" to one that are shown (the window's list under an article, the
# command's default): a handful worth reading next, found fast enough to show at once.
# Here, not beside the search that finds them, so that the command line's parser knows it
# without loading the search engine.
RELATED_LIMIT = 5


# --- what a reader sees past each limit -------------------------------------------------


class Documented(NamedTuple):
    """One limit as the user guide states it: its name, its unit, what happens past it."""

    name: str
    unit: str  # "bytes", "seconds", "yes/no", or the plural noun the value counts
    past_it: str


DOCUMENTED: tuple[Documented, ...] = (
    Documented(
        "MAX_ARTICLE_BYTES", "bytes", 'the file is listed with "file too large", not parsed'
    ),
    Documented(
        "READ_SECONDS",
        "seconds a file",
        'the file is listed with "the file did not answer", and the others are read',
    ),
    Documented(
        "MAX_FRONT_MATTER_CHARS",
        "characters",
        "the article is listed with the front matter's error",
    ),
    Documented("MAX_FRONT_MATTER_DEPTH", "levels of nesting", "the same"),
    Documented(
        "FRONT_MATTER_ALIASES_ALLOWED",
        "yes/no",
        "a YAML alias (`*name`) is refused: no alias bombs",
    ),
    Documented("MAX_FIELD_CHARS", "characters", "title, source, author, lang and date are cut"),
    Documented("MAX_TAGS", "tags", "the other tags are dropped"),
    Documented("MAX_TAG_CHARS", "characters a tag", "the tag is cut"),
    Documented(
        "MAX_RENDER_DEPTH", "levels of nesting", "the article is shown as plain text, saying why"
    ),
    Documented("MAX_RENDER_SECONDS", "seconds", "the same"),
    Documented(
        "MAX_RENDER_CHARS", "characters of body", "shown as plain text at once, without rendering"
    ),
    Documented(
        "MAX_SNIPPET_SCAN_CHARS", "characters", "the best passage is looked for in the opening only"
    ),
    Documented("MAX_QUERY_CHARS", "characters", "the rest of the query is left out, and named"),
    Documented("MAX_QUERY_TERMS", "words and filters", "the same"),
    Documented("MAX_QUERY_PREFIXES", "prefixes (`secur*`)", "the same"),
    Documented(
        "MAX_PREFIX_EXPANSIONS",
        "words a prefix, per field",
        "the prefix searches its first ones, and says so",
    ),
    Documented("QUERY_SECONDS", "seconds a search", 'the hits found so far, and "more may match"'),
    Documented(
        "ANCHOR_SECONDS", "seconds a highlight", 'it is kept as "could not be placed", never lost'
    ),
    Documented(
        "IMPORT_ANCHOR_SECONDS",
        "seconds an import",
        "the rest are kept as could not be placed; the import says so",
    ),
    Documented(
        "MAX_IMPORT_ANNOTATIONS",
        "annotations a file",
        "the rest are not read; the summary counts them",
    ),
    Documented(
        "MAX_IMPORTED_PER_ARTICLE",
        "highlights an article",
        "an import adds no more to it, and names it",
    ),
    Documented("MAX_IMPORT_BYTES", "bytes", "the import file is refused, in one line"),
    Documented(
        "MAX_NOTE_CHARS", "characters a note", "that annotation is not imported, saying why"
    ),
    Documented("MAX_QUOTE_CHARS", "characters a highlight", "the same"),
    Documented("MAX_ANNOTATION_ID_CHARS", "characters an id", "the same"),
    Documented("MAX_PAGE_ELEMENTS", "elements", "the saved page is listed as too complex"),
    Documented(
        "MAX_JSON_LD_CHARS", "characters a block", "that JSON-LD block is not read for metadata"
    ),
    Documented(
        "MAX_PAGE_TEXT_RUNS",
        "runs of text in paragraphs",
        "the saved page is listed as too complex",
    ),
    Documented("MAX_PAGE_SECONDS", "seconds a page", "the saved page is listed as too complex"),
    Documented(
        "MAX_PAGE_PARTS",
        "parts a page archive",
        "the rest of a single-file page (.mhtml) is not read",
    ),
    Documented(
        "MAX_PAGE_SECTIONS",
        "multipart sections",
        'the single-file page is listed with "too many nested sections"',
    ),
    Documented(
        "MIN_PAGE_ARTICLE_WORDS",
        "words",
        'below it, the saved page is listed with "no article found"',
    ),
    Documented(
        "MAX_SHOWN_CHARS",
        "characters",
        "the pane shows the first ones as plain paragraphs, and says so",
    ),
    Documented("MAX_IMAGE_BYTES", "bytes", "the image shows as missing"),
    Documented("MAX_IMAGE_PIXELS", "pixels", "the same"),
    Documented("MAX_IMAGE_DECODE_WIDTH", "pixels wide", "the image is decoded no wider"),
    Documented("MAX_ARTICLE_IMAGES", "images an article", "the rest show as missing"),
    Documented("MAX_ARTICLE_IMAGE_BYTES", "bytes of images an article", "the same"),
    Documented(
        "MERGE_SPARE_BYTES",
        "bytes free beyond the index's size",
        "the search index is not merged after a build: searches stay slower until there is",
    ),
    Documented(
        "RELATED_LIMIT",
        "related articles",
        "the less related are not shown (``related --limit N`` lists more)",
    ),
)
