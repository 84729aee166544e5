"""Qt table models over the report's rows (``TaskItem``/``IndicatorItem`` from the services).

The models show values and validation; they never save. An edit goes to ``commit`` (the editor's
undoable, autosaving path) and the model shows the new value once the service has taken it.

What a cell shows is computed once, when a row arrives or changes, and kept in Qt's own items: painting a
table then never calls into Python. A Python ``data()`` runs for every visible cell and role on every
repaint, each call needs the GIL, and while workers compute (validation, the dashboard, a sync) every
hand-over waits for the switch interval: a 300-row table shown during a sync froze the UI thread for
100–200 ms. Only an edit (``setData``) comes back to Python.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItemModel

from desktop.domain.natural_order import natural_sort_text
from desktop.domain.task_status import status_label
from desktop.domain.text import fold
from desktop.domain.validation_issues import ERROR, Issue
from desktop.views.formatting import format_date, format_number
from desktop.views.indicator_hints import computed_value_text, field_hint
from desktop.views.plain_items import set_cell, update_cell

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
        Column("plan", translate("ReportModels", "Kế hoạch")),
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
        Column("plan", translate("ReportModels", "Kế hoạch")),
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


_DISPLAY, _TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
_BACKGROUND, _ALIGNMENT = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE = _SHOWN | Qt.ItemFlag.ItemIsEditable
SORT_ROLE = Qt.ItemDataRole.UserRole + 7
REF_ROLE = Qt.ItemDataRole.UserRole + 8


def _sort_value(column: Column, item: Any, value: Any) -> Any:
    """What a header click sorts a cell by: item numbers in natural order, plans by their number with each
    plan's items in its own order, numbers by value, text by its letters without diacritics (an empty cell
    first)."""
    if column.field == "key":
        return natural_sort_text(str(value or ""))
    if column.field == "plan":
        return natural_sort_text(str(value or "")) + "\x00" + natural_sort_text(str(getattr(item, "key", "")))
    if column.kind in ("percent", "number") or column.field == "evidence":
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else -1.0
    if isinstance(value, dict):
        value = "; ".join(str(v) for v in value.values())
    return fold(str(value)) if value is not None else ""


class ReportTableModel(QStandardItemModel):
    """Rows of one kind ("task" or "indicator") with their validation issues."""

    def __init__(self, kind: str, columns: Sequence[Column], language: str, commit: Commit,
                 parent: QObject | None = None) -> None:
        super().__init__(0, len(columns), parent)
        self.kind = kind
        self.columns = tuple(columns)
        self.language = language
        self.editable = False
        self._commit = commit
        self._rows: list[Any] = []
        self._row_of: dict[str, int] = {}
        self._issues: dict[tuple[str, str], list[Issue]] = {}
        self._field_column = {c.field: n for n, c in enumerate(self.columns)}
        self.setHorizontalHeaderLabels([c.header for c in self.columns])
        self.setSortRole(SORT_ROLE)
        for number, shown in enumerate(self.columns):
            if hint := field_hint(shown.field):
                self.setHeaderData(number, Qt.Orientation.Horizontal, hint, _TOOLTIP)

    # data in ---------------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any], editable: bool) -> None:
        """Show these rows (the report just opened).

        The cells of rows already shown are reused: making a cell goes through a ``QModelIndex``, which lets
        busy workers take the GIL from the UI thread; changing one does not.
        """
        self._rows = list(rows)
        self._row_of = {row.ref: n for n, row in enumerate(self._rows)}
        self._issues = {}
        self.editable = editable
        kept = min(self.rowCount(), len(self._rows))
        if self.rowCount() > len(self._rows):
            self.removeRows(kept, self.rowCount() - kept)
        self.setRowCount(len(self._rows))
        self.blockSignals(True)  # one dataChanged for the views instead of one per cell
        try:
            for n, item in enumerate(self._rows):
                for column_number, column in enumerate(self.columns):
                    roles = self._roles(column, item, [])
                    flags = _EDITABLE if editable and column.editable else _SHOWN
                    cell = self.item(n, column_number) if n < kept else None
                    if cell is None:
                        set_cell(self, self.index(n, column_number), roles, flags)
                    else:
                        update_cell(cell, roles)
                        cell.setFlags(flags)
        finally:
            self.blockSignals(False)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))

    def set_issues(self, issues: Sequence[Issue]) -> None:
        """Mark the cells that validation names; an issue without a shown field marks the key cell."""
        marked: dict[tuple[str, str], list[Issue]] = {}
        for issue in issues:
            if issue.item_kind != self.kind or issue.item_key not in self._row_of:
                continue
            field = issue.field if issue.field in self._field_column else "key"
            marked.setdefault((issue.item_key, field), []).append(issue)
        stale, self._issues = self._issues, marked
        changed = [(self._row_of[ref], self._field_column[field]) for ref, field in stale.keys() | marked.keys()
                   if stale.get((ref, field)) != marked.get((ref, field))]
        if not changed:
            return
        self.blockSignals(True)  # one dataChanged for the views instead of one per marked cell
        try:
            for row, column_number in changed:
                self._refresh_cell(row, column_number, marks_only=True)
        finally:
            self.blockSignals(False)
        rows = [row for row, _column in changed]
        self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(self.columns) - 1),
                              [_TOOLTIP, _BACKGROUND])

    def set_value(self, ref: str, field: str, value: Any) -> None:
        """Show a value the service has saved."""
        row = self._row_of.get(ref)
        if row is None:
            return
        setattr(self._rows[row], field, value)
        self._refresh_cell(row, self._field_column[field])
        if field in ("numerator", "denominator") and "value" in self._field_column:
            self._refresh_cell(row, self._field_column["value"])  # it shows the rate they give

    def _refresh_cell(self, row: int, column_number: int, marks_only: bool = False) -> None:
        item, column = self._rows[row], self.columns[column_number]
        issues = self._issues.get((item.ref, column.field), [])
        roles = self._marks(column, item, issues) if marks_only else self._roles(column, item, issues)
        update_cell(self.item(row, column_number), roles)

    def _roles(self, column: Column, item: Any, issues: list[Issue]) -> dict[int, Any]:
        """Everything the view asks of one cell."""
        value = getattr(item, column.field)
        roles: dict[int, Any] = {_DISPLAY: self._display(column, item, value),
                                 SORT_ROLE: _sort_value(column, item, value)}
        if column.field == "key":
            roles[REF_ROLE] = item.ref
        roles.update(self._marks(column, item, issues, roles[_DISPLAY]))
        if column.kind in ("percent", "number"):
            roles[_ALIGNMENT] = _RIGHT
        return roles

    def _marks(self, column: Column, item: Any, issues: list[Issue], shown: str | None = None) -> dict[int, Any]:
        """The tooltip and background: the issues of the cell, else the whole of a long text."""
        if issues:
            return {_TOOLTIP: "\n".join(i.message(self.language) for i in issues),
                    _BACKGROUND: ERROR_BRUSH if any(i.severity == ERROR for i in issues) else WARNING_BRUSH}
        if shown is None:
            shown = self._display(column, item, getattr(item, column.field))
        whole = getattr(item, column.field)
        # The cell cuts a long text in «…»: its tooltip gives the whole of it, wrapped (rich text wraps).
        tip = f"<qt>{escape(whole)}</qt>" if isinstance(whole, str) and shown.endswith("…") else shown
        return {_TOOLTIP: tip if len(shown) > 40 else None,
                _BACKGROUND: READ_ONLY_BRUSH if column.editable and not self.editable else None}

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column (a header click): in C++ by each cell's sort value, then the rows'
        items follow (the key cells name them); ``-1`` keeps the order."""
        if not 0 <= column < len(self.columns) or not self._rows:
            return
        QStandardItemModel.sort(self, column, order)
        by_ref = {row.ref: row for row in self._rows}
        key = self._field_column.get("key", 0)
        self._rows = [by_ref[str(self.item(n, key).data(REF_ROLE))] for n in range(self.rowCount())]
        self._row_of = {row.ref: n for n, row in enumerate(self._rows)}

    def show_plan_titles(self, titles: dict[str, str]) -> None:
        """Give each plan cell the plan's whole title as its tooltip (the cell shows the plan's number)."""
        column = self._field_column.get("plan")
        if column is None:
            return
        for row, item in enumerate(self._rows):
            if title := titles.get(item.plan):
                update_cell(self.item(row, column), {_TOOLTIP: f"{item.plan} — {title}"})

    # lookups ---------------------------------------------------------------------------------------
    def row_item(self, row: int) -> Any:
        """The row's item (TaskItem or IndicatorItem)."""
        return self._rows[row]

    def row_of(self, ref: str) -> int | None:
        """The row showing ``ref``."""
        return self._row_of.get(ref)

    def column_of(self, field: str) -> int:
        """The column showing ``field`` (the key column when it is not shown)."""
        return self._field_column.get(field, 0)

    def value_at(self, index: Index) -> Any:
        """The stored value behind a cell (what its editor starts from)."""
        return getattr(self._rows[index.row()], self.columns[index.column()].field)

    def issues_at(self, index: Index) -> list[Issue]:
        """The validation issues of one cell."""
        item = self._rows[index.row()]
        return self._issues.get((item.ref, self.columns[index.column()].field), [])

    def items(self) -> list[Any]:
        """Every row's item, in order."""
        return list(self._rows)

    def _display(self, column: Column, item: Any, value: Any) -> str:
        if value is None and column.field == "value" and self.kind == "indicator":
            return computed_value_text(item, self.language)
        if value is None:
            return ""
        if column.field == "status":
            return status_label(value, self.language)
        if column.field == "role":
            if not value:  # a plan read before any agency is declared: nobody's role yet
                return ""
            if value == "lead":
                return translate("ReportModels", "Chủ trì")
            # Every agency reports its own figures for every indicator: not a coordinating assignment.
            return translate("ReportModels", "Báo cáo số liệu") if self.kind == "indicator" \
                else translate("ReportModels", "Phối hợp")
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

    # edits -------------------------------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An edit from a cell's editor: handed to ``commit``; the cell shows it once the service took it."""
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
