"""Signing a report before its period's data window opens: allowed (the province may ask for an early
report), but never without saying so, because the report then holds no figure of the period yet.

The window is the quarter's own (Nghị định 09/2019: Q1 2027 runs from 15/12/2026 to 14/03/2027); the six-month
and full-year figures of Q2 and Q4 open earlier, so the quarter's window is the one that opens last.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.periods import DataWindow, Period, format_date
from desktop.i18n import current_language


@dataclass(frozen=True)
class EarlySigning:
    """A signature asked for ``days`` days before ``window`` opens."""

    period: Period
    window: DataWindow
    today: date

    @property
    def days(self) -> int:
        """Days from today to the window's first day."""
        return (self.window.start - self.today).days

    def notice(self, language: str | None = None) -> str:
        """What signing now means, as a statement (shown in the approval dialog)."""
        if (language or current_language()) == "en":
            return (f"The data window of {self.period.label('en')} has not started: it runs "
                    f"{self.window.label('en')}, and today is {format_date(self.today)} ({self.days} day(s) "
                    "before it opens). A report signed now holds none of the period's figures, and a "
                    "signed report can only be changed by a new revision.")
        return (f"Kỳ số liệu {self.period.label('vi')} chưa bắt đầu: số liệu tính {self.window.label('vi')}, "
                f"hôm nay mới là ngày {format_date(self.today)} (còn {self.days} ngày nữa). Báo cáo ký bây giờ "
                "chưa có số liệu nào của kỳ, và đã ký thì chỉ sửa được bằng một lần sửa đổi mới.")

    def message(self, language: str | None = None) -> str:
        """The notice and the question the user answers before signing."""
        english = (language or current_language()) == "en"
        return self.notice(language) + (" Sign all the same?" if english else " Vẫn ký?")


def early_signing(period: Period, today: date) -> EarlySigning | None:
    """The warning due when ``period`` is signed on ``today`` (None once its data window has opened)."""
    window = period.data_window
    return EarlySigning(period, window, today) if today < window.start else None


def due_before_window_ends(last_day: date, window_end: date) -> bool:
    """Whether a report is due before its data window ends: the province's plan asks for Q4 with the full-year
    figures before 01/12 while the window runs to 14/12, so the figures from the day of signing to the end of
    the window are estimates («số ước thực hiện»), which the home screen says next to the two dates."""
    return last_day < window_end
