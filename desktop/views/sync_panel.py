"""Sync with the province: server address, proxy, enrollment code, "sync now" with its progress and Cancel,
what became of each bundle in the last run, and the history of receipts."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.periods import period_name
from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.services.sync_status import Enrollment, enrollment, open_conflicts
from desktop.views.formatting import format_date, format_datetime, format_size
from desktop.views.receipt_detail import ReceiptDetail, note_item
from desktop.views.receipt_import import import_receipt
from desktop.views.worker import Operation, error_text, run_operation


def _received(text: str | None) -> str:
    """A receipt's ISO time as dd/mm/yyyy hh:mm in local time."""
    if not text:
        return ""
    try:
        return format_datetime(datetime.fromisoformat(text))
    except ValueError:
        return format_date(text)


class _LatestProgress:
    """The newest ``SyncProgress`` from the worker; the UI reads it when a (throttled) progress signal arrives."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value: Any = None

    def set(self, value: Any) -> None:
        with self._lock:
            self._value = value

    def get(self) -> Any:
        with self._lock:
            return self._value


class SyncPanel(QWidget):
    """Settings, enrollment, sync now and receipts; ``refreshed`` once settings and receipts are shown,
    ``synced(text)`` when a sync the user started has finished (the text says what it did);
    ``conflict(period_code)`` when the user asks to answer a revision conflict from the province's copy;
    ``receipt_taken`` once a receipt file brought back on USB is recorded."""

    refreshed = Signal()
    synced = Signal(str)
    conflict = Signal(str)
    receipt_taken = Signal()

    def __init__(self, store: Store, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.language = store, language
        self.operation: Operation | None = None
        self.loading: Operation | None = None
        self._refresh_again = False
        self._latest = _LatestProgress()
        self._rows: dict[str, Any] = {}
        self.last_outcomes: list[Any] = []
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://baocao.sokhcn.gov.vn")
        self.proxy = QLineEdit()
        self.proxy.setPlaceholderText(self.tr("để trống: dùng proxy của hệ thống"))
        self.ca_file = QLineEdit()
        self.save_button = QPushButton(self.tr("&Lưu cài đặt"))
        self.save_button.setObjectName("saveSyncSettings")
        self.save_button.clicked.connect(self.save_settings)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("mã một lần do Sở cấp"))
        self.enroll_button = QPushButton(self.tr("Đăng &ký với Sở"))
        self.enroll_button.setObjectName("enrollNow")
        self.enroll_button.clicked.connect(self.enroll)
        self.enrolled = QLabel()  # "Máy này đã đăng ký với Sở, báo cáo cho …; khóa của Sở: …"
        self.enrolled.setObjectName("enrolledAs")
        self.enrolled.setWordWrap(True)
        self.enrolled.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrolled.hide()
        self.sync_button = QPushButton(self.tr("Đồng bộ &ngay"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button = QPushButton(self.tr("&Dừng"))
        self.cancel_button.setObjectName("syncCancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.receipt_button = QPushButton(self.tr("Nhập b&iên nhận của Sở…"))
        self.receipt_button.setObjectName("importReceipt")
        self.receipt_button.setToolTip(self.tr("Tệp biên nhận (.bcr) Sở trả lại khi nhận tệp mã hóa gửi bằng USB"))
        self.receipt_button.clicked.connect(lambda: self.import_receipt())
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.state.setWordWrap(True)
        self.outcomes = self._tree("outcomeList", [self.tr("Kỳ"), self.tr("Lần"), self.tr("Kết quả"),
                                                   self.tr("Ghi chú")])
        self.receipts = self._tree("receiptList", [self.tr("Kỳ"), self.tr("Lần"), self.tr("Trạng thái"),
                                                   self.tr("Sở nhận lúc"), self.tr("Ghi chú")])
        self.receipts.currentItemChanged.connect(self._selected)
        self.detail = ReceiptDetail()
        self.detail.resend.connect(self.resend_document)
        self.outcome_title = QLabel(self.tr("Kết quả lần đồng bộ vừa rồi"))
        self.outcome_title.hide()
        self.outcomes.hide()
        self.conflict_period = ""
        self.conflict_button = QPushButton()
        self.conflict_button.setObjectName("resolveConflict")
        self.conflict_button.clicked.connect(lambda: self.conflict.emit(self.conflict_period))
        self.conflict_button.hide()
        server = QGroupBox(self.tr("Máy chủ của Sở"))
        form = QFormLayout(server)
        # The CA file is for the HTTPS connection only; the roots digital signatures chain to are elsewhere
        # («Cài đặt › Ký số»), and the two were confused.
        self.ca_file.setPlaceholderText(self.tr("để trống: dùng chứng thư HTTPS của hệ thống"))
        self.ca_file.setToolTip(self.tr("Tệp chứng thư (PEM) của CA đã cấp chứng thư HTTPS cho máy chủ của Sở, chỉ "
                                        "khi Sở dặn dùng. Đây không phải chứng thư gốc để kiểm tra chữ ký số: "
                                        "chứng thư gốc ký số ở «Cài đặt › Ký số (token USB)»."))
        for text, field in ((self.tr("Địa c&hỉ:"), self.url), (self.tr("&Proxy:"), self.proxy),
                            (self.tr("CA kết nối HTTPS (tệp P&EM):"), self.ca_file)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow(self.save_button)
        enroll = QHBoxLayout()
        code_label = QLabel(self.tr("&Mã đăng ký:"))
        code_label.setBuddy(self.code)
        enroll.addWidget(code_label)
        enroll.addWidget(self.code, 1)
        enroll.addWidget(self.enroll_button)
        form.addRow(enroll)
        form.addRow(self.enrolled)
        actions = QHBoxLayout()
        actions.addWidget(self.sync_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.receipt_button)
        layout = QVBoxLayout(self)
        layout.addWidget(server)
        layout.addLayout(actions)
        layout.addWidget(self.state)
        layout.addWidget(self.outcome_title)
        layout.addWidget(self.outcomes)
        layout.addWidget(self.conflict_button)
        layout.addWidget(QLabel(self.tr("Biên nhận của Sở")))
        layout.addWidget(self.receipts, 1)
        layout.addWidget(self.detail)

    @staticmethod
    def _tree(name: str, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName(name)
        tree.setRootIsDecorated(False)
        tree.setHeaderLabels(headers)
        # A refusal's reason is long: the note wraps within its column instead of being cut.
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)
        tree.header().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        char = tree.fontMetrics().averageCharWidth()
        for n, width in enumerate((9, 6, 22, 18)[:len(headers) - 1]):
            tree.setColumnWidth(n, max(width, len(headers[n]) + 3) * char)
        return tree

    @staticmethod
    def _fit_columns(tree: QTreeWidget) -> None:
        """Widen each column but the last (which stretches) to its longest text: "02/12/2026 07:32" whole."""
        for column in range(tree.columnCount() - 1):
            tree.setColumnWidth(column, max(tree.columnWidth(column), tree.sizeHintForColumn(column) + 12))

    # settings and receipts -------------------------------------------------------------------------
    def refresh(self) -> Operation:
        """Read settings and receipts again, on a worker (receipts are verified against the province key)."""
        if self.loading is not None:
            self._refresh_again = True
            return self.loading

        def work(_progress: Any, _cancelled: Any) -> tuple[Any, Any, Enrollment | None, list[str]]:
            from desktop.services import sync  # imported when used: the network client is not needed to open
            settings = sync.sync_settings(self.store)
            try:
                enrolled = enrollment(self.store)
            except BaocaoError:
                enrolled = None
            try:
                return settings, sync.receipt_history(self.store), enrolled, open_conflicts(self.store)
            except BaocaoError as exc:
                return settings, exc, enrolled, []

        self.loading = run_operation(self, work, title=self.tr("Đồng bộ với Sở"), on_success=self._loaded,
                                     on_failure=self._load_failed, dialog=False)
        return self.loading

    def _again(self) -> bool:
        self.loading = None
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()
            return True
        return False

    def _load_failed(self, error: BaseException) -> None:
        if self._again():
            return
        self.state.setText(error_text(error))
        self.refreshed.emit()

    def _loaded(self, loaded: tuple[Any, Any, Enrollment | None, list[str]]) -> None:
        if self._again():
            return
        settings, rows, enrolled, conflicts = loaded
        self.url.setText(settings.server_url or "")
        self.proxy.setText(settings.proxy or "")
        self.ca_file.setText(settings.ca_file or "")
        self._show_enrollment(enrolled)
        self.receipts.clear()
        if isinstance(rows, BaocaoError):
            if self.operation is None:
                self.state.setText(error_text(rows))
            rows = []
        self._rows = {row.bundle_id: row for row in rows}
        for row in rows:
            message = row.message_en if self.language == "en" else row.message_vi
            state = self._receipt_state(row.status or row.state)
            if row.kind == "signed_document":
                state = self._document_state(row.verdict, state)
            self.receipts.addTopLevelItem(note_item([period_name(row.period_code, self.language), str(row.revision),
                                                     state, _received(row.received_at), message or ""],
                                                    message or ""))
        self._fit_columns(self.receipts)
        self._select_first_refusal(rows)
        if self.last_outcomes:
            self._show_outcomes(self.last_outcomes)  # now with each bundle's period and revision
        self._offer_conflict(conflicts)
        self.refreshed.emit()

    def _select_first_refusal(self, rows: list[Any]) -> None:
        """Select the newest row that needs the user, so that its whole reason and action show at once."""
        index = next((n for n, row in enumerate(rows) if row.state == "needs_attention"), None)
        item = self.receipts.topLevelItem(index) if index is not None else None
        if item is None:
            self.detail.show_row(None, "")
        else:
            self.receipts.setCurrentItem(item)

    def _selected(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        index = self.receipts.indexOfTopLevelItem(current) if current is not None else -1
        rows = list(self._rows.values())
        row = rows[index] if 0 <= index < len(rows) else None
        self.detail.show_row(row, current.text(4) if current is not None and row is not None else "")

    def resend_document(self, document_id: str) -> Operation | None:
        """Queue the refused signed PDF again and sync now (the province judges it again if its roots changed)."""
        from desktop.services.signed_documents import resend_document

        if self.operation is not None:
            return None
        try:
            resend_document(self.store, document_id)
        except BaocaoError as exc:
            self.state.setText(error_text(exc))
            return None
        return self.sync_now()

    def _show_enrollment(self, enrolled: Enrollment | None) -> None:
        """Say that this PC is enrolled, for which agency, and the province key it pinned (to compare by phone);
        the code field is for a first enrollment only."""
        revoked = enrolled is not None and enrolled.revoked is not None
        self.code.setEnabled(enrolled is None or revoked)
        self.enroll_button.setEnabled(enrolled is None or revoked)
        self.enrolled.setVisible(enrolled is not None)
        if enrolled is not None and enrolled.revoked is not None:
            self.code.setPlaceholderText(self.tr("mã đăng ký mới do Sở cấp"))
            self.enrolled.setText(enrolled.revoked[self.language == "en"] + "\n" + self.tr(
                "Nhập mã đăng ký mới của Sở rồi bấm «Đăng ký với Sở»: máy sẽ tạo khóa mới và đăng ký lại."))
        elif enrolled is not None:
            self.code.setPlaceholderText(self.tr("không cần: máy này đã đăng ký"))
            self.enrolled.setText(self.tr(
                "Máy này đã đăng ký với Sở, báo cáo cho {0} ({1}).\n"
                "Gọi điện cho Sở để đối chiếu các mã này trước khi dùng (khác là phải dừng):\n"
                "Mã kiểm tra khóa ký của Sở (ký biên nhận): {2}\n"
                "Mã kiểm tra khóa nhận tệp mã hóa: {3}\n"
                "Mã kiểm tra khóa nhận tệp mã hóa (lai): {4}").format(
                enrolled.agency_name, enrolled.agency_code, *enrolled.province_fingerprints))

    def _receipt_state(self, state: str) -> str:
        names = {"accepted": self.tr("Sở đã nhận"), "rejected": self.tr("Sở từ chối"), "new": self.tr("Chờ gửi"),
                 "uploading": self.tr("Đang gửi"), "committed": self.tr("Chờ biên nhận"),
                 "receipted": self.tr("Sở đã nhận"), "needs_attention": self.tr("Cần xử lý")}
        return names.get(state, state)

    def _document_state(self, verdict: str | None, state: str) -> str:
        """The state of a signed PDF sent to the province: its verdict once the receipt came back."""
        names = {"valid": self.tr("Ký số: hợp lệ"), "invalid": self.tr("Ký số: KHÔNG hợp lệ"),
                 "untrusted": self.tr("Ký số: chứng thư không được Sở tin cậy")}
        return names.get(verdict or "", self.tr("Văn bản ký số: %1").replace("%1", state))

    def save_settings(self) -> None:
        """Keep the server address, proxy and CA file."""
        from desktop.services import sync

        try:
            sync.save_sync_settings(self.store, self.url.text().strip(), self.proxy.text().strip() or None,
                                    self.ca_file.text().strip() or None)
        except BaocaoError as exc:
            self.state.setText(error_text(exc))
            return
        self.state.setText(self.tr("Đã lưu cài đặt."))

    def enroll(self) -> None:
        """Register this PC with the province using the one-time code."""
        from desktop.services import sync

        url, code = self.url.text().strip(), self.code.text().strip()
        self.operation = run_operation(
            self, lambda _p, _c: sync.enroll(self.store, url, code), title=self.tr("Đăng ký với Sở"),
            on_success=self._enrolled, on_failure=self._failed, cancellable=False)

    def _enrolled(self, enrolled: Any) -> None:
        self.operation = None
        self.code.clear()
        if enrolled.revoked is None or enrolled.advice is None:
            self.state.setText(self.tr("Đã đăng ký."))
        else:
            self.state.setText(self.tr("Đã đăng ký lại với khóa mới; khóa cũ của máy vẫn bị Sở thu hồi.") + " "
                               + enrolled.advice[self.language == "en"])
        if enrolled.replaced:
            names = ", ".join(f"«{name}»" for name in enrolled.replaced)
            self.state.setText(self.state.text() + " " + self.tr(
                "Sở đã thu hồi máy cũ của cơ quan: {0}; từ nay Sở chỉ nhận báo cáo từ máy này.").format(names))
        if enrolled.missing_history:
            self.state.setText(self.state.text() + " " + self.tr(
                "Sở có {0} báo cáo cũ của cơ quan mà máy này chưa có: việc tiếp theo là «Công cụ › Khôi phục lịch sử "
                "báo cáo từ Sở…».").format(enrolled.missing_history))
        self.refresh()

    def import_receipt(self, path: Path | None = None) -> Operation | None:
        """Take in the receipt file brought back on USB (asked for when ``path`` is None); the list follows."""
        def taken() -> None:
            self.refresh()
            self.receipt_taken.emit()

        return import_receipt(self, self.store, self.language, path, taken)

    # sync ------------------------------------------------------------------------------------------
    def sync_now(self) -> Operation:
        """Pull assignments and push the outbox on a worker; progress and Stop in the panel."""
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.state.setText(self.tr("Đang kết nối với Sở…"))
        latest = self._latest
        latest.set(None)

        from desktop.services import sync

        def work(progress: Any, cancelled: Any) -> Any:
            def told(report: Any) -> None:
                latest.set(report)
                progress(report.bytes_done, report.bytes_total)

            return sync.sync_now(self.store, progress=told, cancelled=cancelled)

        self.operation = run_operation(self, work, title=self.tr("Đồng bộ với Sở"), on_success=self._synced,
                                       on_failure=self._failed, dialog=False)
        self.operation.on_progress(self._progressed)
        return self.operation

    def cancel(self) -> None:
        """Stop the running sync after the current chunk; what was sent is kept for the next run."""
        if self.operation is not None:
            self.operation.cancel()
            self.cancel_button.setEnabled(False)
            self.state.setText(self.tr("Đang dừng…"))

    def _progressed(self, _done: int, _total: int) -> None:
        report = self._latest.get()
        if report is None or (self.operation is not None and self.operation.is_cancelled()):
            return
        if report.phase == "uploading" and report.bytes_total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(round(1000 * report.bytes_done / report.bytes_total))
            self.state.setText(self.tr("Đang gửi gói {0}/{1}: {2} / {3}").format(
                min(report.bundle_index + 1, report.bundle_count), report.bundle_count,
                format_size(report.bytes_done, self.language), format_size(report.bytes_total, self.language)))
        elif report.phase == "checking":
            self.state.setText(self.tr("Đang hỏi Sở đã nhận những gói nào ({0} gói chờ gửi)…").format(
                report.bundle_count))

    def _finish(self) -> None:
        self.operation = None
        self.sync_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.hide()

    def _synced(self, outcome: Any) -> None:
        self._finish()
        report = outcome.report
        counts = [report.with_outcome(name) for name in ("receipted", "already_received")]
        text = self.tr("Đồng bộ xong: %Ln gói gửi đi, Sở đã nhận {0}.", "", len(report.outcomes)).format(
            len(counts[0]) + len(counts[1]))
        if outcome.plans:
            text += " " + self.tr("Có nhiệm vụ mới từ Sở: {0}.").format(", ".join(outcome.plans))
        if report.stopped_by is not None:
            text += " " + report.stopped_by.message(self.language)
        if outcome.missing_history:
            text += " " + self.tr("Sở có {0} báo cáo cũ của cơ quan mà máy này chưa có; hãy khôi phục lịch sử (menu "
                                  "Công cụ › «Khôi phục lịch sử báo cáo từ Sở…»).").format(outcome.missing_history)
        self.state.setText(text)
        self._show_outcomes(report.outcomes)
        self.refresh()
        self.synced.emit(text)

    def _show_outcomes(self, outcomes: list[Any]) -> None:
        self.outcomes.clear()
        self.last_outcomes = list(outcomes)
        names = {"receipted": self.tr("Sở đã nhận"), "already_received": self.tr("Sở đã có từ trước"),
                 "needs_attention": self.tr("Sở từ chối: cần xử lý"), "deferred": self.tr("Chưa gửi được, sẽ thử lại"),
                 "cancelled": self.tr("Đã dừng")}
        for outcome in outcomes:
            row = self._rows.get(outcome.bundle_id)
            message = outcome.message_en if self.language == "en" else outcome.message_vi
            self.outcomes.addTopLevelItem(note_item([
                period_name(row.period_code, self.language) if row else outcome.bundle_id[:8],
                str(row.revision) if row else "",
                names.get(outcome.outcome, outcome.outcome), message or ""], message or ""))
        self._fit_columns(self.outcomes)
        self.outcome_title.setVisible(bool(outcomes))
        self.outcomes.setVisible(bool(outcomes))

    def _offer_conflict(self, periods: list[str]) -> None:
        """The way out of a revision conflict, for as long as the store says one waits (after a restart too,
        and no longer once revision N+1 is open: the last sync's outcomes alone do not bring it back)."""
        self.conflict_period = periods[0] if periods else ""
        self.conflict_button.setText(self.tr("Mở lần sửa đổi mới của kỳ {0} từ bản Sở đang giữ…").format(
            period_name(self.conflict_period, self.language)))
        self.conflict_button.setVisible(bool(periods))

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self.state.setText(error_text(error))

