"""«Kiểm tra» (F5): validate the open report and say what was found — "Không có lỗi" or "N lỗi, M cảnh
báo" in the status bar — with the list of issues shown and focused, so that the key visibly did something."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QTabWidget

from desktop.domain.validation import ValidationResult
from desktop.views.report_editor import ReportEditor

translate = QCoreApplication.translate


def found_text(result: ValidationResult) -> str:
    """"Không có lỗi, không có cảnh báo." / "Kiểm tra xong: 2 lỗi, 5 cảnh báo." """
    if not result.issues:
        return translate("CheckReport", "Kiểm tra xong: không có lỗi, không có cảnh báo.")
    if not result.errors:
        return translate("CheckReport", "Kiểm tra xong: không có lỗi, {0} cảnh báo (vẫn ký được).").format(
            len(result.warnings))
    return translate("CheckReport", "Kiểm tra xong: {0} lỗi, {1} cảnh báo. Còn lỗi thì chưa ký được.").format(
        len(result.errors), len(result.warnings))


def check_report(window: QMainWindow, tabs: QTabWidget, editor: ReportEditor) -> None:
    """Validate the report in ``editor`` now and tell the result in ``window``'s status bar."""
    if editor.view is None:
        window.statusBar().showMessage(translate("CheckReport", "Chưa mở báo cáo nào để kiểm tra."), 6000)
        return
    tabs.setCurrentWidget(editor)
    window.statusBar().showMessage(translate("CheckReport", "Đang kiểm tra báo cáo…"))

    def shown(result: ValidationResult) -> None:
        window.statusBar().showMessage(found_text(editor.result), 15000)
        if editor.result.issues:
            editor.issue_list.setCurrentRow(0)
            editor.issue_list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    editor.validated.connect(shown, Qt.ConnectionType.SingleShotConnection)
    editor.validate_now()
