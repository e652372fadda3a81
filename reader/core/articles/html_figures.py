"""The images, links and emphasis of a page's article, put back into its plain extraction.

Trafilatura decides what is article and what is boilerplate differently when it is
asked to keep images and links: a figure's credit, a block of related stories with
thumbnails or a paragraph split at each link come along; asked for emphasis, it loses
the space after a bold word (measured with ``python -m tests.bench.extraction --dev``).
So the article's text is the extraction without them, and this module carries over,
from a second extraction that keeps them, only what belongs to that text:

- an image (``graphic``) goes after the block of the text whose words come just before
  it in the second extraction; an image whose neighbouring words are not in the text
  (a thumbnail of a related story) is left out;
- a link (``ref``) or emphasis (``hi``) wraps the first run of the same words in the
  block of the text that starts as its own block does (spaces aside), else in the
  first block from the last one used that holds them; only when those words are there
  whole (inside one text node) and not already in a link or emphasis.
"""

from __future__ import annotations

from lxml import etree
from lxml.etree import _Element

_CONTEXT_CHARS = 40  # the words before an image that say where it goes
_MIN_INLINE_CHARS = 2  # a one-letter link or bold letter is too ambiguous to place
_INLINE = ("ref", "hi")
_CONTAINERS = frozenset({"list", "row", "table"})
_KEY_CHARS = 80  # a block of the text is known by its first characters, spaces aside
_TEXT_BLOCKS = frozenset({"p", "head", "item", "cell", "quote", "code"})


def carry_figures(text: _Element, figures: _Element) -> None:
    """Put the images, links and emphasis of ``figures`` into ``text`` (both
    trafilatura bodies)."""
    blocks = [(block, _norm(_text_of(block))) for block in _blocks(text)]
    _carry_images(text, figures, blocks)
    _carry_inline(figures, blocks)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _text_of(element: _Element) -> str:
    return "".join(element.itertext())


def _blocks(body: _Element) -> list[_Element]:
    """Blocks of text that hold no other such block (a quote's paragraphs, not the quote),
    in document order; one walk of the tree."""
    innermost: dict[_Element, bool] = {}  # insertion order: document order
    open_blocks: list[_Element] = []
    for event, element in etree.iterwalk(body, events=("start", "end")):
        if element.tag not in _TEXT_BLOCKS:
            continue
        if event == "start":
            if open_blocks:
                innermost[open_blocks[-1]] = False
            innermost[element] = True
            open_blocks.append(element)
        else:
            open_blocks.pop()
    return [element for element, inner in innermost.items() if inner]


def _carry_images(text: _Element, figures: _Element, blocks: list[tuple[_Element, str]]) -> None:
    seen: list[str] = []  # the text of ``figures`` so far; "\n" where a block starts or ends
    placed: list[tuple[_Element, _Element]] = []
    for event, element in etree.iterwalk(figures, events=("start", "end")):
        if event == "start":
            if element.tag == "graphic":
                lines = [line for line in "".join(seen).split("\n") if line.strip()]
                anchor = _anchor(_norm(lines[-1])[-_CONTEXT_CHARS:], blocks) if lines else text
                if anchor is not None:
                    placed.append((anchor, element))
            seen.append("\n" if element.tag in _TEXT_BLOCKS else "")
            seen.append(element.text or "")
        elif element is not figures:
            seen.append("\n" if element.tag in _TEXT_BLOCKS else "")
            seen.append(element.tail or "")
    for anchor, graphic in reversed(placed):  # several after one block keep their order
        copy = etree.Element("graphic", dict(graphic.attrib))
        while (parent := anchor.getparent()) is not None and parent.tag in _CONTAINERS:
            anchor = parent  # after the whole list or table: an image is neither item nor cell
        if anchor is text:
            text.insert(0, copy)
        else:
            anchor.addnext(copy)
            copy.tail, anchor.tail = anchor.tail, None


def _anchor(context: str, blocks: list[tuple[_Element, str]]) -> _Element | None:
    """The block of ``blocks`` that the words before an image end (or, failing that,
    hold); None when no block has them."""
    for block, words in blocks:
        if words.endswith(context):
            return block
    return next((block for block, words in blocks if context in words), None)


def _carry_inline(figures: _Element, blocks: list[tuple[_Element, str]]) -> None:
    """Links and emphasis, block by block: in the block of the text that starts as their
    block does (spaces aside: emphasis loses some), else in the first block from the
    last one used that holds their words."""
    index_of: dict[str, int] = {}
    for index, (_, words) in enumerate(blocks):
        index_of.setdefault(_key(words), index)
    start = 0
    for block in _blocks(figures):
        same = index_of.get(_key(_norm(_text_of(block))))
        for inline in block.iter(*_INLINE):
            if any(outer.tag in _INLINE for outer in inline.iterancestors()):
                continue  # a link in bold: the bold is carried
            words = _norm(_text_of(inline))
            if len(words) < _MIN_INLINE_CHARS:
                continue
            candidates = [same] if same is not None else range(start, len(blocks))
            for index in candidates:
                text_block, text_words = blocks[index]
                if words in text_words and _wrap(text_block, words, inline):
                    start = index
                    break


def _key(words: str) -> str:
    return "".join(words.split())[:_KEY_CHARS]


def _wrap(block: _Element, words: str, inline: _Element) -> bool:
    """Wrap the first run of ``words`` in one text node of ``block`` (not already in a
    link or emphasis) in a copy of ``inline`` (its tag and attributes)."""
    for element in block.iter():
        inside = any(outer.tag in _INLINE for outer in element.iterancestors())
        if inside:
            continue
        if element.tag not in _INLINE and element.text and words in element.text:
            head, _, rest = element.text.partition(words)
            element.text = head
            element.insert(0, _copy(inline, words, rest))
            return True
        if element is not block and element.tail and words in element.tail:
            head, _, rest = element.tail.partition(words)
            element.tail = head
            element.addnext(_copy(inline, words, rest))
            return True
    return False


def _copy(inline: _Element, words: str, tail: str) -> _Element:
    copy = etree.Element(str(inline.tag), dict(inline.attrib))  # a relative link too: a menu
    copy.text, copy.tail = words, tail
    return copy
