"""«Sao lưu dữ liệu…»: the open store copied into one file (it stays encrypted), off the UI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.models.store import Store
from desktop.views.file_folders import remember, start_folder
from desktop.views.worker import Operation, run_operation


def suggested_name(today: date | None = None) -> str:
    """The file name offered: the date says which backup is the newest."""
    return f"sao-luu-baocao-{(today or date.today()).isoformat()}.zip"


def ask_backup_path(parent: QWidget) -> Path | None:
    """Where to write the backup (None when the user cancels the file dialog)."""
    title = QCoreApplication.translate("BackupActions", "Sao lưu dữ liệu")
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder("backup") / suggested_name()),
                                            QCoreApplication.translate("BackupActions",
                                                                       "Tệp sao lưu baocao (*.zip)"))
    if chosen:
        remember("backup", Path(chosen))
    return Path(chosen) if chosen else None


def make_backup(parent: QWidget, store: Store, out: Path, on_done: Any) -> Operation:
    """Write the backup on a worker with progress and Cancel; ``on_done(BackupInfo)`` on the UI thread."""
    from desktop.services.backup import write_backup  # imported when used: not needed to show the window

    return run_operation(parent, lambda progress, cancelled: write_backup(store, out, progress=progress,
                                                                          cancelled=cancelled),
                         title=QCoreApplication.translate("BackupActions", "Đang sao lưu dữ liệu"), on_success=on_done)
