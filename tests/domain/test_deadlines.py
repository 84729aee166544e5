"""Deadline texts of the three reference plans (and common variants) parsed into kind, due date, note."""

from __future__ import annotations

import pytest

from desktop.domain.deadlines import parse_deadline


@pytest.mark.parametrize(("text", "kind", "due", "note"), [
    # seed 000 (An Giang)
    ("Trước ngày 30/5/2025", "date", "2025-05-30", None),
    ("Quý II/2025", "quarter", "2025-06-30", None),
    ("Quý III/2025", "quarter", "2025-09-30", None),
    ("Thường xuyên", "recurring", None, None),
    ("Theo hướng dẫn của Bộ, ngành trung ương", "conditional", None, None),
    # seed 001 (Đồng Tháp, 1012)
    ("Quý II năm 2025", "quarter", "2025-06-30", None),
    ("Tháng 12 năm 2025", "month", "2025-12-31", None),
    ("Tháng 12/2025", "month", "2025-12-31", None),
    ("Theo lộ trình của Văn phòng Chính phủ", "conditional", None, None),
    # seed 003 (Đồng Tháp, 3256)
    ("Tháng 12/2026", "month", "2026-12-31", None),
    ("Tháng 01/2026", "month", "2026-01-31", None),
    ("Tháng 6/2026", "month", "2026-06-30", None),
    ("Năm 2026 - 2030", "range", "2030-12-31", None),
    ("Năm 2026", "year", "2026-12-31", None),
    ("Khi Khung hướng dẫn đánh giá được ban hành", "conditional", None, None),
    # variants seen elsewhere
    ("31/12/2025", "date", "2025-12-31", None),
    ("31/12/2025 (Đã hoàn thành; tiếp tục triển khai thực hiện)", "date", "2025-12-31",
     "(Đã hoàn thành; tiếp tục triển khai thực hiện)"),
    ("ngày 15 tháng 7 năm 2026", "date", "2026-07-15", None),
    ("Tháng 2/2028", "month", "2028-02-29", None),
    ("Quý IV/2025", "quarter", "2025-12-31", None),
    ("Quý 1/2026", "quarter", "2026-03-31", None),
    ("2026-2030", "range", "2030-12-31", None),
    ("Giai đoạn 2026-2030", "range", "2030-12-31", None),
    ("Từ năm 2026 đến năm 2030", "range", "2030-12-31", None),
    ("Hằng năm", "recurring", None, None),
    ("Hàng năm", "recurring", None, None),
    ("Định kỳ hằng quý", "recurring", None, None),
    ("Trước ngày 20/02 hằng năm", "recurring", None, None),
    ("Quý II/2025; Quý IV/2025", "quarter", "2025-06-30", "Quý IV/2025"),
    ("Khi có yêu cầu", "conditional", None, None),
    ("", "none", None, None),
])
def test_kinds(text: str, kind: str, due: str | None, note: str | None) -> None:
    deadline = parse_deadline(text)
    assert deadline.to_dict() == {"text": text, "kind": kind, "due": due, "note": note}


def test_text_is_kept_verbatim_nfc_and_stripped() -> None:
    deadline = parse_deadline("  Qu\u00fd II/2025 \n")
    assert deadline.text == "Quý II/2025"
    decomposed = parse_deadline("Tha\u0301ng 6/2025")
    assert (decomposed.text, decomposed.kind, decomposed.due) == ("Tháng 6/2025", "month", "2025-06-30")


def test_impossible_date_is_not_a_date() -> None:
    assert parse_deadline("31/2/2025").kind == "conditional"


def test_due_date_property() -> None:
    assert str(parse_deadline("Quý III/2025").due_date) == "2025-09-30"
    assert parse_deadline("Thường xuyên").due_date is None
