"""The sentence that explains a period's data window: the figures of a quarterly report are counted over
dates that are not the calendar quarter (e.g. 15/09 to 14/12 for Quý IV), which a newcomer cannot guess."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.services.periods import PeriodView
from desktop.views.formatting import format_date


def data_window_text(period: PeriodView) -> str:
    """ "Số liệu báo cáo tính từ ngày 15/09/2026 đến ngày 14/12/2026 (kỳ lấy số liệu của tỉnh)." """
    return QCoreApplication.translate(
        "DataWindow", "Số liệu báo cáo tính từ ngày {0} đến ngày {1} (kỳ lấy số liệu của tỉnh)."
    ).format(format_date(period.data_start), format_date(period.data_end))
