"""Fill the open report from a workbook, asking first when the workbook was written for another report.

The fill runs on the worker. When the service refuses the file because it records another period or
agency, the user sees what the workbook is for and may take it all the same ("Vẫn nhập"), which runs the
fill again with ``force``; anything else is shown as the refusal it is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.i18n import current_language
from desktop.models.store import Store
from desktop.services.workbook_target import WorkbookForAnotherReport
from desktop.views.worker import Operation, run_operation, show_error


def _tr(text: str) -> str:
    return QCoreApplication.translate("WorkbookFill", text)


def fill_workbook(parent: QWidget, store: Store, period_code: str, path: Path,
                  on_done: Callable[[Any], None]) -> Operation:
    """Start the fill of ``period_code`` from ``path``; ``on_done(FillResult)`` once values are taken."""
    from desktop.services import documents

    def refused(error: BaseException) -> None:
        if isinstance(error, WorkbookForAnotherReport):
            confirm_other_report(parent, error, lambda: _run(True))
        else:
            show_error(parent, error, _tr("Không nhập được số liệu"))

    def _run(force: bool) -> Operation:
        operation = run_operation(
            parent, lambda _p, _c: documents.fill_from_workbook(store, period_code, path, force=force),
            title=_tr("Đang nhập số liệu"), on_success=on_done, on_failure=refused, cancellable=False)
        parent.setProperty("fillOperation", operation)
        return operation

    return _run(False)


def confirm_other_report(parent: QWidget, error: WorkbookForAnotherReport,
                         take_anyway: Callable[[], object]) -> QMessageBox:
    """A non-blocking question naming what the workbook is for; "Vẫn nhập" calls ``take_anyway``."""
    fact = error.fact_en if current_language() == "en" else error.fact_vi
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Bảng tính của báo cáo khác"),
                      fact + "\n\n" + _tr("Vẫn nhập số liệu của tệp này vào báo cáo đang mở?"),
                      QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("fillMismatchBox")
    anyway = box.addButton(_tr("Vẫn nhập"), QMessageBox.ButtonRole.AcceptRole)
    anyway.setObjectName("fillAnywayButton")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    anyway.clicked.connect(take_anyway)
    box.open()
    return box
