"""Approve and sign: what changed since the last signed revision (or, on a first signing, everything that
will be signed), the validation state, what «Ký» and «Ký số» each do, then the signature after a
confirmation (signing freezes the revision: a click by mistake cannot be taken back)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.early_signing import EarlySigning
from desktop.domain.issue_tally import tally
from desktop.domain.task_status import status_label
from desktop.domain.validation import ValidationResult
from desktop.domain.validation_issues import field_label
from desktop.models.store import Store
from desktop.services import signing, validation
from desktop.services.signing import SignedRevision
from desktop.views.formatting import format_number
from desktop.views.issue_counts import blocking_text
from desktop.views.worker import Operation, run_operation, show_error

MAX_SHOWN = 40


class SignDialog(QDialog):
    """Shows the summary of changes; ``signed(SignedRevision)`` once the revision is frozen and queued."""

    signed = Signal(object)

    def __init__(self, store: Store, period_code: str, language: str, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.store, self.period_code, self.language = store, period_code, language
        self.operation: Operation | None = None
        self.early = signing.early_signing_warning(period_code, today)
        self.early_box: QMessageBox | None = None
        self.confirm: QMessageBox | None = None
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("Phê duyệt và ký báo cáo"))
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().height() * 28)
        changes = signing.changes_since_last(store, period_code)
        previous = signing.previous_signed_revision(store, period_code)
        result = validation.validate(store, period_code)
        # One row per field: say how many fields and how many items, so the count matches the home screen's «mục».
        counted = self.tr("%Ln ô", "", len(changes)) + " " + self.tr("(%Ln mục)", "", len({c.ref for c in changes}))
        if previous is None:
            intro_text = self.tr("Đây là lần ký đầu tiên của báo cáo này: dưới đây là toàn bộ nội dung sẽ được ký: "
                                 "{0}.").format(counted)
        else:
            intro_text = self.tr("Những thay đổi so với lần ký trước (lần {0}): {1} đã thay đổi.").format(
                previous, counted)
        intro = QLabel(intro_text + " " + self.tr("Sau khi ký, lần này bị khóa và được xếp vào hàng đợi gửi Sở."))
        intro.setObjectName("signIntro")
        intro.setWordWrap(True)
        self.intro = intro
        explain = QLabel(self.tr("«Ký» là phê duyệt: khóa nội dung lần này bằng khóa của máy đã đăng ký và gửi Sở; "
                                 "báo cáo nào cũng phải «Ký». «Ký số…» là việc thêm, khi cơ quan dùng chữ ký số: "
                                 "ký tệp PDF của báo cáo bằng chứng thư số (USB token) của người ký và của cơ quan."))
        explain.setObjectName("signExplain")
        explain.setWordWrap(True)
        self.changes = QTreeWidget()
        self.changes.setObjectName("changeList")
        self.changes.setRootIsDecorated(False)
        self.changes.setHeaderLabels([self.tr("Mục"), self.tr("Nội dung"), self.tr("Trường"), self.tr("Trước"),
                                      self.tr("Sau")])
        self.changes.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2):
            self.changes.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.changes.header().setStretchLastSection(False)
        for change in changes:
            self.changes.addTopLevelItem(QTreeWidgetItem([
                change.ref.rpartition("::")[2], change.label, field_label(change.field, language),
                self._shown(change.field, change.before), self._shown(change.field, change.after)]))
        self.state = QLabel()
        self.state.setObjectName("signState")
        self.state.setWordWrap(True)
        if result.blocking:
            self.state.setText(self._blocked(result))
            self.state.setStyleSheet("color: #b00020;")
        else:
            self.state.setText(self.tr("Báo cáo hợp lệ (%n cảnh báo). Bấm «Ký» để phê duyệt và ký.", "",
                                       len(result.warnings)))
        if self.early is not None:
            self.state.setText(self.state.text() + "\n" + self.early.notice(language))
            if not result.blocking:
                self.state.setStyleSheet("color: #8a5300;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = QPushButton(self.tr("&Ký"))
        self.sign_button.setEnabled(not result.blocking)
        buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.digital_button = QPushButton(self.tr("Ký &số…"))
        self.digital_button.setObjectName("openDigitalSign")
        self.digital_button.setEnabled(not result.blocking)  # a report with errors is not signed either way
        self.digital_button.setToolTip(self.tr("Ký tệp PDF của báo cáo bằng chứng thư số (USB token)"))
        self.digital_button.clicked.connect(lambda: _open_digital_sign(store, self, period_code))
        buttons.addButton(self.digital_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.sign)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.state)
        layout.addWidget(explain)
        layout.addWidget(buttons)

    def _blocked(self, result: ValidationResult) -> str:
        """Why «Ký» waits, counted as the editor counts: items not answered, then errors in what was entered."""
        counts = tally(result)
        entered = result.entered_only().errors
        if entered:
            first = self.tr("Lỗi đầu: {0}").format(entered[0].message(self.language))
        else:
            first = self.tr("Mục đầu chưa nhập: {0}").format(result.errors[0].message(self.language))
        return self.tr("Chưa ký được: còn {0}.").format(blocking_text(counts)) + " " + first

    def _shown(self, field: str, value: Any) -> str:
        if value is None:
            return "—"
        if field == "status":
            return status_label(value, self.language)
        if isinstance(value, float):
            return format_number(value, self.language)
        text = str(value).replace("\n", " ")
        return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"

    def sign(self) -> None:
        """Ask first when the period's data window has not opened, then once more (signing cannot be undone)."""
        if self.early is not None:
            self._ask_early(self.early)
            return
        self._confirm()

    def _ask_early(self, warning: EarlySigning) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Ký trước kỳ số liệu"), warning.message(self.language),
                          parent=self)
        box.setObjectName("earlySigningBox")
        sign_anyway = box.addButton(self.tr("&Vẫn ký"), QMessageBox.ButtonRole.AcceptRole)
        sign_anyway.setObjectName("signAnyway")
        cancel = box.addButton(self.tr("&Chưa ký"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("signNotYet")
        box.setDefaultButton(cancel)
        box.buttonClicked.connect(lambda button: self._confirm() if button is sign_anyway else None)
        self.early_box = box
        box.open()

    def _confirm(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Xác nhận ký"),
                          self.tr("Phê duyệt và ký báo cáo này? Sau khi ký không sửa được nữa (muốn sửa phải mở "
                                  "lần mới), và bản đã ký sẽ được gửi Sở."), parent=self)
        box.setObjectName("confirmSign")
        yes = box.addButton(self.tr("&Ký"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Xem lại"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.buttonClicked.connect(lambda button: self.sign_now() if button is yes else None)
        self.confirm = box
        box.open()

    def sign_now(self) -> None:
        """Approve, freeze and sign on a worker; the dialog closes once signed."""
        self.sign_button.setEnabled(False)
        code = self.period_code
        self.operation = run_operation(
            self, lambda _p, _c: signing.approve_and_sign(self.store, code), title=self.windowTitle(),
            on_success=self._signed, on_failure=self._failed, cancellable=False)

    def _signed(self, revision: SignedRevision) -> None:
        self.signed.emit(revision)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.sign_button.setEnabled(True)
        show_error(self, error, self.windowTitle())


def _open_digital_sign(store: Store, parent: QWidget, period_code: str) -> None:
    """The «Ký số» dialog; the signing stack (pyHanko) loads only when the button is pressed."""
    from desktop.views.digital_sign_dialog import open_digital_sign

    open_digital_sign(store, parent, period_code)
