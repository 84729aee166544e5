"""The plan browser's search and filters: diacritics ignored, each filter narrows, nothing else does."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.item_filter import (
    ItemFilter,
    filter_indicators,
    filter_tasks,
    is_overdue,
    query_words,
    section_order,
    sections,
)


@dataclass
class Task:
    key: str
    title: str
    role: str = "lead"
    section: str = "I"
    section_title: str = "CHÍNH QUYỀN SỐ"
    lead: str = "UBND các xã, phường"
    coordinators: str = "Sở Khoa học và Công nghệ"
    deadline_text: str = "Thường xuyên"
    deadline_kind: str = "recurring"
    due: str | None = None
    expected_result: str | None = None
    status: str | None = None
    plan: str = "3256/QĐ-UBND"


@dataclass
class Indicator:
    key: str
    name: str
    group: str = "Dịch vụ số"
    unit: str = "%"
    role: str = "coordinator"
    plan: str = "3256/QĐ-UBND"


TASKS = [
    Task("I.1", "Triển khai chuyển đổi số trong cơ quan nhà nước"),
    Task("I.2", "Đào tạo kỹ năng số cho người dân", role="coordinator", due="2026-06-30", deadline_kind="date",
         deadline_text="30/6/2026"),
    Task("II.1", "Xây dựng Kho dữ liệu dùng chung", section="II", section_title="DỮ LIỆU SỐ", due="2026-12-31",
         deadline_kind="year", deadline_text="Năm 2026", status="done"),
    Task("II.2", "Đường truyền số liệu chuyên dùng", section="II", section_title="DỮ LIỆU SỐ", due="2026-03-31",
         deadline_kind="quarter", deadline_text="Quý I/2026", status="in_progress"),
]


def keys(rows: list[Task] | list[Indicator]) -> list[str]:
    return [r.key for r in rows]


def test_search_without_diacritics_finds_vietnamese_text() -> None:
    assert keys(filter_tasks(TASKS, ItemFilter(text="chuyen doi so"))) == ["I.1"]
    assert keys(filter_tasks(TASKS, ItemFilter(text="CHUYỂN ĐỔI SỐ"))) == ["I.1"]


def test_search_d_with_stroke_matches_plain_d() -> None:
    assert keys(filter_tasks(TASKS, ItemFilter(text="duong truyen"))) == ["II.2"]


def test_all_words_must_match_in_any_order_and_field() -> None:
    assert keys(filter_tasks(TASKS, ItemFilter(text="du lieu dung chung"))) == ["II.1"]
    assert keys(filter_tasks(TASKS, ItemFilter(text="dung chung nguoi dan"))) == []


def test_search_covers_key_and_agency_text() -> None:
    assert keys(filter_tasks(TASKS, ItemFilter(text="II.1"))) == ["II.1"]
    assert len(filter_tasks(TASKS, ItemFilter(text="khoa hoc cong nghe"))) == len(TASKS)


def test_empty_filter_keeps_everything_in_order() -> None:
    assert keys(filter_tasks(TASKS, ItemFilter())) == ["I.1", "I.2", "II.1", "II.2"]
    assert keys(filter_tasks(TASKS, ItemFilter(text="   "))) == ["I.1", "I.2", "II.1", "II.2"]


def test_role_section_and_deadline_kind_filters() -> None:
    assert keys(filter_tasks(TASKS, ItemFilter(role="coordinator"))) == ["I.2"]
    assert keys(filter_tasks(TASKS, ItemFilter(section="II"))) == ["II.1", "II.2"]
    assert keys(filter_tasks(TASKS, ItemFilter(deadline_kind="quarter"))) == ["II.2"]
    assert keys(filter_tasks(TASKS, ItemFilter(section="II", role="coordinator"))) == []


def test_overdue_means_dated_past_and_unfinished() -> None:
    today = date(2026, 7, 1)
    assert keys(filter_tasks(TASKS, ItemFilter(overdue_on=today))) == ["I.2", "II.2"]
    assert not is_overdue(TASKS[2], date(2027, 1, 1))  # done tasks are never overdue
    assert not is_overdue(TASKS[0], today)  # recurring: no date
    assert not is_overdue(Task("X", "x", due="not a date"), today)


def test_indicators_filter_by_text_and_role() -> None:
    rows = [Indicator("1", "Tỷ lệ hồ sơ trực tuyến toàn trình"), Indicator("2", "Số điểm phát sóng wifi", unit="điểm",
                                                                     role="lead")]
    assert keys(filter_indicators(rows, ItemFilter(text="ho so truc tuyen"))) == ["1"]
    assert keys(filter_indicators(rows, ItemFilter(role="lead"))) == ["2"]
    assert keys(filter_indicators(rows, ItemFilter(text="diem"))) == ["2"]


def test_sections_are_distinct_in_order() -> None:
    assert sections(TASKS) == [("3256/QĐ-UBND", "I", "CHÍNH QUYỀN SỐ"), ("3256/QĐ-UBND", "II", "DỮ LIỆU SỐ")]


def test_sections_follow_each_plans_numbering_and_never_mix_plans() -> None:
    rows = [Task("III.1", "a", section="III", plan="A"), Task("IV.1", "b", section="IV", plan="A"),
            Task("I.1", "c", section="I", plan="A"), Task("IX.1", "d", section="IX", plan="A"),
            Task("X.1", "e", section="X", plan="A"), Task("II.1", "f", section="II", plan="B"),
            Task("I.1", "g", section="I", plan="B")]
    assert [(p, c) for p, c, _t in sections(rows)] == [("A", "I"), ("A", "III"), ("A", "IV"), ("A", "IX"),
                                                       ("A", "X"), ("B", "I"), ("B", "II")]
    assert keys(filter_tasks(rows, ItemFilter(plan="B", section="I"))) == ["I.1"]
    assert filter_tasks(rows, ItemFilter(plan="B", section="I"))[0].title == "g"
    assert section_order("II.10") > section_order("II.3")


def test_query_is_bounded() -> None:
    assert len(" ".join(query_words("a " * 10_000))) <= 200

