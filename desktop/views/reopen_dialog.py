"""Ask why a signed report is opened again; an empty reason keeps the dialog open with a message."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class ReopenDialog(QDialog):
    """``reason_given(str)`` once the user gave a non-empty reason and pressed OK."""

    reason_given = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reopenDialog")
        self.setWindowTitle(self.tr("Mở lần sửa đổi mới"))
        label = QLabel(self.tr("&Lý do sửa đổi báo cáo đã ký:"))
        self.reason = QLineEdit()
        self.reason.setObjectName("reopenReason")
        self.reason.setMaxLength(500)
        label.setBuddy(self.reason)
        self.message = QLabel()
        self.message.setObjectName("reopenMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.reason, self.message, buttons):
            layout.addWidget(widget)

    def accept(self) -> None:
        """Close only with a reason; otherwise say why and keep the cursor in the field."""
        reason = self.reason.text().strip()
        if not reason:
            self.message.setText(self.tr("Hãy ghi lý do sửa đổi: lý do được lưu cùng lần sửa đổi và gửi Sở."))
            self.reason.setFocus()
            return
        super().accept()
        self.reason_given.emit(reason)
