"""Evidence (minh chứng) of the selected task or indicator: attach by dialog or drag and drop, list,
save a copy and open it, remove. Files stream into the store on a worker with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.file_kinds import can_run, kind_label
from desktop.models.store import Store
from desktop.services import evidence
from desktop.views.file_folders import open_files, save_file
from desktop.views.formatting import format_size
from desktop.views.worker import Operation, run_operation, show_error


class EvidencePanel(QWidget):
    """The evidence list of one item; ``changed(kind, ref, count)`` after an attach or a removal."""

    changed = Signal(str, str, int)

    def __init__(self, store: Store, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.language = store, language
        self.period_code = ""
        self.label = ""
        self.kind = ""
        self.ref = ""
        self.editable = False
        self.last_operation: Operation | None = None
        self.reading: Operation | None = None  # the list being read for the owner shown
        self._shown = 0  # counts the owners shown: a list read for an earlier one is not shown
        self._queue: list[Path] = []
        self.setAcceptDrops(True)
        self.title = QLabel(self.tr("Minh chứng"))
        self.title.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("evidenceList")
        self.list.setHeaderLabels([self.tr("Tệp"), self.tr("Loại"), self.tr("Dung lượng")])
        self.list.setRootIsDecorated(False)
        # A long file name keeps its start and its extension; the full name is the row's tooltip.
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setStretchLastSection(False)
        self.list.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.attach_button = QPushButton(self.tr("Đính &kèm…"))
        self.attach_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(self.tr("&Lưu bản sao và mở…"))
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(self.tr("&Gỡ bỏ"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.hint = QLabel()
        self.hint.setObjectName("evidenceHint")
        self.hint.setWordWrap(True)
        # Two rows: in one, the three buttons made the side panel a third of a 1366-pixel screen at 150 %.
        buttons = QGridLayout()
        buttons.addWidget(self.attach_button, 0, 0)
        buttons.addWidget(self.remove_button, 0, 1)
        buttons.addWidget(self.open_button, 1, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self._refresh_buttons()

    def set_owner(self, period_code: str, kind: str, ref: str, label: str, editable: bool) -> None:
        """Show the evidence of one item, its list read on a worker (the window keeps answering while a
        validation or a sync holds the store); a list read for an earlier owner is dropped."""
        self.period_code, self.kind, self.ref, self.editable = period_code, kind, ref, editable
        self.label = label
        self._set_title(None)
        self._shown += 1
        self.list.clear()
        self._refresh_buttons()
        if not ref:
            self.reading = None
            return
        asked, store = self._shown, self.store

        def read(_progress: object, _cancelled: object) -> list[evidence.EvidenceInfo]:
            return evidence.list_evidence(store, period_code, kind, ref)

        def arrived(infos: list[evidence.EvidenceInfo]) -> None:
            if asked == self._shown:
                self.reading = None
                self._fill(infos)

        self.reading = run_operation(self, read, title=self.tr("Minh chứng"), on_success=arrived,
                                     on_failure=lambda error: self._read_failed(asked, error), dialog=False)

    def _read_failed(self, asked: int, error: BaseException) -> None:
        if asked == self._shown:
            self.reading = None
            show_error(self, error, self.tr("Minh chứng"))

    def reload(self) -> None:
        """Read the list again from the store, here (after an attach or a removal: the count is told at once)."""
        self._shown += 1
        self.reading = None
        self._fill(evidence.list_evidence(self.store, self.period_code, self.kind, self.ref) if self.ref else [])

    def _fill(self, infos: list[evidence.EvidenceInfo]) -> None:
        self.list.clear()
        for info in infos:
            row = QTreeWidgetItem([info.name, kind_label(info.name, self.language),
                                   format_size(info.size, self.language)])
            row.setData(0, 256, info.id)
            row.setToolTip(0, f"{info.name}\nSHA-256 {info.sha256}")
            self.list.addTopLevelItem(row)
        self._set_title(len(infos) if self.ref else None)
        self._refresh_buttons()

    def _set_title(self, files: int | None) -> None:
        """«Minh chứng (2 tệp) — mục 1»: «Minh chứng: 1» read like a count of files."""
        title = self.tr("Minh chứng (%Ln tệp)", "", files) if files is not None else self.tr("Minh chứng")
        if self.label:  # an item's key, or a dash and a hint when no item is chosen
            title += " — " + self.tr("mục {0}").format(self.label) if self.label[:1].isalnum() else " " + self.label
        self.title.setText(title)

    def _refresh_buttons(self) -> None:
        has_owner = bool(self.ref)
        self.attach_button.setEnabled(has_owner and self.editable)
        self.remove_button.setEnabled(has_owner and self.editable and self.list.topLevelItemCount() > 0)
        self.open_button.setEnabled(self.list.topLevelItemCount() > 0)
        self.hint.setText(self.tr("Kéo thả tệp vào đây để đính kèm.") if self.editable or not has_owner else
                          self.tr("Lần đã ký: minh chứng chỉ xem được."))

    # attach ----------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        """Pick files in a dialog and attach them."""
        self.attach_files(open_files(self, "evidence", self.tr("Chọn tệp minh chứng")))

    def attach_files(self, paths: list[Path]) -> None:
        """Attach files one after another, each streamed on a worker with progress and Cancel."""
        if not (self.ref and self.editable):
            return
        self._queue.extend(paths)
        if self.last_operation is None:
            self._attach_next()

    def _attach_next(self) -> None:
        if not self._queue:
            self.last_operation = None
            return
        path = self._queue.pop(0)
        period, kind, ref = self.period_code, self.kind, self.ref
        self.last_operation = run_operation(
            self, lambda progress, cancelled: evidence.attach_evidence(
                self.store, period, kind, ref, path, progress=progress, cancelled=cancelled),
            title=self.tr("Đang đính kèm {0}").format(path.name), on_success=lambda _info: self._attached(),
            on_failure=self._attach_failed)

    def _attached(self) -> None:
        self.reload()
        self.changed.emit(self.kind, self.ref, self.list.topLevelItemCount())
        self._attach_next()

    def _attach_failed(self, error: BaseException) -> None:
        self._queue.clear()
        self.last_operation = None
        show_error(self, error, self.tr("Đính kèm minh chứng"))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.editable and self.ref and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [p for p in paths if p.is_file()]
        if files:
            event.acceptProposedAction()
            self.attach_files(files)

    # selected file ---------------------------------------------------------------------------------
    def _selected_id(self) -> tuple[int, str] | None:
        row = self.list.currentItem() or self.list.topLevelItem(0)
        return (int(row.data(0, 256)), row.text(0)) if row is not None else None

    def open_selected(self) -> None:
        """Save a copy where the user chooses (the store keeps files encrypted) and open it."""
        chosen = self._selected_id()
        if chosen is None:
            return
        evidence_id, name = chosen
        if can_run(name):
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Tệp có thể chạy chương trình"),
                              self.tr("«{0}» là chương trình hoặc tập lệnh: mở nó có thể chạy mã độc trên máy này. "
                                      "Vẫn lưu bản sao và mở?").format(name),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
            box.setObjectName("confirmOpenProgram")
            box.setDefaultButton(QMessageBox.StandardButton.No)
            yes = box.button(QMessageBox.StandardButton.Yes)
            box.finished.connect(lambda _a: self._save_and_open(evidence_id, name) if box.clickedButton() is yes
                                 else None)
            box.open()
            return
        self._save_and_open(evidence_id, name)

    def _save_and_open(self, evidence_id: int, name: str) -> None:
        target = save_file(self, "evidence-copy", self.tr("Lưu bản sao minh chứng"), name, "")
        if target is None:
            return
        try:
            saved = evidence.save_evidence_copy(self.store, evidence_id, Path(target))
        except Exception as exc:
            show_error(self, exc, self.tr("Lưu bản sao minh chứng"))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(saved)))

    def remove_selected(self) -> None:
        """Remove the selected file after a confirmation."""
        chosen = self._selected_id()
        if chosen is None or not self.editable:
            return
        evidence_id, name = chosen
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Gỡ minh chứng"),
                          self.tr("Gỡ tệp «{0}» khỏi báo cáo?").format(name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmRemoveEvidence")
        yes = box.button(QMessageBox.StandardButton.Yes)
        box.finished.connect(lambda _answer: self._remove(evidence_id) if box.clickedButton() is yes else None)
        box.open()

    def _remove(self, evidence_id: int) -> None:
        try:
            evidence.remove_evidence(self.store, self.period_code, evidence_id)
        except Exception as exc:
            show_error(self, exc, self.tr("Gỡ minh chứng"))
            return
        self.reload()
        self.changed.emit(self.kind, self.ref, self.list.topLevelItemCount())
