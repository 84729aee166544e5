"""The settings section for digital signing: the token's PKCS#11 library (a vendor preset or any path)
and the timestamp server. The same widget sits in the «Ký số» dialog and in Settings, where «Đọc token»
lists the tokens the library sees and the certificates on each (read on a worker, no PIN needed)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from desktop.models.store import Store
from desktop.services import digital_signing
from desktop.signing.tokens import PRESETS, CertificateInfo, TokenInfo, list_certificates, list_tokens, preset_paths
from desktop.views.worker import Operation, error_text, run_operation


class Pkcs11SettingsWidget(QWidget):
    """Preset, editable library path and timestamp server URL; ``save()`` keeps them in the store."""

    def __init__(self, store: Store, parent: QWidget | None = None, *, with_token_list: bool = False) -> None:
        super().__init__(parent)
        self.store = store
        self.operation: Operation | None = None
        current = digital_signing.load_settings(store)
        self.preset = QComboBox()
        self.preset.setObjectName("pkcs11Preset")
        self.preset.addItem(self.tr("— chọn loại token —"), "")
        for preset in PRESETS:
            paths = preset_paths(preset)
            found = next((p for p in paths if p.is_file()), paths[0] if paths else None)
            self.preset.addItem(preset.name, str(found) if found else "")
        chosen = self.preset.findData(current.pkcs11_library) if current.pkcs11_library else -1
        if chosen > 0:  # the library kept is a preset's: show that preset, not «— chọn loại token —»
            self.preset.setCurrentIndex(chosen)
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.library = QLineEdit(current.pkcs11_library)
        self.library.setObjectName("pkcs11Library")
        self.library.setPlaceholderText(self.tr("Đường dẫn thư viện PKCS#11 (.dll / .so)"))
        browse = QPushButton(self.tr("Chọn tệp…"))
        browse.setObjectName("pkcs11Browse")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.library, 1)
        path_row.addWidget(browse)
        self.timestamp_url = QLineEdit(current.timestamp_url)
        self.timestamp_url.setObjectName("timestampUrl")
        self.timestamp_url.setPlaceholderText(self.tr("Không bắt buộc: http://… máy chủ dấu thời gian (RFC 3161)"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Loại token:"), self.preset)
        form.addRow(self.tr("Thư viện PKCS#11:"), path_row)
        form.addRow(self.tr("Máy chủ dấu thời gian:"), self.timestamp_url)
        if with_token_list:
            self._add_token_list(form)

    def _add_token_list(self, form: QFormLayout) -> None:
        self.read_button = QPushButton(self.tr("Đọc &token"))
        self.read_button.setObjectName("pkcs11ReadTokens")
        self.read_button.clicked.connect(self.read_tokens)
        self.token_list = QListWidget()
        self.token_list.setObjectName("pkcs11TokenList")
        self.token_state = QLabel()
        self.token_state.setWordWrap(True)
        form.addRow(self.read_button, self.token_state)
        form.addRow(self.token_list)
        from desktop.views.trust_roots_row import TrustRootsRow

        self.trust_roots = TrustRootsRow(self.store, self)
        form.addRow(self.tr("Chứng thư gốc:"), self.trust_roots)

    def read_tokens(self) -> Operation:
        """List the tokens the library sees and each one's certificates, on a worker."""
        library = self.library_path()
        self.token_list.clear()
        self.token_state.setText(self.tr("Đang đọc token…"))

        def work(_p: object, _c: object) -> list[tuple[TokenInfo, list[CertificateInfo]]]:
            return [(token, list_certificates(library, token.label)) for token in list_tokens(library)]

        self.operation = run_operation(self, work, title=self.tr("Đọc token"), on_success=self._tokens_read,
                                       on_failure=self._tokens_failed, dialog=False, cancellable=False)
        return self.operation

    def _tokens_read(self, found: list[tuple[TokenInfo, list[CertificateInfo]]]) -> None:
        self.operation = None
        for token, certificates in found:
            names = ", ".join(c.subject for c in certificates) or self.tr("không có chứng thư")
            self.token_list.addItem(f"{token.label} ({token.manufacturer}): {names}")
        self.token_state.setText(self.tr("Thấy %Ln token.", "", len(found)) if found else
                                 self.tr("Không thấy token nào: hãy cắm token vào máy."))

    def _tokens_failed(self, error: BaseException) -> None:
        self.operation = None
        self.token_state.setText(error_text(error))

    def _preset_chosen(self, index: int) -> None:
        path = self.preset.itemData(index)
        if path:
            self.library.setText(path)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Thư viện PKCS#11 của token"), self.library.text(),
                                              self.tr("Thư viện (*.dll *.so *.dylib);;Mọi tệp (*)"))
        if path:
            self.library.setText(path)

    def library_path(self) -> str:
        """The library path as typed or chosen."""
        return self.library.text().strip()

    def save(self) -> None:
        """Keep the library path and the timestamp server in the store."""
        digital_signing.save_settings(self.store, pkcs11_library=self.library_path(),
                                      timestamp_url=self.timestamp_url.text().strip())
