"""The editor of each kind of report cell: a status list, and a text field for the rest whose value is
read by ``field_input`` — stored exactly as typed or refused at the cell with the reason.

Two rules keep what is typed: an open editor is filled from the model once, when it opens (a refresh of
the marks or of other cells never rewrites it), and an editor whose text the field refuses stays open with
that text and the reason, whether the user pressed Enter, Tab or clicked elsewhere.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QWidget

from desktop.domain.field_input import FieldRefused, read_field
from desktop.domain.task_status import STATUSES
from desktop.views.formatting import format_number
from desktop.views.report_models import ReportTableModel

Index = QModelIndex | QPersistentModelIndex
_LOADED = "baocaoLoaded"
_FIELD = "baocaoField"
_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
REFUSED_STYLE = "border: 2px solid #c62828; background: #fdecea;"


def show_refusal(editor: QWidget, error: FieldRefused | None, language: str) -> None:
    """Mark a field refused (red, the reason in its tooltip and shown at once) or clear the mark."""
    if error is None:
        if editor.styleSheet():  # a style sheet set, even to the same, re-polishes the widget: only when marked
            editor.setToolTip("")
            editor.setStyleSheet("")
        return
    editor.setToolTip(error.message(language))
    editor.setStyleSheet(REFUSED_STYLE)
    QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), error.message(language), editor)


def editor_text(value: Any, field: str, language: str) -> str:
    """The text an editor starts from for a stored value."""
    if value is None:
        return ""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return format_number(float(value), language)
    return str(value)


class ReportDelegate(QStyledItemDelegate):
    """Chooses the editor from the column's kind and refuses what the field cannot store."""

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def _field(self, index: Index) -> str:
        return self._model.columns[index.column()].field

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        language = self._model.language
        editor: QWidget
        if self._model.columns[index.column()].kind == "status":
            combo = QComboBox(parent)
            combo.addItem("", None)
            for status in STATUSES:
                combo.addItem(status.label(language), status.code)
            editor = combo
        else:
            editor = QLineEdit(parent)
        editor.setObjectName(f"cell_{self._field(index)}")
        editor.setProperty(_FIELD, self._field(index))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        # Once only: Qt calls this again whenever the cell's row changes (validation marks, another field
        # saved); the editor then holds what the user is typing, which no refresh may replace.
        if editor.property(_LOADED):
            return
        editor.setProperty(_LOADED, True)
        value = self._model.value_at(index)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QLineEdit):
            editor.setText(editor_text(value, self._field(index), self._model.language))

    def refusal(self, editor: QWidget) -> FieldRefused | None:
        """Why the editor's text cannot be stored, or None."""
        if not isinstance(editor, QLineEdit):
            return None
        try:
            read_field(str(editor.property(_FIELD)), editor.text(), self._model.language)
        except FieldRefused as error:
            return error
        return None

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        value: Any
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QLineEdit):
            try:
                value = read_field(self._field(index), editor.text(), self._model.language)
            except FieldRefused as error:
                show_refusal(editor, error, self._model.language)
                return
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep a refused editor open, with its text, on Enter, Tab or leaving it."""
        if isinstance(watched, QLineEdit) and self._leaving(watched, event):
            error = self.refusal(watched)
            show_refusal(watched, error, self._model.language)
            if error is not None:
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _leaving(editor: QLineEdit, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            return isinstance(event, QKeyEvent) and event.key() in _COMMIT_KEYS
        return event.type() == QEvent.Type.FocusOut and editor.isVisible()
