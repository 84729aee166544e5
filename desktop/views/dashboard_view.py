"""The home screen: the current and next periods as cards (days left, how much is filled, validation,
sync and last receipt) and the overdue tasks; one click opens the work."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.services import dashboard as dashboard_service
from desktop.services.dashboard import Dashboard, PeriodCard
from desktop.views.formatting import format_date, format_datetime
from desktop.views.worker import Operation, error_text, run_operation


class DashboardView(QWidget):
    """Cards and overdue tasks; ``open_period(code)`` and ``open_task(ref)`` ask the window to show work.

    The dashboard validates every report it shows, which takes longer than a UI-thread slot may: it is read
    on a worker, and the view says so (``loaded`` when the cards are shown).
    """

    open_period = Signal(str)
    open_task = Signal(str)
    loaded = Signal()

    def __init__(self, store: Store, language: str, today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.language, self.today = store, language, today
        self.operation: Operation | None = None
        self._refresh_again = False
        self.setObjectName("dashboard")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.cards = QHBoxLayout()
        self.overdue_title = QLabel()
        self.overdue = QListWidget()
        self.overdue.setObjectName("overdueList")
        self.overdue.setWordWrap(True)
        self.overdue.itemActivated.connect(lambda item: self.open_task.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.overdue.itemDoubleClicked.connect(lambda item: self.open_task.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.problem)
        layout.addLayout(self.cards)
        layout.addWidget(self.overdue_title)
        layout.addWidget(self.overdue, 1)

    def refresh(self) -> None:
        """Read the dashboard again from the services, on a worker; the cards are replaced when it answers."""
        if self.operation is not None:
            self._refresh_again = True
            return
        if not self.cards.count():
            self.heading.setText(self.tr("Đang tải tổng quan…"))
        store, today = self.store, self.today
        self.operation = run_operation(self, lambda _p, _c: dashboard_service.dashboard(store, today),
                                       title=self.tr("Tổng quan"), on_success=self._loaded,
                                       on_failure=self._failed, dialog=False)

    def is_loading(self) -> bool:
        """Whether a refresh is still on its way."""
        return self.operation is not None

    def _again(self) -> bool:
        self.operation = None
        if self._refresh_again:
            self._refresh_again = False
            self.refresh()
            return True
        return False

    def _clear(self) -> None:
        while self.cards.count():
            widget = self.cards.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.overdue.clear()

    def _failed(self, error: BaseException) -> None:
        if self._again():
            return
        self._clear()
        self.heading.setText(self.tr("Chưa sẵn sàng"))
        self.problem.setText(error.message(self.language) if isinstance(error, BaocaoError) else error_text(error))
        self.problem.show()
        self.overdue_title.hide()
        self.overdue.hide()
        self.loaded.emit()

    def _loaded(self, board: Dashboard) -> None:
        if self._again():
            return
        self._clear()
        self.problem.hide()
        self._show(board)
        self.loaded.emit()

    def _show(self, board: Dashboard) -> None:
        self.heading.setText(board.agency_name)
        for n, card in enumerate(board.cards):
            self.cards.addWidget(self._card(card, current=n == 0))
        self.overdue_title.show()
        self.overdue.show()
        self.overdue_title.setText(self.tr("Nhiệm vụ quá hạn ({0})").format(len(board.overdue)))
        for task in board.overdue:
            item = QListWidgetItem(self.tr("{0} — {1} (hạn {2})").format(task.key, task.title, format_date(task.due)))
            item.setData(Qt.ItemDataRole.UserRole, task.ref)
            self.overdue.addItem(item)

    def _card(self, card: PeriodCard, current: bool) -> QFrame:
        frame = QFrame()
        frame.setObjectName(f"card_{card.period.code}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        period = card.period
        title = QLabel(f"<b>{period.label_en if self.language == 'en' else period.label_vi}</b>")
        if period.days_left >= 0:
            due = self.tr("Hạn nộp {0}: còn {1} ngày").format(format_date(period.deadline), period.days_left)
        else:
            due = self.tr("Hạn nộp {0}: đã quá {1} ngày").format(format_date(period.deadline), -period.days_left)
        due_label = QLabel(due)
        due_label.setWordWrap(True)
        if period.days_left < 0 or (current and period.days_left <= 7):
            due_label.setStyleSheet("color: #b00020; font-weight: bold;")
        bar = QProgressBar()
        bar.setValue(card.percent_filled)
        bar.setFormat(self.tr("Đã nhập {0}/{1} mục").format(card.filled, card.total))
        grid = QGridLayout(frame)
        grid.addWidget(title, 0, 0, 1, 2)
        grid.addWidget(due_label, 1, 0, 1, 2)
        grid.addWidget(bar, 2, 0, 1, 2)
        rows = [
            (self.tr("Tình trạng:"), self._status(card)),
            (self.tr("Kiểm tra:"), self.tr("{0} lỗi, {1} cảnh báo").format(card.errors, card.warnings)
             if card.revision else "—"),
            (self.tr("Gửi Sở:"), self._sync(card)),
        ]
        for n, (name, value) in enumerate(rows, start=3):
            grid.addWidget(QLabel(name), n, 0)
            shown = QLabel(value)
            shown.setWordWrap(True)
            grid.addWidget(shown, n, 1)
        button = QPushButton(self.tr("Mở &báo cáo") if current else self.tr("Mở báo cáo &kỳ sau"))
        button.setObjectName(f"open_{period.code}")
        button.clicked.connect(lambda: self.open_period.emit(period.code))
        grid.addWidget(button, len(rows) + 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        return frame

    def _status(self, card: PeriodCard) -> str:
        names = {"not_started": self.tr("Chưa bắt đầu"), "draft": self.tr("Đang soạn"),
                 "approved": self.tr("Đã phê duyệt"), "signed": self.tr("Đã ký"), "sent": self.tr("Đã gửi"),
                 "acknowledged": self.tr("Sở đã nhận")}
        shown = names.get(card.status, card.status)
        return self.tr("{0} (lần {1})").format(shown, card.revision) if card.revision else shown

    def _sync(self, card: PeriodCard) -> str:
        if card.sync_state is None:
            return self.tr("Chưa có gì để gửi")
        if card.receipt_at is not None:
            return self.tr("Sở đã nhận lúc {0}").format(format_datetime(card.receipt_at))
        names = {"new": self.tr("Chờ gửi"), "uploading": self.tr("Đang gửi"), "committed": self.tr("Chờ biên nhận"),
                 "needs_attention": self.tr("Cần xử lý")}
        return names.get(card.sync_state, card.sync_state)
