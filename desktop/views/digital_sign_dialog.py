"""«Ký số»: sign the report PDF (or a PDF received from another PC) with the token, as ND 30 prescribes.

The token and the certificate are picked from lists read from the token; the PIN is typed here, handed to
the signing call once and cleared: it is never stored or logged. The signature and seal images are chosen
once and kept encrypted in the store. Reading the token and signing run on a worker (desktop/views/worker.py).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.signer_name import NameMismatch
from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.services import digital_signing
from desktop.services.digital_signing import ImageKind
from desktop.signing.keys import FileKey, KeySource, TokenKey
from desktop.signing.pades import Role, SignResult
from desktop.signing.tokens import CertificateInfo, TokenInfo, list_certificates, list_tokens
from desktop.views.pkcs11_settings import Pkcs11SettingsWidget
from desktop.views.worker import Operation, error_text, run_operation


class DigitalSignDialog(QDialog):
    """Sign ``period_code``'s report PDF, or the PDF file chosen, into the output file."""

    signed = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None, *, period_code: str | None = None,
                 offered: Path | None = None) -> None:
        super().__init__(parent)
        self.store, self.period_code = store, period_code
        self.operation: Operation | None = None
        self._names_confirmed: set[tuple[str, str]] = set()
        self.setObjectName("digitalSignDialog")
        self.setWindowTitle(self.tr("Ký số báo cáo") if period_code else self.tr("Ký số tệp PDF"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._document_box())
        layout.addWidget(self._key_box())
        layout.addWidget(self._images_box())
        self.state = QLabel()
        self.state.setObjectName("digitalSignState")
        self.state.setWordWrap(True)
        self.state.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The messages differ in length: in a box of a fixed height (scrolling if one is longer) the rows
        # above and the buttons below stay where they are.
        holder = QScrollArea()
        holder.setObjectName("digitalSignStateBox")
        holder.setWidgetResizable(True)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidget(self.state)
        holder.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 8)
        layout.addWidget(holder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.sign_button = QPushButton(self.tr("&Ký số"))
        self.sign_button.setObjectName("digitalSignButton")
        buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.sign_button.clicked.connect(self.sign)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._refresh_images()
        if offered is not None and period_code is None:
            self._offer(offered)

    # building ------------------------------------------------------------------------------------
    def _document_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Văn bản"))
        form = QFormLayout(box)
        self.role = QComboBox()
        self.role.setObjectName("signRole")
        self.role.addItem(self.tr("Người ký (ảnh chữ ký)"), Role.SIGNER)
        self.role.addItem(self.tr("Cơ quan — văn thư (ảnh con dấu)"), Role.AGENCY)
        form.addRow(self.tr("Ký với tư cách:"), self.role)
        self.source = QLineEdit()
        self.source.setObjectName("signSource")
        if self.period_code is None:
            form.addRow(self.tr("Tệp PDF cần ký:"), self._with_browse(self.source, self._browse_source))
            self.appendix = QCheckBox(self.tr("Phụ lục riêng (chữ ký cơ quan ở góc trên bên phải, không ảnh)"))
            self.appendix.setObjectName("signAppendix")
            self.appendix_number = QLineEdit()
            self.appendix_number.setObjectName("signAppendixNumber")
            self.appendix_number.setPlaceholderText(self.tr("Số, ký hiệu văn bản, ví dụ 05/BC-UBND"))
            form.addRow(self.appendix)
            form.addRow(self.tr("Số, ký hiệu:"), self.appendix_number)
        self.out = QLineEdit()
        self.out.setObjectName("signOut")
        form.addRow(self.tr("Lưu tệp đã ký:"), self._with_browse(self.out, self._browse_out))
        return box

    def _key_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Chứng thư số"))
        column = QVBoxLayout(box)
        self.use_token = QRadioButton(self.tr("Token (USB ký số)"))
        self.use_token.setChecked(True)
        self.use_p12 = QRadioButton(self.tr("Tệp khóa PKCS#12 (.p12, .pfx)"))
        self.use_p12.setObjectName("useP12")
        row = QHBoxLayout()
        row.addWidget(self.use_token)
        row.addWidget(self.use_p12)
        row.addStretch(1)
        column.addLayout(row)
        self.library = Pkcs11SettingsWidget(self.store)
        column.addWidget(self.library)
        form = QFormLayout()
        self.read_button = QPushButton(self.tr("Đọc &token"))
        self.read_button.setObjectName("readToken")
        self.read_button.clicked.connect(self.read_token)
        self.tokens = QComboBox()
        self.tokens.setObjectName("tokenList")
        self.tokens.currentIndexChanged.connect(self._token_chosen)
        token_row = QHBoxLayout()
        token_row.addWidget(self.tokens, 1)
        token_row.addWidget(self.read_button)
        form.addRow(self.tr("Token:"), token_row)
        self.certificates = QComboBox()
        self.certificates.setObjectName("certificateList")
        form.addRow(self.tr("Chứng thư:"), self.certificates)
        self.p12 = QLineEdit()
        self.p12.setObjectName("p12Path")
        form.addRow(self.tr("Tệp khóa:"), self._with_browse(self.p12, self._browse_p12))
        self.pin = QLineEdit()
        self.pin.setObjectName("tokenPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Mã PIN / mật khẩu:"), self.pin)
        column.addLayout(form)
        return box

    def _images_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Ảnh theo Nghị định 30/2020 (chọn một lần, lưu mã hóa)"))
        form = QFormLayout(box)
        self.image_state: dict[ImageKind, QLabel] = {}
        for kind, label in ((ImageKind.SIGNATURE, self.tr("Ảnh chữ ký (PNG xanh, nền trong suốt):")),
                            (ImageKind.SEAL, self.tr("Ảnh con dấu (PNG đỏ, nền trong suốt):"))):
            state = QLabel()
            button = QPushButton(self.tr("Chọn ảnh…"))
            button.setObjectName(f"choose_{kind.value}")
            button.clicked.connect(lambda _=False, kind=kind: self._browse_image(kind))
            row = QHBoxLayout()
            row.addWidget(state, 1)
            row.addWidget(button)
            form.addRow(label, row)
            self.image_state[kind] = state
        return box

    def _with_browse(self, field: QLineEdit, slot: object) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        button = QPushButton(self.tr("Chọn…"))
        button.setObjectName(f"{field.objectName()}Browse")
        button.clicked.connect(slot)
        row.addWidget(field, 1)
        row.addWidget(button)
        return holder

    # choosing ------------------------------------------------------------------------------------
    def _browse_source(self) -> None:
        start = self.source.text().strip()
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Tệp PDF cần ký"), start, self.tr("PDF (*.pdf)"))
        if path:
            self._offer(Path(path), replace_out=True)

    def _offer(self, path: Path, *, replace_out: bool = False) -> None:
        """Put ``path`` as the file to sign and suggest the output beside it (…-da-ky.pdf, or the agency's
        …-co-quan.pdf for a file the signer signed)."""
        self.source.setText(str(path))
        if replace_out or not self.out.text().strip():
            self.out.setText(str(suggested_output(path)))

    def _browse_out(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu tệp đã ký"), self.out.text(), self.tr("PDF (*.pdf)"))
        if path:
            self.out.setText(path)

    def _browse_p12(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Tệp khóa PKCS#12"), "",
                                              self.tr("Tệp khóa (*.p12 *.pfx);;Mọi tệp (*)"))
        if path:
            self.p12.setText(path)
            self.use_p12.setChecked(True)

    def _browse_image(self, kind: ImageKind) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn ảnh"), "", self.tr("Ảnh PNG (*.png)"))
        if not path:
            return
        try:
            digital_signing.set_image(self.store, kind, Path(path).read_bytes()[:5 << 20])
        except Exception as error:
            self._show_problem(error)
            return
        self._refresh_images()

    def _refresh_images(self) -> None:
        settings = digital_signing.load_settings(self.store)
        for kind, present in ((ImageKind.SIGNATURE, settings.has_signature_image),
                              (ImageKind.SEAL, settings.has_seal_image)):
            self.image_state[kind].setText(self.tr("đã chọn") if present else self.tr("chưa chọn"))

    # token ---------------------------------------------------------------------------------------
    def read_token(self) -> None:
        """List the tokens plugged in and the certificates on each, on a worker."""
        library = self.library.library_path()
        self.read_button.setEnabled(False)
        self.state.setText(self.tr("Đang đọc token…"))

        def work(_p: object, _c: object) -> list[tuple[TokenInfo, list[CertificateInfo]]]:
            return [(token, list_certificates(library, token.label)) for token in list_tokens(library)]

        self.operation = run_operation(self, work, title=self.windowTitle(), on_success=self._tokens_read,
                                       on_failure=self._show_problem, dialog=False, cancellable=False)

    def _tokens_read(self, found: list[tuple[TokenInfo, list[CertificateInfo]]]) -> None:
        self.read_button.setEnabled(True)
        self.library.save()
        self.tokens.clear()
        for token, certificates in found:
            self.tokens.addItem(f"{token.label} ({token.manufacturer})", (token.label, certificates))
        self.state.setText(self.tr("Thấy %Ln token.", "", len(found)) if found else
                           self.tr("Không thấy token nào: hãy cắm token vào máy."))

    def _token_chosen(self, index: int) -> None:
        self.certificates.clear()
        data = self.tokens.itemData(index)
        if not data:
            return
        for cert in data[1]:
            self.certificates.addItem(self.tr("{0} — do {1} cấp, hết hạn {2}").format(
                cert.subject, cert.issuer, cert.not_after.strftime("%d/%m/%Y")), cert.label)

    def key_source(self) -> KeySource:
        """The key chosen in the dialog."""
        if self.use_p12.isChecked():
            return FileKey(Path(self.p12.text().strip()))
        token = self.tokens.currentData()
        return TokenKey(self.library.library_path(), token[0] if token else None,
                        self.certificates.currentData() or None)

    # signing -------------------------------------------------------------------------------------
    def chosen_certificate(self) -> CertificateInfo | None:
        """The token certificate picked in the lists (None: a PKCS#12 file, or none read yet)."""
        token = self.tokens.currentData()
        if self.use_p12.isChecked() or not token:
            return None
        label = self.certificates.currentData()
        return next((cert for cert in token[1] if cert.label == label), None)

    def sign(self) -> None:
        """Sign on a worker, after asking when the printed signer is not the certificate's holder; the PIN
        field is cleared at once, whatever happens."""
        out = Path(self.out.text().strip()) if self.out.text().strip() else None
        if out is None or (self.period_code is None and not self.source.text().strip()):
            self.state.setText(self.tr("Hãy chọn tệp cần ký và nơi lưu tệp đã ký."))
            return
        try:
            mismatch = self._name_mismatch()
        except BaocaoError as error:  # a PKCS#12 file that cannot be opened: signing would refuse it alike
            self.pin.clear()
            self._show_problem(error)
            return
        if mismatch is not None and (mismatch.printed, mismatch.holder) not in self._names_confirmed:
            self._ask_names(mismatch.printed, mismatch.holder, out)
            return
        if out.exists():
            self._ask_overwrite(out)
            return
        self._sign(out)

    def _ask_overwrite(self, out: Path) -> None:
        """A file already there may be the signer's signed copy: replacing it loses that signature for good."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), self.tr(
            "Tệp «{0}» đã có (có thể là bản đã ký). Ghi đè lên tệp ấy?").format(out.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmOverwrite")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _answer: self._sign(out) if box.clickedButton() is yes else None)
        box.open()

    def _name_mismatch(self) -> NameMismatch | None:
        """The service's warning for the certificate chosen: a token's from the lists read, a PKCS#12 file's
        read with the password typed (a small local file, opened at once)."""
        role = self.role.currentData()
        if self.use_p12.isChecked():
            return digital_signing.key_signer_name_warning(self.store, role, self.key_source(), self.pin.text())
        cert = self.chosen_certificate()
        return None if cert is None else digital_signing.signer_name_warning(self.store, role, cert.subject)

    def _ask_names(self, printed: str, holder: str, out: Path) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.windowTitle(), self.tr(
            "Báo cáo in tên người ký «{0}» (thông tin cơ quan), nhưng chứng thư chọn là của «{1}». Chữ ký số là "
            "của người giữ chứng thư. Vẫn ký? (Nếu người ký đã đổi, sửa tên trong thông tin cơ quan rồi xuất "
            "lại PDF.)").format(printed, holder),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmSignerName")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        def answered(_answer: int) -> None:
            if box.clickedButton() is yes:
                self._names_confirmed.add((printed, holder))  # asked once per dialog, not at every try
                self._sign(out)

        box.finished.connect(answered)
        box.open()

    def _sign(self, out: Path) -> None:
        key, pin, role = self.key_source(), self.pin.text(), self.role.currentData()
        self.pin.clear()
        self.library.save()
        self.sign_button.setEnabled(False)
        store, period = self.store, self.period_code
        appendix = (self.appendix_number.text().strip() or None) if (
            period is None and self.appendix.isChecked()) else None
        source = Path(self.source.text().strip())

        def work(progress: object, _c: object) -> SignResult:
            if period is not None:
                return digital_signing.sign_report(store, period, out, role, key, pin)
            return digital_signing.sign_file(store, source, out, role, key, pin, appendix_number=appendix)

        self.state.setText(self.tr("Đang ký…"))
        self.operation = run_operation(self, work, title=self.windowTitle(), on_success=self._signed,
                                       on_failure=self._show_problem, cancellable=False)

    def _signed(self, result: SignResult) -> None:
        self.sign_button.setEnabled(True)
        self.state.setStyleSheet("")
        text = self.tr("Đã ký số: {0} — {1} (do {2} cấp).").format(result.out, result.signer, result.issuer)
        if result.queued:
            text += " " + self.tr("Văn bản ký số sẽ được gửi Sở (theo gói báo cáo) ở lần đồng bộ tới.")
        if self.period_code is None and self.role.currentData() is Role.SIGNER:
            # The agency signs next, on the file just signed: offered so, the signed copy is never the one
            # signed over again from the unsigned PDF, nor written over.
            self.role.setCurrentIndex(self.role.findData(Role.AGENCY))
            self._offer(Path(result.out), replace_out=True)
            text += " " + self.tr("Bước tiếp: văn thư ký số của cơ quan trên tệp này.")
        self.state.setText(text)
        self.signed.emit(result)

    def _show_problem(self, error: BaseException) -> None:
        self.sign_button.setEnabled(True)
        self.read_button.setEnabled(True)
        self.state.setStyleSheet("color: #b00020;")
        self.state.setText(error_text(error))


def suggested_output(source: Path) -> Path:
    """Where the signed copy of ``source`` goes: beside it, "-da-ky" added (a file already so named, signed
    by the signer, gets "-co-quan" for the agency's copy), never ``source`` itself."""
    stem = source.stem
    stem = stem[:-len("-da-ky")] + "-co-quan" if stem.endswith("-da-ky") else stem + "-da-ky"
    return source.with_name(stem + ".pdf")


def open_digital_sign(store: Store, parent: QWidget | None, period_code: str | None = None,
                      offered: Path | None = None) -> DigitalSignDialog:
    """Show the «Ký số» dialog (not modal) and return it; ``offered``: the PDF to sign, as a start."""
    dialog = DigitalSignDialog(store, parent, period_code=period_code, offered=offered)
    dialog.open()
    return dialog
