"""Signing before the data window opens is said, in the user's language, and only then."""

from __future__ import annotations

from datetime import date

from desktop.domain.early_signing import early_signing
from desktop.domain.periods import Period


def test_a_quarter_signed_before_its_window_opens_is_warned_about() -> None:
    warning = early_signing(Period(2027, 1), date(2026, 12, 2))
    assert warning is not None
    assert warning.days == 13
    assert warning.message("vi") == (
        "Kỳ số liệu Quý I năm 2027 chưa bắt đầu: số liệu tính từ ngày 15/12/2026 đến ngày 14/03/2027, "
        "hôm nay mới là ngày 02/12/2026 (còn 13 ngày nữa). Báo cáo ký bây giờ chưa có số liệu nào của kỳ, "
        "và đã ký thì chỉ sửa được bằng một lần sửa đổi mới. Vẫn ký?")
    assert warning.message("vi") == warning.notice("vi") + " Vẫn ký?"
    assert warning.message("en").endswith("a new revision. Sign all the same?")
    assert warning.message("en").startswith("The data window of Q1 2027 has not started: it runs from 15/12/2026")


def test_no_warning_from_the_first_day_of_the_window_on() -> None:
    assert early_signing(Period(2027, 1), date(2026, 12, 14)) is not None
    assert early_signing(Period(2027, 1), date(2026, 12, 15)) is None
    assert early_signing(Period(2026, 4), date(2026, 12, 2)) is None
    assert early_signing(Period(2026, 4), date(2027, 3, 1)) is None  # late is not early


def test_q4_is_measured_by_its_own_quarter_not_the_year() -> None:
    warning = early_signing(Period(2026, 4), date(2026, 9, 1))
    assert warning is not None and warning.window.start == date(2026, 9, 15)
