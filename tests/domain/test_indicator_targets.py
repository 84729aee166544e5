"""Targets as plans write them, actual values, and meeting the target."""

from __future__ import annotations

import math

import pytest

from desktop.domain.indicator_targets import (
    Target,
    actual_value,
    indicator_kind,
    parse_level,
    parse_target,
)
from desktop.domain.numbers import format_number, parse_number
from desktop.domain.report_snapshot import TASK_STATUSES
from desktop.domain.task_status import STATUSES, UnknownStatus, parse_status, status_label, task_status


@pytest.mark.parametrize(("text", "kind", "value", "levels", "maintain"), [
    ("100%", "ratio", 100.0, (), False),
    ("Duy trì 100%", "ratio", 100.0, (), True),
    ("95%", "ratio", 95.0, (), False),
    ("99,5%", "ratio", 99.5, (), False),
    ("≥ 90%", "ratio", 90.0, (), False),
    ("-", "none", None, (), False),
    ("", "none", None, (), False),
    (None, "none", None, (), False),
    ("Đạt cấp độ 3", "level", 3.0, (3,), False),
    ("Đạt cấp độ 4, 5", "level", 4.0, (4, 5), False),
    ("Cấp độ 2 - 4", "level", 2.0, (2, 3, 4), False),
    ("10 sản phẩm", "count", 10.0, (), False),
    ("1.000 hồ sơ", "count", 1000.0, (), False),
    ("Năm 2027 đạt 50%", "ratio", 50.0, (), False),
    ("Hoàn thành", "text", None, (), False),
])
def test_parse_target(text: str | None, kind: str, value: float | None, levels: tuple[int, ...],
                      maintain: bool) -> None:
    target = parse_target(text)
    assert (target.kind, target.value, target.levels, target.maintain) == (kind, value, levels, maintain)


@pytest.mark.parametrize(("text", "comparison"), [
    ("≥ 90%", ">="), (">= 90%", ">="), ("tối thiểu 90%", ">="), ("không dưới 90%", ">="), ("từ 90% trở lên", ">="),
    ("trên 90%", ">"), ("> 90%", ">"), ("dưới 5%", "<"), ("tối đa 5%", "<="), ("không quá 5%", "<="), ("90%", ">="),
])
def test_parse_target_comparison(text: str, comparison: str) -> None:
    assert parse_target(text).comparison == comparison


@pytest.mark.parametrize(("target", "actual", "meets"), [
    ("100%", 100.0, True), ("100%", 99.99, False), ("100%", 1 / 3 * 300, True),
    ("95%", 95.0, True), ("95%", 94.9, False),
    ("trên 90%", 90.0, False), ("trên 90%", 90.1, True),
    ("dưới 5%", 5.0, False), ("dưới 5%", 4.9, True), ("tối đa 5%", 5.0, True), ("tối đa 5%", 5.1, False),
    ("Đạt cấp độ 3", 2.0, False), ("Đạt cấp độ 3", 3.0, True), ("Đạt cấp độ 3", 5.0, True),
    ("Đạt cấp độ 4, 5", 3.0, False), ("Đạt cấp độ 4, 5", 4.0, True),
    ("10 sản phẩm", 9.0, False), ("10 sản phẩm", 10.0, True),
    ("-", 0.0, None), ("Hoàn thành", 1.0, None), ("100%", None, None), ("100%", math.nan, None),
])
def test_meets(target: str, actual: float | None, meets: bool | None) -> None:
    assert parse_target(target).meets(actual) is meets


def test_equal_comparison() -> None:
    assert Target("x", "count", 3.0, "=").meets(3.0) is True
    assert Target("x", "count", 3.0, "=").meets(3.5) is False


def test_actual_value() -> None:
    assert actual_value("ratio", 45, 50) == 90.0
    assert actual_value("ratio", 1, 0) is None
    assert actual_value("ratio", 1, -2) is None
    assert actual_value("ratio", None, 10) is None
    assert actual_value("ratio", 1e308, 1e-308) is None  # overflows to infinity
    assert actual_value("ratio", "45", "50") == 90.0
    assert actual_value("count", value=7) == 7.0
    assert actual_value("count", value=True) is None
    assert actual_value("level", level="Cấp độ 3") == 3.0
    assert actual_value("level", value=4) == 4.0
    assert actual_value("text", value=4) is None


@pytest.mark.parametrize(("value", "level"), [
    ("3", 3), ("Cấp độ 3", 3), ("Đạt cấp độ 4", 4), ("mức 2", 2), (3, 3), (3.0, 3), (3.5, None), (True, None),
    ("ba", None), (None, None), (-1, None), (101, None), (math.inf, None), ("x" * 100, None),
])
def test_parse_level(value: object, level: int | None) -> None:
    assert parse_level(value) == level


@pytest.mark.parametrize(("name", "targets", "kind"), [
    ("Tỷ lệ DVCTT toàn trình", ("100%",), "ratio"),
    ("Mức độ trưởng thành về quản trị dữ liệu.", ("Đạt cấp độ 3",), "level"),
    ("Số sản phẩm số", (), "count"),
    ("Chỉ tiêu khác", ("-", "10 sản phẩm"), "count"),
    ("Chỉ tiêu khác", ("-",), "text"),
    (None, (), "text"),
])
def test_indicator_kind(name: str | None, targets: tuple[str, ...], kind: str) -> None:
    assert indicator_kind(name, *targets) == kind


@pytest.mark.parametrize(("text", "number"), [
    ("1.250", 1250.0), ("99,5", 99.5), ("99.5", 99.5), (" 40 ", 40.0), ("95 %", 95.0), ("-3", -3.0),
    ("1.234.567,5", 1234567.5), ("abc", None), ("", None), ("1 2", None), (5, None), ("9" * 100, None),
])
def test_parse_number(text: object, number: float | None) -> None:
    assert parse_number(text) == number


def test_format_number() -> None:
    assert format_number(99.5, "vi") == "99,5"
    assert format_number(99.5, "en") == "99.5"
    assert format_number(100.0, "vi") == "100"
    assert format_number(1 / 3, "en") == "0.33"
    assert format_number(math.inf, "en") == "inf"


def test_task_statuses_follow_the_snapshot_codes() -> None:
    assert tuple(s.code for s in STATUSES) == TASK_STATUSES
    assert status_label("done_late", "vi") == "Hoàn thành quá hạn"
    assert status_label("not_done", "en") == "Not done"
    assert task_status("not_done").needs_reason and task_status("done").finished
    with pytest.raises(UnknownStatus):
        task_status("finished")


@pytest.mark.parametrize(("text", "code"), [
    ("done", "done"), ("Hoàn thành", "done"), ("hoan thanh qua han", "done_late"), ("ĐANG TRIỂN KHAI", "in_progress"),
    ("Chưa triển khai", "not_started"), ("Không thực hiện", "not_done"), ("Not started", "not_started"),
    ("Đã hoàn thành.", "done"), ("xong", None), (3, None), (None, None),
])
def test_parse_status(text: object, code: str | None) -> None:
    assert parse_status(text) == code
