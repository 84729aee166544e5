"""The dashboard's sentence that says which report to work on now and what is left on it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.next_step import DONE, EARLY, FILL
from desktop.services.dashboard import Dashboard
from desktop.views.formatting import format_date

translate = QCoreApplication.translate


def next_step_text(board: Dashboard, language: str) -> str:
    """"Việc cần làm bây giờ: … báo cáo Quý I/2027 …" for ``board`` ("" when there is no current period)."""
    step = board.next_step
    card = next((c for c in board.cards if step is not None and c.period.code == step.code), None)
    if step is None or card is None:
        return ""
    period = card.period
    label = period.label_en if language == "en" else period.label_vi
    if step.action == DONE:
        return translate("NextStep", "Báo cáo {0} đã gửi và Sở đã nhận. Chưa có việc cần làm.").format(label)
    if step.action == FILL and step.late:
        return translate("NextStep", "Việc cần làm ngay: báo cáo {0} đã quá hạn; hãy hoàn thành, ký và gửi Sở.").format(
            label)
    if step.action in (FILL, EARLY):
        text = translate("NextStep", "Việc cần làm bây giờ: hoàn thành, ký và gửi báo cáo {0}, hạn nộp trước ngày "
                         "{1}; số liệu tính từ ngày {2} đến ngày {3}.").format(
            label, format_date(period.deadline), format_date(period.data_start), format_date(period.data_end))
        if step.action == EARLY:
            text += " " + translate("NextStep", "Kỳ số liệu chưa bắt đầu: có thể soạn trước, nhưng nên ký khi đã có "
                                    "đủ số liệu.")
        return text
    if board.revoked:  # the export too would be refused: the way out is a new enrollment
        return translate("NextStep", "Việc cần làm bây giờ: báo cáo {0} đã ký, nhưng máy này đã bị Sở thu hồi nên Sở "
                         "không nhận gì gửi từ máy này, kể cả tệp USB. Hãy xin Sở mã đăng ký mới và đăng ký lại ở "
                         "mục Đồng bộ, rồi mở lần sửa đổi mới và ký lại.").format(label)
    return translate("NextStep", "Việc cần làm bây giờ: báo cáo {0} đã ký, đang chờ gửi Sở. Ứng dụng tự gửi khi có "
                     "kết nối (mục Đồng bộ); không có mạng thì dùng Tệp → Xuất tệp mã hóa gửi Sở.").format(label)
