"""«Cơ quan báo cáo»: the officer names the commune this PC reports for, picked from the agencies the stored
plans name or typed, over the same service as enrollment (``installation.declare_agency``). The Sở's
enrollment later replaces the name and code; what was typed stays this agency's."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.services import installation, plans
from desktop.services.installation import AgencyProfile


class AgencyDialog(QDialog):
    """Declare the reporting agency; ``declared(AgencyProfile)`` once stored."""

    declared = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agencyDialog")
        self.store = store
        self.setWindowTitle(self.tr("Cơ quan báo cáo"))
        named = plans.named_agencies(store)
        # A plan that names only «UBND các xã, phường» leaves nothing to choose: then only «Gõ».
        intro = QLabel(self.tr("Chọn hoặc gõ tên cơ quan (UBND xã, phường) báo cáo từ máy này. Khi máy đăng ký với "
                               "Sở, tên và mã do Sở cấp sẽ thay tên này; các báo cáo đã nhập vẫn được giữ.") if named
                       else self.tr("Gõ tên cơ quan (UBND xã, phường) báo cáo từ máy này. Khi máy đăng ký với Sở, tên "
                                    "và mã do Sở cấp sẽ thay tên này; các báo cáo đã nhập vẫn được giữ."))
        intro.setWordWrap(True)
        self.intro = intro
        self.name = QComboBox()
        self.name.setObjectName("agencyName")
        self.name.setEditable(True)
        self.name.addItems(named)
        self.name.setCurrentText("")
        if (line := self.name.lineEdit()) is not None:
            line.setPlaceholderText(self.tr("Ví dụ: Ủy ban nhân dân xã Mỹ Hiệp"))
        self.official = QLabel()  # the name as the report prints it, when it differs from what is typed
        self.official.setObjectName("agencyOfficial")
        self.official.setWordWrap(True)
        self.name.editTextChanged.connect(self._show_official)
        self.place = QLineEdit()
        self.place.setObjectName("agencyPlace")
        self.place.setPlaceholderText(self.tr("Mỹ Hiệp (in ở dòng «…, ngày … tháng … năm …»)"))
        self.error = QLabel()
        self.error.setObjectName("agencyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        current, declared = installation.current_agency(store)
        if current is not None:
            self.name.setCurrentText(current.name)
            self.place.setText(current.place)
        if current is not None and not declared:  # the Sở's enrollment set it: not the officer's to change
            intro.setText(self.tr("Cơ quan báo cáo do Sở khai báo khi đăng ký máy này: «%1». Muốn đổi, hãy liên hệ "
                                  "Sở.").replace("%1", current.name))
            self.name.setEnabled(False)
            self.place.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("&Tên cơ quan:"), self.name)
        form.addRow("", self.official)
        form.addRow(self.tr("Địa &danh:"), self.place)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("&Lưu"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("&Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.save_button.setEnabled(self.name.isEnabled())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 80, self.sizeHint().height())
        self.name.setFocus()

    def _show_official(self, text: str) -> None:
        official = installation.official_agency_name(text)
        self.official.setText(self.tr("In trên báo cáo: «%1»").replace("%1", official)
                              if official and official != " ".join(text.split()) else "")

    def _save(self) -> None:
        try:
            profile: AgencyProfile = installation.declare_agency(self.store, self.name.currentText(),
                                                                 self.place.text())
        except BaocaoError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.declared.emit(profile)
        self.accept()


def open_agency_dialog(parent: QWidget, store: Store) -> AgencyDialog:
    """Show the «Cơ quan báo cáo» dialog (window-modal)."""
    dialog = AgencyDialog(store, parent)
    dialog.open()
    return dialog
