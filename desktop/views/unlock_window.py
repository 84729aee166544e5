"""The first window: unlock the store, create it on first run (showing the recovery key once), or recover.

Key derivation (Argon2id) takes a second on purpose, so it runs on a worker: the window stays alive.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.keyslots import KdfParams
from desktop.services import accounts
from desktop.views.agency_history.restore_backup_dialog import RestoreBackupDialog
from desktop.views.worker import error_text, run_operation

DEFAULT_USER = "admin"
WIDTH_CHARS = 72  # wide enough for the demo hint and the idle notice on two or three lines
MESSAGE_LINES = 3


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(280)
    return field


class UnlockWindow(QWidget):
    """Unlock, first-run creation, recovery; emits ``unlocked(store)`` once the store is open."""

    unlocked = Signal(object)

    def __init__(self, data_dir: Path, *, kdf: KdfParams | None = None, user: str = DEFAULT_USER,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._kdf = kdf
        self._opened: Any = None
        self.restore_dialog: RestoreBackupDialog | None = None
        self.setObjectName("unlockWindow")
        # The application display name ("baocao") is appended by Qt: the title must not repeat it.
        self.setWindowTitle(self.tr("Mở khóa dữ liệu"))
        self.pages = QStackedWidget()
        self.unlock_page = self._build_unlock(user)
        self.create_page = self._build_create(user)
        self.recover_page = self._build_recover(user)
        self.recovery_key_page = self._build_recovery_key()
        for page in (self.unlock_page, self.create_page, self.recover_page, self.recovery_key_page):
            self.pages.addWidget(page)
        title = QLabel(self.tr("Báo cáo nhiệm vụ, chỉ tiêu hằng quý"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        # Why the window is back after an idle lock, apart from the errors: a wrong passphrase typed by
        # mistake (keystrokes meant for the report) must not wipe the one sentence that explains it.
        self.notice = QLabel()
        self.notice.setObjectName("idleNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setMinimumHeight(self.fontMetrics().lineSpacing() * MESSAGE_LINES)  # room kept: nothing jumps
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.notice)
        layout.addWidget(self.pages)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.show_start_page()

    # pages -----------------------------------------------------------------------------------------
    def _build_unlock(self, user: str) -> QWidget:
        page = QWidget()
        self.user_field = QLineEdit(user)
        self.passphrase_field = _password_field()
        self.passphrase_field.returnPressed.connect(self.unlock)
        self.unlock_button = QPushButton(self.tr("&Mở khóa"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.forgot_button = QPushButton(self.tr("&Quên mật khẩu? Dùng khóa khôi phục"))
        self.forgot_button.setFlat(True)
        self.forgot_button.clicked.connect(lambda: self._show(self.recover_page))
        self.restore_backup_button = QPushButton(self.tr("Khôi phục từ &tệp sao lưu…"))
        self.restore_backup_button.setObjectName("restoreBackup")
        self.restore_backup_button.setFlat(True)
        self.restore_backup_button.clicked.connect(self.open_restore_backup)
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Người dùng:"), self.user_field), self.user_field)
        form.addRow(self._label(self.tr("Mật &khẩu:"), self.passphrase_field), self.passphrase_field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forgot_button)
        buttons.addWidget(self.restore_backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.user_field, self.passphrase_field)
        QWidget.setTabOrder(self.passphrase_field, self.unlock_button)
        QWidget.setTabOrder(self.unlock_button, self.forgot_button)
        return page

    def _build_create(self, user: str) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("Lần đầu sử dụng: đặt mật khẩu để mã hóa dữ liệu trên máy này. "
                               "Mật khẩu cần ít nhất 8 ký tự."))
        intro.setWordWrap(True)
        self.new_user_field = QLineEdit(user)
        self.new_passphrase_field = _password_field()
        self.confirm_field = _password_field()
        self.confirm_field.returnPressed.connect(self.create_store)
        self.demo_box = QCheckBox(self.tr("Nạp &dữ liệu mẫu (xã Mỹ Hiệp) để dùng thử"))
        self.create_button = QPushButton(self.tr("&Tạo kho dữ liệu"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_store)
        self.first_restore_button = QPushButton(self.tr("Máy mới? Khôi phục từ tệp &sao lưu…"))
        self.first_restore_button.setObjectName("firstRunRestoreBackup")
        self.first_restore_button.clicked.connect(self.open_restore_backup)
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Người dùng:"), self.new_user_field), self.new_user_field)
        form.addRow(self._label(self.tr("Mật &khẩu:"), self.new_passphrase_field), self.new_passphrase_field)
        form.addRow(self._label(self.tr("Nhập &lại mật khẩu:"), self.confirm_field), self.confirm_field)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.demo_box)
        row = QHBoxLayout()
        row.addWidget(self.first_restore_button)
        row.addStretch(1)
        row.addWidget(self.create_button)
        layout.addLayout(row)
        return page

    def _build_recover(self, user: str) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("Nhập khóa khôi phục đã in khi tạo kho, rồi đặt mật khẩu mới."))
        intro.setWordWrap(True)
        self.recovery_field = QLineEdit()
        self.recovery_field.setMinimumWidth(320)
        self.recover_user_field = QLineEdit(user)
        self.recover_passphrase_field = _password_field()
        self.recover_confirm_field = _password_field()
        self.recover_button = QPushButton(self.tr("Đặ&t mật khẩu mới"))
        self.recover_button.clicked.connect(self.recover)
        back = QPushButton(self.tr("&Quay lại"))
        back.clicked.connect(lambda: self._show(self.unlock_page))
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Khóa khôi phục:"), self.recovery_field), self.recovery_field)
        form.addRow(self._label(self.tr("&Người dùng:"), self.recover_user_field), self.recover_user_field)
        form.addRow(self._label(self.tr("Mật khẩu &mới:"), self.recover_passphrase_field),
                    self.recover_passphrase_field)
        form.addRow(self._label(self.tr("Nhập &lại:"), self.recover_confirm_field), self.recover_confirm_field)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.recover_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(buttons)
        return page

    def _build_recovery_key(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("Đây là KHÓA KHÔI PHỤC. Hãy in hoặc chép lại và cất giữ cẩn thận: "
                               "nó chỉ hiện một lần và là cách duy nhất mở dữ liệu khi quên mật khẩu."))
        intro.setWordWrap(True)
        self.recovery_key_view = QPlainTextEdit()
        self.recovery_key_view.setObjectName("recoveryKey")
        self.recovery_key_view.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF() * 1.3)
        self.recovery_key_view.setFont(mono)
        self.recovery_key_view.setMaximumHeight(self.fontMetrics().height() * 5)
        copy = QPushButton(self.tr("&Chép vào bộ nhớ tạm"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.recovery_key_view.toPlainText()))
        self.kept_box = QCheckBox(self.tr("Tôi đã &lưu khóa khôi phục ở nơi an toàn"))
        self.continue_button = QPushButton(self.tr("&Tiếp tục"))
        self.continue_button.setEnabled(False)
        self.kept_box.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._finish_creation)
        buttons = QHBoxLayout()
        buttons.addWidget(copy)
        buttons.addStretch(1)
        buttons.addWidget(self.continue_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.recovery_key_view)
        layout.addWidget(self.kept_box)
        layout.addLayout(buttons)
        return page

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    # behaviour -------------------------------------------------------------------------------------
    def show_start_page(self) -> None:
        """Creation on first run, else unlock."""
        self.notice.hide()
        self._show(self.unlock_page if accounts.store_exists(self.data_dir) else self.create_page)

    def show_idle_notice(self, minutes: int, saved: bool = True) -> None:
        """Say why the window is back: the main window locked itself after ``minutes`` without use, and whether
        what was being typed was saved (a value the form refused is not)."""
        text = self.tr("Ứng dụng đã tự khóa sau %Ln phút không dùng. Nhập lại mật khẩu để tiếp tục", "", minutes)
        self.notice.setText(text + (self.tr("; những gì đã nhập đều đã được lưu.") if saved else
                                    self.tr("; một ô đang nhập có giá trị không hợp lệ nên chưa được lưu.")))
        self.notice.show()
        self.passphrase_field.setFocus()

    def place(self) -> None:
        """A fixed, sensible size for what the window holds, centred on its screen: it opened cut off at the
        bottom, and once stretched across the whole screen when it took the main window's place."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        width = min(self.fontMetrics().averageCharWidth() * WIDTH_CHARS, area.width())
        layout = self.layout()
        needed = layout.heightForWidth(width) if layout is not None and layout.hasHeightForWidth() else -1
        height = min(max(needed, self.sizeHint().height()), area.height())
        self.setFixedSize(width, height)
        frame = self.frameGeometry()
        frame.moveCenter(area.center())
        self.move(frame.topLeft())

    def _show(self, page: QWidget) -> None:
        self.message.clear()
        self.pages.setCurrentWidget(page)
        first = {id(self.unlock_page): self.passphrase_field, id(self.create_page): self.new_passphrase_field,
                 id(self.recover_page): self.recovery_field, id(self.recovery_key_page): self.kept_box}[id(page)]
        first.setFocus()

    def _busy(self, busy: bool) -> None:
        self.pages.setEnabled(not busy)
        if busy:
            self.message.setStyleSheet("color: palette(text);")
            self.message.setText(self.tr("Đang mở khóa…"))

    def _fail(self, error: BaseException) -> None:
        self._busy(False)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(error_text(error))

    def _fail_at(self, field: QLineEdit, text: str) -> None:
        self._busy(False)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)
        field.setFocus()
        field.selectAll()

    def _run(self, work: Callable[[], Any], done: Callable[[Any], None],
             on_failure: Callable[[BaseException], None] | None = None) -> None:
        def succeeded(result: Any) -> None:
            self._busy(False)
            done(result)

        self._busy(True)
        run_operation(self, lambda _progress, _cancelled: work(), title=self.windowTitle(), on_success=succeeded,
                      on_failure=on_failure or self._fail, dialog=False)

    def open_restore_backup(self) -> RestoreBackupDialog:
        """Restore a backup file into this PC's data folder, then open it (the dialog's worker does both)."""
        user = self.user_field.text() if self.pages.currentWidget() is self.unlock_page else self.new_user_field.text()
        self.restore_dialog = RestoreBackupDialog(self.data_dir, user, self)
        self.restore_dialog.restored.connect(self.unlocked.emit)
        self.restore_dialog.open()
        return self.restore_dialog

    def unlock(self) -> None:
        """Open the store with the user's passphrase (a clear message when it is wrong)."""
        user, passphrase = self.user_field.text(), self.passphrase_field.text()
        if not passphrase:
            self._fail_at(self.passphrase_field, self.tr("Hãy nhập mật khẩu."))
            return

        def opened(store: Any) -> None:
            self.passphrase_field.clear()
            self.unlocked.emit(store)

        # On a wrong passphrase the text stays, selected, with the cursor in the field: typing replaces it and
        # Enter does not retry an empty one.
        self._run(lambda: accounts.unlock(self.data_dir, user, passphrase), opened,
                  on_failure=lambda error: self._fail_at(self.passphrase_field, error_text(error)))

    def create_store(self) -> None:
        """First run: create the store (optionally with the demo), then show the recovery key once."""
        passphrase = self.new_passphrase_field.text()
        if passphrase != self.confirm_field.text():
            self.message.setText(self.tr("Hai mật khẩu không giống nhau."))
            return
        user, demo, kdf = self.new_user_field.text(), self.demo_box.isChecked(), self._kdf

        def work() -> tuple[Any, str | None]:
            if demo:
                from desktop.services.demo import setup_demo  # the sample plans' reader, only when asked for

                made = setup_demo(self.data_dir, passphrase, user=user, kdf=kdf)
                return made.store, made.recovery_key
            created = accounts.create_store(self.data_dir, user, passphrase, kdf)
            return created.store, created.recovery_key

        self.new_passphrase_field.clear()
        self.confirm_field.clear()
        self._run(work, self._created)

    def _created(self, result: tuple[Any, str | None]) -> None:
        self._opened, key = result
        self.recovery_key_view.setPlainText(key or "")
        self._show(self.recovery_key_page)

    def _finish_creation(self) -> None:
        self.recovery_key_view.clear()
        store, self._opened = self._opened, None
        self.unlocked.emit(store)

    def recover(self) -> None:
        """Set a new passphrase with the recovery key, then open with it."""
        passphrase = self.recover_passphrase_field.text()
        if passphrase != self.recover_confirm_field.text():
            self.message.setText(self.tr("Hai mật khẩu không giống nhau."))
            return
        key, user = self.recovery_field.text().strip(), self.recover_user_field.text()

        def work() -> Any:
            accounts.recover(self.data_dir, key, user, passphrase)
            return accounts.unlock(self.data_dir, user, passphrase)

        self.recovery_field.clear()
        self.recover_passphrase_field.clear()
        self.recover_confirm_field.clear()
        self._run(work, self.unlocked.emit)

    def set_hint(self, text: str) -> None:
        """Show ``text`` under the title, above the fields (the demo's user and passphrase, which a person who started
        the app from an icon never saw in the terminal)."""
        hint = self.findChild(QLabel, "unlockHint")
        if hint is None:
            hint = QLabel()
            hint.setObjectName("unlockHint")
            hint.setWordWrap(True)
            hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout = self.layout()
            if isinstance(layout, QVBoxLayout):
                layout.insertWidget(1, hint)  # under the title, above whichever page is shown
        hint.setText(text)
        self.place()  # the window grows to hold the hint: nothing is cut off at the bottom
