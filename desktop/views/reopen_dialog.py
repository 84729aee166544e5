"""Ask why a signed report is opened again; an empty reason keeps the dialog open with a message."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

MAX_REASON = 500
MIN_WIDTH = 480  # the title and a reason of a sentence or two can be read whole


class _ReasonBox(QPlainTextEdit):
    """Several lines shown so a long reason can be read back, but Enter still means OK as in a one-line box
    (a reason is a sentence or two; Shift+Enter starts a new line for whoever wants one)."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class ReopenDialog(QDialog):
    """``reason_given(str)`` once the user gave a non-empty reason and pressed OK."""

    reason_given = Signal(str)

    def __init__(self, parent: QWidget | None = None, warning: str | None = None) -> None:
        """``warning``: said above the reason box, before anything is typed (a PC the province revoked)."""
        super().__init__(parent)
        self.setObjectName("reopenDialog")
        self.setWindowTitle(self.tr("Mở lần sửa đổi mới"))
        self.setMinimumWidth(MIN_WIDTH)
        label = QLabel(self.tr("&Lý do sửa đổi báo cáo đã ký:"))
        self.reason = _ReasonBox()
        self.reason.setObjectName("reopenReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 4 + 12)
        label.setBuddy(self.reason)
        self.message = QLabel()
        self.message.setObjectName("reopenMessage")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reason.submitted.connect(self.accept)
        self.warning = QLabel(warning or "")
        self.warning.setObjectName("reopenWarning")
        self.warning.setStyleSheet("color: #8a4b00;")
        self.warning.setWordWrap(True)
        self.warning.setVisible(bool(warning))
        layout = QVBoxLayout(self)
        for widget in (self.warning, label, self.reason, self.message, buttons):
            layout.addWidget(widget)

    def accept(self) -> None:
        """Close only with a reason of at most ``MAX_REASON`` characters; otherwise say why and keep the
        cursor in the box."""
        reason = self.reason.toPlainText().strip()
        if not reason or len(reason) > MAX_REASON:
            self.message.setText(self.tr("Hãy ghi lý do sửa đổi: lý do được lưu cùng lần sửa đổi và gửi Sở.")
                                 if not reason else
                                 self.tr("Lý do dài quá {0} ký tự; hãy viết ngắn lại.").format(MAX_REASON))
            self.reason.setFocus()
            return
        super().accept()
        self.reason_given.emit(reason)
