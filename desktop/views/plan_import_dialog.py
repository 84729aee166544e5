"""Importing a province's plan with a preview: what was read, the warnings, and the differences with the
version already stored, then "Nhập" (store it) or "Hủy" (store nothing).

The file (.xlsx, .xls, .docx or PDF) is read off the UI thread through ``run_operation``
(``plans.preview_plan``, a dry run); "Nhập" stores exactly what was previewed (``plans.import_preview``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.plan_model import warning_place
from desktop.models.store import Store
from desktop.services import plans
from desktop.services.plans import PlanImport, PlanPreview
from desktop.views.file_folders import remember, start_folder
from desktop.views.worker import Operation, run_operation

FILE_FILTER = "Kế hoạch (*.xlsx *.xls *.docx *.pdf)"


class PlanImportDialog(QDialog):
    """Preview of one plan file; ``imported`` carries the PlanImport once stored."""

    imported = Signal(object)

    def __init__(self, store: Store, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planImportDialog")
        self.store, self.path = store, path
        self.preview: PlanPreview | None = None
        self.result_import: PlanImport | None = None
        self.setWindowTitle(self.tr("Nhập kế hoạch: %1").replace("%1", path.name))
        self.summary = QLabel(self.tr("Đang đọc %1…").replace("%1", path.name))
        self.summary.setWordWrap(True)
        self.changes = QListWidget()
        self.changes.setObjectName("planChanges")
        self.warnings = QListWidget()
        self.warnings.setObjectName("planWarnings")
        buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Nhập"))
        self.import_button.setEnabled(False)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("&Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self._store)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Thay đổi so với bản đã lưu:")))
        layout.addWidget(self.changes)
        layout.addWidget(QLabel(self.tr("Cảnh báo:")))
        layout.addWidget(self.warnings)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.operation: Operation | None = run_operation(
            self, lambda _p, _c: plans.preview_plan(store, path), title=self.tr("Đang đọc kế hoạch"),
            on_success=self._show, on_failure=self._failed, cancellable=False)

    def _show(self, preview: PlanPreview) -> None:
        self.operation = None
        self.preview = preview
        data, changes = preview.data, preview.changes
        info = data.get("plan", {})
        lines = [self.tr("Kế hoạch %1").replace("%1", preview.plan_code)]
        if info.get("title"):
            lines.append(info["title"])
        if info.get("issued_on"):
            lines.append(self.tr("Ngày ban hành: %1").replace("%1", info["issued_on"]))
        lines.append(self.tr("Đọc được %1 mục, %2 nhiệm vụ, %3 chỉ tiêu.")
                     .replace("%1", str(len(data["sections"]))).replace("%2", str(len(data["tasks"])))
                     .replace("%3", str(len(data["indicators"]))))
        self.summary.setText("\n".join(lines))
        if changes.created:
            self.changes.addItem(self.tr("Kế hoạch mới: thêm %1 mục.").replace("%1", str(len(changes.added))))
        elif changes.unchanged:
            self.changes.addItem(self.tr("Không có gì thay đổi so với bản đã lưu."))
        else:
            for label, keys in ((self.tr("Thêm"), changes.added), (self.tr("Bỏ"), changes.removed),
                                (self.tr("Sửa"), changes.changed)):
                for key in keys:
                    self.changes.addItem(f"{label}: {key}")
        for warning in data.get("warnings", []):
            self.warnings.addItem(f"[{warning_place(warning)}] {warning['message']}")
        self.import_button.setEnabled(not changes.unchanged)
        self.import_button.setFocus()

    def _failed(self, error: BaseException) -> None:
        self.operation = None
        self.summary.setText(str(error))
        self.import_button.setEnabled(False)
        self.cancel_button.setFocus()

    def _store(self) -> None:
        if self.preview is None:
            return
        preview = self.preview
        self.import_button.setEnabled(False)
        self.operation = run_operation(self, lambda _p, _c: plans.import_preview(self.store, preview),
                                       title=self.tr("Đang lưu kế hoạch"), on_success=self._stored,
                                       on_failure=self._failed, cancellable=False)

    def _stored(self, result: PlanImport) -> None:
        self.operation = None
        self.result_import = result
        self.imported.emit(result)
        self.accept()


def open_plan_import(parent: QWidget, store: Store) -> PlanImportDialog | None:
    """Ask for a plan file and open its preview (None when the user chose no file)."""
    path, _ = QFileDialog.getOpenFileName(parent, parent.tr("Nhập kế hoạch của tỉnh"), str(start_folder("plan")),
                                          FILE_FILTER)
    if not path:
        return None
    remember("plan", Path(path))
    dialog = PlanImportDialog(store, Path(path), parent)
    dialog.open()
    return dialog
