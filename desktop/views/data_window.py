"""The sentence that explains a period's data window: the figures of a quarterly report are counted over
dates that are not the calendar quarter (e.g. 15/09 to 14/12 for Quý IV), which a newcomer cannot guess."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.early_signing import due_before_window_ends
from desktop.services.periods import PeriodView
from desktop.views.formatting import format_date


def data_window_text(period: PeriodView) -> str:
    """ "Số liệu báo cáo tính từ ngày 15/09/2026 đến ngày 14/12/2026 (kỳ lấy số liệu của tỉnh)." """
    return QCoreApplication.translate(
        "DataWindow", "Số liệu báo cáo tính từ ngày {0} đến ngày {1} (kỳ lấy số liệu của tỉnh)."
    ).format(format_date(period.data_start), format_date(period.data_end))


def early_text(period: PeriodView) -> str:
    """ "Chưa đến kỳ số liệu (bắt đầu 15/12/2026): có thể soạn trước, chưa nên ký." """
    return QCoreApplication.translate(
        "DataWindow", "Chưa đến kỳ số liệu (bắt đầu {0}): có thể soạn trước, chưa nên ký."
    ).format(format_date(period.data_start))


def estimate_text(period: PeriodView) -> str:
    """Why the deadline falls before the data window ends, and what that makes of the last weeks' figures
    ("" when it does not)."""
    if not due_before_window_ends(period.last_day, period.data_end):
        return ""
    return QCoreApplication.translate(
        "DataWindow", "Sở yêu cầu gửi trước khi kỳ số liệu kết thúc; số liệu từ ngày ký đến ngày {0} là số ước "
        "thực hiện."
    ).format(format_date(period.data_end))
