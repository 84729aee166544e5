"""«Giới thiệu»: the program's version and licence, and those of the main components it ships with.

Qt and PySide6 are used under the LGPL v3: the dialog says so and where their sources are, as that licence
asks of a program that ships them.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


@dataclass(frozen=True)
class Component:
    """A third-party part: its distribution name (for the installed version), what it does, its licence."""

    name: str
    distribution: str
    role_vi: str
    role_en: str
    licence: str


COMPONENTS = (
    Component("Qt, PySide6", "PySide6-Essentials", "giao diện, in ấn", "interface, printing",
              "LGPL-3.0 (https://code.qt.io)"),
    Component("SQLCipher (sqlcipher3)", "sqlcipher3", "mã hóa kho dữ liệu", "store encryption",
              "BSD-3-Clause; zlib"),
    Component("SQLAlchemy, Alembic", "SQLAlchemy", "kho dữ liệu", "data store", "MIT"),
    Component("cryptography", "cryptography", "mã hóa, chữ ký của máy", "encryption, the PC's signature",
              "Apache-2.0 / BSD-3-Clause"),
    Component("argon2-cffi", "argon2-cffi", "bảo vệ mật khẩu", "passphrase protection", "MIT"),
    Component("ReportLab", "reportlab", "tạo tệp PDF", "PDF writing", "BSD"),
    Component("pypdfium2 (PDFium)", "pypdfium2", "xem trước và in PDF", "PDF preview and printing",
              "Apache-2.0 / BSD-3-Clause"),
    Component("pyHanko", "pyhanko", "chữ ký số PDF", "PDF digital signatures", "MIT"),
    Component("python-pkcs11", "python-pkcs11", "token ký số", "signing tokens", "MIT"),
    Component("openpyxl", "openpyxl", "bảng tính Excel", "Excel workbooks", "MIT"),
    Component("python-docx", "python-docx", "văn bản Word", "Word documents", "MIT"),
    Component("pdfplumber, python-calamine, xlrd", "pdfplumber", "đọc kế hoạch của tỉnh",
              "reading the province's plans", "MIT; MIT; BSD"),
    Component("httpx", "httpx", "gửi báo cáo qua mạng", "sending over the network", "BSD-3-Clause"),
    Component("Tinos", "", "phông chữ của bản PDF", "the PDF's font", "SIL OFL-1.1"),
)


def installed_version(distribution: str) -> str:
    """The installed version of a distribution ("" when it is not installed, e.g. the font)."""
    if not distribution:
        return ""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


def app_version() -> str:
    """The program's version, from its installed metadata."""
    import desktop

    return str(desktop.__version__)


class AboutDialog(QDialog):
    """The version and the licences."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("Giới thiệu baocao"))
        self.text = QTextBrowser()
        self.text.setObjectName("aboutText")
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(self._html(language))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.fontMetrics().height() * 32)

    def _html(self, language: str) -> str:
        headers = (self.tr("Thành phần"), self.tr("Phiên bản"), self.tr("Dùng để"), self.tr("Giấy phép"))
        purpose = self.tr("Báo cáo nhiệm vụ, chỉ tiêu hằng quý của xã, phường gửi Sở Khoa học và Công nghệ.")
        licence = self.tr("Phần mềm mã nguồn mở, giấy phép MIT.")
        lgpl = self.tr("Qt và PySide6 được dùng theo giấy phép LGPL phiên bản 3: người dùng có quyền thay các thư "
                       "viện này bằng bản khác; mã nguồn của chúng có tại")
        parts = self.tr("Các thành phần chính")
        head = "".join(f"<th>{escape(h)}</th>" for h in headers)
        rows = "".join(f"<tr><td>{escape(c.name)}</td><td>{escape(_versions(c))}</td>"
                       f"<td>{escape(c.role_en if language == 'en' else c.role_vi)}</td>"
                       f"<td>{escape(c.licence)}</td></tr>" for c in COMPONENTS)
        return (f"<h2>baocao {escape(app_version())}</h2><p>{escape(purpose)}</p><p>{escape(licence)}</p>"
                f"<p>{escape(lgpl)} <a href=\"https://code.qt.io\">code.qt.io</a>.</p><h3>{escape(parts)}</h3>"
                f"<table border=\"1\" cellpadding=\"3\" cellspacing=\"0\"><tr>{head}</tr>{rows}</table>")


def _versions(component: Component) -> str:
    """"6.11.3" (Qt's own version first for PySide6, whose wheel may differ)."""
    own = installed_version(component.distribution)
    if component.distribution.startswith("PySide6"):
        return f"Qt {qVersion()} / PySide6 {own}"
    return own


def open_about(parent: QWidget, language: str) -> AboutDialog:
    """Show «Giới thiệu» (not modal to the work: it closes with Đóng or Esc)."""
    dialog = AboutDialog(language, parent)
    dialog.open()
    return dialog
