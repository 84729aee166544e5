"""«Kiểm tra» (F5): validate the open report and say what was found — "Không có lỗi" or "N lỗi, M cảnh
báo" in the status bar — with the list of issues shown and focused, so that the key visibly did something."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QTabWidget

from desktop.domain.issue_tally import tally
from desktop.domain.validation import ValidationResult
from desktop.views.issue_counts import tally_text, unsigned_hint
from desktop.views.report_editor import ReportEditor

translate = QCoreApplication.translate


def found_text(result: ValidationResult) -> str:
    """"Không có lỗi, không có cảnh báo." / "Kiểm tra xong: 3 mục chưa nhập, 2 lỗi, 5 cảnh báo; …" """
    if not result.issues:
        return translate("CheckReport", "Kiểm tra xong: không có lỗi, không có cảnh báo.")
    counts = tally(result)
    if counts.signable:
        return translate("CheckReport", "Kiểm tra xong: không có lỗi, %n cảnh báo (vẫn ký được).", "",
                         counts.warnings)
    return translate("CheckReport", "Kiểm tra xong: {0}; {1}.").format(tally_text(counts), unsigned_hint(counts))


def check_report(window: QMainWindow, tabs: QTabWidget, editor: ReportEditor) -> None:
    """Validate the report in ``editor`` now and tell the result in ``window``'s status bar.

    "Đang kiểm tra…" stays until the check answers, so every way it can end replaces it: the result, a
    failure, or another report opened meanwhile (whose result would not be this one's). It once stayed for
    good after a failed check, and the next validation, set off by typing, took the focus to the issues.
    """
    if editor.view is None:
        window.statusBar().showMessage(translate("CheckReport", "Chưa mở báo cáo nào để kiểm tra."), 6000)
        return
    tabs.setCurrentWidget(editor)
    bar = window.statusBar()
    checking = translate("CheckReport", "Đang kiểm tra báo cáo…")
    bar.showMessage(checking)
    code = editor.period_code

    def answered(result: ValidationResult | None) -> None:
        editor.validated.disconnect(shown)
        editor.validation_failed.disconnect(failed)
        if result is None:
            bar.showMessage(translate("CheckReport", "Không kiểm tra được báo cáo. Hãy thử lại (F5)."), 15000)
        elif editor.period_code != code:
            if bar.currentMessage() == checking:
                bar.clearMessage()
        else:
            said = found_text(result)
            bar.showMessage(said, 15000)
            forget_when_another_is_shown(said)
            if result.issues:
                editor.issue_list.setCurrentRow(0)
                editor.issue_list.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def forget_when_another_is_shown(said: str) -> None:
        # Another report opened (it is read on a worker) after this one's check answered: its first
        # validation clears a result that is not its own.
        def next_validation(_result: ValidationResult) -> None:
            editor.validated.disconnect(next_validation)
            if editor.period_code != code and bar.currentMessage() == said:
                bar.clearMessage()

        editor.validated.connect(next_validation)

    def shown(result: ValidationResult) -> None:
        answered(result)

    def failed() -> None:
        answered(None)

    editor.validated.connect(shown)
    editor.validation_failed.connect(failed)
    editor.check_all = True  # asked for: what is not answered yet is listed as an error too
    editor.validate_now()
