"""The editor of each kind of report cell: a status list, a percent box, a number field with the
Vietnamese decimal comma, and a text field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from desktop.domain.task_status import STATUSES
from desktop.views.formatting import format_number, locale_for, read_number
from desktop.views.report_models import ReportTableModel

Index = QModelIndex | QPersistentModelIndex


class ReportDelegate(QStyledItemDelegate):
    """Chooses the editor from the column's kind."""

    def __init__(self, model: ReportTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def _kind(self, index: Index) -> str:
        return self._model.columns[index.column()].kind

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        kind = self._kind(index)
        language = self._model.language
        if kind == "status":
            combo = QComboBox(parent)
            combo.addItem("", None)
            for status in STATUSES:
                combo.addItem(status.label(language), status.code)
            return combo
        if kind == "percent":
            spin = QDoubleSpinBox(parent)
            spin.setLocale(locale_for(language))
            spin.setRange(0, 100)
            spin.setDecimals(1)
            spin.setSuffix(" %")
            return spin
        editor = QLineEdit(parent)
        editor.setMaxLength(20_000)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = self._model.value_at(index)
        kind = self._kind(index)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(format_number(value, self._model.language) if kind == "number" else (value or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        value: Any
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QDoubleSpinBox):
            value = editor.value()
        elif isinstance(editor, QLineEdit) and self._kind(index) == "number":
            try:
                value = read_number(editor.text())
            except ValueError:
                QToolTip.showText(editor.mapToGlobal(editor.rect().bottomLeft()), QCoreApplication.translate(
                    "ReportDelegate", "«{0}» không phải là một số (ví dụ: 1.250 hoặc 99,5).").format(editor.text()))
                return
        else:
            value = editor.text().strip() or None  # type: ignore[attr-defined]
        model.setData(index, value, Qt.ItemDataRole.EditRole)
