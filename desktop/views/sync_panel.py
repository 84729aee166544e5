"""Sync with the province: server address, proxy, enrollment code, "sync now" with progress, and the
history of receipts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.views.worker import Operation, error_text, run_operation


def _sync_service() -> Any:
    # Imported when used: the network client is not needed to open the window.
    from desktop.services import sync

    return sync


def _as_pair(report: Any) -> tuple[int, int]:
    """The (done, total) of a sync progress report, whatever its shape."""
    if isinstance(report, tuple) and len(report) == 2:
        return int(report[0]), int(report[1])
    done = getattr(report, "done", None) or getattr(report, "sent", None) or 0
    total = getattr(report, "total", None) or 0
    return int(done), int(total)


class SyncPanel(QWidget):
    """Settings, enrollment, sync now and receipts; ``synced`` after a sync finished."""

    def __init__(self, store: Store, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.language = store, language
        self.operation: Operation | None = None
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://baocao.sokhcn.gov.vn")
        self.proxy = QLineEdit()
        self.proxy.setPlaceholderText(self.tr("để trống: dùng proxy của hệ thống"))
        self.ca_file = QLineEdit()
        self.save_button = QPushButton(self.tr("&Lưu cài đặt"))
        self.save_button.clicked.connect(self.save_settings)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("mã một lần do Sở cấp"))
        self.enroll_button = QPushButton(self.tr("Đăng &ký với Sở"))
        self.enroll_button.clicked.connect(self.enroll)
        self.sync_button = QPushButton(self.tr("Đồng &bộ ngay"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.clicked.connect(self.sync_now)
        self.state = QLabel()
        self.state.setObjectName("syncState")
        self.state.setWordWrap(True)
        self.receipts = QTreeWidget()
        self.receipts.setObjectName("receiptList")
        self.receipts.setRootIsDecorated(False)
        self.receipts.setHeaderLabels([self.tr("Kỳ"), self.tr("Lần"), self.tr("Trạng thái"), self.tr("Sở nhận lúc"),
                                       self.tr("Ghi chú")])
        self.receipts.header().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        server = QGroupBox(self.tr("Máy chủ của Sở"))
        form = QFormLayout(server)
        for text, field in ((self.tr("Địa &chỉ:"), self.url), (self.tr("&Proxy:"), self.proxy),
                            (self.tr("Tệp &CA:"), self.ca_file)):
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
        actions = QHBoxLayout()
        actions.addWidget(self.sync_button)
        actions.addWidget(self.state, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(server)
        layout.addLayout(actions)
        layout.addWidget(QLabel(self.tr("Biên nhận của Sở")))
        layout.addWidget(self.receipts, 1)

    def refresh(self) -> None:
        """Read settings and receipts again."""
        try:
            sync = _sync_service()
            settings = sync.sync_settings(self.store)
            rows = sync.receipt_history(self.store)
        except (BaocaoError, ImportError) as exc:
            self.state.setText(error_text(exc) if isinstance(exc, BaocaoError)
                               else self.tr("Chức năng đồng bộ chưa có trong bản này."))
            return
        self.url.setText(settings.server_url or "")
        self.proxy.setText(settings.proxy or "")
        self.ca_file.setText(settings.ca_file or "")
        self.enroll_button.setEnabled(not settings.enrolled)
        self.receipts.clear()
        for row in rows:
            message = row.message_en if self.language == "en" else row.message_vi
            self.receipts.addTopLevelItem(QTreeWidgetItem([row.period_code, str(row.revision), row.status or row.state,
                                                           row.received_at or "", message or ""]))

    def save_settings(self) -> None:
        """Keep the server address, proxy and CA file."""
        try:
            _sync_service().save_sync_settings(self.store, self.url.text().strip(), self.proxy.text().strip() or None,
                                               self.ca_file.text().strip() or None)
        except BaocaoError as exc:
            self.state.setText(error_text(exc))
            return
        self.state.setText(self.tr("Đã lưu cài đặt."))

    def enroll(self) -> None:
        """Register this PC with the province using the one-time code."""
        url, code = self.url.text().strip(), self.code.text().strip()
        self.operation = run_operation(
            self, lambda _p, _c: _sync_service().enroll(self.store, url, code), title=self.tr("Đăng ký với Sở"),
            on_success=lambda _profile: (self.state.setText(self.tr("Đã đăng ký.")), self.refresh()),
            cancellable=False)

    def sync_now(self) -> Operation:
        """Pull assignments and push the outbox on a worker, with progress and Cancel."""
        self.sync_button.setEnabled(False)
        self.state.setText(self.tr("Đang đồng bộ…"))

        def work(progress: Any, cancelled: Any) -> Any:
            return _sync_service().sync_now(self.store, progress=lambda report: progress(*_as_pair(report)),
                                            cancelled=cancelled)

        self.operation = run_operation(self, work, title=self.tr("Đồng bộ với Sở"), on_success=self._synced,
                                       on_failure=self._failed)
        return self.operation

    def _synced(self, _outcome: Any) -> None:
        self.sync_button.setEnabled(True)
        self.state.setText(self.tr("Đồng bộ xong."))
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.sync_button.setEnabled(True)
        self.state.setText(error_text(error))
