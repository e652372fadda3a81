"""An article's own images, read off the GUI thread, before the article is shown.

The reading pane never opens a file itself (:meth:`ReadingView.loadResource` only hands
Qt what was read here): a named pipe named ``photo.png`` beside an article would block
the window forever if Qt opened it, and a device would never end. Here, on a worker:

* only sources inside the article's own folder (after symbolic links) are looked at;
* a file is opened without blocking and must be a regular file (checked on the open
  file, so it cannot be swapped for a pipe in between) within ``MAX_IMAGE_BYTES``;
* its header must claim at most ``MAX_IMAGE_PIXELS``, and it is decoded no wider
  than ``MAX_IMAGE_DECODE_WIDTH``;
* an article gets at most ``MAX_ARTICLE_IMAGES`` images, ``MAX_ARTICLE_IMAGE_BYTES`` in all.

An image of the folder that cannot be shown (missing, unreadable, refused) is shown as
a placeholder: its alt text, or "image", in brackets and a dashed frame, as the
renderer shows a remote image's alt text in its place.
"""

from __future__ import annotations

import html
import os
import re
import stat
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QImageReader, QPainter, QPen

from reader.core.limits import (
    MAX_ARTICLE_IMAGE_BYTES,
    MAX_ARTICLE_IMAGES,
    MAX_IMAGE_BYTES,
    MAX_IMAGE_DECODE_WIDTH,
    MAX_IMAGE_PIXELS,
)

# Tags of sanitized HTML (attribute values double-quoted): the alternatives start with
# different characters, so the scan is linear.
_IMG = re.compile(r'<img\b(?:[^<>"]|"[^"]*")*>', re.IGNORECASE)
_SRC = re.compile(r'\bsrc="([^"]*)"', re.IGNORECASE)
_ALT = re.compile(r'\balt="([^"]*)"', re.IGNORECASE)
_PLACEHOLDER_WIDTH = 480  # pixels at most; a longer alt text is cut with "…"
_PLACEHOLDER_PAD = 8
_MUTED = QColor(128, 128, 128)  # readable on the light and the dark page
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def image_alts(body_html: str) -> dict[str, str]:
    """The alt text of each image source of the HTML (the first image's, if several)."""
    alts: dict[str, str] = {}
    for tag in _IMG.finditer(body_html):
        if (src := _SRC.search(tag.group())) is not None:
            alt = _ALT.search(tag.group())
            text = html.unescape(alt.group(1)) if alt is not None else ""
            alts.setdefault(html.unescape(src.group(1)), " ".join(text.split()))
    return alts


def placeholder(alt: str) -> QImage:
    """An image that cannot be shown: ``[alt text]`` (or ``[image]``) in a dashed frame."""
    font = QFont()
    font.setItalic(True)  # as a remote image's alt text is shown (``em.image-alt``)
    metrics = QFontMetrics(font)
    text = metrics.elidedText(
        f"[{alt or 'image'}]", Qt.TextElideMode.ElideRight, _PLACEHOLDER_WIDTH
    )
    width = metrics.horizontalAdvance(text) + 2 * _PLACEHOLDER_PAD
    height = metrics.height() + 2 * _PLACEHOLDER_PAD
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setFont(font)
        painter.setPen(QPen(_MUTED, 1, Qt.PenStyle.DashLine))
        painter.drawRect(QRect(0, 0, width - 1, height - 1))
        painter.drawText(QRect(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, text)
    finally:
        painter.end()
    return image


def local_image_path(folder: Path, url: QUrl | str) -> Path | None:
    """The file an image URL names inside ``folder`` (links followed), or None for a
    remote URL or a file outside the folder."""
    url = QUrl(url)
    if url.scheme() and url.scheme() != "file":
        return None
    try:
        candidate = (folder / (url.toLocalFile() or url.path())).resolve()
        inside = candidate.is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL in the name
        return None
    return candidate if inside else None


def read_image_file(path: Path, max_bytes: int = MAX_IMAGE_BYTES) -> bytes | None:
    """The bytes of a regular file of at most ``max_bytes``; None for anything else
    (a pipe, a device, a folder, a missing or unreadable file). Never blocks on open."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        try:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
                return None
            data = file.read(max_bytes + 1)
        except OSError:
            return None
    return data if len(data) <= max_bytes else None  # it grew meanwhile


def decode_image(data: bytes) -> QImage | None:
    """The image, if its header claims no more than ``MAX_IMAGE_PIXELS``; decoded no
    wider than ``MAX_IMAGE_DECODE_WIDTH``."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_IMAGE_PIXELS:
        return None
    if size.width() > MAX_IMAGE_DECODE_WIDTH:
        height = max(1, round(size.height() * MAX_IMAGE_DECODE_WIDTH / size.width()))
        reader.setScaledSize(QSize(MAX_IMAGE_DECODE_WIDTH, height))
    image = reader.read()
    return None if image.isNull() else image


def load_images(body_html: str, folder: Path) -> dict[Path, QImage]:
    """The article's local images, by their resolved path: each as read, or a
    :func:`placeholder` when it cannot be shown."""
    images: dict[Path, QImage] = {}
    budget = MAX_ARTICLE_IMAGE_BYTES
    alts = image_alts(body_html)
    for source in list(alts)[:MAX_ARTICLE_IMAGES]:
        path = local_image_path(folder, source)
        if path is None or path in images:
            continue
        data = read_image_file(path, min(MAX_IMAGE_BYTES, budget))
        image = decode_image(data) if data is not None else None
        if data is not None:
            budget -= len(data)
        images[path] = image if image is not None else placeholder(alts[source])
    return images
