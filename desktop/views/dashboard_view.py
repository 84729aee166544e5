"""The home screen: a late report still owed, the current and the next period as cards (days left, how much
is filled, validation, sync and last receipt) and the overdue tasks; one click opens the work."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import BaocaoError
from desktop.models.store import Store
from desktop.services import dashboard as dashboard_service
from desktop.services.dashboard import Dashboard
from desktop.views.formatting import format_date
from desktop.views.next_step_text import next_step_text
from desktop.views.period_card import PeriodCardView
from desktop.views.plain_items import fill_list
from desktop.views.worker import Operation, error_text, run_operation


class DashboardView(QWidget):
    """Cards and overdue tasks; ``open_period(code)`` and ``open_task(ref)`` ask the window to show work.

    The dashboard validates every report it shows, which takes longer than a UI-thread slot may: it is read
    on a worker, and the view says so (``loaded`` when the cards are shown).
    """

    open_period = Signal(str)
    open_task = Signal(str)
    loaded = Signal()
    refreshing = Signal()  # a read of the cards starts: what they show may have changed

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
        self._card_views: list[PeriodCardView] = []
        self.board: Dashboard | None = None  # the newest dashboard read
        self._shown: Dashboard | None = None  # the one on screen
        self.overdue_title = QLabel()
        self.overdue = QListWidget()
        self.overdue.setObjectName("overdueList")
        self.overdue.setWordWrap(True)
        self.overdue.itemActivated.connect(self._overdue_activated)
        self.overdue.itemDoubleClicked.connect(self._overdue_activated)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.next_step = QLabel()  # one sentence: which report to work on now and what is left on it
        self.next_step.setObjectName("nextStep")
        self.next_step.setWordWrap(True)
        # Room for three lines whatever it says: the sentence grows from one line to two after a sync, and the
        # cards below moved under the pointer of someone about to click «Mở báo cáo».
        self.next_step.setMinimumHeight(3 * self.next_step.fontMetrics().lineSpacing())
        self.next_step.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.problem)
        layout.addWidget(self.next_step)
        layout.addLayout(self.cards)
        layout.addWidget(self.overdue_title)
        layout.addWidget(self.overdue, 1)

    def _overdue_activated(self, item: QListWidgetItem) -> None:
        if self._shown is not None:
            self.open_task.emit(self._shown.overdue[self.overdue.row(item)].ref)  # the list shows them in order

    def refresh(self) -> None:
        """Read the dashboard again from the services, on a worker; the cards are replaced when it answers."""
        self.refreshing.emit()
        if self.operation is not None:
            self._refresh_again = True
            return
        if not self._card_views:
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
        for view in self._card_views:
            view.hide()
        self.overdue.clear()

    def _failed(self, error: BaseException) -> None:
        if self._again():
            return
        self._clear()
        self.board = self._shown = None
        self.heading.setText(self.tr("Chưa sẵn sàng"))
        self.problem.setText(error.message(self.language) if isinstance(error, BaocaoError) else error_text(error))
        self.problem.show()
        self.overdue_title.hide()
        self.overdue.hide()
        self.loaded.emit()

    def _loaded(self, board: Dashboard) -> None:
        if self._again():
            return
        self.board = board
        if self.isVisible():
            self._show(board)
        self.loaded.emit()

    def showEvent(self, event: QShowEvent) -> None:
        # A dashboard that came back while another tab was shown is laid out now: building widgets nobody sees,
        # while the work the user moved on to still runs, only slowed the window.
        if self.board is not None and self._shown is not self.board:
            self._show(self.board)
        super().showEvent(event)

    def marked_period(self) -> str | None:
        """The period of the card marked with the work to do now on screen (None: no card is marked)."""
        step = self._shown.next_step if self._shown is not None else None
        return step.code if step is not None and step.marked else None

    def _show(self, board: Dashboard) -> None:
        self._shown = board
        self.problem.hide()
        self.heading.setText(board.agency_name)
        while len(self._card_views) < len(board.cards):
            view = PeriodCardView(self.language)
            view.open_period.connect(self.open_period)
            self.cards.addWidget(view)
            self._card_views.append(view)
        step = board.next_step
        for n, view in enumerate(self._card_views):
            if n < len(board.cards):
                view.show_card(board.cards[n])
                view.set_next_step(step if step is not None and board.cards[n].period.code == step.code else None)
            view.setVisible(n < len(board.cards))
        self.next_step.setText(next_step_text(board, self.language))
        self.overdue_title.show()
        self.overdue.show()
        self.overdue_title.setText(self.tr("Nhiệm vụ quá hạn ({0})").format(len(board.overdue)))
        roles = {"lead": self.tr("chủ trì"), "coordinator": self.tr("phối hợp")}
        fill_list(self.overdue, [(self.tr("{0} — {1} (hạn {2}; đơn vị mình {3}; cần ghi lý do và thời gian dự kiến "
                                          "hoàn thành mới)").format(task.key, task.title, format_date(task.due),
                                                                    roles.get(task.role, task.role)),
                                  None) for task in board.overdue])
