"""The settings section for digital signing: the token's PKCS#11 library (a vendor preset or any path)
and the timestamp server. The same widget sits in the «Ký số» dialog and can sit in Settings."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from desktop.models.store import Store
from desktop.services import digital_signing
from desktop.signing.tokens import PRESETS, preset_paths


class Pkcs11SettingsWidget(QWidget):
    """Preset, editable library path and timestamp server URL; ``save()`` keeps them in the store."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        current = digital_signing.load_settings(store)
        self.preset = QComboBox()
        self.preset.setObjectName("pkcs11Preset")
        self.preset.addItem(self.tr("— chọn loại token —"), "")
        for preset in PRESETS:
            paths = preset_paths(preset)
            found = next((p for p in paths if p.is_file()), paths[0] if paths else None)
            self.preset.addItem(preset.name, str(found) if found else "")
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
