"""The sort chosen in each table of the editor, kept with the window's other settings (``giao-dien.ini``
beside the store) so that the grids open in the same order after a lock, a settings change or a restart.
A column is kept by the field it shows, not its number, so a column added later does not shift it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from desktop.views.report_editor.editor import ReportEditor
from desktop.views.report_editor.report_table import ReportTable
from desktop.views.settings_dialog import UI_FILE

DESCENDING = "desc"


def _tables(editor: ReportEditor) -> tuple[tuple[str, ReportTable], ...]:
    return ("task", editor.task_table), ("indicator", editor.indicator_table)


def save_table_sorts(data_dir: Path, editor: ReportEditor) -> None:
    """Keep the field each table is sorted by and the order ("" when in the report's own order)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    q = QSettings(str(data_dir / UI_FILE), QSettings.Format.IniFormat)
    for kind, table in _tables(editor):
        field, order = table.sort_field()
        q.setValue(f"table_sort/{kind}", field)
        q.setValue(f"table_sort/{kind}_order", DESCENDING if order == Qt.SortOrder.DescendingOrder else "asc")
    q.sync()


def restore_table_sorts(data_dir: Path, editor: ReportEditor) -> None:
    """Sort each table as it was kept (nothing kept, or a field no longer shown: the report's order)."""
    q = QSettings(str(data_dir / UI_FILE), QSettings.Format.IniFormat)
    for kind, table in _tables(editor):
        field = str(q.value(f"table_sort/{kind}", "") or "")
        order = Qt.SortOrder.DescendingOrder if q.value(f"table_sort/{kind}_order") == DESCENDING \
            else Qt.SortOrder.AscendingOrder
        if field:
            table.sort_by_field(field, order)
