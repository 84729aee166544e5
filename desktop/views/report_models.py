"""Qt table models over the report's rows (``TaskItem``/``IndicatorItem`` from the services).

The models show values and validation; they never save. An edit goes to ``commit`` (the editor's
undoable, autosaving path) and the model shows the new value once the service has taken it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.task_status import status_label
from desktop.domain.validation_issues import ERROR, Issue
from desktop.views.formatting import format_date, format_number

ERROR_BRUSH = QBrush(QColor("#f8d7da"))
WARNING_BRUSH = QBrush(QColor("#fff3cd"))
READ_ONLY_BRUSH = QBrush(QColor("#f1f1f1"))
TEXT_PREVIEW = 120
Index = QModelIndex | QPersistentModelIndex
Commit = Callable[[str, str, Any, Any], bool]


translate = QCoreApplication.translate


@dataclass(frozen=True)
class Column:
    """One column: the row attribute it shows, its header, and the editor kind when editable."""

    field: str
    header: str
    kind: str = ""  # "", "status", "percent", "number", "text"

    @property
    def editable(self) -> bool:
        return bool(self.kind)


def task_columns() -> tuple[Column, ...]:
    """The task table's columns, in the order of the province's form."""
    return (
        Column("key", translate("ReportModels", "Mục")),
        Column("title", translate("ReportModels", "Nhiệm vụ")),
        Column("role", translate("ReportModels", "Vai trò")),
        Column("deadline_text", translate("ReportModels", "Thời hạn")),
        Column("status", translate("ReportModels", "Tình trạng"), "status"),
        Column("percent", translate("ReportModels", "Tỷ lệ (%)"), "percent"),
        Column("result", translate("ReportModels", "Kết quả thực hiện"), "text"),
        Column("difficulties", translate("ReportModels", "Khó khăn, vướng mắc"), "text"),
        Column("proposals", translate("ReportModels", "Đề xuất, kiến nghị"), "text"),
        Column("not_applicable_reason", translate("ReportModels", "Lý do không áp dụng"), "text"),
        Column("evidence", translate("ReportModels", "Minh chứng")),
    )


def indicator_columns() -> tuple[Column, ...]:
    """The indicator table's columns."""
    return (
        Column("key", translate("ReportModels", "STT")),
        Column("name", translate("ReportModels", "Chỉ tiêu")),
        Column("unit", translate("ReportModels", "Đơn vị")),
        Column("targets", translate("ReportModels", "Mục tiêu")),
        Column("numerator", translate("ReportModels", "Tử số"), "number"),
        Column("denominator", translate("ReportModels", "Mẫu số"), "number"),
        Column("value", translate("ReportModels", "Giá trị"), "number"),
        Column("level", translate("ReportModels", "Cấp độ"), "text"),
        Column("note", translate("ReportModels", "Ghi chú, giải trình"), "text"),
        Column("not_applicable_reason", translate("ReportModels", "Lý do không áp dụng"), "text"),
        Column("evidence", translate("ReportModels", "Minh chứng")),
    )


class ReportTableModel(QAbstractTableModel):
    """Rows of one kind ("task" or "indicator") with their validation issues."""

    def __init__(self, kind: str, columns: Sequence[Column], language: str, commit: Commit) -> None:
        super().__init__()
        self.kind = kind
        self.columns = tuple(columns)
        self.language = language
        self.editable = False
        self._commit = commit
        self._rows: list[Any] = []
        self._row_of: dict[str, int] = {}
        self._issues: dict[tuple[str, str], list[Issue]] = {}

    # data in ---------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any], editable: bool) -> None:
        """Show these rows (the report just opened)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {row.ref: n for n, row in enumerate(self._rows)}
        self.editable = editable
        self.endResetModel()

    def set_issues(self, issues: Sequence[Issue]) -> None:
        """Mark the cells that validation names; an issue without a shown field marks the key cell."""
        fields = {c.field for c in self.columns}
        marked: dict[tuple[str, str], list[Issue]] = {}
        for issue in issues:
            if issue.item_kind != self.kind or issue.item_key not in self._row_of:
                continue
            field = issue.field if issue.field in fields else "key"
            marked.setdefault((issue.item_key, field), []).append(issue)
        self._issues = marked
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1),
                                  [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole])

    def set_value(self, ref: str, field: str, value: Any) -> None:
        """Show a value the service has saved."""
        row = self._row_of.get(ref)
        if row is None:
            return
        setattr(self._rows[row], field, value)
        column = next(n for n, c in enumerate(self.columns) if c.field == field)
        self.dataChanged.emit(self.index(row, column), self.index(row, column))

    # lookups ---------------------------------------------------------------------------------------
    def row_item(self, row: int) -> Any:
        """The row's item (TaskItem or IndicatorItem)."""
        return self._rows[row]

    def row_of(self, ref: str) -> int | None:
        """The row showing ``ref``."""
        return self._row_of.get(ref)

    def column_of(self, field: str) -> int:
        """The column showing ``field`` (the key column when it is not shown)."""
        return next((n for n, c in enumerate(self.columns) if c.field == field), 0)

    def issues_at(self, index: Index) -> list[Issue]:
        """The validation issues of one cell."""
        item = self._rows[index.row()]
        return self._issues.get((item.ref, self.columns[index.column()].field), [])

    def items(self) -> list[Any]:
        """Every row's item, in order."""
        return list(self._rows)

    # Qt model ----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable and self.columns[index.column()].editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        item = self._rows[index.row()]
        value = getattr(item, column.field)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, item, value)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            issues = self.issues_at(index)
            if issues:
                return "\n".join(i.message(self.language) for i in issues)
            shown = self._display(column, item, value)
            return shown if isinstance(shown, str) and len(shown) > 40 else None
        if role == Qt.ItemDataRole.BackgroundRole:
            issues = self.issues_at(index)
            if issues:
                return ERROR_BRUSH if any(i.severity == ERROR for i in issues) else WARNING_BRUSH
            if column.editable and not self.editable:
                return READ_ONLY_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("percent", "number"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, column: Column, item: Any, value: Any) -> Any:
        if value is None:
            return ""
        if column.field == "status":
            return status_label(value, self.language)
        if column.field == "role":
            return translate("ReportModels", "Chủ trì") if value == "lead" else translate("ReportModels", "Phối hợp")
        if column.field == "deadline_text" and getattr(item, "due", None):
            return f"{value} ({format_date(item.due)})" if format_date(item.due) not in value else value
        if column.field == "targets":
            return "; ".join(f"{phase}: {text}" for phase, text in value.items())
        if column.field == "evidence":
            return str(value) if value else ""
        if column.kind in ("percent", "number"):
            return format_number(value, self.language)
        text = str(value).replace("\n", " ")
        return text if len(text) <= TEXT_PREVIEW else text[:TEXT_PREVIEW] + "…"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editable:
            return False
        column = self.columns[index.column()]
        if not column.editable:
            return False
        item = self._rows[index.row()]
        old = getattr(item, column.field)
        if value == old or (value in ("", None) and old in ("", None)):
            return False
        return self._commit(item.ref, column.field, old, value)
