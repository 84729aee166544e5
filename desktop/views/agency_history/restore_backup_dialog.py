"""«Khôi phục từ tệp sao lưu…» on the unlock window: a backup file, then the passphrase it was made with (or
the recovery key and a new passphrase); the store is restored on a worker and opened.

An existing store in the folder is never overwritten: the service moves it aside (the dialog says so).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services import accounts
from desktop.views.file_folders import remember, start_folder
from desktop.views.worker import Operation, error_text, is_cancel, run_operation

MIN_PASSPHRASE = 8


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class RestoreBackupDialog(QDialog):
    """``restored(store)`` once the backup is in ``data_dir`` and open."""

    restored = Signal(object)

    def __init__(self, data_dir: Path, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.operation: Operation | None = None
        self.setObjectName("restoreBackupDialog")
        self.setWindowTitle(self.tr("Khôi phục từ tệp sao lưu"))
        self.file = QLineEdit()
        self.file.setObjectName("backupFile")
        self.file.setMinimumWidth(self.file.fontMetrics().averageCharWidth() * 48)  # a USB path, readable whole
        browse = QPushButton(self.tr("&Chọn tệp…"))
        browse.setObjectName("chooseBackup")
        browse.clicked.connect(self.choose_file)
        self.user = QLineEdit(user)
        self.use_recovery = QCheckBox(self.tr("Dùng &khóa khôi phục (quên mật khẩu cũ)"))
        self.use_recovery.setObjectName("useRecoveryKey")
        self.secret = _secret_field("backupSecret")
        self.secret_label = QLabel(self.tr("&Mật khẩu lúc sao lưu:"))
        self.secret_label.setBuddy(self.secret)
        self.new_passphrase = _secret_field("newPassphrase")
        self.confirm = _secret_field("confirmPassphrase")
        self.use_recovery.toggled.connect(self._mode_changed)
        self.message = QLabel()
        self.message.setObjectName("restoreMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        picked = QHBoxLayout()
        picked.addWidget(self.file, 1)
        picked.addWidget(browse)
        form = QFormLayout()
        file_label = QLabel(self.tr("&Tệp sao lưu:"))
        file_label.setBuddy(self.file)
        form.addRow(file_label, picked)
        user_label = QLabel(self.tr("&Người dùng:"))
        user_label.setBuddy(self.user)
        form.addRow(user_label, self.user)
        form.addRow(self.use_recovery)
        form.addRow(self.secret_label, self.secret)
        self.new_label = QLabel(self.tr("Mật khẩu &mới:"))
        self.new_label.setBuddy(self.new_passphrase)
        self.confirm_label = QLabel(self.tr("Nhập &lại mật khẩu mới:"))
        self.confirm_label.setBuddy(self.confirm)
        form.addRow(self.new_label, self.new_passphrase)
        form.addRow(self.confirm_label, self.confirm)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Tệp sao lưu vẫn được mã hóa; cần mật khẩu lúc sao lưu hoặc khóa khôi phục đã in."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if accounts.store_exists(data_dir):
            aside = QLabel(self.tr("Máy này đã có kho dữ liệu: kho hiện có được giữ lại bên cạnh, không bị xóa."))
            aside.setObjectName("storeKeptAside")
            aside.setWordWrap(True)
            layout.addWidget(aside)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._mode_changed(False)

    def _mode_changed(self, recovery: bool) -> None:
        self.secret_label.setText(self.tr("Khóa khôi &phục:") if recovery else self.tr("&Mật khẩu lúc sao lưu:"))
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if recovery else QLineEdit.EchoMode.Password)
        for widget in (self.new_label, self.new_passphrase, self.confirm_label, self.confirm):
            widget.setVisible(recovery)

    def choose_file(self) -> None:
        """Pick the backup file."""
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp sao lưu"), str(start_folder("backup")),
                                                self.tr("Tệp sao lưu baocao (*.zip);;Mọi tệp (*)"))
        if chosen:
            remember("backup", Path(chosen))
            self.file.setText(chosen)

    def _refusal(self, recovery: bool) -> tuple[QLineEdit, str] | None:
        """The first field that keeps the dialog open, and why."""
        if not self.file.text().strip():
            return self.file, self.tr("Hãy chọn tệp sao lưu.")
        if not self.secret.text():
            return self.secret, self.tr("Hãy nhập khóa khôi phục.") if recovery else self.tr("Hãy nhập mật khẩu.")
        if recovery and len(self.new_passphrase.text()) < MIN_PASSPHRASE:
            return self.new_passphrase, self.tr("Mật khẩu mới cần ít nhất 8 ký tự.")
        if recovery and self.new_passphrase.text() != self.confirm.text():
            return self.confirm, self.tr("Hai mật khẩu không giống nhau.")
        return None

    def accept(self) -> None:
        """Check what was typed, then restore and open on a worker; the dialog closes once the store is open."""
        path, user, secret = Path(self.file.text().strip()), self.user.text().strip(), self.secret.text()
        recovery, new = self.use_recovery.isChecked(), self.new_passphrase.text()
        refused = self._refusal(recovery)
        if refused is not None:
            self.message.setText(refused[1])
            refused[0].setFocus()
            return
        self.message.clear()
        self.buttons.setEnabled(False)
        data_dir = self.data_dir

        def work(progress: Any, cancelled: Any) -> Any:
            from desktop.services.backup import restore_backup  # imported when used

            if recovery:
                restore_backup(path, data_dir, user=user, recovery_key=secret.strip(), replace=True,
                               progress=progress, cancelled=cancelled)
                accounts.recover(data_dir, secret.strip(), user, new)
                return accounts.unlock(data_dir, user, new)
            restore_backup(path, data_dir, user=user, passphrase=secret, replace=True, progress=progress,
                           cancelled=cancelled)
            return accounts.unlock(data_dir, user, secret)

        self.secret.clear()
        self.new_passphrase.clear()
        self.confirm.clear()
        self.operation = run_operation(self, work, title=self.tr("Đang khôi phục dữ liệu"), on_success=self._done,
                                       on_failure=self._failed)

    def _done(self, store: Any) -> None:
        super().accept()
        self.restored.emit(store)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(self.tr("Đã hủy; không thay đổi gì.") if is_cancel(error) else error_text(error))
