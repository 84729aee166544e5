"""Numbering by structure: a numbered title-only row over deeper numbering is a group, its number in the keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document

from desktop.documents.plan_workbook import parse_plan_workbook
from tests.documents.plan_fixtures import TASK_HEADER, Sheet, write_workbook

# STT, Nội dung nhiệm vụ, Cơ quan chủ trì, Cơ quan phối hợp, Hạn hoàn thành, Sản phẩm, Ghi chú
ROWS: list[list[Any]] = [
    ["II", "PHÁT TRIỂN HẠ TẦNG SỐ", None, None, None, None, None],
    ["1", "Hạ tầng viễn thông", None, None, None, None, None],
    ["a)", "Phủ sóng 5G các xã", "Sở Khoa học và Công nghệ", "UBND các xã, phường", "Năm 2026", "Báo cáo", None],
    ["b)", "Cáp quang đến thôn", "Sở Khoa học và Công nghệ", None, "Quý IV/2026", None, None],
    ["2", "Hạ tầng dữ liệu", None, None, None, None, None],
    ["a)", "Trung tâm dữ liệu tỉnh", "Văn phòng UBND tỉnh", None, "Năm 2027", None, None],
    ["III", "NHÂN LỰC SỐ", None, None, None, None, None],
    ["1", "Đào tạo kỹ năng số", None, None, None, None, None],
    ["1.1", "Tập huấn cán bộ cấp xã", "Sở Nội vụ", None, "Hằng năm", None, None],
    ["1.2", "Bồi dưỡng chuyên gia", "Sở Nội vụ", None, "Năm 2027", None, None],
    ["2", "Tuyên truyền chuyển đổi số", "Sở Văn hóa, Thể thao và Du lịch", None, "Thường xuyên", None, None],
]
EXPECTED_GROUPS = [{"key": "II.1", "title": "Hạ tầng viễn thông"}, {"key": "II.2", "title": "Hạ tầng dữ liệu"},
                   {"key": "III.1", "title": "Đào tạo kỹ năng số"}]
EXPECTED_TASKS = [  # key, stt, section, title, lead, deadline text
    ("II.1.a", "a", "II", "Phủ sóng 5G các xã", "Sở Khoa học và Công nghệ", "Năm 2026"),
    ("II.1.b", "b", "II", "Cáp quang đến thôn", "Sở Khoa học và Công nghệ", "Quý IV/2026"),
    ("II.2.a", "a", "II", "Trung tâm dữ liệu tỉnh", "Văn phòng UBND tỉnh", "Năm 2027"),
    ("III.1.1", "1.1", "III", "Tập huấn cán bộ cấp xã", "Sở Nội vụ", "Hằng năm"),
    ("III.1.2", "1.2", "III", "Bồi dưỡng chuyên gia", "Sở Nội vụ", "Năm 2027"),
    ("III.2", "2", "III", "Tuyên truyền chuyển đổi số", "Sở Văn hóa, Thể thao và Du lịch", "Thường xuyên"),
]


def _xlsx(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "long-nhau.xlsx", {"PL": Sheet([TASK_HEADER, *ROWS])})


def _docx(tmp_path: Path) -> Path:
    document = Document()
    document.add_paragraph("(Kèm theo Kế hoạch số 77/KH-UBND ngày 2/3/2026 của UBND tỉnh)")
    table = document.add_table(rows=1 + len(ROWS), cols=len(TASK_HEADER))
    for column, label in enumerate(TASK_HEADER):
        table.cell(0, column).text = label
    for row, values in enumerate(ROWS, start=1):
        for column, value in enumerate(values):
            table.cell(row, column).text = value or ""
    path = tmp_path / "long-nhau.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("build", [_xlsx, _docx], ids=["xlsx", "docx"])
def test_group_headings_prefix_their_items(tmp_path: Path, build: Any) -> None:
    parsed = parse_plan_workbook(build(tmp_path)).to_json()
    assert parsed["groups"] == EXPECTED_GROUPS
    assert [s["code"] for s in parsed["sections"]] == ["II", "III"]
    assert [(t["key"], t["stt"], t["section"], t["title"], t["lead"], t["deadline"]["text"])
            for t in parsed["tasks"]] == EXPECTED_TASKS
    assert parsed["tasks"][0]["coordinator_agencies"] == ["UBND các xã, phường"]
    assert parsed["tasks"][0]["result"] == "Báo cáo"
    messages = " ".join(w["message"] for w in parsed["warnings"])
    assert "trùng" not in messages and "không ghi cơ quan chủ trì" not in messages


def test_a_title_only_row_without_sub_items_stays_a_task(tmp_path: Path) -> None:
    rows: list[list[Any]] = [TASK_HEADER, ["I", "THỂ CHẾ", None, None, None, None, None],
                             ["1", "Rà soát văn bản", None, None, None, None, None],
                             ["2", "Ban hành quy chế", "Sở Tư pháp", None, "Năm 2026", None, None]]
    parsed = parse_plan_workbook(write_workbook(tmp_path / "phang.xlsx", {"PL": Sheet(rows)})).to_json()
    assert parsed["groups"] == [] and [t["key"] for t in parsed["tasks"]] == ["I.1", "I.2"]


def test_lettered_items_under_a_task_with_its_own_lead_are_keyed_under_it(tmp_path: Path) -> None:
    rows: list[list[Any]] = [TASK_HEADER, ["II", "HẠ TẦNG SỐ", None, None, None, None, None],
            ["1", "Hạ tầng viễn thông", "Sở Khoa học và Công nghệ", None, "Năm 2026", None, None],
            ["a)", "Phủ sóng 5G các xã", "Sở Khoa học và Công nghệ", None, "Năm 2026", None, None],
            ["b)", "Cáp quang đến thôn", "Sở Khoa học và Công nghệ", None, "Quý IV/2026", None, None],
            ["2", "Hạ tầng dữ liệu", "Văn phòng UBND tỉnh", None, "Năm 2027", None, None],
            ["a)", "Trung tâm dữ liệu tỉnh", "Văn phòng UBND tỉnh", None, "Năm 2027", None, None]]
    parsed = parse_plan_workbook(write_workbook(tmp_path / "co-chu-tri.xlsx", {"PL": Sheet(rows)})).to_json()
    assert parsed["groups"] == []  # "1" and "2" have their own lead: tasks, not headings
    assert [t["key"] for t in parsed["tasks"]] == ["II.1", "II.1.a", "II.1.b", "II.2", "II.2.a"]
    assert not any("trùng" in w["message"] for w in parsed["warnings"])
