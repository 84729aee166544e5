"""«Khôi phục lịch sử báo cáo từ Sở…» (a new PC takes the agency's past quarters) and «Mở lần sửa đổi mới từ
bản của Sở…» (the answer to a revision conflict), through ``services.sync`` like the CLI.

``ProvinceHistoryActions`` belongs to the main window; ``changed(period_code | "")`` tells it what to show
again once an action has stored something.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.periods import period_name
from desktop.models.store import Store
from desktop.views.reopen_dialog import ReopenDialog
from desktop.views.worker import Operation, run_operation


class ProvinceHistoryActions(QObject):
    """The window's actions that take the agency's history from the province."""

    changed = Signal(str)

    def __init__(self, store: Store, parent: QWidget) -> None:
        super().__init__(parent)
        self.store, self._window = store, parent
        self.operation: Operation | None = None
        self.message: QMessageBox | None = None
        self.dialog: ReopenDialog | None = None

    def restore_history(self) -> Operation:
        """Download, verify and rebuild the agency's accepted revisions, with progress and Cancel."""
        from desktop.services import sync  # imported when used: the network client is not needed to open

        self.operation = run_operation(
            self._window, lambda progress, cancelled: sync.restore_from_province(self.store, progress=progress,
                                                                               cancelled=cancelled),
            title=self.tr("Đang khôi phục lịch sử báo cáo từ Sở"), on_success=self._restored)
        return self.operation

    def _restored(self, outcome: Any) -> None:
        text = self.tr("Đã khôi phục {0} lần báo cáo từ Sở ({1} đã có sẵn trên máy), {2} tệp minh chứng.").format(
            len(outcome.restored), outcome.already_here, outcome.evidence_files)
        if outcome.restored:
            text += "\n" + ", ".join(outcome.named())
        if outcome.unmatched_rows:
            text += "\n" + self.tr("{0} dòng không có trong kế hoạch trên máy này nên không chép.").format(
                outcome.unmatched_rows)
        self._tell(self.tr("Khôi phục lịch sử báo cáo"), text)
        self.changed.emit("")

    def revise_from_province(self, period_code: str) -> ReopenDialog:
        """Ask why, then open revision N+1 of ``period_code`` on top of the revision the province holds."""
        dialog = ReopenDialog(self._window)
        dialog.setWindowTitle(self.tr("Mở lần sửa đổi mới từ bản của Sở"))
        dialog.reason_given.connect(lambda reason: self._revise(period_code, reason))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _revise(self, period_code: str, reason: str) -> None:
        from desktop.services import sync

        def opened(revision: int) -> None:
            self._tell(self.tr("Mở lần sửa đổi mới từ bản của Sở"),
                       self.tr("Đã mở lần {0} của kỳ {1} từ bản Sở đang giữ; sửa, ký rồi gửi lại.").format(
                           revision, period_name(period_code)))
            self.changed.emit(period_code)

        self.operation = run_operation(
            self._window, lambda _p, _c: sync.continue_from_province(self.store, period_code, reason),
            title=self.tr("Đang lấy bản của Sở"), on_success=opened, cancellable=False)

    def _tell(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("historyDoneBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.message = box
        box.open()
