"""«Nhập biên nhận của Sở…»: the receipt file (.bcr) a commune without a link brings back on USB, taken in
from the window over the service ``baocao receipt import`` uses, and what it says told in a sentence."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.models.store import Store
from desktop.views.file_folders import remember, start_folder
from desktop.views.worker import Operation, run_operation

# The receipt comes back on the stick the export went out on: the dialog opens where the export was saved.
_FOLDER_KIND = ".bcx"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReceiptImport", text)


def choose_receipt(parent: QWidget) -> Path | None:
    """Ask for the receipt file; None when the user closes the dialog."""
    chosen, _ = QFileDialog.getOpenFileName(parent, _tr("Nhập biên nhận của Sở"), str(start_folder(_FOLDER_KIND)),
                                            _tr("Biên nhận của Sở (*.bcr);;Mọi tệp (*)"))
    if not chosen:
        return None
    remember(_FOLDER_KIND, Path(chosen))
    return Path(chosen)


def import_receipt(parent: QWidget, store: Store, language: str, path: Path | None = None,
                   on_taken: Callable[[], None] | None = None) -> Operation | None:
    """Take the receipt in on a worker, then say what it says (a refusal names the file in the error box)."""
    path = path or choose_receipt(parent)
    if path is None:
        return None
    from desktop.services import usb_transfer  # imported when used: not needed to show the window

    def taken(result: usb_transfer.TakenReceipt) -> None:
        show_taken(parent, result.message(language), refused=result.status == "rejected")
        if on_taken is not None:
            on_taken()

    return run_operation(parent, lambda _p, _c: usb_transfer.import_receipt(store, path),
                         title=_tr("Nhập biên nhận của Sở"), on_success=taken, cancellable=False)


def show_taken(parent: QWidget, sentence: str, *, refused: bool) -> QMessageBox:
    """A non-blocking note with what the receipt says and, for a refusal, what to do next."""
    text = _tr("Đã ghi nhận biên nhận của Sở.") + "\n" + sentence
    if refused:
        text += "\n" + _tr("Hãy sửa báo cáo theo lý do trên, ký lại và gửi lần sửa đổi mới (xem mục Đồng bộ).")
    box = QMessageBox(QMessageBox.Icon.Warning if refused else QMessageBox.Icon.Information,
                      _tr("Biên nhận của Sở"), text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("receiptTakenBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.open()
    return box
