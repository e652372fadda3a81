"""The images and links of a page's article, put back into its text-only extraction.

Trafilatura decides what is article and what is boilerplate differently when it is
asked to keep images and links: a figure's credit, a block of related stories with
thumbnails or a paragraph split at each link come along (measured with
``python -m tests.bench.extraction --dev``). So the article's text is the extraction
without them, and this module carries over, from a second extraction that keeps
them, only what belongs to that text:

- an image (``graphic``) goes after the block of the text whose words come just before
  it in the second extraction; an image whose neighbouring words are not in the text
  (a thumbnail of a related story) is left out;
- a link (``ref``) wraps the first run of the same words in a block of the text, when
  those words are there whole (inside one text node) and not already a link; links
  are placed in document order (each from the block of the one before).
"""

from __future__ import annotations

from lxml import etree
from lxml.etree import _Element

_CONTEXT_CHARS = 40  # the words before an image that say where it goes
_MIN_LINK_CHARS = 2  # a one-letter link is too ambiguous to place
_TEXT_BLOCKS = frozenset({"p", "head", "item", "cell", "quote", "code"})


def carry_figures(text: _Element, figures: _Element) -> None:
    """Put the images and links of ``figures`` into ``text`` (both trafilatura bodies)."""
    blocks = [(block, _norm(_text_of(block))) for block in _blocks(text)]
    _carry_images(text, figures, blocks)
    _carry_links(figures, blocks)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _text_of(element: _Element) -> str:
    return "".join(element.itertext())


def _blocks(body: _Element) -> list[_Element]:
    """Blocks of text that hold no other such block (a quote's paragraphs, not the quote)."""
    return [
        element
        for element in body.iter(*_TEXT_BLOCKS)
        if not any(inner is not element for inner in element.iter(*_TEXT_BLOCKS))
    ]


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


def _carry_links(figures: _Element, blocks: list[tuple[_Element, str]]) -> None:
    """Links in document order: each is looked for from the block of the one before."""
    start = 0
    for ref in figures.iter("ref"):
        words = _norm(_text_of(ref))
        if len(words) < _MIN_LINK_CHARS:
            continue
        target = str(ref.get("target") or "")  # a relative one too: it marks a menu
        for index in range(start, len(blocks)):
            block, block_words = blocks[index]
            if words in block_words and _wrap(block, words, target):
                start = index
                break


def _wrap(block: _Element, words: str, target: str) -> bool:
    """Wrap the first run of ``words`` in one text node of ``block`` (not in a link)."""
    for element in block.iter():
        if element.tag == "ref" or any(a.tag == "ref" for a in element.iterancestors()):
            continue
        if element.text and words in element.text:
            head, _, rest = element.text.partition(words)
            element.text = head
            element.insert(0, _ref(words, target, rest))
            return True
        if element is not block and element.tail and words in element.tail:
            head, _, rest = element.tail.partition(words)
            element.tail = head
            element.addnext(_ref(words, target, rest))
            return True
    return False


def _ref(words: str, target: str, tail: str) -> _Element:
    ref = etree.Element("ref", target=target)
    ref.text, ref.tail = words, tail
    return ref
