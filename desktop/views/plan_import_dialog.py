"""Importing a province's plan with a preview: what was read (the sections with their tasks, the indicators
with their targets), the warnings, and what differs from the version already stored, then "Nhập" (store
it) or "Hủy" (store nothing). A file that cannot be read is said in red, with what to do.

The file (.xlsx, .xls, .docx or PDF) is read off the UI thread through ``run_operation``
(``plans.preview_plan``, a dry run); "Nhập" stores exactly what was previewed (``plans.import_preview``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.documents.plan_model import warning_place
from desktop.models.store import Store
from desktop.services import plans
from desktop.services.plans import PlanImport, PlanPreview
from desktop.views.file_folders import remember, start_folder
from desktop.views.formatting import format_date
from desktop.views.worker import Operation, error_text, run_operation

FILE_FILTER = "Kế hoạch (*.xlsx *.xls *.docx *.pdf)"
PLAN_KIND = "plan"  # the plans' own last folder (not the exports')
DEADLINE_CHARS = 20  # the widest «Thời hạn» column, in characters («Năm 2026 - 2030» whole)


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
        self.error = QLabel()
        self.error.setObjectName("planError")
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.tasks = self._tree("planTasks", (self.tr("Số"), self.tr("Nhiệm vụ"), self.tr("Kết quả / sản phẩm"),
                                              self.tr("Chủ trì"), self.tr("Phối hợp"), self.tr("Thời hạn")),
                                (10, 0, 16, 14, 20, 0), title=1)
        self.indicators = self._tree("planIndicators", (
            self.tr("STT"), self.tr("Nhóm"), self.tr("Chỉ tiêu"), self.tr("Đơn vị tính"), self.tr("Mục tiêu"),
            self.tr("Cơ quan chủ trì theo dõi, đánh giá"), self.tr("Phối hợp")), (6, 18, 0, 8, 22, 16, 16), title=2)
        self.indicators.setRootIsDecorated(False)  # a flat list: no branch room before the numbers
        self.content = QTabWidget()
        self.content.setObjectName("planContent")
        self.content.addTab(self.tasks, self.tr("Nhiệm vụ"))
        self.content.addTab(self.indicators, self.tr("Chỉ tiêu"))
        self.changes = QListWidget()
        self.changes.setObjectName("planChanges")
        self.changes.setWordWrap(True)
        self.warnings = QListWidget()
        self.warnings.setObjectName("planWarnings")
        self.warnings.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("&Nhập"))
        self.import_button.setEnabled(False)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(self.tr("&Hủy"), QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self._store)
        self.cancel_button.clicked.connect(self.reject)
        checks = QWidget()
        checks_layout = QVBoxLayout(checks)
        checks_layout.setContentsMargins(0, 0, 0, 0)
        checks_layout.addWidget(QLabel(self.tr("Thay đổi so với bản đã lưu:")))
        checks_layout.addWidget(self.changes)
        checks_layout.addWidget(QLabel(self.tr("Cảnh báo:")))
        checks_layout.addWidget(self.warnings)
        self.parts = parts = QSplitter(Qt.Orientation.Vertical)
        parts.addWidget(self.content)
        parts.addWidget(checks)
        parts.setStretchFactor(0, 4)
        parts.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(parts, 1)
        layout.addWidget(buttons)
        char = self.fontMetrics().averageCharWidth()
        line = self.fontMetrics().height()
        self.resize(char * 150, line * 44)
        parts.setSizes([line * 26, line * 10])  # the content to check gets the room
        self.operation: Operation | None = run_operation(
            self, lambda _p, _c: plans.preview_plan(store, path), title=self.tr("Đang đọc kế hoạch"),
            on_success=self._show, on_failure=self._failed, cancellable=False)

    def _tree(self, name: str, headers: tuple[str, ...], widths: tuple[int, ...], title: int) -> QTreeWidget:
        """A one-line-a-row tree; ``widths`` in characters, the ``title`` column takes the spare width."""
        tree = QTreeWidget()
        tree.setObjectName(name)
        tree.setHeaderLabels(list(headers))
        for n, text in enumerate(headers):  # a narrow column cuts its header: the tooltip gives it whole
            tree.headerItem().setToolTip(n, text)
        # One line a row, a cut cell ends in «…» and its tooltip gives the whole text: a wrapped row cut
        # its second line off without a mark («…(Big Data»).
        tree.setWordWrap(False)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        tree.setIndentation(self.fontMetrics().averageCharWidth() * 2)
        tree.setAlternatingRowColors(True)
        for n, width in enumerate(widths):
            tree.setColumnWidth(n, width * self.fontMetrics().averageCharWidth())
        header = tree.header()
        header.setStretchLastSection(False)  # the deadline column took all the spare width
        header.setSectionResizeMode(title, QHeaderView.ResizeMode.Stretch)
        return tree

    def _fit_keys(self, tree: QTreeWidget, keys: list[str], depth: int) -> None:
        """Make the first column wide enough for the longest key («VIII.27») past the indentation."""
        metrics = tree.fontMetrics()
        widest = max((metrics.horizontalAdvance(key) for key in keys), default=0)
        levels = depth + (1 if tree.rootIsDecorated() else 0)
        tree.setColumnWidth(0, widest + tree.indentation() * levels + metrics.averageCharWidth() * 4)

    def _fit_deadlines(self) -> None:
        """«Thời hạn» as wide as its texts, up to DEADLINE_CHARS (a long condition is cut, its tooltip whole)."""
        column = self.tasks.columnCount() - 1
        most = DEADLINE_CHARS * self.tasks.fontMetrics().averageCharWidth()
        self.tasks.setColumnWidth(column, min(self.tasks.sizeHintForColumn(column), most))

    def _show(self, preview: PlanPreview) -> None:
        self.operation = None
        self.preview = preview
        data, changes = preview.data, preview.changes
        info = data.get("plan", {})
        lines = [self.tr("Kế hoạch %1").replace("%1", preview.plan_code)]
        if info.get("title"):
            lines.append(info["title"])
        if info.get("issued_on"):
            lines.append(self.tr("Ngày ban hành: %1").replace("%1", format_date(info["issued_on"])))
        lines.append(self.tr("Đọc được %1 phần, %2 nhiệm vụ, %3 chỉ tiêu.")
                     .replace("%1", str(len(data["sections"]))).replace("%2", str(len(data["tasks"])))
                     .replace("%3", str(len(data["indicators"]))))
        self.summary.setText("\n".join(lines))
        self._fill_content(data)
        for line in self._change_lines(preview):
            self.changes.addItem(line)
        for warning in data.get("warnings", []):
            self.warnings.addItem(f"[{warning_place(warning)}] {warning['message']}")
        if not data.get("warnings"):
            self.warnings.addItem(self.tr("Không có cảnh báo."))
        self.import_button.setEnabled(not changes.unchanged)
        self.import_button.setFocus()

    def _fill_content(self, data: dict[str, Any]) -> None:
        """The sections with their tasks, and the indicators, as read: what the officer checks before «Nhập»."""
        sections: dict[str, QTreeWidgetItem] = {}
        for section in data["sections"]:
            node = QTreeWidgetItem(self.tasks, [f"{section['code']}. {section['title']}"])
            node.setFirstColumnSpanned(True)
            sections[section["code"]] = node
        for task in data["tasks"]:
            row = [task["key"], task["title"], task.get("result") or "", task.get("lead") or "",
                   task.get("coordinators") or "", task["deadline"]["text"]]
            parent = sections.get(task["section"])
            item = QTreeWidgetItem(row) if parent is None else QTreeWidgetItem(parent, row)
            if parent is None:
                self.tasks.addTopLevelItem(item)
            for n, text in enumerate(row):
                item.setToolTip(n, text)
        self.tasks.expandAll()
        self._fit_keys(self.tasks, [t["key"] for t in data["tasks"]], 1 if sections else 0)
        self._fit_deadlines()
        for indicator in data["indicators"]:
            targets = "; ".join(f"{t['phase']}: {t['text']}" for t in indicator.get("targets", []))
            # The group as the file names it: the sub-heading («Dịch vụ công trực tuyến (DVCTT)») when there
            # is one, else the heading row over the indicators.
            group = indicator.get("area") or indicator.get("group") or ""
            row = [indicator["key"], group, indicator["name"], indicator.get("unit") or "", targets,
                   indicator.get("monitoring_agency") or "", indicator.get("coordinators") or ""]
            item = QTreeWidgetItem(self.indicators, row)
            for n, text in enumerate(row):
                item.setToolTip(n, text)
        self._fit_keys(self.indicators, [i["key"] for i in data["indicators"]], 0)
        self.content.setTabText(0, self.tr("Nhiệm vụ (%1)").replace("%1", str(len(data["tasks"]))))
        self.content.setTabText(1, self.tr("Chỉ tiêu (%1)").replace("%1", str(len(data["indicators"]))))

    def _change_lines(self, preview: PlanPreview) -> list[str]:
        """What storing the file would change, in words: added and dropped items by name, and each changed
        field with its stored and its new text."""
        data, changes = preview.data, preview.changes
        if changes.created:
            return [self.tr("Kế hoạch mới: thêm %1 nhiệm vụ, %2 chỉ tiêu.").replace("%1", str(len(data["tasks"])))
                    .replace("%2", str(len(data["indicators"])))]
        if changes.unchanged:
            return [self.tr("Không có gì thay đổi so với bản đã lưu.")]
        names = {t["key"]: (self.tr("nhiệm vụ"), t["title"]) for t in data["tasks"]}
        names |= {i["key"]: (self.tr("chỉ tiêu"), i["name"]) for i in data["indicators"] if i["key"] not in names}
        for ref, stored in preview.before.items():
            kind, key = ref.split(":", 1)
            names.setdefault(key, (self.tr("nhiệm vụ") if kind == "task" else self.tr("chỉ tiêu"),
                                   stored.get("title") or stored.get("name") or ""))
        lines = []
        for label, keys in ((self.tr("Thêm %1 %2: %3"), changes.added), (self.tr("Bỏ %1 %2: %3"), changes.removed)):
            for key in keys:
                kind, name = names.get(key, ("", ""))
                lines.append(label.replace("%1", kind).replace("%2", key).replace("%3", _short(name)))
        fields = {"title": self.tr("tên nhiệm vụ"), "lead": self.tr("chủ trì"), "coordinators": self.tr("phối hợp"),
                  "deadline": self.tr("thời hạn"), "result": self.tr("kết quả"), "name": self.tr("tên chỉ tiêu"),
                  "unit": self.tr("đơn vị tính"), "targets": self.tr("mục tiêu")}
        for key, name, old, new in preview.differences():
            lines.append(self.tr("Sửa %1, %2: «%3» → «%4»").replace("%1", key).replace("%2", fields[name])
                         .replace("%3", _short(old)).replace("%4", _short(new)))
        return lines

    def _failed(self, error: BaseException) -> None:
        self.operation = None
        self.summary.setText(self.tr("Không đọc được tệp %1; chưa lưu gì.").replace("%1", self.path.name))
        self.error.setText(error_text(error))
        self.error.show()
        self.parts.hide()  # nothing was read: no empty lists under the reason
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
    path, _ = QFileDialog.getOpenFileName(parent, parent.tr("Nhập kế hoạch của tỉnh"), str(start_folder(PLAN_KIND)),
                                          FILE_FILTER)
    if not path:
        return None
    remember(PLAN_KIND, Path(path))
    dialog = PlanImportDialog(store, Path(path), parent)
    dialog.open()
    return dialog


def _short(text: str, limit: int = 90) -> str:
    """A long title cut for one line of the changes list (its whole text is in the content above)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"
