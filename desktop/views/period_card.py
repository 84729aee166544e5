"""One period on the dashboard: deadline and days left, how much is filled, status, validation, what the
province received, and the button into its report.

A card is built once and refreshed in place: widgets made from Python cost the UI thread a GIL hand-over for
each of their virtual methods the first time Qt lays them out or paints them, which a dashboard rebuilt on
every refresh paid again while its worker's successors were still computing.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.domain.issue_tally import IssueTally
from desktop.domain.next_step import EARLY, SEND, UNSIGNED, NextStep, drafting_early
from desktop.services.dashboard import PeriodCard
from desktop.views.data_window import data_window_text, early_text, estimate_text
from desktop.views.formatting import format_date, format_datetime
from desktop.views.issue_counts import tally_text

URGENT_STYLE = "color: #b00020; font-weight: bold;"
URGENT_DAYS = 7
MARK_STYLE = "background: #0b5cad; color: white; font-weight: bold; padding: 2px 6px; border-radius: 3px;"


def signed_late(card: PeriodCard) -> bool:
    """Whether the card's report was signed after its last on-time day."""
    return card.signed_on is not None and card.signed_on > card.period.last_day


class PeriodCardView(QFrame):
    """Shows one ``PeriodCard``; ``open_period(code)`` when its button is pressed."""

    open_period = Signal(str)

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.code = ""
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel()
        self.mark = QLabel()  # "Cần làm bây giờ" on the one card the user should work on
        self.mark.setObjectName("nextStepMark")
        self.mark.setStyleSheet(MARK_STYLE)
        self.mark.hide()
        self.due = QLabel()
        self.due.setWordWrap(True)
        self.window_line = QLabel()  # the dates the figures are counted over, which the deadline does not say
        self.window_line.setObjectName("dataWindow")
        self.window_line.setWordWrap(True)
        self.early = QLabel()  # the data window has not opened: draft, do not sign yet
        self.early.setObjectName("earlyDraft")
        self.early.setWordWrap(True)
        # The count sits beside the bar, not printed over it: on the bar it read half white on the filled
        # part and half black on the rest («Đã nhập 24/40 |mục»).
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.filled = QLabel()
        self.filled.setObjectName("filledCount")
        self.status, self.check, self.sync = QLabel(), QLabel(), QLabel()
        self.signature_name, self.signature = QLabel(self.tr("Ký số:")), QLabel()
        self.signature.setObjectName("signatureResult")
        self.button = QPushButton()
        self.button.clicked.connect(lambda: self.open_period.emit(self.code))
        grid = QGridLayout(self)
        grid.addWidget(self.title, 0, 0, 1, 1)
        grid.addWidget(self.mark, 0, 1, 1, 1)
        grid.addWidget(self.due, 1, 0, 1, 2)
        grid.addWidget(self.window_line, 2, 0, 1, 2)
        grid.addWidget(self.early, 3, 0, 1, 2)
        progress = QHBoxLayout()
        progress.addWidget(self.bar, 1)
        progress.addWidget(self.filled)
        grid.addLayout(progress, 4, 0, 1, 2)
        for row, (name, value) in enumerate(((self.tr("Tình trạng:"), self.status), (self.tr("Kiểm tra:"), self.check),
                                             (self.tr("Gửi Sở:"), self.sync)), start=5):
            grid.addWidget(QLabel(name), row, 0)
            value.setWordWrap(True)
            grid.addWidget(value, row, 1)
        self.signature.setWordWrap(True)
        grid.addWidget(self.signature_name, 8, 0)
        grid.addWidget(self.signature, 8, 1)
        grid.addWidget(self.button, 9, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    def show_card(self, card: PeriodCard) -> None:
        """Show ``card`` (this widget may have shown another period before)."""
        period = card.period
        self.code = period.code
        self.setObjectName(f"card_{period.code}")
        self.title.setText(f"<b>{period.label_en if self.language == 'en' else period.label_vi}</b>")
        # The deadline is "trước ngày …": on that day the report is already late. The last on-time day is
        # shown too, so that the days counted from it read right ("ngày cuối 30/11", on 02/12: 2 days late).
        due = self.tr("Hạn nộp trước ngày {0} (ngày cuối {1})").format(format_date(period.deadline),
                                                                      format_date(period.last_day))
        if card.role == "received":
            pass
        elif card.signed_on is not None:
            due += self._signed(card)
        elif period.days_left > 0:
            due += self.tr(": còn %n ngày", "", period.days_left)
        elif period.days_left == 0:
            due += self.tr(": hôm nay là ngày cuối")
        else:
            due += self.tr(": đã quá hạn %n ngày", "", -period.days_left)
        self.due.setText(due)
        # Said of a report being worked on: on the next period's empty card the two lines were only noise.
        started = card.revision is not None and card.role != "received"
        estimate = estimate_text(period) if started else ""
        self.window_line.setText(data_window_text(period) + (" " + estimate if estimate else ""))
        early = started and drafting_early(card.status, period.data_start, period.today)
        self.early.setText(early_text(period) if early else "")
        self.early.setVisible(early)
        urgent = card.role != "received" and (signed_late(card) if card.signed_on is not None else (
            period.days_left < 0 or (card.role == "current" and period.days_left <= URGENT_DAYS)))
        self.due.setStyleSheet(URGENT_STYLE if urgent else "")
        if card.revision is None:
            self.bar.setValue(0)
            self.filled.setText(self.tr("Chưa có báo cáo kỳ này"))
        else:
            self.bar.setValue(card.percent_filled)
            self.filled.setText(self.tr("Đã nhập {0}/{1} mục").format(card.filled, card.total))
        self.status.setText(self._status(card))
        self.check.setText(tally_text(IssueTally(card.unanswered, card.errors, card.warnings)) if card.revision
                           else "—")
        self.sync.setText(self._sync(card))
        signature = self._signature(card.signature)
        self.signature.setText(signature)
        self.signature_name.setVisible(bool(signature))
        self.signature.setVisible(bool(signature))
        # A late report signed and waiting to be sent is not «quá hạn» to open: its lateness was fixed when signed.
        role = "received" if card.role == "overdue" and card.status not in UNSIGNED else card.role
        self.button.setText({"overdue": self.tr("Mở báo cáo &quá hạn"), "current": self.tr("&Mở báo cáo"),
                             "received": self.tr("Mở báo cá&o kỳ trước")}.get(role, self.tr("Mở báo cáo &kỳ sau")))
        self.button.setObjectName(f"open_{period.code}")

    def set_next_step(self, step: NextStep | None) -> None:
        """Mark this card with what is to be done on it now, ``step`` being this card's (None: clear the mark)."""
        marked = step is not None and step.marked
        if step is not None:
            self.mark.setText({SEND: self.tr("Cần gửi Sở"), EARLY: self.tr("Có thể soạn trước")}.get(
                step.action, self.tr("Cần làm bây giờ")))
        self.mark.setVisible(marked)
        self.setStyleSheet("PeriodCardView { border: 2px solid #0b5cad; }" if marked else "")

    def _signed(self, card: PeriodCard) -> str:
        """A signed report's lateness is fixed on the day it was signed, not counted on while it waits to be
        sent: one signed on time is not late, whatever today is."""
        signed_on = card.signed_on or card.period.last_day
        late = (signed_on - card.period.last_day).days
        if late > 0:
            text = self.tr(": đã ký ngày {0}, muộn %n ngày", "", late).format(format_date(signed_on))
        else:
            text = self.tr(": đã ký đúng hạn ngày {0}").format(format_date(signed_on))
        waiting = card.receipt_at is None and card.status != "acknowledged"
        return text + (self.tr(", chờ gửi Sở") if waiting else "")

    def _status(self, card: PeriodCard) -> str:
        names = {"not_started": self.tr("Chưa bắt đầu"), "draft": self.tr("Đang soạn"),
                 "approved": self.tr("Đã phê duyệt"), "signed": self.tr("Đã ký"), "sent": self.tr("Đã gửi"),
                 "acknowledged": self.tr("Sở đã nhận")}
        shown = names.get(card.status, card.status)
        return self.tr("{0} (lần {1})").format(shown, card.revision) if card.revision else shown

    def _signature(self, result: str | None) -> str:
        """The province's word on the report's digitally signed PDF (empty: none was sent)."""
        names = {"complete": self.tr("Sở công nhận đủ chữ ký số (người ký và cơ quan)"),
                 "partly": self.tr("Sở công nhận chữ ký của người ký; chưa có chữ ký số của cơ quan"),
                 "untrusted": self.tr("Sở không công nhận: chứng thư không thuộc gốc Sở tin cậy (xem mục Đồng bộ)"),
                 "invalid": self.tr("Sở không công nhận: chữ ký số không hợp lệ (xem mục Đồng bộ)"),
                 "pending": self.tr("Tệp PDF đã ký chờ gửi Sở")}
        return names.get(result or "", "")

    def _sync(self, card: PeriodCard) -> str:
        if card.sync_state is None:
            return self.tr("Chưa có gì để gửi")
        if card.receipt_at is not None:
            return self.tr("Sở đã nhận lúc {0}").format(format_datetime(card.receipt_at))
        names = {"new": self.tr("Chờ gửi"), "uploading": self.tr("Đang gửi"), "committed": self.tr("Chờ biên nhận"),
                 "needs_attention": self.tr("Cần xử lý")}
        shown = names.get(card.sync_state, card.sync_state)
        if card.sync_revision is not None:  # the draft on screen has not been signed: the earlier one waits
            return self.tr("Lần {0} đã ký: {1}").format(card.sync_revision, shown.lower())
        return shown
