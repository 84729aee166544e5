"""After an export: say where the file went and offer to open its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def show_exported(parent: QWidget | None, path: Path, next_step: str = "") -> QMessageBox:
    """A non-blocking note with «Mở thư mục» (opens the folder in the file manager) and «Đóng»; ``next_step``
    says what the user does with the file next."""
    said = QCoreApplication.translate("ExportDone", "Đã xuất {0}").format(path)
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("ExportDone", "Đã xuất tệp"),
                      said + ("\n\n" + next_step if next_step else ""), QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("exportedBox")
    folder = box.addButton(QCoreApplication.translate("ExportDone", "&Mở thư mục"),
                           QMessageBox.ButtonRole.ActionRole)
    folder.setObjectName("openFolder")
    box.addButton(QCoreApplication.translate("ExportDone", "Đó&ng"), QMessageBox.ButtonRole.RejectRole)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.finished.connect(lambda _answer: open_folder(path) if box.clickedButton() is folder else None)
    box.open()
    return box


def open_folder(path: Path) -> bool:
    """Show the folder holding ``path`` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
