"""Under the sync panel's receipts: the whole note of the selected row (the list cuts it) and what the user
can do about it, with «Gửi lại văn bản ký số» for a signed PDF the province refused as untrusted."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidgetItem, QWidget

from desktop.domain.periods import period_name
from desktop.services.signed_documents import KIND


class ReceiptDetail(QWidget):
    """The selected receipt row's full reason and action; ``resend(document_id)`` when the user asks."""

    resend = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_id = ""
        self.text = QLabel()
        self.text.setObjectName("receiptDetail")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.resend_button = QPushButton(self.tr("&Gửi lại văn bản ký số"))
        self.resend_button.setObjectName("resendDocument")
        self.resend_button.clicked.connect(lambda: self.resend.emit(self.document_id))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.resend_button, 0, Qt.AlignmentFlag.AlignTop)
        self.show_row(None, "")

    def show_row(self, row: Any, message: str) -> None:
        """Show ``row`` (a ``ReceiptRow``, or None: nothing selected) with its note ``message``."""
        action = self.action(row) if row is not None else ""
        self.text.setText("\n".join(part for part in (message, action) if part))
        self.setVisible(bool(message or action))
        refused = row is not None and row.kind == KIND and row.state == "needs_attention"
        self.document_id = row.bundle_id if refused and row.verdict == "untrusted" else ""
        self.resend_button.setVisible(bool(self.document_id))

    def action(self, row: Any) -> str:
        """What the user can do about the row's state (empty when nothing is needed)."""
        if row.state != "needs_attention":
            return ""
        if row.kind != KIND:
            return self.tr("Việc cần làm: đọc lý do Sở từ chối ở trên, mở báo cáo kỳ {0}, sửa theo lý do đó rồi "
                           "ký lần sửa đổi mới và đồng bộ lại.").format(period_name(row.period_code))
        if row.verdict == "untrusted":
            return self.tr("Việc cần làm: chứng thư ký số không thuộc các chứng thư gốc Sở tin cậy. Đề nghị Sở "
                           "thêm chứng thư gốc của nhà cung cấp chứng thư số đã cấp chứng thư này; khi Sở đã "
                           "thêm, lần đồng bộ sau tự gửi lại văn bản, hoặc bấm «Gửi lại văn bản ký số».")
        return self.tr("Việc cần làm: tệp PDF đã ký không được Sở công nhận. Xuất lại PDF của báo cáo kỳ {0}, ký "
                       "số lại («Ký số tệp PDF…») rồi đồng bộ; không sửa tệp sau khi đã ký.").format(
            period_name(row.period_code))


def note_item(columns: list[str], note: str) -> QTreeWidgetItem:
    """A list row whose last column (the note) shows whole in a tooltip when the column cuts it."""
    item = QTreeWidgetItem(columns)
    item.setToolTip(len(columns) - 1, note)
    return item
