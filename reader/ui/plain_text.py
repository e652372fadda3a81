"""User- and article-supplied text, shown exactly as written: never as rich text.

Qt guesses whether a string is HTML (``Qt.mightBeRichText``) wherever a widget's text
format is "auto": tooltips, QLabel by default, QInputDialog's label, message boxes.
A title like ``<img src="/dev/zero"> T`` shown in a tooltip made Qt read /dev/zero until
memory ran out, and any such title could read a local file or shape what is shown. So
every text that comes from an article, a file name, a folder name, a note, a tag or a
query goes through one of these before it reaches such a widget:

* :func:`literal` for places whose format Qt guesses (tooltips, a dialog's label);
* :func:`plain_label` for a QLabel that shows such text (its format fixed to plain);
* :func:`menu_text` for an action's text (``&`` is a mnemonic in menus and buttons).
"""

from __future__ import annotations

import html

from PySide6.QtGui import QAction, Qt
from PySide6.QtWidgets import QLabel


def literal(text: str) -> str:
    """``text`` in a form that Qt's auto-detected formats show exactly as written.

    Text that Qt would take for plain is returned as it is; text it would take for
    HTML is escaped and wrapped, so it is rich text that shows ``text`` literally
    (line breaks kept). Never pass the result to a widget set to plain text.
    """
    if not Qt.mightBeRichText(text):
        return text
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'


def plain_label(label: QLabel) -> QLabel:
    """The label shows its text as plain text, whatever it looks like (returned, to chain)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def menu_text(text: str) -> str:
    """``text`` for an action or button: each ``&`` shown as itself, not as a mnemonic."""
    return text.replace("&", "&&")


def set_action_text(action: QAction, text: str) -> None:
    """An action showing user text: ``&`` kept, and its tooltip (the text, by default,
    which Qt shows as rich text when it looks like HTML) literal."""
    action.setText(menu_text(text))
    action.setToolTip(literal(text))
