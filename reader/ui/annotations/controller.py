"""Highlighting in the window: selection → highlight, click → change, all undoable.

Every change (a new highlight, a colour, a note, a deletion, an orphan
placed by hand) is one QUndoCommand on one stack: Ctrl+Z / Ctrl+Shift+Z walk it,
even across articles. Each command saves through the ``user`` lane, so a long
library refresh never holds up a save, and the GUI thread never waits for disk.
If a save fails (a read-only or full data folder), the window says why, stops
offering changes, and shows what is really saved.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import QMenu

from reader.core.annotations.userdata import COLORS, Annotation, now
from reader.core.limits import MAX_NOTE_CHARS
from reader.ui.annotations.highlight_layer import HighlightLayer, color_name
from reader.ui.annotations.panel import AnnotationsPanel
from reader.ui.annotations.selection_toolbar import SelectionToolbar, color_icon
from reader.ui.reading.reading_view import ReadingView
from reader.ui.session.error_text import save_error_text
from reader.ui.session.library_session import LibrarySession
from reader.ui.session.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.core.annotations.annotating import Placed

if TYPE_CHECKING:
    from reader.core.operations import OpenedArticle

_NOTE_EDIT = 1  # QUndoCommand id: consecutive keystrokes in one note merge into one step


class AnnotationChange(QUndoCommand):
    def __init__(
        self,
        controller: AnnotationController,
        article_id: int,
        before: Annotation | None,
        after: Annotation | None,
        label: str,
        note_edit: bool = False,
    ) -> None:
        super().__init__(label)
        self.controller = controller
        self.article_id = article_id
        self.before = before
        self.after = after
        self.note_edit = note_edit

    def redo(self) -> None:
        self.controller.apply(self.article_id, self.after, self.before)

    def undo(self) -> None:
        self.controller.apply(self.article_id, self.before, self.after)

    def id(self) -> int:
        return _NOTE_EDIT if self.note_edit else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, AnnotationChange) or not other.note_edit:
            return False
        if self.after is None or other.after is None or self.after.id != other.after.id:
            return False
        self.after = other.after
        return True


class AnnotationController(QObject):
    message = Signal(str)  # something the reader should know (a save failed)
    opened_changed = Signal()  # the shown article's highlights changed
    reload_needed = Signal()  # show the article again, as saved
    saved = Signal(str)  # an annotation id: its change is on disk

    def __init__(
        self,
        view: ReadingView,
        panel: AnnotationsPanel,
        session: LibrarySession,
        tasks: TaskRunner,
        settings: QSettings,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.panel = panel
        self.session = session
        self.tasks = tasks
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        self.layer = HighlightLayer(view)
        self.toolbar = SelectionToolbar(view)
        self.opened: OpenedArticle | None = None
        self.annotations: dict[str, Annotation] = {}
        self.placed: list[Placed] = []
        self.orphans: list[Annotation] = []
        self.unsaved_reason = ""  # why changes cannot be saved now
        self.popup_menu: QMenu | None = None
        self.context_menu: QMenu | None = None
        # Shown beside the pane's own Copy in its context menu (Copy with Citation), so
        # that a reader who right-clicks a selection finds it.
        self.copy_actions: list[QAction] = []
        self._build_actions()
        view.selection_finished.connect(self._on_selection)
        view.selectionChanged.connect(self._on_selection_changed)
        view.clicked.connect(self._on_click)
        view.restyled.connect(self._redraw)
        view.customContextMenuRequested.connect(self._context_menu)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.toolbar.chosen.connect(self.highlight_selection)
        panel.activated.connect(self.scroll_to)
        panel.note_edited.connect(self.set_note)
        panel.delete_requested.connect(self.delete)
        panel.place_orphan_requested.connect(self.place_orphan)
        panel.note.installEventFilter(self)  # Escape: back to the article

    def _build_actions(self) -> None:
        self.highlight_action = QAction(self.tr("&Highlight Selection"), self)
        self.highlight_action.setShortcut(QKeySequence("Ctrl+H"))
        self.highlight_action.triggered.connect(lambda: self.highlight_selection("", False))
        self.note_action = QAction(self.tr("Highlight &with Note"), self)
        self.note_action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.note_action.triggered.connect(lambda: self.highlight_selection("", True))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.highlight_action, self.note_action, self.undo_action,
                       self.redo_action):  # fmt: skip
            self.view.addAction(action)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape in a note goes back to the article, where the reader was (with the keys
        alone, Ctrl+Shift+H writes a note and Escape returns to reading)."""
        if (
            watched is self.panel.note
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            self.panel.flush_note()
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    @property
    def last_color(self) -> str:
        color = str(self.settings.value("annotations/color", "yellow"))
        return color if color in COLORS else "yellow"

    # --- the article shown ----------------------------------------------------------

    def show(self, opened: OpenedArticle) -> None:
        self.panel.flush_note()  # a note typed just now belongs to the article we leave
        self.opened = opened
        self.annotations = {p.annotation.id: p.annotation for p in opened.anchored.placed}
        self.annotations |= {a.id: a for a in opened.anchored.orphans}
        self.placed = list(opened.anchored.placed)
        self.orphans = list(opened.anchored.orphans)
        self.toolbar.hide()
        self._redraw()

    def clear(self) -> None:
        self.panel.flush_note()
        self.opened = None
        self.annotations, self.placed, self.orphans = {}, [], []
        self.toolbar.hide()
        self.panel.set_annotations([], [])

    def _replace_all(self) -> None:
        """Place the shown article's highlights again (positions are exact: fast)."""
        if self.opened is None:
            return
        from reader.core.annotations.annotating import reanchor  # with the first article

        anchored = reanchor(self.annotations.values(), self.opened.text, self.opened.fingerprint)
        self.placed, self.orphans = anchored.placed, anchored.orphans
        self._redraw()

    def _redraw(self) -> None:
        self.layer.show(self.placed)
        self.panel.set_annotations([p.annotation for p in self.placed], self.orphans)
        self.opened_changed.emit()

    # --- making and changing highlights ---------------------------------------------

    def selection_offsets(self) -> tuple[int, int] | None:
        cursor = self.view.textCursor()
        offsets = self.view.offsets
        if offsets is None or not cursor.hasSelection():
            return None
        return offsets.to_text(cursor.selectionStart()), offsets.to_text(cursor.selectionEnd())

    def can_change(self) -> bool:
        reason = self.unsaved_reason or self.session.read_only_reason
        if reason:
            self.message.emit(self.tr("Highlights cannot be changed: {0}.").format(reason))
            return False
        return self.opened is not None and bool(self.opened.text)

    def highlight_selection(self, color: str = "", with_note: bool = False) -> None:
        span = self.selection_offsets()
        if span is None or not self.can_change():
            return
        assert self.opened is not None
        color = color or self.last_color
        self.settings.setValue("annotations/color", color)
        try:
            from reader.core.annotations.annotating import create

            annotation = create(
                self.opened.id, self.opened.text, *span, color, "", self.opened.fingerprint
            )
        except ValueError:
            return  # only whitespace selected
        label = self.tr("Highlight", "undo step")
        self.undo_stack.push(AnnotationChange(self, self.opened.id, None, annotation, label))
        # The panel stays as the reader left it (View → Highlights and Notes Panel, kept
        # with the window's docks): a highlight never opens it and squeezes the list.
        cursor = self.view.textCursor()
        cursor.clearSelection()
        self.view.setTextCursor(cursor)
        self.toolbar.hide()
        if with_note:
            self.panel.edit_note(annotation.id)

    def set_color(self, annotation_id: str, color: str) -> None:
        self._change(annotation_id, self.tr("Change Colour", "undo step"), color=color)
        self.settings.setValue("annotations/color", color)

    def set_note(self, annotation_id: str, note: str) -> None:
        """Keeps at most ``MAX_NOTE_CHARS`` of it (the editor stops there already)."""
        note = note[:MAX_NOTE_CHARS]
        self._change(annotation_id, self.tr("Edit Note", "undo step"), note=note)

    def _change(self, annotation_id: str, label: str, **changes: str) -> None:
        before = self.annotations.get(annotation_id)
        if before is None or self.opened is None or not self.can_change():
            return
        after = replace(before, modified=now(), **changes)  # type: ignore[arg-type]
        note_edit = "note" in changes
        self.undo_stack.push(
            AnnotationChange(self, self.opened.id, before, after, label, note_edit)
        )

    def delete(self, annotation_id: str) -> None:
        before = self.annotations.get(annotation_id)
        if before is None or self.opened is None or not self.can_change():
            return
        self.undo_stack.push(
            AnnotationChange(
                self, self.opened.id, before, None, self.tr("Delete Highlight", "undo step")
            )
        )

    def place_orphan(self, annotation_id: str) -> None:
        before = self.annotations.get(annotation_id)
        span = self.selection_offsets()
        if before is None or self.opened is None:
            return
        if span is None:
            self.message.emit(self.tr("Select the passage in the article first, then re-attach."))
            return
        if not self.can_change():
            return
        try:
            opened = self.opened
            from reader.core.annotations import annotating

            after = annotating.place_orphan(before, opened.text, *span, opened.fingerprint)
        except ValueError:
            return
        label = self.tr("Re-attach", "undo step")
        self.undo_stack.push(AnnotationChange(self, self.opened.id, before, after, label))

    def apply(self, article_id: int, new: Annotation | None, old: Annotation | None) -> None:
        """Make ``new`` what is saved (None: delete ``old``); the undo stack calls this."""
        userdata = self.session.userdata
        if userdata is not None:
            changed = new if new is not None else old
            assert changed is not None

            def work(_: object) -> str:
                if new is not None:
                    userdata.save(new)
                else:
                    userdata.delete(changed.id)
                return changed.id

            self.tasks.run("user", work, on_done=self.saved.emit, on_error=self._save_failed)
        if self.opened is None or self.opened.id != article_id:
            return
        if old is not None:
            self.annotations.pop(old.id, None)
        if new is not None:
            self.annotations[new.id] = new
        self._replace_all()

    def _save_failed(self, exc: BaseException) -> None:
        self.unsaved_reason = save_error_text(exc)
        self.undo_stack.clear()
        self.message.emit(
            self.tr("Your last change was not saved: {0}. Nothing saved before is lost.").format(
                self.unsaved_reason
            )
        )
        for action in (self.highlight_action, self.note_action):
            action.setEnabled(False)
        self.reload_needed.emit()  # show what is really saved

    # --- pointing at highlights -------------------------------------------------------

    def _on_selection(self) -> None:
        if self.opened is not None and self.opened.text and not self.unsaved_reason:
            self.toolbar.show_for_selection()

    def _on_selection_changed(self) -> None:
        if not self.view.textCursor().hasSelection():
            self.toolbar.hide()

    def _on_click(self, position: int, global_point: QPoint) -> None:
        placed = self.layer.at(position)
        if placed is None:
            return
        self.panel.select(placed.annotation.id)
        self.layer.paint(focused=placed.annotation.id)
        self.popup_menu = _replaced(self.popup_menu, self._highlight_menu(placed.annotation))
        self.popup_menu.popup(global_point)

    def _highlight_menu(self, annotation: Annotation, parent: QMenu | None = None) -> QMenu:
        menu = QMenu(parent or self.view)
        menu.setObjectName("highlightMenu")
        colors = QActionGroup(menu)
        for color in COLORS:
            action = menu.addAction(color_icon(color), color_name(color))
            action.setCheckable(True)
            action.setChecked(color == annotation.color)
            action.setActionGroup(colors)
            action.triggered.connect(lambda _=False, c=color: self.set_color(annotation.id, c))
        menu.addSeparator()
        note = menu.addAction(self.tr("Edit Note…") if annotation.note else self.tr("Add Note…"))
        note.triggered.connect(lambda: self.panel.edit_note(annotation.id))
        remove = menu.addAction(self.tr("Delete Highlight"))
        remove.triggered.connect(lambda: self.delete(annotation.id))
        return menu

    def _context_menu(self, point: QPoint) -> None:
        menu = self.view.createStandardContextMenu(point)
        # Owned here while it is shown (Python would collect it), until the next one.
        self.context_menu = _replaced(self.context_menu, menu)
        placed = self.layer.at(self.view.cursorForPosition(point).position())
        menu.addActions(self.copy_actions)
        menu.addSeparator()
        menu.addAction(self.highlight_action)
        menu.addAction(self.note_action)
        if placed is not None:
            submenu = self._highlight_menu(placed.annotation, parent=menu)  # goes with it
            menu.addMenu(submenu).setText(self.tr("This Highlight"))
        menu.popup(self.view.viewport().mapToGlobal(point))

    def scroll_to(self, annotation_id: str) -> None:
        span = self.layer.span_of(annotation_id)
        if span is None:
            return
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(span[0])
        rect = self.view.cursorRect(cursor)
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.view.viewport().height() // 3)
        self.layer.paint(focused=annotation_id)


def _replaced(old: QMenu | None, new: QMenu) -> QMenu:
    """A new popup menu in place of the last one, which goes (menus must not pile up)."""
    if old is not None:
        old.deleteLater()
    return new
